package io.synthscene.annotators.export;

import static io.synthscene.annotators.PaintedFrames.CATEGORIES;
import static io.synthscene.annotators.PaintedFrames.frame;
import static io.synthscene.annotators.PaintedFrames.ids;
import static io.synthscene.annotators.PaintedFrames.rendered;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthscene.annotators.AnnotatedFrame;
import io.synthscene.annotators.CocoDatasetWriter;
import io.synthscene.annotators.CocoInfo;
import io.synthscene.annotators.ImageCamera;
import io.synthscene.annotators.ImageEncoder;
import io.synthscene.annotators.InstanceAnnotation;
import io.synthscene.annotators.InstanceAnnotator;
import io.synthscene.annotators.MaskFormat;
import io.synthscene.annotators.PolygonTracer.Polygon;
import io.synthscene.scenes.frame.Frame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each export format written from painted frames and checked against the format's rules. */
class ExportersTest {
    private static final int W = 8;
    private static final int H = 5;
    // Instance 1 (a car): columns 1..3, rows 1..2. Instance 2 (a person): columns 5..6, rows 0..4.
    private static final int[] IDS = ids(
            "00000220",
            "01110220",
            "01110220",
            "00000220",
            "00000220");

    @TempDir
    Path root;

    private final Frame frame = frame(3, W, H, 1, 2);
    private final List<InstanceAnnotation> annotations = new InstanceAnnotator().annotate(frame, rendered(3, W, H, IDS));
    private final AnnotatedFrame exportFrame = new AnnotatedFrame(3, "000003.png", W, H, ImageCamera.of(frame.camera()), annotations);

    @Test
    void yoloDetectionHasOneNormalisedLinePerInstanceAndTheClassNames() throws IOException {
        YoloExporter yolo = new YoloExporter(root, YoloExporter.Kind.DETECTION, CATEGORIES);
        yolo.addFrame(exportFrame);
        yolo.addFrame(new AnnotatedFrame(4, "000004.png", W, H, null, List.of()));
        yolo.finish();

        assertThat(Files.readAllLines(root.resolve("labels/000003.txt"))).containsExactly(
                // car: x 1..4 (edges), y 1..3 -> centre (2.5/8, 2/5), size (3/8, 2/5)
                "0 0.312500 0.400000 0.375000 0.400000",
                // person: x 5..7, y 0..5 -> centre (6/8, 2.5/5), size (2/8, 5/5)
                "1 0.750000 0.500000 0.250000 1.000000");
        assertThat(root.resolve("labels/000004.txt")).isEmptyFile();
        assertThat(Files.readString(root.resolve("data.yaml")))
                .contains("train: images", "val: images", "names:", "  0: \"car\"", "  1: \"person\"", "  2: \"sign\"");
    }

    @Test
    void yoloSegmentationWritesOnePolygonPerInstanceInsideTheUnitSquare() throws IOException {
        YoloExporter yolo = new YoloExporter(root, YoloExporter.Kind.SEGMENTATION, CATEGORIES);
        yolo.addFrame(exportFrame);
        yolo.finish();

        List<String> lines = Files.readAllLines(root.resolve("labels/000003.txt"));
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            String[] fields = line.split(" ");
            assertThat((fields.length - 1) % 2).as("x, y pairs").isZero();
            assertThat((fields.length - 1) / 2).as("at least 3 vertices").isGreaterThanOrEqualTo(3);
            for (int i = 1; i < fields.length; i++) {
                assertThat(Double.parseDouble(fields[i])).isBetween(0.0, 1.0);
            }
        }
        // The car's rectangle: pixel centres (1.5..3.5, 1.5..2.5) over 8 x 5.
        assertThat(lines.get(0)).startsWith("0 ").contains("0.187500 0.300000", "0.437500 0.500000");
    }

    @Test
    void partsOfOneInstanceAreBridgedIntoOnePolygon() {
        Polygon a = new Polygon(new double[] {0, 0, 2, 0, 2, 2, 0, 2});
        Polygon b = new Polygon(new double[] {5, 0, 7, 0, 7, 2, 5, 2});

        double[] joined = YoloExporter.Bridges.join(List.of(a, b));

        assertThat(joined).hasSize(a.xy().length + b.xy().length + 4);
        // Leaves a at its vertex nearest b, (2, 0), enters b at (5, 0), walks b, and comes back.
        assertThat(joined).startsWith(0, 0, 2, 0, 5, 0, 7, 0, 7, 2, 5, 2, 5, 0, 2, 0, 2, 2, 0, 2);
    }

    @Test
    void cocoPanopticPngHoldsEachSegmentIdAndTheJsonDescribesIt() throws IOException {
        CocoPanopticExporter panoptic = new CocoPanopticExporter(root, CATEGORIES);
        panoptic.addFrame(exportFrame);
        panoptic.finish();

        byte[] png = Files.readAllBytes(root.resolve("annotations/panoptic/000003.png"));
        byte[] rgb = new ImageEncoder().decodeColorRgb(png);
        for (int p = 0; p < IDS.length; p++) {
            int id = (rgb[p * 3] & 0xff) + 256 * (rgb[p * 3 + 1] & 0xff) + 65536 * (rgb[p * 3 + 2] & 0xff);
            assertThat(id).as("pixel %d", p).isEqualTo(IDS[p]);
        }
        JsonNode json = new ObjectMapper().readTree(root.resolve("annotations/panoptic.json").toFile());
        JsonNode entry = json.get("annotations").get(0);
        assertThat(entry.get("image_id").asLong()).isEqualTo(CocoDatasetWriter.imageId(3));
        assertThat(entry.get("file_name").asText()).isEqualTo("000003.png");
        assertThat(entry.get("segments_info")).hasSize(2);
        JsonNode car = entry.get("segments_info").get(0);
        assertThat(car.get("id").asInt()).isEqualTo(1);
        assertThat(car.get("category_id").asInt()).isEqualTo(1);
        assertThat(car.get("area").asInt()).isEqualTo(6);
        assertThat(json.get("categories")).hasSize(3).allMatch(c -> c.get("isthing").asInt() == 1);
    }

    @Test
    void anIgnoreCategoryIsMarkedInPanopticCategoriesAsInTheInstancesFile() throws IOException {
        List<io.synthscene.scenes.frame.Category> withDebris = new java.util.ArrayList<>(CATEGORIES);
        withDebris.add(new io.synthscene.scenes.frame.Category(9, "debris", "debris", true));
        CocoPanopticExporter panoptic = new CocoPanopticExporter(root, withDebris);
        panoptic.addFrame(exportFrame);
        panoptic.finish();
        JsonNode categories = new ObjectMapper().readTree(root.resolve("annotations/panoptic.json").toFile()).get("categories");
        assertThat(categories).hasSize(CATEGORIES.size() + 1);
        for (int i = 0; i < CATEGORIES.size(); i++) {
            assertThat(categories.get(i).has("synthscene")).isFalse();
        }
        assertThat(categories.get(CATEGORIES.size()).at("/synthscene/ignore").asBoolean()).isTrue();
    }

    @Test
    void cocoWithPolygonMasksWritesClosedPolygonsOfAtLeastThreeVertices() throws IOException {
        CocoDatasetWriter writer = new CocoDatasetWriter(CATEGORIES, CocoInfo.synthscene(), MaskFormat.POLYGON);
        writer.addImage(3, "000003.png", W, H, annotations);
        Path file = root.resolve("instances.json");
        writer.write(file);

        JsonNode coco = new ObjectMapper().readTree(file.toFile());
        for (JsonNode a : coco.get("annotations")) {
            JsonNode segmentation = a.get("segmentation");
            assertThat(segmentation.isArray()).isTrue();
            for (JsonNode polygon : segmentation) {
                assertThat(polygon.size()).isGreaterThanOrEqualTo(6).matches(n -> n % 2 == 0);
            }
        }
        JsonNode car = coco.get("annotations").get(0);
        assertThat(car.get("area").asInt()).as("area stays the mask's pixel count").isEqualTo(6);
    }
}
