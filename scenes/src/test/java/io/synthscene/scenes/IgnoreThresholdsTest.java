package io.synthscene.scenes;

import static io.synthscene.scenes.SceneProblems.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.scenes.frame.Category;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.IgnoreThresholds;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Ignore categories and the min_visibility / min_visible_pixels thresholds: parsing, per-group override, frame JSON. */
class IgnoreThresholdsTest {
    /** Line numbers in the problem tests refer to this text. */
    private static final String BASE = """
            seed: 3
            frames: 10
            output: {width: 64, height: 48}
            categories:
              - {id: 1, name: car}
              - {id: 2, name: debris, ignore: true}
            camera: {position: [0, 1.5, 0]}
            groups:
              - name: cars
                asset: vehicle
                category: car
                count: 2
                region: {x: [-5, 5], z: [-30, -5]}
              - name: junk
                asset: traffic_cone
                category: debris
                count: 1
                region: {x: [-5, 5], z: [-30, -5]}
            """;

    private static Scene scene(String yaml) throws SceneException {
        return SceneLoader.parse(yaml, "scene.yaml", null);
    }

    @Test
    void anIgnoreCategoryIsMarkedAndWrittenOnlyWhenTrue() throws SceneException {
        Frame frame = scene(BASE).sampleFrame(0);
        assertThat(frame.categories()).containsExactly(new Category(1, "car", "car"), new Category(2, "debris", "debris", true));
        String json = new String(FrameJson.toJson(frame), StandardCharsets.UTF_8);
        assertThat(json).containsOnlyOnce("\"ignore\" : true");
        assertThat(FrameJson.fromJson(FrameJson.toJson(frame))).isEqualTo(frame);
        assertThat(frame.ignoreThresholds()).isNull();
        assertThat(json).doesNotContain("ignore_thresholds");
    }

    @Test
    void aGroupsThresholdsReplaceTheScenesKeyByKey() throws SceneException {
        String yaml = BASE.replace("seed: 3\n", "seed: 3\nmin_visibility: 0.5\nmin_visible_pixels: 40\n")
                .replace("    count: 2\n", "    count: 2\n    min_visible_pixels: 100\n");
        Frame frame = scene(yaml).sampleFrame(0);
        IgnoreThresholds thresholds = frame.ignoreThresholds();
        assertThat(thresholds.forGroup("cars")).isEqualTo(new IgnoreThresholds.Limits(0.5, 100L));
        assertThat(thresholds.forGroup("junk")).isEqualTo(new IgnoreThresholds.Limits(0.5, 40L));
        String json = new String(FrameJson.toJson(frame), StandardCharsets.UTF_8);
        assertThat(json).contains("\"ignore_thresholds\"", "\"min_visibility\" : 0.5", "\"min_visible_pixels\" : 100");
        assertThat(FrameJson.fromJson(FrameJson.toJson(frame))).isEqualTo(frame);
    }

    @Test
    void thresholdsOutOfRangeAreReportedAtTheValue() {
        assertThat(problems(BASE.replace("seed: 3\n", "seed: 3\nmin_visibility: 1.5\n")))
                .containsExactly("scene.yaml:2:17: min_visibility: 1.5 is outside [0, 1]");
        assertThat(problems(BASE.replace("    count: 1\n", "    count: 1\n    min_visible_pixels: 2.5\n")))
                .hasSize(1).allMatch(p -> p.startsWith("scene.yaml:18:25: groups[1].min_visible_pixels: "));
        // the category is dropped, so the group naming it is reported too
        assertThat(problems(BASE.replace("ignore: true", "ignore: yes please")).get(0))
                .startsWith("scene.yaml:6:35: categories[1].ignore: expected true or false");
    }
}
