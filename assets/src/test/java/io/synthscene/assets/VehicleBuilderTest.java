package io.synthscene.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.AssetRef;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class VehicleBuilderTest {
    /** Overall extents must match the requested dimensions this closely (metres). */
    private static final float EXTENT_TOLERANCE_METERS = 0.02f;
    private static final float EPS = 1e-4f;

    static Stream<VehicleParams> typicalCars() {
        return Stream.of(
                new VehicleParams(4.5, 1.8, 1.5, 0.5, -0.05, 0.4, 0.33),
                new VehicleParams(3.6, 1.6, 1.45, 0.65, 0.1, 0.5, 0.28),
                new VehicleParams(5.2, 2.0, 1.9, 0.4, -0.15, 0.35, 0.4));
    }

    @ParameterizedTest
    @MethodSource("typicalCars")
    void overallExtentsEqualLengthWidthAndHeight(VehicleParams p) {
        float[] b = new VehicleBuilder().build(p).bounds();
        assertThat(b[3] - b[0]).as("width").isCloseTo((float) p.widthMeters(), within(EXTENT_TOLERANCE_METERS));
        assertThat(b[4] - b[1]).as("height").isCloseTo((float) p.heightMeters(), within(EXTENT_TOLERANCE_METERS));
        assertThat(b[5] - b[2]).as("length").isCloseTo((float) p.lengthMeters(), within(EXTENT_TOLERANCE_METERS));
        assertThat(b[1]).as("lowest point is on the ground").isCloseTo(0f, within(EPS));
        assertThat(b[0] + b[3]).as("centred in x").isCloseTo(0f, within(EPS));
        assertThat(b[2] + b[5]).as("centred in z").isCloseTo(0f, within(EPS));
    }

    @ParameterizedTest
    @MethodSource("typicalCars")
    void everyPartHasUnitNormalsAndOutwardFaces(VehicleParams p) {
        MeshAssertions.assertWellFormed(new VehicleBuilder().build(p));
    }

    @Test
    void partsAreBodyGlassTyresRimsAndLampsWithTheirMaterials() {
        Mesh car = new VehicleBuilder().build(typicalCars().findFirst().orElseThrow());
        assertThat(car.parts()).extracting(MeshPart::slot).containsExactly("body", "glass", "light_front", "light_rear", "tyre", "rim");
        assertThat(part(car, "body").fixedMaterial()).as("body takes the object's material").isNull();
        assertThat(part(car, "glass").fixedMaterial()).isEqualTo(VehicleBuilder.WINDOW_GLASS);
        assertThat(part(car, "tyre").fixedMaterial()).isEqualTo(VehicleBuilder.TYRE_RUBBER);
        assertThat(part(car, "rim").fixedMaterial()).isEqualTo(VehicleBuilder.RIM_METAL);
        assertThat(VehicleBuilder.WINDOW_GLASS.roughness()).isLessThan(0.2);
        assertThat(VehicleBuilder.TYRE_RUBBER.roughness()).isGreaterThan(0.7);
    }

    @Test
    void wheelsTouchTheGroundWithTheRequestedRadiusInsideTheBodyWidth() {
        VehicleParams p = new VehicleParams(4.5, 1.8, 1.5, 0.5, -0.05, 0.4, 0.33);
        Mesh car = new VehicleBuilder().build(p);
        float[] tyres = MeshAssertions.bounds(part(car, "tyre"));
        assertThat(tyres[1]).as("tyre bottoms").isCloseTo(0f, within(EPS));
        assertThat(tyres[4]).as("tyre tops").isCloseTo(0.66f, within(EPS));
        assertThat(tyres[3]).isLessThan(0.9f);
        assertThat(tyres[0]).isGreaterThan(-0.9f);
        // Axles near both ends, each wheel wholly within the length.
        assertThat(tyres[5]).isGreaterThan(1.4f).isLessThan(2.25f);
        assertThat(tyres[2]).isLessThan(-1.4f).isGreaterThan(-2.25f);
        // The body's underside is lifted so the lower part of the wheels shows.
        assertThat(MeshAssertions.bounds(part(car, "body"))[1]).isCloseTo(0.6f * 0.33f, within(EPS));
    }

    @Test
    void headlightsAreOnTheFrontFaceAndTaillightsOnTheRear() {
        Mesh car = new VehicleBuilder().build(new VehicleParams(4.5, 1.8, 1.5, 0.5, -0.05, 0.4, 0.33));
        MeshPart head = car.parts().stream().filter(part -> VehicleBuilder.HEADLIGHT.equals(part.fixedMaterial())).findFirst().orElseThrow();
        MeshPart tail = car.parts().stream().filter(part -> VehicleBuilder.TAILLIGHT.equals(part.fixedMaterial())).findFirst().orElseThrow();
        assertThat(MeshAssertions.bounds(head)[5]).isCloseTo(2.25f, within(EPS));
        assertThat(MeshAssertions.bounds(head)[2]).isGreaterThan(2.2f);
        assertThat(MeshAssertions.bounds(tail)[2]).isCloseTo(-2.25f, within(EPS));
        assertThat(MeshAssertions.bounds(tail)[5]).isLessThan(-2.2f);
        assertThat(head.vertexCount()).as("two lights of 24 vertices").isEqualTo(48);
    }

    @Test
    void glassFollowsTheCabinAndItsOffsetTowardsTheRear() {
        Mesh car = new VehicleBuilder().build(new VehicleParams(4.0, 1.8, 1.5, 0.5, -0.1, 0.4, 0.3));
        float[] glass = MeshAssertions.bounds(part(car, "glass"));
        // Cabin centre at z = -0.4, length 2.0: the windscreen leans back from z = 0.6 at the belt
        // line, the rear window forward from -1.4; panes stand at most 1 cm proud.
        assertThat(glass[5]).isLessThanOrEqualTo(0.6f + VehicleBuilder.PROUD_METERS + EPS).isGreaterThan(0.4f);
        assertThat(glass[2]).isGreaterThanOrEqualTo(-1.4f - VehicleBuilder.PROUD_METERS - EPS).isLessThan(-1.2f);
        // Glass sits on the cabin, above the belt line at 0.6 * 1.5 m and below the roof.
        assertThat(glass[1]).isGreaterThan(0.9f);
        assertThat(glass[4]).isLessThan(1.5f);
    }

    @Test
    void cabinReachingPastTheBodyIsRefused() {
        assertThatThrownBy(() -> new VehicleParams(4.5, 1.8, 1.5, 0.9, 0.1, 0.4, 0.33))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sedan").hasMessageContaining("cabin_length_ratio");
    }

    @Test
    void missingParameterIsNamed() {
        AssetRef ref = AssetRef.procedural("vehicle", Map.of("length_m", 4.0, "width_m", 1.8));
        assertThatThrownBy(() -> VehicleParams.from(ref)).hasMessageContaining("vehicle").hasMessageContaining("height_m");
    }

    private static MeshPart part(Mesh mesh, String slot) {
        return mesh.parts().stream().filter(p -> p.slot().equals(slot)).findFirst().orElseThrow();
    }
}
