package io.synthscene.scenes;

import static io.synthscene.scenes.SceneProblems.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Sensor;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The sensor section: parsing with positions, sampling from its own stream, JSON. */
class SensorSectionTest {
    /** Line numbers in the problem tests refer to this text. */
    private static final String BASE = """
            seed: 3
            frames: 10
            output: {width: 64, height: 48}
            categories:
              - {id: 1, name: car}
            camera:
              position: [{uniform: [-1, 1]}, 1.5, 0]
              hfov_deg: {uniform: [50, 80]}
            groups:
              - name: cars
                asset: vehicle
                category: car
                count: {uniform_int: [1, 4]}
                region: {x: [-5, 5], z: [-30, -5]}
            """;
    private static final String SENSOR = """
            sensor:
              exposure_ev: {normal: {mean: 0, std: 0.3}}
              white_balance_k: {uniform: [4500, 8000]}
              vignetting: {uniform: [0, 0.3]}
              blur_px: {uniform: [0, 1]}
              chromatic_aberration_px: {uniform: [0, 2]}
              noise: {gaussian_std: {uniform: [0.5, 2]}, photons_at_white: 2000}
            """;

    private static Scene scene(String yaml) throws SceneException {
        return SceneLoader.parse(yaml, "scene.yaml", null);
    }

    @Test
    void aSceneWithoutASensorHasNoneAndWritesNoSensorKey() throws SceneException {
        Frame frame = scene(BASE).sampleFrame(0);
        assertThat(frame.sensor()).isNull();
        assertThat(new String(FrameJson.toJson(frame), StandardCharsets.UTF_8)).doesNotContain("sensor");
    }

    @Test
    void sensorValuesAreDrawnWithinTheirRangesAndVaryByFrame() throws SceneException {
        Scene scene = scene(BASE + SENSOR);
        for (int i = 0; i < 10; i++) {
            Sensor s = scene.sampleFrame(i).sensor();
            assertThat(s.whiteBalanceK()).isBetween(4500.0, 8000.0);
            assertThat(s.vignetting()).isBetween(0.0, 0.3);
            assertThat(s.blurPx()).isBetween(0.0, 1.0);
            assertThat(s.chromaticAberrationPx()).isBetween(0.0, 2.0);
            assertThat(s.gaussianStdLevels()).isBetween(0.5, 2.0);
            assertThat(s.photonsAtWhite()).isEqualTo(2000);
        }
        assertThat(scene.sampleFrame(1).sensor()).isNotEqualTo(scene.sampleFrame(2).sensor());
    }

    @Test
    void addingASensorChangesNoOtherDraw() throws SceneException {
        Scene plain = scene(BASE);
        Scene withSensor = scene(BASE + SENSOR);
        for (int i = 0; i < 10; i++) {
            Frame a = plain.sampleFrame(i);
            Frame b = withSensor.sampleFrame(i);
            assertThat(b.camera()).isEqualTo(a.camera());
            assertThat(b.lighting()).isEqualTo(a.lighting());
            assertThat(b.ground()).isEqualTo(a.ground());
            assertThat(b.objects()).isEqualTo(a.objects());
        }
    }

    @Test
    void theSensorRoundTripsThroughJson() throws SceneException {
        Frame frame = scene(BASE + SENSOR).sampleFrame(5);
        String json = new String(FrameJson.toJson(frame), StandardCharsets.UTF_8);
        assertThat(json).contains("\"sensor\"", "\"exposure_ev\"", "\"white_balance_k\"", "\"vignetting\"", "\"blur_px\"", "\"chromatic_aberration_px\"",
                "\"photons_at_white\"", "\"gaussian_std_levels\"");
        assertThat(FrameJson.fromJson(FrameJson.toJson(frame))).isEqualTo(frame);
    }

    @Test
    void badSensorValuesAreReportedAtTheValue() {
        assertThat(problems(BASE + "sensor:\n  vignetting: 1\n"))
                .containsExactly("scene.yaml:16:15: sensor.vignetting: 1 is outside [0, 1)");
        assertThat(problems(BASE + "sensor:\n  white_balance_k: {uniform: [1000, 6000]}\n"))
                .hasSize(1).first().asString().startsWith("scene.yaml:16:").contains("sensor.white_balance_k");
        assertThat(problems(BASE + "sensor:\n  noise: {gaussian_std: -1}\n"))
                .hasSize(1).first().asString().startsWith("scene.yaml:16:").contains("sensor.noise.gaussian_std");
        assertThat(problems(BASE + "sensor:\n  exposure: 1\n"))
                .hasSize(1).first().asString().startsWith("scene.yaml:16:3: sensor.exposure: unknown key 'exposure'");
    }

    @Test
    void aJpegQualityIsDrawnFromItsOwnStreamAndWrittenInTheFrame() throws SceneException {
        Scene plain = scene(BASE + SENSOR);
        Scene jpeg = scene(BASE + SENSOR + "  jpeg_quality: {uniform_int: [20, 90]}\n");
        for (int i = 0; i < 10; i++) {
            Sensor a = plain.sampleFrame(i).sensor();
            Sensor b = jpeg.sampleFrame(i).sensor();
            assertThat(a.jpegQuality()).isNull();
            assertThat(b.jpegQuality()).isBetween(20, 90);
            assertThat(new Sensor(b.exposureEv(), b.whiteBalanceK(), b.vignetting(), b.blurPx(),
                    b.chromaticAberrationPx(), b.photonsAtWhite(), b.gaussianStdLevels())).isEqualTo(a);
        }
        Frame frame = jpeg.sampleFrame(3);
        assertThat(new String(FrameJson.toJson(frame), StandardCharsets.UTF_8))
                .contains("\"jpeg_quality\" : " + frame.sensor().jpegQuality());
        assertThat(FrameJson.fromJson(FrameJson.toJson(frame))).isEqualTo(frame);
        assertThat(new String(FrameJson.toJson(plain.sampleFrame(3)), StandardCharsets.UTF_8)).doesNotContain("jpeg");
        // a quality alone changes nothing the GPU does
        assertThat(scene(BASE + "sensor: {jpeg_quality: 50}\n").sampleFrame(0).sensor().changesNothing()).isTrue();
    }

    @Test
    void aJpegQualityMustBeAWholeNumberFromOneToAHundred() {
        assertThat(problems(BASE + "sensor: {jpeg_quality: 0}\n"))
                .containsExactly("scene.yaml:15:24: sensor.jpeg_quality: 0 is outside [1, 100]");
        assertThat(problems(BASE + "sensor: {jpeg_quality: {uniform: [40, 90]}}\n")).hasSize(1)
                .allMatch(p -> p.startsWith("scene.yaml:15:24: sensor.jpeg_quality: ") && p.contains("whole number"));
    }
}
