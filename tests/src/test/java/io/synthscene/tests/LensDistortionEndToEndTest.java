package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The urban example with a barrel lens (camera.distortion), rendered for real: each annotation's
 * mask is exactly the distorted id pass, the occlusion labels hold (visible inside amodal,
 * visibility = area / amodal area), and every image carries its coefficients.
 */
class LensDistortionEndToEndTest {
    private static final int WIDTH = 192;
    private static final int HEIGHT = 128;
    private static final int FRAMES = 3;

    @TempDir
    static Path temp;
    static Path dataset;

    @BeforeAll
    static void render() throws IOException {
        String street = Files.readString(Path.of(Cli.example("urban-street.yaml")));
        String lens = street.replaceFirst("(?m)^camera:\n",
                "camera:\n  distortion: {k1: {uniform: [-0.15, -0.05]}, k2: 0.02, p1: 0.001, p2: -0.001}\n");
        assertThat(lens).isNotEqualTo(street);
        Path scene = temp.resolve("lens-street.yaml");
        Files.writeString(scene, lens);
        dataset = temp.resolve("lens");
        Cli.Result result = Cli.run("render", scene.toString(), "--out", dataset.toString(),
                "--frames", String.valueOf(FRAMES), "--size", WIDTH + "x" + HEIGHT);
        assertThat(result.exitCode()).as(result.all()).isZero();
    }

    @Test
    void eachAnnotationsMaskEqualsTheDistortedIdPass() throws IOException {
        JsonNode coco = DatasetFiles.json(dataset.resolve("annotations/instances.json"));
        int checked = 0;
        for (JsonNode a : coco.get("annotations")) {
            int frame = a.get("image_id").asInt() - 1;
            int[] ids = DatasetFiles.instanceMask(dataset.resolve(String.format("masks/instance/%06d.png", frame)), WIDTH, HEIGHT);
            int instance = a.get("synthscene").get("instance_id").asInt();
            boolean[] mask = CocoSpecRle.decode(a.get("segmentation").get("counts").asText(), HEIGHT, WIDTH);
            long area = 0;
            for (int p = 0; p < ids.length; p++) {
                assertThat(mask[p]).as("pixel %d of annotation %s", p, a.get("id")).isEqualTo(ids[p] == instance);
                area += mask[p] ? 1 : 0;
            }
            assertThat(a.get("area").asLong()).isEqualTo(area);
            checked++;
        }
        assertThat(checked).isGreaterThan(5);
    }

    @Test
    void occlusionLabelsComeFromSilhouettesWarpedByTheSameMap() throws IOException {
        JsonNode coco = DatasetFiles.json(dataset.resolve("annotations/instances.json"));
        for (JsonNode a : coco.get("annotations")) {
            JsonNode extra = a.get("synthscene");
            long area = a.get("area").asLong();
            long amodalArea = extra.get("amodal_area").asLong();
            assertThat(amodalArea).isGreaterThanOrEqualTo(area);
            assertThat(extra.get("visibility").asDouble()).isEqualTo((double) area / amodalArea);
            boolean[] visible = CocoSpecRle.decode(a.get("segmentation").get("counts").asText(), HEIGHT, WIDTH);
            boolean[] amodal = CocoSpecRle.decode(extra.get("amodal_segmentation").get("counts").asText(), HEIGHT, WIDTH);
            for (int p = 0; p < visible.length; p++) {
                if (visible[p]) {
                    assertThat(amodal[p]).as("visible pixel %d of %s in its amodal mask", p, a.get("id")).isTrue();
                }
            }
        }
    }

    @Test
    void everyImageCarriesTheDistortionOfItsFrame() throws IOException {
        JsonNode coco = DatasetFiles.json(dataset.resolve("annotations/instances.json"));
        for (JsonNode image : coco.get("images")) {
            int frame = image.get("id").asInt() - 1;
            JsonNode fromFrame = DatasetFiles.json(dataset.resolve(String.format("frames/%06d.json", frame)))
                    .get("camera").get("distortion");
            JsonNode fromCoco = image.get("synthscene").get("distortion");
            assertThat(fromCoco).isEqualTo(fromFrame);
            assertThat(fromFrame.get(0).asDouble()).isBetween(-0.15, -0.05);
            assertThat(fromFrame.get(1).asDouble()).isEqualTo(0.02);
            assertThat(fromFrame.get(2).asDouble()).isEqualTo(0.001);
            assertThat(fromFrame.get(3).asDouble()).isEqualTo(-0.001);
            assertThat(fromFrame.get(4).asDouble()).isZero();
        }
    }
}
