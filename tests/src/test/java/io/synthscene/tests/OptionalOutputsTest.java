package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table-top example asks for semantic masks and depth: both agree with the instance masks,
 * the frames' JSON and each other, and the COCO image entries carry each image's camera.
 */
class OptionalOutputsTest {
    private static final int WIDTH = 96;
    private static final int HEIGHT = 72;
    private static final int FRAMES = 2;

    @TempDir
    static Path temp;
    static Path dataset;

    @BeforeAll
    static void render() {
        dataset = temp.resolve("table");
        Cli.Result result = Cli.run("render", Cli.example("table-top.yaml"), "--out", dataset.toString(),
                "--frames", String.valueOf(FRAMES), "--size", WIDTH + "x" + HEIGHT);
        assertThat(result.exitCode()).as(result.all()).isZero();
    }

    @Test
    void semanticMaskIsTheCategoryOfEachPixelsInstance() throws IOException {
        for (int i = 0; i < FRAMES; i++) {
            String stem = String.format("%06d", i);
            int[] instances = DatasetFiles.instanceMask(dataset.resolve("masks/instance/" + stem + ".png"), WIDTH, HEIGHT);
            Map<Integer, Integer> categoryOf = new HashMap<>();
            categoryOf.put(0, 0);
            for (JsonNode object : DatasetFiles.json(dataset.resolve("frames/" + stem + ".json")).get("objects")) {
                if (object.get("instance_id").asInt() > 0) {
                    categoryOf.put(object.get("instance_id").asInt(), object.get("category_id").asInt());
                }
            }
            BufferedImage semantic = ImageIO.read(dataset.resolve("masks/semantic/" + stem + ".png").toFile());
            assertThat(semantic.getType()).as("category ids <= 255 give an 8-bit PNG").isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
            int[] categories = semantic.getRaster().getSamples(0, 0, WIDTH, HEIGHT, 0, new int[WIDTH * HEIGHT]);
            for (int p = 0; p < categories.length; p++) {
                assertThat(categories[p]).as("pixel %d of %s", p, stem).isEqualTo(categoryOf.get(instances[p]));
            }
            assertThat(categories).contains(1, 2, 3).as("boxes, balls and cans are all in view");
        }
    }

    @Test
    void depthPngIsTheNpyInRoundedMillimetresAndTheTableIsAboutAMetreAway() throws IOException {
        float[] metres = readNpy(dataset.resolve("depth/000000.npy"));
        int[] millimetres = DatasetFiles.instanceMask(dataset.resolve("depth/000000.png"), WIDTH, HEIGHT); // 16-bit grey
        for (int p = 0; p < metres.length; p++) {
            int expected = Float.isInfinite(metres[p]) ? 0 : (int) Math.min(65535, Math.round(metres[p] * 1000.0));
            assertThat(millimetres[p]).as("pixel %d", p).isEqualTo(expected);
        }
        // The camera is 0.65-0.75 m above the table top, ~1 m from its centre, looking down 45 degrees.
        float centre = metres[(HEIGHT / 2) * WIDTH + WIDTH / 2];
        assertThat(centre).isBetween(0.5f, 1.5f);
    }

    @Test
    void cocoImageEntriesCarryTheCameraOfTheirFrame() throws IOException {
        JsonNode images = DatasetFiles.json(dataset.resolve("annotations/instances.json")).get("images");
        assertThat(images).hasSize(FRAMES);
        for (JsonNode image : images) {
            JsonNode extra = image.get("synthscene");
            String stem = String.format("%06d", extra.get("frame_index").asInt());
            JsonNode camera = DatasetFiles.json(dataset.resolve("frames/" + stem + ".json")).get("camera");
            assertThat(extra.get("intrinsics")).isEqualTo(camera.get("intrinsics"));
            assertThat(extra.get("camera_to_world")).isEqualTo(camera.get("camera_to_world"));
            assertThat(extra.get("distortion")).hasSize(5).allMatch(k -> k.asDouble() == 0.0);
            assertThat(camera.get("distortion")).as("frames/ holds the same camera model").isEqualTo(extra.get("distortion"));
        }
    }

    @Test
    void normalsPngHoldsUnitNormalsFacingTheCameraWhereDepthIsFiniteAndZeroElsewhere() throws IOException {
        float[] metres = readNpy(dataset.resolve("depth/000000.npy"));
        BufferedImage normals = ImageIO.read(dataset.resolve("normals/000000.png").toFile());
        assertThat(normals.getWidth()).isEqualTo(WIDTH);
        int[] rgb = normals.getRaster().getPixels(0, 0, WIDTH, HEIGHT, new int[WIDTH * HEIGHT * 3]);
        JsonNode k = DatasetFiles.json(dataset.resolve("frames/000000.json")).get("camera").get("intrinsics");
        double f = k.get(0).get(0).asDouble();
        double cx = k.get(0).get(2).asDouble();
        double cy = k.get(1).get(2).asDouble();
        for (int p = 0; p < metres.length; p++) {
            double x = rgb[3 * p] / 127.5 - 1;
            double y = rgb[3 * p + 1] / 127.5 - 1;
            double z = rgb[3 * p + 2] / 127.5 - 1;
            if (Float.isInfinite(metres[p])) {
                assertThat(new int[] {rgb[3 * p], rgb[3 * p + 1], rgb[3 * p + 2]}).as("pixel %d: nothing hit", p).containsOnly(0);
            } else {
                assertThat(Math.sqrt(x * x + y * y + z * z)).as("pixel %d: a unit normal", p).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.02));
                // Facing the camera: against the ray through the pixel's centre, K^-1 (u, v, 1).
                double rayX = (p % WIDTH + 0.5 - cx) / f;
                double rayY = (p / WIDTH + 0.5 - cy) / f;
                assertThat(x * rayX + y * rayY + z).as("pixel %d: facing the camera", p).isLessThanOrEqualTo(0.02);
            }
        }
    }

    /** A float32 .npy read by hand from the format specification (NEP 1). */
    private static float[] readNpy(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        in.position(8);
        int headerLength = in.getShort() & 0xffff;
        byte[] header = new byte[headerLength];
        in.get(header);
        assertThat(new String(header, StandardCharsets.US_ASCII))
                .contains("'descr': '<f4'", "'fortran_order': False", "'shape': (" + HEIGHT + ", " + WIDTH + ")");
        float[] values = new float[WIDTH * HEIGHT];
        in.asFloatBuffer().get(values);
        assertThat(in.remaining()).isEqualTo(values.length * 4);
        return values;
    }
}
