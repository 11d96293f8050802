package io.synthscene.annotators;

import static io.synthscene.annotators.PaintedFrames.CATEGORIES;
import static io.synthscene.annotators.PaintedFrames.frame;
import static io.synthscene.annotators.PaintedFrames.ids;
import static io.synthscene.annotators.PaintedFrames.rendered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CocoDatasetWriterTest {
    private static final int WIDTH = 6;
    private static final int HEIGHT = 4;
    // Frame 0: a car (1) and a person (2). Frame 1: nothing. Frame 2: a person as instance 1 and a car as 2.
    private static final int[] FRAME_0 = ids("110000", "110220", "000220", "000000");
    private static final int[] FRAME_2 = ids("000000", "000000", "000000", "222211");

    @TempDir
    Path folder;

    private final InstanceAnnotator annotator = new InstanceAnnotator();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void writtenFileHasEveryCocoKeyAndParses() throws IOException {
        JsonNode coco = mapper.readTree(writeThreeFrames(folder.resolve("instances.json"), false).toFile());

        assertThat(coco.fieldNames()).toIterable()
                .containsExactly("info", "licenses", "images", "annotations", "categories");
        assertThat(coco.get("info").fieldNames()).toIterable().contains("description", "version", "date_created");
        assertThat(coco.get("licenses").isArray()).isTrue();
        assertThat(coco.get("images")).hasSize(3);
        JsonNode image = coco.get("images").get(0);
        assertThat(image.get("id").asLong()).isEqualTo(1);
        assertThat(image.get("file_name").asText()).isEqualTo("000000.png");
        assertThat(image.get("width").asInt()).isEqualTo(WIDTH);
        assertThat(image.get("height").asInt()).isEqualTo(HEIGHT);
        for (JsonNode a : coco.get("annotations")) {
            assertThat(a.fieldNames()).toIterable().containsExactly("id", "image_id", "category_id", "bbox", "area",
                    "segmentation", "iscrowd", "synthscene");
            assertThat(a.get("iscrowd").asInt()).isZero();
            assertThat(a.get("bbox")).hasSize(4).allSatisfy(n -> assertThat(n.isNumber()).isTrue());
            assertThat(a.get("segmentation").get("size").get(0).asInt()).isEqualTo(HEIGHT);
            assertThat(a.get("segmentation").get("size").get(1).asInt()).isEqualTo(WIDTH);
            assertThat(a.get("synthscene").get("visible_pixels").asLong()).isEqualTo(a.get("area").asLong());
        }
    }

    @Test
    void idsAreAtLeastOneUniqueAndFollowTheFrameAndInstanceScheme() throws IOException {
        JsonNode coco = mapper.readTree(writeThreeFrames(folder.resolve("instances.json"), false).toFile());

        Set<Long> annotationIds = new HashSet<>();
        Set<Long> imageIds = new HashSet<>();
        for (JsonNode image : coco.get("images")) {
            assertThat(imageIds.add(image.get("id").asLong())).isTrue();
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode a : coco.get("annotations")) {
            long id = a.get("id").asLong();
            assertThat(id).isGreaterThanOrEqualTo(1);
            assertThat(annotationIds.add(id)).isTrue();
            assertThat(imageIds).contains(a.get("image_id").asLong());
            long frameIndex = a.get("image_id").asLong() - 1;
            assertThat(id).isEqualTo(frameIndex * 65536 + a.get("synthscene").get("instance_id").asInt());
            ids.add(id);
        }
        assertThat(imageIds).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(ids).containsExactly(1L, 2L, 2 * 65536L + 1, 2 * 65536L + 2);
    }

    @Test
    void annotationsCarryTheBoxAreaCategoryAndADecodableMask() throws IOException {
        JsonNode coco = mapper.readTree(writeThreeFrames(folder.resolve("instances.json"), false).toFile());

        JsonNode person = coco.get("annotations").get(1);
        assertThat(person.get("category_id").asInt()).isEqualTo(2);
        assertThat(person.get("bbox").get(0).asInt()).isEqualTo(3);
        assertThat(person.get("bbox").get(1).asInt()).isEqualTo(1);
        assertThat(person.get("bbox").get(2).asInt()).isEqualTo(2);
        assertThat(person.get("bbox").get(3).asInt()).isEqualTo(2);
        assertThat(person.get("area").asLong()).isEqualTo(4);
        boolean[] mask = ReferenceCocoRleDecoder.mask(person.get("segmentation").get("counts").asText(), HEIGHT, WIDTH);
        for (int i = 0; i < FRAME_0.length; i++) {
            assertThat(mask[i]).isEqualTo(FRAME_0[i] == 2);
        }
    }

    @Test
    void everyCategoryIsListedEvenWithoutAnnotations() throws IOException {
        JsonNode coco = mapper.readTree(writeThreeFrames(folder.resolve("instances.json"), false).toFile());

        assertThat(coco.get("categories")).hasSize(3);
        JsonNode sign = coco.get("categories").get(2);
        assertThat(sign.get("id").asInt()).isEqualTo(3);
        assertThat(sign.get("name").asText()).isEqualTo("sign");
        assertThat(sign.get("supercategory").asText()).isEqualTo("street");
    }

    @Test
    void sameContentGivesTheSameBytesWhateverTheOrderOfAdding() throws IOException {
        Path first = writeThreeFrames(folder.resolve("first.json"), false);
        Path second = writeThreeFrames(folder.resolve("second.json"), true);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("first.json", "second.json");
        }
    }

    @Test
    void dateIsWrittenOnlyWhenGiven() throws IOException {
        CocoDatasetWriter writer = new CocoDatasetWriter(CATEGORIES, new CocoInfo("test set", "2.0", "2025-01-31T12:00:00Z"));
        Path file = folder.resolve("instances.json");
        writer.write(file);

        JsonNode info = mapper.readTree(file.toFile()).get("info");
        assertThat(info.get("description").asText()).isEqualTo("test set");
        assertThat(info.get("date_created").asText()).isEqualTo("2025-01-31T12:00:00Z");
        assertThat(mapper.readTree(writeThreeFrames(folder.resolve("b.json"), false).toFile())
                .get("info").get("date_created").isNull()).isTrue();
    }

    @Test
    void sameFrameTwiceOrAnUnknownCategoryIsRejected() {
        CocoDatasetWriter writer = new CocoDatasetWriter(CATEGORIES);
        writer.addImage(0, "000000.png", WIDTH, HEIGHT, List.of());

        assertThatThrownBy(() -> writer.addImage(0, "000000.png", WIDTH, HEIGHT, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already added");
        List<InstanceAnnotation> unknownCategory = annotator.annotate(frame(1, WIDTH, HEIGHT, 9, 2), rendered(1, WIDTH, HEIGHT, FRAME_0));
        assertThatThrownBy(() -> writer.addImage(1, "000001.png", WIDTH, HEIGHT, unknownCategory))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("category id 9");
    }

    @Test
    void maskOfAnotherSizeIsRejected() {
        CocoDatasetWriter writer = new CocoDatasetWriter(CATEGORIES);
        List<InstanceAnnotation> annotations = annotator.annotate(frame(0, WIDTH, HEIGHT, 1, 2), rendered(0, WIDTH, HEIGHT, FRAME_0));

        assertThatThrownBy(() -> writer.addImage(0, "000000.png", WIDTH + 1, HEIGHT, annotations))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mask is 6x4");
    }

    @Test
    void anImageWithItsCameraCarriesKDistortionAndPoseUnderSynthscene() throws IOException {
        CocoDatasetWriter writer = new CocoDatasetWriter(CATEGORIES);
        io.synthscene.scenes.frame.Frame frame = frame(4, WIDTH, HEIGHT, 1, 2);
        writer.addImage(4, "000004.png", WIDTH, HEIGHT, ImageCamera.of(frame.camera()),
                annotator.annotate(frame, rendered(4, WIDTH, HEIGHT, FRAME_0)));
        Path file = folder.resolve("instances.json");
        writer.write(file);

        JsonNode image = mapper.readTree(file.toFile()).get("images").get(0);
        JsonNode extra = image.get("synthscene");
        assertThat(extra.get("frame_index").asInt()).isEqualTo(4);
        double f = frame.camera().focalLengthPixels();
        assertThat(extra.get("intrinsics").get(0).get(0).asDouble()).isEqualTo(f);
        assertThat(extra.get("intrinsics").get(0).get(2).asDouble()).isEqualTo(WIDTH / 2.0);
        assertThat(extra.get("intrinsics").get(1).get(2).asDouble()).isEqualTo(HEIGHT / 2.0);
        assertThat(extra.get("distortion")).hasSize(5);
        assertThat(extra.get("camera_to_world")).hasSize(4);
        // The painted camera sits at (0, 1.5, 10): the pose's translation column.
        assertThat(extra.get("camera_to_world").get(1).get(3).asDouble()).isEqualTo(1.5);
        assertThat(extra.get("camera_to_world").get(2).get(3).asDouble()).isEqualTo(10.0);
    }

    private Path writeThreeFrames(Path file, boolean reversed) {
        List<Runnable> additions = new ArrayList<>();
        CocoDatasetWriter writer = new CocoDatasetWriter(CATEGORIES);
        additions.add(() -> writer.addImage(0, "000000.png", WIDTH, HEIGHT,
                annotator.annotate(frame(0, WIDTH, HEIGHT, 1, 2), rendered(0, WIDTH, HEIGHT, FRAME_0))));
        additions.add(() -> writer.addImage(1, "000001.png", WIDTH, HEIGHT,
                annotator.annotate(frame(1, WIDTH, HEIGHT, 1), rendered(1, WIDTH, HEIGHT, new int[WIDTH * HEIGHT]))));
        additions.add(() -> writer.addImage(2, "000002.png", WIDTH, HEIGHT,
                annotator.annotate(frame(2, WIDTH, HEIGHT, 2, 1), rendered(2, WIDTH, HEIGHT, FRAME_2))));
        if (reversed) {
            java.util.Collections.reverse(additions);
        }
        additions.forEach(Runnable::run);
        writer.write(file);
        return file;
    }
}
