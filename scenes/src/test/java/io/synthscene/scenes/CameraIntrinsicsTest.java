package io.synthscene.scenes;

import static io.synthscene.scenes.SceneProblems.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Vec3;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** camera.focal_length_px and camera.principal_point_offset_px: parsing with positions, sampling, K, JSON. */
class CameraIntrinsicsTest {
    /** Line numbers in the problem tests refer to this text. */
    private static final String BASE = """
            seed: 3
            frames: 10
            output: {width: 64, height: 48}
            categories:
              - {id: 1, name: car}
            camera:
              position: [{uniform: [-1, 1]}, 1.5, 0]
              yaw_deg: {uniform: [-10, 10]}
              hfov_deg: {uniform: [50, 80]}
            groups:
              - name: cars
                asset: vehicle
                category: car
                count: {uniform_int: [1, 4]}
                region: {x: [-5, 5], z: [-30, -5]}
            """;
    private static final double EXACT = 1e-9;

    private static Scene scene(String yaml) throws SceneException {
        return SceneLoader.parse(yaml, "scene.yaml", null);
    }

    private static String edit(String from, String to) {
        assertThat(BASE).contains(from);
        return BASE.replace(from, to);
    }

    @Test
    void aFocalLengthInPixelsBecomesTheFocalLengthOfK() throws SceneException {
        Camera camera = scene(edit("hfov_deg: {uniform: [50, 80]}", "focal_length_px: 40")).sampleFrame(0).camera();
        assertThat(camera.focalLengthPixels()).isCloseTo(40, within(EXACT));
        assertThat(camera.intrinsics()[0][0]).isCloseTo(40, within(EXACT));
        assertThat(camera.intrinsics()[1][1]).isCloseTo(40, within(EXACT));
        assertThat(camera.hfovDegrees()).isCloseTo(Math.toDegrees(2 * Math.atan(32.0 / 40)), within(EXACT));
    }

    @Test
    void aPrincipalPointOffsetMovesTheCentreOfK() throws SceneException {
        Camera camera = scene(edit("  hfov_deg: {uniform: [50, 80]}\n",
                "  hfov_deg: 60\n  principal_point_offset_px: [3.5, {uniform: [-2, -1]}]\n")).sampleFrame(4).camera();
        double[][] k = camera.intrinsics();
        assertThat(k[0][2]).isEqualTo(32 + 3.5);
        assertThat(k[1][2]).isBetween(24.0 - 2, 24.0 - 1);
        assertThat(camera.principalPointDxPixels()).isEqualTo(3.5);
    }

    @Test
    void aRandomFocalLengthAndOffsetDrawFromTheirOwnStream() throws SceneException {
        Scene plain = scene(BASE);
        Scene withOffset = scene(edit("  hfov_deg: {uniform: [50, 80]}\n", "  hfov_deg: {uniform: [50, 80]}\n"
                + "  principal_point_offset_px: [{normal: {mean: 0, std: 2}}, {uniform: [-3, 3]}]\n"));
        Scene withFocal = scene(edit("hfov_deg: {uniform: [50, 80]}", "focal_length_px: {uniform: [30, 60]}"));
        for (int i = 0; i < 10; i++) {
            Frame a = plain.sampleFrame(i);
            Frame b = withOffset.sampleFrame(i);
            Frame c = withFocal.sampleFrame(i);
            assertThat(b.camera().position()).isEqualTo(a.camera().position());
            assertThat(b.camera().yawDegrees()).isEqualTo(a.camera().yawDegrees());
            assertThat(b.camera().hfovDegrees()).isEqualTo(a.camera().hfovDegrees());
            assertThat(b.objects()).isEqualTo(a.objects());
            assertThat(b.lighting()).isEqualTo(a.lighting());
            assertThat(c.camera().position()).isEqualTo(a.camera().position());
            assertThat(c.camera().yawDegrees()).isEqualTo(a.camera().yawDegrees());
            assertThat(c.objects()).isEqualTo(a.objects());
            assertThat(c.camera().focalLengthPixels()).isBetween(30 - EXACT, 60 + EXACT);
        }
        assertThat(withOffset.sampleFrame(1).camera().principalPointDxPixels())
                .isNotEqualTo(withOffset.sampleFrame(2).camera().principalPointDxPixels());
    }

    @Test
    void givingBothHfovAndFocalLengthIsReportedAtTheSecond() {
        assertThat(problems(edit("  hfov_deg: {uniform: [50, 80]}\n", "  hfov_deg: 60\n  focal_length_px: 50\n")))
                .containsExactly("scene.yaml:10:3: camera.focal_length_px: give either hfov_deg or focal_length_px, not both");
    }

    @Test
    void badIntrinsicsAreReportedAtTheValue() {
        assertThat(problems(edit("hfov_deg: {uniform: [50, 80]}", "focal_length_px: 0")))
                .containsExactly("scene.yaml:9:20: camera.focal_length_px: 0 must be >= 1");
        assertThat(problems(edit("hfov_deg: {uniform: [50, 80]}",
                "hfov_deg: 60\n  principal_point_offset_px: [1, 2, 3]")))
                .containsExactly("scene.yaml:10:30: camera.principal_point_offset_px: expected 2 values, got 3");
    }

    @Test
    void theOffsetRoundTripsThroughJsonAndOldFramesWithoutItReadAsCentred() throws SceneException {
        Frame frame = scene(edit("  hfov_deg: {uniform: [50, 80]}\n", "  focal_length_px: 45\n"
                + "  principal_point_offset_px: [{uniform: [-4, 4]}, 1.25]\n")).sampleFrame(2);
        assertThat(FrameJson.fromJson(FrameJson.toJson(frame))).isEqualTo(frame);
        String json = new String(FrameJson.toJson(frame), StandardCharsets.UTF_8);
        assertThat(json).contains("\"principal_point_dy_px\" : 1.25", "\"focal_length_px\"");

        String old = json.replaceAll(",\\s*\"principal_point_d[xy]_px\" : [-0-9.E]+", "");
        assertThat(old).doesNotContain("principal_point");
        Camera read = FrameJson.fromJson(old.getBytes(StandardCharsets.UTF_8)).camera();
        assertThat(read.principalPointDxPixels()).isZero();
        assertThat(read.principalPointDyPixels()).isZero();
        assertThat(read.intrinsics()[0][2]).isEqualTo(32.0);
    }

    @Test
    void resizingKeepsTheViewSoTheOffsetScalesWithTheFocalLength() {
        Camera camera = new Camera(new Vec3(0, 1, 0), 0, 0, 0, 60, 0.1, 100, 64, 48, 4, -2);
        Camera twice = camera.withImageSize(128, 96);
        assertThat(twice.focalLengthPixels()).isCloseTo(2 * camera.focalLengthPixels(), within(EXACT));
        assertThat(twice.intrinsics()[0][2]).isEqualTo(64 + 8.0);
        assertThat(twice.intrinsics()[1][2]).isEqualTo(48 - 4.0);
    }
}
