package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthscene.scenes.FrameJson;
import io.synthscene.scenes.frame.Frame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 3-D boxes of the COCO file ({@code synthscene.box3d}), projected with the image's K, enclose
 * their objects' masks: geometry and rendering agree (vehicles and pedestrians of the urban
 * example, meshes from the asset library).
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
        JsonNode coco = DatasetFiles.json(dataset.resolve("annotations/instances.json"));

        int checked = 0;
        for (JsonNode a : coco.get("annotations")) {
            int frameIndex = a.get("image_id").asInt() - 1;
            Frame frame = FrameJson.fromJson(Files.readAllBytes(dataset.resolve(String.format("frames/%06d.json", frameIndex))));
            double[][] corners = corners(a.get("synthscene").get("box3d"));
            double[][] k = frame.camera().intrinsics();
            double minU = Double.MAX_VALUE, minV = Double.MAX_VALUE, maxU = -Double.MAX_VALUE, maxV = -Double.MAX_VALUE;
            boolean allInFront = true;
            for (double[] c : corners) {
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

    /** The 8 corners from the COCO file's box: centre + rotation · (±w/2, ±h/2, ±l/2), camera coordinates. */
    private static double[][] corners(JsonNode box) {
        JsonNode hwl = box.get("dimensions_hwl_m");
        double[] half = {hwl.get(1).asDouble() / 2, hwl.get(0).asDouble() / 2, hwl.get(2).asDouble() / 2}; // x: w, y: h, z: l
        JsonNode centre = box.get("centre_m");
        JsonNode r = box.get("rotation");
        double[][] corners = new double[8][3];
        for (int i = 0; i < 8; i++) {
            double[] local = {(i & 1) == 0 ? -half[0] : half[0], (i & 2) == 0 ? -half[1] : half[1], (i & 4) == 0 ? -half[2] : half[2]};
            for (int row = 0; row < 3; row++) {
                double v = centre.get(row).asDouble();
                for (int col = 0; col < 3; col++) {
                    v += r.get(row).get(col).asDouble() * local[col];
                }
                corners[i][row] = v;
            }
        }
        return corners;
    }
}
