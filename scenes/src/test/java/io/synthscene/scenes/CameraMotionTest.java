package io.synthscene.scenes;

import static io.synthscene.scenes.SceneProblems.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.CameraMotion;
import io.synthscene.scenes.frame.Frame;
import java.nio.charset.StandardCharsets;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

/** camera.motion: parsing with positions, its own stream, the shared shutter with rain, frame JSON. */
class CameraMotionTest {
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
    private static final String MOTION = "  motion: {speed_mps: {uniform: [5, 15]}, direction_deg: 90,"
            + " yaw_rate_deg_s: {uniform: [-20, 20]}, exposure_ms: 30}\n";

    private static Scene scene(String yaml) throws SceneException {
        return SceneLoader.parse(yaml, "scene.yaml", null);
    }

    private static String withMotion(String motionLine) {
        return BASE.replace("  hfov_deg: {uniform: [50, 80]}\n", "  hfov_deg: {uniform: [50, 80]}\n" + motionLine);
    }

    @Test
    void motionIsDrawnPerFrameWithinItsRanges() throws SceneException {
        Scene scene = scene(withMotion(MOTION));
        for (int i = 0; i < 10; i++) {
            CameraMotion motion = scene.sampleFrame(i).camera().motion();
            assertThat(motion.speedMps()).isBetween(5.0, 15.0);
            assertThat(motion.directionDegrees()).isEqualTo(90);
            assertThat(motion.yawRateDegreesPerSecond()).isBetween(-20.0, 20.0);
            assertThat(motion.exposureMilliseconds()).isEqualTo(30);
        }
    }

    @Test
    void leftOutValuesStandStillForAVideoShutter() throws SceneException {
        CameraMotion motion = scene(withMotion("  motion: {speed_mps: 10}\n")).sampleFrame(0).camera().motion();
        assertThat(motion).isEqualTo(new CameraMotion(10, 0, 0, 1000.0 / 60));
        assertThat(scene(BASE).sampleFrame(0).camera().motion()).isNull();
    }

    @Test
    void addingMotionChangesNoOtherDraw() throws SceneException {
        Scene plain = scene(BASE);
        Scene moving = scene(withMotion(MOTION));
        for (int i = 0; i < 10; i++) {
            Frame a = plain.sampleFrame(i);
            Frame b = moving.sampleFrame(i);
            assertThat(b.camera().withMotion(null)).isEqualTo(a.camera());
            assertThat(b.objects()).isEqualTo(a.objects());
            assertThat(b.lighting()).isEqualTo(a.lighting());
        }
    }

    @Test
    void travelFollowsTheCameraHeadingPlusTheDirection() {
        // 10 m/s for 100 ms is 1 m; heading 0 is world -Z, 90 is world -X (left of a camera looking along -Z)
        Vector3d ahead = new CameraMotion(10, 0, 0, 100).travelMeters(0);
        Vector3d left = new CameraMotion(10, 90, 0, 100).travelMeters(0);
        Vector3d turnedCameraAhead = new CameraMotion(10, 0, 0, 100).travelMeters(90);
        assertThat(ahead.z).isCloseTo(-1, within(1e-12));
        assertThat(left.x).isCloseTo(-1, within(1e-12));
        assertThat(turnedCameraAhead.x).isCloseTo(-1, within(1e-12));
        assertThat(new CameraMotion(0, 0, 300, 20).turnDegrees()).isCloseTo(6, within(1e-12));
    }

    @Test
    void theMotionExposureIsAlsoTheRainExposure() throws SceneException {
        String rainy = withMotion("  motion: {speed_mps: 10, exposure_ms: 4}\n") + "weather: {rain: {intensity: 0.5}}\n";
        assertThat(scene(rainy).sampleFrame(0).weather().exposureTimeSeconds()).isCloseTo(0.004, within(1e-12));
        // without exposure_ms the weather keeps its own default
        String defaultShutter = withMotion("  motion: {speed_mps: 10}\n") + "weather: {rain: {intensity: 0.5}}\n";
        assertThat(scene(defaultShutter).sampleFrame(0).weather().exposureTimeSeconds()).isCloseTo(1.0 / 60,
                within(1e-12));
    }

    @Test
    void givingTheShutterTwiceIsReportedAtTheWeatherOne() {
        String twice = withMotion("  motion: {speed_mps: 10, exposure_ms: 4}\n")
                + "weather: {rain: {intensity: 0.5}, exposure_time_s: 0.01}\n";
        assertThat(problems(twice)).containsExactly("scene.yaml:17:35: weather.exposure_time_s: camera.motion.exposure_ms"
                + " already sets the exposure time of rain and snow; give it once");
    }

    @Test
    void badMotionValuesAreReportedAtTheValue() {
        assertThat(problems(withMotion("  motion: {speed_mps: -1}\n")))
                .containsExactly("scene.yaml:10:23: camera.motion.speed_mps: -1 is outside [0, 120]");
        assertThat(problems(withMotion("  motion: {exposure_ms: 0}\n")))
                .hasSize(1).allMatch(p -> p.startsWith("scene.yaml:10:25: camera.motion.exposure_ms: 0 "));
        assertThat(problems(withMotion("  motion: {shutter_ms: 5}\n")))
                .hasSize(1).allMatch(p -> p.startsWith("scene.yaml:10:12: camera.motion.shutter_ms: "));
    }

    @Test
    void theResolvedMotionIsWrittenInTheFrameJsonAndReadBack() throws SceneException {
        Frame frame = scene(withMotion(MOTION)).sampleFrame(2);
        String json = new String(FrameJson.toJson(frame), StandardCharsets.UTF_8);
        assertThat(json).contains("\"motion\"", "\"speed_mps\"", "\"direction_deg\" : 90.0", "\"yaw_rate_deg_s\"",
                "\"exposure_ms\" : 30.0");
        assertThat(FrameJson.fromJson(FrameJson.toJson(frame))).isEqualTo(frame);
        String still = new String(FrameJson.toJson(scene(BASE).sampleFrame(2)), StandardCharsets.UTF_8);
        assertThat(still).doesNotContain("\"motion\"");
    }
}
