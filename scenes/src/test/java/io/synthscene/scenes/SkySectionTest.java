package io.synthscene.scenes;

import static io.synthscene.scenes.SceneProblems.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Sky;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code lighting.sky}: parsing with positions, drawing from its own stream, the frame JSON. */
class SkySectionTest {
    /** Line numbers in the problem tests refer to this text. */
    private static final String BASE = """
            seed: 3
            frames: 10
            output: {width: 64, height: 48}
            categories:
              - {id: 1, name: car}
            camera:
              position: [{uniform: [-1, 1]}, 1.5, 0]
            lighting:
              sun: {elevation_deg: {uniform: [5, 70]}}
              ambient: {intensity: {uniform: [0.2, 0.5]}}
            groups:
              - name: cars
                asset: vehicle
                category: car
                count: {uniform_int: [1, 4]}
                region: {x: [-5, 5], z: [-30, -5]}
            weather:
              fog: {visibility_m: {choice: [80, 100000]}}
            """;
    private static final String WITH_SKY = BASE.replace("  ambient: {intensity: {uniform: [0.2, 0.5]}}\n",
            "  ambient: {intensity: {uniform: [0.2, 0.5]}}\n  sky: {cloud_cover: {uniform: [0, 0.8]}}\n");

    private static Scene scene(String yaml) throws SceneException {
        return SceneLoader.parse(yaml, "scene.yaml", null);
    }

    @Test
    void aSceneWithoutSkyHasNoneAndASkySectionDrawsTheGradientWithItsCloudCover() throws SceneException {
        assertThat(scene(BASE).sampleFrame(0).lighting().sky()).isNull();
        Scene scene = scene(WITH_SKY);
        Set<Double> covers = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            Sky sky = scene.sampleFrame(i).lighting().sky();
            assertThat(sky.gradient()).isTrue();
            assertThat(sky.cloudCover()).isBetween(0.0, 0.8);
            covers.add(sky.cloudCover());
            assertThat(sky.cloudOffsetMeters()).hasSize(2);
        }
        assertThat(covers).hasSize(10);
        Sky flat = scene(BASE.replace("  ambient: {intensity: {uniform: [0.2, 0.5]}}\n",
                "  ambient: {intensity: {uniform: [0.2, 0.5]}}\n  sky: {gradient: false}\n")).sampleFrame(0).lighting().sky();
        assertThat(flat.gradient()).isFalse();
        assertThat(flat.cloudCover()).isZero();
    }

    @Test
    void addingASkyChangesNoOtherDraw() throws SceneException {
        Scene without = scene(BASE);
        Scene with = scene(WITH_SKY);
        for (int i = 0; i < 10; i++) {
            Frame a = without.sampleFrame(i);
            Frame b = with.sampleFrame(i);
            assertThat(b.lighting().withSky(null)).isEqualTo(a.lighting());
            assertThat(b.objects()).isEqualTo(a.objects());
            assertThat(b.camera()).isEqualTo(a.camera());
        }
    }

    @Test
    void theSkyIsWrittenToTheFrameJsonAndReadBack() throws SceneException {
        Frame frame = scene(WITH_SKY).sampleFrame(4);
        byte[] json = FrameJson.toJson(frame);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"sky\"", "\"cloud_cover\"", "\"cloud_offset_m\"");
        assertThat(FrameJson.fromJson(json)).isEqualTo(frame);
        assertThat(new String(FrameJson.toJson(scene(BASE).sampleFrame(4)), StandardCharsets.UTF_8)).doesNotContain("\"sky\"");
    }

    @Test
    void badSkyValuesAreReportedAtTheirPosition() {
        assertThat(problems(WITH_SKY)).isEmpty();
        assertThat(problems(WITH_SKY.replace("cloud_cover: {uniform: [0, 0.8]}", "cloud_cover: 1.5")))
                .singleElement().asString().startsWith("scene.yaml:11:").contains("lighting.sky.cloud_cover").contains("1.5");
        assertThat(problems(WITH_SKY.replace("cloud_cover: {uniform: [0, 0.8]}", "gradient: maybe")))
                .singleElement().asString().startsWith("scene.yaml:11:").contains("lighting.sky.gradient");
        assertThat(problems(WITH_SKY.replace("cloud_cover:", "clouds:")))
                .singleElement().asString().startsWith("scene.yaml:11:").contains("lighting.sky").contains("cloud_cover");
        assertThat(problems(WITH_SKY.replace("sky: {cloud_cover: {uniform: [0, 0.8]}}", "sky: 3")))
                .singleElement().asString().startsWith("scene.yaml:11:").contains("lighting.sky");
    }
}
