package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People's joints in the COCO file of a real render: named once per category, and each keypoint's
 * visibility agrees with the stored instance mask (2: the pixel shows the instance, 1: it shows
 * something else, 0: not labelled, at 0, 0).
 */
class KeypointsTest {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;

    @TempDir
    Path temp;

    @Test
    void keypointVisibilityAgreesWithTheInstanceMasks() throws IOException {
        Path dataset = temp.resolve("street");
        Cli.Result result = Cli.run("render", Cli.example("urban-street.yaml"), "--out", dataset.toString(),
                "--frames", "3", "--size", WIDTH + "x" + HEIGHT);
        assertThat(result.exitCode()).as(result.all()).isZero();
        JsonNode coco = DatasetFiles.json(dataset.resolve("annotations/instances.json"));
        Map<Integer, Integer> keypointCount = new HashMap<>();
        for (JsonNode category : coco.get("categories")) {
            if (category.has("keypoints")) {
                keypointCount.put(category.get("id").asInt(), category.get("keypoints").size());
            }
        }
        assertThat(keypointCount).as("pedestrians and cyclists' riders have joints").isNotEmpty();

        int visible = 0;
        int hidden = 0;
        for (JsonNode a : coco.get("annotations")) {
            if (!a.has("keypoints")) {
                assertThat(keypointCount).doesNotContainKey(a.get("category_id").asInt());
                continue;
            }
            JsonNode k = a.get("keypoints");
            assertThat(k.size()).isEqualTo(3 * keypointCount.get(a.get("category_id").asInt()));
            int[] mask = DatasetFiles.instanceMask(dataset.resolve(String.format("masks/instance/%06d.png",
                    a.get("image_id").asInt() - 1)), WIDTH, HEIGHT);
            int instance = a.get("synthscene").get("instance_id").asInt();
            int labelled = 0;
            for (int i = 0; i < k.size(); i += 3) {
                double x = k.get(i).asDouble();
                double y = k.get(i + 1).asDouble();
                int v = k.get(i + 2).asInt();
                if (v == 0) {
                    assertThat(x).isZero();
                    assertThat(y).isZero();
                    continue;
                }
                labelled++;
                int shown = mask[(int) Math.floor(y) * WIDTH + (int) Math.floor(x)];
                if (v == 2) {
                    assertThat(shown).as("visible keypoint of %s", a.get("id")).isEqualTo(instance);
                    visible++;
                } else {
                    assertThat(v).isEqualTo(1);
                    assertThat(shown).as("hidden keypoint of %s", a.get("id")).isNotEqualTo(instance);
                    hidden++;
                }
            }
            assertThat(a.get("num_keypoints").asInt()).isEqualTo(labelled);
        }
        assertThat(visible).isPositive();
        assertThat(visible + hidden).isGreaterThan(20);
    }
}
