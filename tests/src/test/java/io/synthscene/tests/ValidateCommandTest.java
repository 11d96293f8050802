package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synthscene validate}: a fresh render is clean; each copy with one defect gives exactly the
 * one violation expected, with its image and annotation id; other tools' files are accepted.
 */
class ValidateCommandTest {
    private static final int WIDTH = 160;
    private static final int HEIGHT = 120;

    @TempDir
    static Path temp;
    static Path dataset;

    @TempDir
    Path scratch;

    @BeforeAll
    static void render() {
        dataset = temp.resolve("street");
        Cli.Result result = Cli.run("render", Cli.example("urban-street.yaml"), "--out", dataset.toString(),
                "--frames", "3", "--size", WIDTH + "x" + HEIGHT, "--threads", "2");
        assertThat(result.exitCode()).as(result.all()).isZero();
    }

    @Test
    void aFreshRenderValidatesClean() {
        Cli.Result result = Cli.run("validate", dataset.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out().strip()).endsWith("3 images, " + annotationCount() + " annotations, 2 categories: no violations");
    }

    @Test
    void theSameFilesGivenAsCocoImagesAndMasksValidateClean() {
        Cli.Result result = Cli.run("validate", "--coco", dataset.resolve("annotations/instances.json").toString(),
                "--images", dataset.resolve("images").toString(), "--masks", dataset.resolve("masks/instance").toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("no violations");
    }

    @Test
    void aDuplicateAnnotationIdIsReportedOnce() throws IOException {
        Path copy = DatasetCopies.copy(dataset, scratch.resolve("dup"));
        ObjectNode coco = DatasetCopies.coco(copy);
        ArrayNode annotations = (ArrayNode) coco.get("annotations");
        long firstId = annotations.get(0).get("id").asLong();
        ((ObjectNode) annotations.get(1)).put("id", firstId);
        DatasetCopies.writeCoco(copy, coco);

        assertOnlyViolation(copy, annotations.get(1).get("image_id").asLong(), firstId, "duplicate-annotation-id");
    }

    @Test
    void aBoxOneColumnTooWideIsNotTight() throws IOException {
        Path copy = DatasetCopies.copy(dataset, scratch.resolve("bbox"));
        ObjectNode coco = DatasetCopies.coco(copy);
        ObjectNode a = awayFromTheRightEdge(coco);
        ArrayNode bbox = (ArrayNode) a.get("bbox");
        bbox.set(2, bbox.get(2).asInt() + 1);
        DatasetCopies.writeCoco(copy, coco);

        assertOnlyViolation(copy, a.get("image_id").asLong(), a.get("id").asLong(), "bbox-not-tight");
    }

    @Test
    void aWrongAreaIsReported() throws IOException {
        Path copy = DatasetCopies.copy(dataset, scratch.resolve("area"));
        ObjectNode coco = DatasetCopies.coco(copy);
        ObjectNode a = (ObjectNode) coco.get("annotations").get(2);
        a.put("area", a.get("area").asLong() + 1);
        DatasetCopies.writeCoco(copy, coco);

        assertOnlyViolation(copy, a.get("image_id").asLong(), a.get("id").asLong(), "area");
    }

    @Test
    void theRleOfAnotherInstanceDiffersFromTheStoredMask() throws IOException {
        Path copy = DatasetCopies.copy(dataset, scratch.resolve("rle"));
        ObjectNode coco = DatasetCopies.coco(copy);
        List<ObjectNode> sameImage = new ArrayList<>();
        JsonNode annotations = coco.get("annotations");
        for (JsonNode a : annotations) {
            if (a.get("image_id").equals(annotations.get(0).get("image_id"))) {
                sameImage.add((ObjectNode) a);
            }
        }
        assertThat(sameImage).as("the first frame has two instances").hasSizeGreaterThan(1);
        sameImage.get(0).set("segmentation", sameImage.get(1).get("segmentation").deepCopy());
        DatasetCopies.writeCoco(copy, coco);

        assertOnlyViolation(copy, sameImage.get(0).get("image_id").asLong(), sameImage.get(0).get("id").asLong(), "mask-mismatch");
    }

    @Test
    void aMissingImageFileIsReported() throws IOException {
        Path copy = DatasetCopies.copy(dataset, scratch.resolve("missing"));
        Files.delete(copy.resolve("images/000001.png"));

        assertOnlyViolation(copy, 2L, null, "image-missing");
    }

    @Test
    void anImageOfTheWrongSizeIsReported() throws IOException {
        Path copy = DatasetCopies.copy(dataset, scratch.resolve("size"));
        ImageIO.write(new BufferedImage(WIDTH - 1, HEIGHT, BufferedImage.TYPE_3BYTE_BGR), "png",
                copy.resolve("images/000002.png").toFile());

        Cli.Result result = assertOnlyViolation(copy, 3L, null, "image-size");
        assertThat(result.out()).contains("image file is 159x120, the COCO file says 160x120");
    }

    @Test
    void aDanglingCategoryIsReported() throws IOException {
        Path copy = DatasetCopies.copy(dataset, scratch.resolve("category"));
        ObjectNode coco = DatasetCopies.coco(copy);
        ObjectNode a = (ObjectNode) coco.get("annotations").get(1);
        a.put("category_id", 99);
        DatasetCopies.writeCoco(copy, coco);

        assertOnlyViolation(copy, a.get("image_id").asLong(), a.get("id").asLong(), "dangling-category-id");
    }

    @Test
    void aCategoryOfTheFramesMissingFromTheCocoFileIsReported() throws IOException {
        Path copy = DatasetCopies.copy(dataset, scratch.resolve("categories"));
        ObjectNode coco = DatasetCopies.coco(copy);
        ArrayNode categories = (ArrayNode) coco.get("categories");
        // Renaming keeps every annotation's category_id valid; the frames still call category 2 "pedestrian".
        ((ObjectNode) categories.get(1)).put("name", "person");
        DatasetCopies.writeCoco(copy, coco);

        Cli.Result result = assertOnlyViolation(copy, 1L, null, "category-missing");
        assertThat(result.out()).contains("category 2 'pedestrian' of the frame is not among the COCO categories (id 2 is 'person' there)");
    }

    @Test
    void otherToolsFilesWithPolygonsAndUncompressedRleAreAccepted() throws IOException {
        Path images = Files.createDirectories(scratch.resolve("foreign/images/train"));
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR), "png", images.resolve("cat.png").toFile());
        ImageIO.write(new BufferedImage(5, 3, BufferedImage.TYPE_3BYTE_BGR), "jpg", images.resolve("crowd.jpg").toFile());
        Path coco = scratch.resolve("foreign/instances_train.json");
        // As labelling tools export: float polygons with geometric areas, a crowd as uncompressed
        // RLE, keys of their own, no info or licenses, no iscrowd on one annotation.
        Files.writeString(coco, """
                {"images": [{"id": 7, "file_name": "train/cat.png", "width": 40, "height": 30, "date_captured": "2024-01-01"},
                            {"id": 8, "file_name": "train/crowd.jpg", "width": 5, "height": 3}],
                 "annotations": [
                   {"id": 1, "image_id": 7, "category_id": 3, "segmentation": [[10.5, 4.25, 30.0, 6.0, 21.75, 25.5], [2, 2, 6, 2, 6, 7]],
                    "area": 211.56, "bbox": [2.0, 2.0, 28.0, 23.5], "attributes": {"occluded": false, "track_id": 4}},
                   {"id": 2, "image_id": 8, "category_id": 3, "iscrowd": 1, "area": 4.0, "bbox": [1.0, 0.0, 2.0, 2.0],
                    "segmentation": {"size": [3, 5], "counts": [3, 2, 1, 2, 7]}},
                   {"id": 3, "image_id": 8, "category_id": 5, "iscrowd": 0, "area": 3, "bbox": [1, 0, 2, 2],
                    "segmentation": {"size": [3, 5], "counts": "321O7"}, "score": 1.0}],
                 "categories": [{"id": 3, "name": "cat", "supercategory": "animal"}, {"id": 5, "name": "dog"}]}
                """);

        Cli.Result result = Cli.run("validate", "--coco", coco.toString(), "--images", images.getParent().toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("2 images, 3 annotations, 2 categories: no violations");

        // The same file with a wrong area on the RLE annotation and a two-point polygon is not clean.
        Files.writeString(coco, Files.readString(coco).replace("\"area\": 3,", "\"area\": 5,")
                .replace("[2, 2, 6, 2, 6, 7]", "[2, 2, 6, 2]"));
        Cli.Result broken = Cli.run("validate", "--coco", coco.toString(), "--images", images.getParent().toString());
        assertThat(broken.exitCode()).as(broken.all()).isEqualTo(1);
        assertThat(violationLines(broken)).containsExactly(
                "image 7 annotation 1: polygon-points: polygon 1 has 2 point(s); a polygon needs at least 3 (at /annotations/0/segmentation/1)",
                "image 8 annotation 3: area: area 5 is not the mask's pixel count 3 (at /annotations/2/area)");
    }

    @Test
    void unreadableInputExitsTwoNamingTheProblem() throws IOException {
        Path notJson = scratch.resolve("broken.json");
        Files.writeString(notJson, "{\"images\": [{\"id\": 1,,}]}");
        Cli.Result result = Cli.run("validate", "--coco", notJson.toString(), "--images", scratch.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("broken.json:1:").contains("not valid JSON").doesNotContain("\tat ");

        Path negative = scratch.resolve("negative.json");
        Files.writeString(negative, "{\"images\": [{\"id\": 1, \"file_name\": \"a.png\", \"width\": -4, \"height\": 3}],"
                + " \"annotations\": [], \"categories\": []}");
        Cli.Result sizes = Cli.run("validate", "--coco", negative.toString(), "--images", scratch.toString());
        assertThat(sizes.exitCode()).isEqualTo(2);
        assertThat(sizes.err()).contains("negative.json:1:").contains("/images/0/width: -4 is outside 1..65536");

        assertThat(Cli.run("validate", scratch.resolve("no-such-folder").toString()).exitCode()).isEqualTo(2);
        assertThat(Cli.run("validate", scratch.toString()).err()).contains("instances.json: no such file");
        assertThat(Cli.run("validate").exitCode()).isEqualTo(2);
    }

    private static ObjectNode awayFromTheRightEdge(ObjectNode coco) {
        for (JsonNode a : coco.get("annotations")) {
            JsonNode bbox = a.get("bbox");
            if (bbox.get(0).asInt() + bbox.get(2).asInt() < WIDTH) {
                return (ObjectNode) a;
            }
        }
        throw new AssertionError("every box touches the right edge");
    }

    private static int annotationCount() {
        try {
            return DatasetFiles.json(dataset.resolve("annotations/instances.json")).get("annotations").size();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> violationLines(Cli.Result result) {
        List<String> lines = new ArrayList<>(Arrays.asList(result.out().strip().split("\n")));
        lines.remove(lines.size() - 1); // the summary
        return lines;
    }

    /** Exit code 1, exactly one violation line, naming the image, the annotation and the rule; then the summary. */
    private static Cli.Result assertOnlyViolation(Path copy, Long imageId, Long annotationId, String rule) {
        Cli.Result result = Cli.run("validate", copy.toString());
        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        String where = "image " + imageId + (annotationId == null ? "" : " annotation " + annotationId);
        assertThat(violationLines(result)).as(result.out()).singleElement().asString().startsWith(where + ": " + rule + ": ");
        assertThat(result.out().strip()).endsWith(": 1 violation {" + rule + "=1}");
        return result;
    }
}
