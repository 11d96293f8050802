package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keypoints of a model file, declared in the catalog in the file's coordinates, in the COCO file
 * of a real render: at the pixel the camera model predicts (within 1 px), visible (2) where the
 * model shows, 1 where an unlabelled box stands in front, named in the category with COCO's
 * skeleton between them.
 */
class ModelKeypointsEndToEndTest {
    private static final int WIDTH = 128;
    private static final int HEIGHT = 96;
    private static final double HFOV_DEG = 60;
    /** Pixels between a keypoint's predicted and written position. */
    private static final double PIXEL_TOLERANCE = 1;

    @TempDir
    Path dir;

    /**
     * A 2 m cube in the file, x and z in [-1, 1], y in [0, 2]: with size_m 2 and y up the importer
     * leaves it where it is, so the file's coordinates are the asset's. Its nose is on the front
     * face (z = 1), its left eye lower on the same face, behind the box the scene puts in front.
     */
    private void files() throws Exception {
        StringBuilder obj = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            obj.append("v ").append((i & 1) == 0 ? -1 : 1).append(' ').append((i & 2) == 0 ? 0 : 2).append(' ')
                    .append((i & 4) == 0 ? -1 : 1).append('\n');
        }
        // outward-facing quads (1-based corners: bit 0 x, bit 1 y, bit 2 z)
        obj.append("f 5 6 8 7\nf 1 3 4 2\nf 2 4 8 6\nf 1 5 7 3\nf 3 7 8 4\nf 1 2 6 5\n");
        Files.writeString(dir.resolve("cube.obj"), obj);
        Files.writeString(dir.resolve("catalog.yaml"), """
                assets:
                  - id: cube
                    file: cube.obj
                    size_m: 2
                    category: cube
                    keypoints: {nose: [0.5, 1.5, 1], left_eye: [-0.5, 0.3, 1]}
                """);
        Files.writeString(dir.resolve("scene.yaml"), """
                seed: 1
                frames: 1
                output: {width: %d, height: %d}
                catalog: catalog.yaml
                categories:
                  - {id: 1, name: cube}
                camera: {position: [0, 1, 6], hfov_deg: %s}
                lighting:
                  sun: {azimuth_deg: 30, elevation_deg: 50, intensity: 1}
                  ambient: {intensity: 0.5}
                ground: {size_m: 40, color: [0.3, 0.3, 0.3]}
                groups:
                  - name: cubes
                    asset: {id: cube}
                    region: {x: [0, 0], z: [0, 0]}
                  - name: screen
                    asset: {kind: box, params: {width_m: 0.8, height_m: 0.8, length_m: 0.2}}
                    region: {x: [-0.5, -0.5], z: [3, 3]}
                    min_gap_m: 0
                """.formatted(WIDTH, HEIGHT, HFOV_DEG));
    }

    /** Where a point of the world (y up) falls in the image of the scene's camera: pixel centres at +0.5. */
    private static double[] project(double x, double y, double z) {
        double f = (WIDTH / 2.0) / Math.tan(Math.toRadians(HFOV_DEG) / 2);
        double depth = 6 - z; // the camera at z = 6 looks along -z
        return new double[] {WIDTH / 2.0 + f * x / depth, HEIGHT / 2.0 - f * (y - 1) / depth};
    }

    @Test
    void keypointsProjectToThePredictedPixelsWithVisibilityFromTheMask() throws Exception {
        files();
        Path out = dir.resolve("out");
        Cli.Result result = Cli.run("render", dir.resolve("scene.yaml").toString(), "--out", out.toString(), "--device", "cpu",
                "--threads", "1");
        assertThat(result.exitCode()).as(result.all()).isZero();
        JsonNode coco = DatasetFiles.json(out.resolve("annotations/instances.json"));
        JsonNode category = coco.get("categories").get(0);
        assertThat(category.get("keypoints").toString()).isEqualTo("[\"nose\",\"left_eye\"]");
        assertThat(category.get("skeleton").toString()).as("COCO's bone between nose and left eye").isEqualTo("[[1,2]]");
        assertThat(coco.get("annotations")).hasSize(1);
        JsonNode k = coco.get("annotations").get(0).get("keypoints");
        double[] nose = project(0.5, 1.5, 1);
        double[] eye = project(-0.5, 0.3, 1);
        assertThat(k.get(0).asDouble()).isCloseTo(nose[0], within(PIXEL_TOLERANCE));
        assertThat(k.get(1).asDouble()).isCloseTo(nose[1], within(PIXEL_TOLERANCE));
        assertThat(k.get(2).asInt()).as("the nose shows").isEqualTo(2);
        assertThat(k.get(3).asDouble()).isCloseTo(eye[0], within(PIXEL_TOLERANCE));
        assertThat(k.get(4).asDouble()).isCloseTo(eye[1], within(PIXEL_TOLERANCE));
        assertThat(k.get(5).asInt()).as("the left eye is behind the screen").isEqualTo(1);
        assertThat(coco.get("annotations").get(0).get("num_keypoints").asInt()).isEqualTo(2);
        int[] mask = DatasetFiles.instanceMask(out.resolve("masks/instance/000000.png"), WIDTH, HEIGHT);
        assertThat(mask[(int) nose[1] * WIDTH + (int) nose[0]]).isEqualTo(1);
        assertThat(mask[(int) eye[1] * WIDTH + (int) eye[0]]).as("the screen is scenery: id 0").isZero();
        // the frame records the keypoints in the file's coordinates, so that it can be rendered again alone
        JsonNode asset = DatasetFiles.json(out.resolve("frames/000000.json")).get("objects").get(0).get("asset");
        assertThat(asset.get("keypoints").toString())
                .isEqualTo("[{\"name\":\"nose\",\"x\":0.5,\"y\":1.5,\"z\":1.0},{\"name\":\"left_eye\",\"x\":-0.5,\"y\":0.3,\"z\":1.0}]");
    }

    @Test
    void aCategoryWhoseInstancesWouldHaveDifferentKeypointsIsRefusedBeforeRendering() throws Exception {
        files();
        // a pedestrian labelled cube: COCO's 17 joints against the cube's nose and left eye
        String scene = Files.readString(dir.resolve("scene.yaml")) + """
                  - name: walkers
                    asset: pedestrian
                    category: cube
                    region: {x: [2, 2], z: [0, 0]}
                """;
        Files.writeString(dir.resolve("mixed.yaml"), scene);
        Path out = dir.resolve("mixed");
        Cli.Result result = Cli.run("render", dir.resolve("mixed.yaml").toString(), "--out", out.toString(), "--device", "cpu");
        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        // line 21 is the walkers' asset, its value at column 12
        assertThat(result.err()).contains("mixed.yaml:21:12: groups[2].asset: category 'cube' would have instances with"
                + " different keypoints: group 'walkers' (pedestrian) has [nose, left_eye, right_eye")
                .contains("group 'cubes' (model file cube.obj) has [nose, left_eye]").doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }
}
