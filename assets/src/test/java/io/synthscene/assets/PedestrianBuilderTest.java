package io.synthscene.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PedestrianBuilderTest {
    /** Positions computed through float matrices agree with hand arithmetic this closely (metres). */
    private static final float EPS = 1e-4f;

    private static PedestrianParams figure(double height, double armSwing, double legStride, int pose, double phase) {
        return new PedestrianParams(height, 0.25, 0.47, 0.065, armSwing, legStride, 0.3, 0.4, pose, phase);
    }

    @ParameterizedTest
    @CsvSource({"1.75", "1.6", "1.95", "1.1"})
    void aStandingFigureIsExactlyItsHeightWithItsFootprintCentredOnTheOrigin(double height) {
        Mesh mesh = new PedestrianBuilder().build(figure(height, 0, 0, PedestrianParams.STANDING, 0));
        float[] b = mesh.bounds();
        assertThat(b[1]).as("lowest point").isCloseTo(0f, within(EPS));
        assertThat(b[4]).as("top of the hair").isCloseTo((float) height, within(EPS));
        assertThat(b[0] + b[3]).as("centred in x").isCloseTo(0f, within(EPS));
        assertThat(b[2] + b[5]).as("centred in z").isCloseTo(0f, within(EPS));
        MeshAssertions.assertWellFormed(mesh);
    }

    @ParameterizedTest
    @CsvSource({"1, 0", "1, 90", "1, 200", "2, 0", "2, 90", "2, 270"})
    void walkingAndRunningFiguresStandOnTheGroundNoTallerThanStanding(int pose, double phase) {
        Mesh mesh = new PedestrianBuilder().build(figure(1.8, 0, 0, pose, phase));
        float[] b = mesh.bounds();
        assertThat(b[1]).isCloseTo(0f, within(EPS));
        assertThat(b[4]).isLessThanOrEqualTo(1.8f + EPS).isGreaterThan(0.85f * 1.8f);
    }

    @Test
    void runningBendsTheKneesFartherThanWalking() {
        // At phase 0 the left leg swings forward, its knee bent most.
        float walkingBend = kneeBendDegrees(new PedestrianBuilder().build(figure(1.8, 0, 0, PedestrianParams.WALKING, 0)));
        float runningBend = kneeBendDegrees(new PedestrianBuilder().build(figure(1.8, 0, 0, PedestrianParams.RUNNING, 0)));
        assertThat(walkingBend).isCloseTo(37f, within(1f));
        assertThat(runningBend).isCloseTo(95f, within(1f));
    }

    @Test
    void slotsAreShirtSkinTrousersShoesAndHairWithTheirMaterials() {
        Mesh mesh = new PedestrianBuilder().build(figure(1.75, 10, 10, PedestrianParams.WALKING, 40));
        assertThat(mesh.parts()).extracting(MeshPart::slot).containsExactlyInAnyOrder("shirt", "skin", "trousers", "shoes", "hair");
        assertThat(mesh.part("shirt").fixedMaterial()).as("the shirt takes the object's material").isNull();
        assertThat(mesh.part("trousers").fixedMaterial()).isEqualTo(new Material(new Rgb(0.4, 0.4, 0.4), 0.85));
        assertThat(mesh.part("shoes").fixedMaterial()).isEqualTo(PedestrianBuilder.SHOE_LEATHER);
        assertThat(mesh.part("hair").fixedMaterial()).isEqualTo(PedestrianBuilder.DARK_HAIR);
    }

    @Test
    void keypointsAreCocosSeventeenThenNeckPelvisAndHeadTop() {
        List<Keypoint> points = new PedestrianBuilder().build(figure(1.75, 0, 0, PedestrianParams.STANDING, 0)).keypoints();
        assertThat(points).extracting(Keypoint::name).containsExactly("nose", "left_eye", "right_eye", "left_ear", "right_ear",
                "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist",
                "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle", "neck", "pelvis", "head_top");
        Keypoint leftShoulder = named(points, "left_shoulder");
        Keypoint rightShoulder = named(points, "right_shoulder");
        assertThat(leftShoulder.x()).as("the figure's left is +x").isGreaterThan(0.1f);
        assertThat(rightShoulder.x()).isLessThan(-0.1f);
        assertThat(named(points, "nose").z()).as("the face looks along +z").isGreaterThan(named(points, "left_ear").z());
        // Standing straight: ankles are one ankle height (0.045 h) above the soles, hips at 0.47 h.
        assertThat(named(points, "left_ankle").y()).isCloseTo(0.045f * 1.75f, within(EPS));
        assertThat(named(points, "left_hip").y()).isCloseTo(0.47f * 1.75f, within(EPS));
        assertThat(named(points, "head_top").y()).isLessThan(1.75f).isGreaterThan(1.6f);
    }

    @Test
    void positiveStrideStepsTheLeftLegForwardAndTheRightLegBack() {
        List<Keypoint> points = new PedestrianBuilder().build(figure(1.75, 0, 25, PedestrianParams.STANDING, 0)).keypoints();
        // Hip to ankle is (0.47 - 0.045) h = 0.744 m, swung 25 degrees: 0.744 sin 25 = 0.3144 m.
        float hipZ = named(points, "left_hip").z();
        assertThat(named(points, "left_ankle").z() - hipZ).isCloseTo(0.3144f, within(EPS));
        assertThat(named(points, "right_ankle").z() - hipZ).isCloseTo(-0.3144f, within(EPS));
    }

    @Test
    void armSwingMovesTheWristsInOppositeDirections() {
        List<Keypoint> points = new PedestrianBuilder().build(figure(1.75, 30, 0, PedestrianParams.STANDING, 0)).keypoints();
        float shoulderZ = named(points, "right_shoulder").z();
        assertThat(named(points, "right_wrist").z() - shoulderZ).isGreaterThan(0.2f);
        assertThat(named(points, "left_wrist").z() - shoulderZ).isLessThan(-0.2f);
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
        Mesh mesh = new PedestrianBuilder().build(new PedestrianParams(1.7, 0.24, 0.48, 0.065, 0, 0, 1, 0.2));
        assertThat(mesh.part("skin").fixedMaterial()).isEqualTo(dark);
    }

    @Test
    void outOfRangeParametersAreNamed() {
        assertThatThrownBy(() -> new PedestrianParams(1.7, 0.24, 0.48, 0.065, 0, 0, 1.5, 0.2))
                .hasMessageContaining("pedestrian").hasMessageContaining("skin_tone");
        assertThatThrownBy(() -> new PedestrianParams(1.7, 0.24, 0.48, 0.065, 0, 95, 0.5, 0.2))
                .hasMessageContaining("leg_stride_deg");
        assertThatThrownBy(() -> figure(1.7, 0, 0, 3, 0)).hasMessageContaining("pose");
    }

    /** The angle between thigh and shank of the left leg, from its keypoints. */
    private static float kneeBendDegrees(Mesh mesh) {
        Keypoint hip = named(mesh.keypoints(), "left_hip");
        Keypoint knee = named(mesh.keypoints(), "left_knee");
        Keypoint ankle = named(mesh.keypoints(), "left_ankle");
        double thigh = Math.atan2(knee.z() - hip.z(), hip.y() - knee.y());
        double shank = Math.atan2(ankle.z() - knee.z(), knee.y() - ankle.y());
        return (float) Math.toDegrees(thigh - shank);
    }

    static Keypoint named(List<Keypoint> points, String name) {
        return points.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
    }

    private static double luminance(Rgb c) {
        return 0.2126 * c.r() + 0.7152 * c.g() + 0.0722 * c.b();
    }
}
