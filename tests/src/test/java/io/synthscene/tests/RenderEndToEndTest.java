package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders the urban-street example for real (EGL + llvmpipe) and checks the dataset against itself. */
class RenderEndToEndTest {
    private static final int FRAMES = 4;
    private static final int WIDTH = 192;
    private static final int HEIGHT = 128;

    @TempDir
    static Path temp;
    static Path dataset;
    static Cli.Result result;

    @BeforeAll
    static void render() {
        dataset = temp.resolve("street");
        result = Cli.run("render", Cli.example("urban-street.yaml"), "--out", dataset.toString(),
                "--frames", String.valueOf(FRAMES), "--size", WIDTH + "x" + HEIGHT, "--threads", "2");
    }

    @Test
    void renderExitsZeroAndSaysWhichDeviceItUsed() {
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.err()).contains("device: llvmpipe");
    }

    @Test
    void everyFileOfTheLayoutIsWritten() {
        for (int i = 0; i < FRAMES; i++) {
            String stem = String.format("%06d", i);
            assertThat(dataset.resolve("images/" + stem + ".png")).isRegularFile();
            assertThat(dataset.resolve("masks/instance/" + stem + ".png")).isRegularFile();
            assertThat(dataset.resolve("frames/" + stem + ".json")).isRegularFile();
        }
        assertThat(dataset.resolve("annotations/instances.json")).isRegularFile();
        assertThat(dataset.resolve("dataset.json")).isRegularFile();
    }

    @Test
    void everyAnnotationMatchesItsInstanceMaskExactly() throws IOException {
        JsonNode coco = DatasetFiles.json(dataset.resolve("annotations/instances.json"));
        Map<Long, JsonNode> images = new HashMap<>();
        coco.get("images").forEach(image -> images.put(image.get("id").asLong(), image));
        assertThat(images).hasSize(FRAMES);
        int checked = 0;
        for (JsonNode annotation : coco.get("annotations")) {
            JsonNode image = images.get(annotation.get("image_id").asLong());
            assertThat(image).isNotNull();
            String stem = image.get("file_name").asText().replace(".png", "");
            int[] mask = DatasetFiles.instanceMask(dataset.resolve("masks/instance/" + stem + ".png"), WIDTH, HEIGHT);
            int instance = annotation.get("synthscene").get("instance_id").asInt();

            JsonNode rle = annotation.get("segmentation");
            assertThat(rle.get("size").get(0).asInt()).isEqualTo(HEIGHT);
            assertThat(rle.get("size").get(1).asInt()).isEqualTo(WIDTH);
            boolean[] decoded = CocoSpecRle.decode(rle.get("counts").asText(), HEIGHT, WIDTH);

            int xmin = Integer.MAX_VALUE, ymin = Integer.MAX_VALUE, xmax = -1, ymax = -1;
            long pixels = 0;
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    boolean inMask = mask[y * WIDTH + x] == instance;
                    assertThat(decoded[y * WIDTH + x]).as("RLE of instance %d at (%d, %d) in %s", instance, x, y, stem)
                            .isEqualTo(inMask);
                    if (inMask) {
                        pixels++;
                        xmin = Math.min(xmin, x);
                        xmax = Math.max(xmax, x);
                        ymin = Math.min(ymin, y);
                        ymax = Math.max(ymax, y);
                    }
                }
            }
            assertThat(pixels).isPositive();
            assertThat(annotation.get("area").asLong()).isEqualTo(pixels);
            JsonNode bbox = annotation.get("bbox");
            assertThat(bbox.get(0).asInt()).isEqualTo(xmin);
            assertThat(bbox.get(1).asInt()).isEqualTo(ymin);
            assertThat(bbox.get(2).asInt()).isEqualTo(xmax - xmin + 1);
            assertThat(bbox.get(3).asInt()).isEqualTo(ymax - ymin + 1);
            assertThat(annotation.get("iscrowd").asInt()).isZero();
            checked++;
        }
        assertThat(checked).as("the example scene shows labelled objects").isGreaterThan(FRAMES);
    }

    @Test
    void everyInstanceInTheMasksIsAnnotated() throws IOException {
        JsonNode coco = DatasetFiles.json(dataset.resolve("annotations/instances.json"));
        Map<Long, Set<Integer>> annotated = new HashMap<>();
        coco.get("annotations").forEach(a -> annotated.computeIfAbsent(a.get("image_id").asLong(), k -> new HashSet<>())
                .add(a.get("synthscene").get("instance_id").asInt()));
        for (JsonNode image : coco.get("images")) {
            String stem = image.get("file_name").asText().replace(".png", "");
            Set<Integer> inMask = new HashSet<>();
            for (int id : DatasetFiles.instanceMask(dataset.resolve("masks/instance/" + stem + ".png"), WIDTH, HEIGHT)) {
                if (id != 0) {
                    inMask.add(id);
                }
            }
            assertThat(annotated.getOrDefault(image.get("id").asLong(), Set.of())).isEqualTo(inMask);
        }
    }

    @Test
    void idsAreUniqueAndEveryCategoryIsListed() throws IOException {
        JsonNode coco = DatasetFiles.json(dataset.resolve("annotations/instances.json"));
        Set<Long> annotationIds = new HashSet<>();
        coco.get("annotations").forEach(a -> {
            assertThat(a.get("id").asLong()).isPositive();
            assertThat(annotationIds.add(a.get("id").asLong())).isTrue();
        });
        Set<Long> imageIds = new HashSet<>();
        coco.get("images").forEach(i -> assertThat(imageIds.add(i.get("id").asLong())).isTrue());
        assertThat(imageIds).allSatisfy(id -> assertThat(id).isPositive());
        Set<String> categories = new HashSet<>();
        coco.get("categories").forEach(c -> categories.add(c.get("name").asText()));
        assertThat(categories).contains("car", "pedestrian");
        Set<Integer> categoryIds = new HashSet<>();
        coco.get("categories").forEach(c -> categoryIds.add(c.get("id").asInt()));
        coco.get("annotations").forEach(a -> assertThat(categoryIds).contains(a.get("category_id").asInt()));
    }

    @Test
    void datasetJsonRecordsProvenance() throws IOException {
        JsonNode meta = DatasetFiles.json(dataset.resolve("dataset.json"));
        String text = meta.toString();
        assertThat(text).contains("llvmpipe");
        assertThat(text).containsPattern("\"[0-9a-f]{64}\"");
        assertThat(meta.findValue("seed")).isNotNull();
        assertThat(meta.findValue("width").asInt()).isEqualTo(WIDTH);
        assertThat(meta.findValue("height").asInt()).isEqualTo(HEIGHT);
    }

    @Test
    void renderedImagesAreNotBlank() throws IOException {
        var image = javax.imageio.ImageIO.read(dataset.resolve("images/000000.png").toFile());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("distinct colours in a shaded frame").isGreaterThan(50);
        assertThat(Files.size(dataset.resolve("images/000000.png"))).isGreaterThan(1000);
    }
}
