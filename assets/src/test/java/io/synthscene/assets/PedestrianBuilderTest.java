package io.synthscene.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PedestrianBuilderTest {
    /** The figure's height must match the requested height this closely (metres). */
    private static final float HEIGHT_TOLERANCE_METERS = 0.01f;
    private static final float EPS = 1e-4f;

    private static PedestrianParams walker(double height, double armSwing, double legStride) {
        return new PedestrianParams(height, 0.25, 0.47, 0.065, armSwing, legStride, 0.3, 0.4);
    }

    @ParameterizedTest
    @CsvSource({"1.75, 0, 0", "1.6, 30, 30", "1.9, -30, -30", "1.2, 15, -25"})
    void figureStandsOnTheGroundAndIsExactlyItsHeight(double height, double armSwing, double legStride) {
        Mesh figure = new PedestrianBuilder().build(walker(height, armSwing, legStride));
        float[] b = figure.bounds();
        assertThat(b[1]).as("lowest point").isCloseTo(0f, within(EPS));
        assertThat(b[4]).as("top of the head").isCloseTo((float) height, within(HEIGHT_TOLERANCE_METERS));
        MeshAssertions.assertWellFormed(figure);
    }

    @Test
    void partsAreTrousersClothesAndSkin() {
        Mesh figure = new PedestrianBuilder().build(walker(1.75, 10, 10));
        assertThat(figure.parts()).extracting(MeshPart::slot).containsExactlyInAnyOrder("trousers", "clothes", "skin");
        assertThat(part(figure, "clothes").fixedMaterial()).as("clothes take the object's material").isNull();
        assertThat(part(figure, "trousers").fixedMaterial()).isEqualTo(new Material(new Rgb(0.4, 0.4, 0.4), 0.85));
    }

    @Test
    void positiveStrideStepsTheLeftLegForwardAndTheRightLegBack() {
        MeshPart legs = part(new PedestrianBuilder().build(walker(1.75, 0, 25)), "trousers");
        float leftFootZ = lowestVertex(legs, true).z;
        float rightFootZ = lowestVertex(legs, false).z;
        // Foot about leg length * sin(25 deg) = 0.82 * 0.42 = 0.35 m in front of or behind the hip.
        assertThat(leftFootZ).isGreaterThan(0.3f);
        assertThat(rightFootZ).isLessThan(-0.3f);
    }

    @Test
    void standingStillKeepsLegsAndArmsVertical() {
        Mesh figure = new PedestrianBuilder().build(walker(1.75, 0, 0));
        float[] legs = MeshAssertions.bounds(part(figure, "trousers"));
        float[] clothes = MeshAssertions.bounds(part(figure, "clothes"));
        // Still legs are as deep as a leg box; torso and upper arms no deeper than the torso.
        assertThat(legs[5] - legs[2]).isLessThan(0.15f);
        assertThat(clothes[5] - clothes[2]).isCloseTo(0.5f * 0.25f * 1.75f, within(EPS));
        assertThat(legs[4]).as("legs reach the hips").isCloseTo(0.47f * 1.75f, within(EPS));
    }

    @Test
    void armSwingMovesTheHandsInOppositeDirections() {
        MeshPart skin = part(new PedestrianBuilder().build(walker(1.75, 30, 0)), "skin");
        float[] b = MeshAssertions.bounds(skin);
        // Hands about 0.68 m below the shoulder, swung 30 degrees: about 0.34 m forwards and back.
        assertThat(b[5]).isGreaterThan(0.3f);
        assertThat(b[2]).isLessThan(-0.3f);
    }

    @Test
    void skinToneRunsFromLightToDark() {
        Material light = PedestrianBuilder.skinMaterial(0);
        Material dark = PedestrianBuilder.skinMaterial(1);
        Material middle = PedestrianBuilder.skinMaterial(0.5);
        assertThat(light.color()).isEqualTo(PedestrianBuilder.LIGHT_SKIN);
        assertThat(dark.color()).isEqualTo(PedestrianBuilder.DARK_SKIN);
        assertThat(middle.color().r()).isCloseTo((light.color().r() + dark.color().r()) / 2, within(1e-12));
        assertThat(luminance(light.color())).isGreaterThan(luminance(middle.color())).isGreaterThan(luminance(dark.color()));
        Mesh figure = new PedestrianBuilder().build(new PedestrianParams(1.7, 0.24, 0.48, 0.065, 0, 0, 1, 0.2));
        assertThat(part(figure, "skin").fixedMaterial()).isEqualTo(dark);
    }

    @Test
    void outOfRangeParametersAreNamed() {
        assertThatThrownBy(() -> new PedestrianParams(1.7, 0.24, 0.48, 0.065, 0, 0, 1.5, 0.2))
                .hasMessageContaining("pedestrian").hasMessageContaining("skin_tone");
        assertThatThrownBy(() -> new PedestrianParams(1.7, 0.24, 0.48, 0.065, 0, 95, 0.5, 0.2))
                .hasMessageContaining("leg_stride_deg");
    }

    private static double luminance(Rgb c) {
        return 0.2126 * c.r() + 0.7152 * c.g() + 0.0722 * c.b();
    }

    private static Vector3f lowestVertex(MeshPart part, boolean leftSide) {
        Vector3f lowest = null;
        for (int v = 0; v < part.vertexCount(); v++) {
            Vector3f p = MeshAssertions.position(part, v);
            if ((p.x > 0) == leftSide && (lowest == null || p.y < lowest.y)) {
                lowest = p;
            }
        }
        return lowest;
    }

    private static MeshPart part(Mesh mesh, String slot) {
        return mesh.parts().stream().filter(p -> p.slot().equals(slot)).findFirst().orElseThrow();
    }
}
