package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthscene.annotators.Box3d;
import io.synthscene.annotators.Box3dAnnotator;
import io.synthscene.assets.AssetLibrary;
import io.synthscene.scenes.FrameJson;
import io.synthscene.scenes.frame.Frame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 3-D boxes, projected with the image's K, enclose their objects' masks: geometry and
 * rendering agree (vehicles and pedestrians of the urban example, meshes from the asset library).
 */
class Box3dProjectionTest {
    private static final int WIDTH = 256;
    private static final int HEIGHT = 160;

    @TempDir
    Path temp;

    @Test
    void projectedBoxCornersEncloseEveryVisibleMask() throws IOException {
        Path dataset = temp.resolve("street");
        Cli.Result result = Cli.run("render", Cli.example("urban-street.yaml"), "--out", dataset.toString(),
                "--frames", "3", "--size", WIDTH + "x" + HEIGHT);
        assertThat(result.exitCode()).as(result.all()).isZero();
        AssetLibrary library = new AssetLibrary();
        Box3dAnnotator annotator = new Box3dAnnotator(asset -> library.meshFor(asset).bounds());
        JsonNode coco = DatasetFiles.json(dataset.resolve("annotations/instances.json"));

        int checked = 0;
        for (JsonNode a : coco.get("annotations")) {
            int frameIndex = a.get("image_id").asInt() - 1;
            Frame frame = FrameJson.fromJson(Files.readAllBytes(dataset.resolve(String.format("frames/%06d.json", frameIndex))));
            Map<Integer, Box3d> boxes = annotator.boxes(frame);
            Box3d box = boxes.get(a.get("synthscene").get("instance_id").asInt());
            double[][] k = frame.camera().intrinsics();
            double minU = Double.MAX_VALUE, minV = Double.MAX_VALUE, maxU = -Double.MAX_VALUE, maxV = -Double.MAX_VALUE;
            boolean allInFront = true;
            for (double[] c : box.corners()) {
                allInFront &= c[2] > frame.camera().nearMeters();
                double u = k[0][0] * c[0] / c[2] + k[0][2];
                double v = k[1][1] * c[1] / c[2] + k[1][2];
                minU = Math.min(minU, u);
                maxU = Math.max(maxU, u);
                minV = Math.min(minV, v);
                maxV = Math.max(maxV, v);
            }
            if (!allInFront) {
                continue; // a box reaching behind the camera has no bounded projection
            }
            // bbox [x, y, w, h] covers pixel edges x .. x + w; allow half a pixel for rasterization.
            JsonNode bbox = a.get("bbox");
            assertThat(bbox.get(0).asDouble()).as("left of %s", a.get("id")).isGreaterThanOrEqualTo(minU - 0.5);
            assertThat(bbox.get(1).asDouble()).as("top of %s", a.get("id")).isGreaterThanOrEqualTo(minV - 0.5);
            assertThat(bbox.get(0).asDouble() + bbox.get(2).asDouble()).as("right of %s", a.get("id")).isLessThanOrEqualTo(maxU + 0.5);
            assertThat(bbox.get(1).asDouble() + bbox.get(3).asDouble()).as("bottom of %s", a.get("id")).isLessThanOrEqualTo(maxV + 0.5);
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }
}
