package io.synthscene.annotators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthscene.scenes.frame.Category;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthsceneCocoReaderTest {
    private static final int WIDTH = 6;
    private static final int HEIGHT = 4;
    private static final List<Category> CATEGORIES = List.of(new Category(1, "car", "vehicle"),
            new Category(2, "person", "human"), new Category(3, "sign", "street furniture"));
    private static final List<String> JOINTS = List.of("nose", "left_eye", "right_eye", "left_shoulder", "left_elbow");

    @TempDir
    Path folder;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void recordsWithEveryOptionalPartPresentAndAbsentReadBackEqualAndWriteTheSameBytes() throws IOException {
        CocoRecords written = new CocoRecords(new CocoInfo("hand-built", "2.5", "2026-11-26T12:00:00Z"), CATEGORIES,
                List.of(frameWithEverything(0), frameWithoutCamera(1), frameWithStatsOnly(2), frameWithCameraOnly(4),
                        new AnnotatedFrame(7, "000007.jpg", WIDTH, HEIGHT, null, List.of())));
        assertRoundTrips(written);
    }

    @Test
    void theDefaultInfoAndAFileWithoutAnnotationsRoundTrip() throws IOException {
        CocoRecords written = new CocoRecords(CocoInfo.synthscene(), CATEGORIES, List.of());
        Path first = assertRoundTrips(written);
        assertThat(SynthsceneCocoReader.read(first).info().dateCreated()).isNull();
    }

    @Test
    void aNullSupercategoryReadsBackAsTheNameTheWriterWrote() throws IOException {
        Path first = folder.resolve("first.json");
        new CocoRecords(CocoInfo.synthscene(), List.of(new Category(5, "bench", null)), List.of()).writer().write(first);
        CocoRecords read = SynthsceneCocoReader.read(first);
        assertThat(read.categories()).containsExactly(new Category(5, "bench", "bench"));
        Path second = folder.resolve("second.json");
        read.writer().write(second);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void anIgnoreCategoryIsMarkedInCategoriesAndReadsBackWithItsIgnoreRegion() throws IOException {
        List<Category> categories = List.of(new Category(1, "car", "vehicle"), new Category(4, "debris", "debris", true));
        InstanceAnnotation debris = annotation(1, 4, "110000", "110000", "000000", "000000")
                .withIgnoreReason(IgnoreRegions.IGNORE_CATEGORY);
        CocoRecords written = new CocoRecords(CocoInfo.synthscene(), categories,
                List.of(new AnnotatedFrame(0, "000000.png", WIDTH, HEIGHT, null, List.of(debris))));
        JsonNode coco = mapper.readTree(assertRoundTrips(written).toFile());
        assertThat(coco.get("categories").get(0).has("synthscene")).as("only ignore categories are marked").isFalse();
        assertThat(coco.get("categories").get(1).get("synthscene")).isEqualTo(mapper.readTree("{\"ignore\": true}"));
        assertThat(coco.get("annotations").get(0).has("ignore")).as("no top-level ignore: Detectron2 refuses it").isFalse();
    }

    @Test
    void aCategoryMarkTheWriterWouldNotWriteIsRefused() throws IOException {
        Path notIgnored = edited(coco -> ((ObjectNode) coco.get("categories").get(0)).putObject("synthscene").put("ignore", false));
        assertThatThrownBy(() -> SynthsceneCocoReader.read(notIgnored)).isInstanceOf(CocoFormatException.class)
                .hasMessageStartingWith("edited.json: /categories/0/synthscene/ignore: synthscene.ignore false:");
        Path other = edited(coco -> ((ObjectNode) coco.get("categories").get(0)).putObject("synthscene").put("ignore", true)
                .put("colour", "red"));
        assertThatThrownBy(() -> SynthsceneCocoReader.read(other)).isInstanceOf(CocoFormatException.class)
                .hasMessageStartingWith("edited.json: /categories/0/synthscene/colour: unexpected key");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByItsPointer() throws IOException {
        Path file = edited(coco -> ((ArrayNode) coco.get("annotations").get(0).get("bbox")).set(2, "3"));
        assertThatThrownBy(() -> SynthsceneCocoReader.read(file)).isInstanceOf(CocoFormatException.class)
                .hasMessage("edited.json: /annotations/0/bbox/2: expected an integer, found a string");
    }

    @Test
    void aDoubleWrittenAsAnArbitraryStringIsRefused() throws IOException {
        Path file = edited(coco -> ((ObjectNode) coco.get("annotations").get(0).get("synthscene")).put("visibility", "high"));
        assertThatThrownBy(() -> SynthsceneCocoReader.read(file)).isInstanceOf(CocoFormatException.class)
                .hasMessage("edited.json: /annotations/0/synthscene/visibility: expected a number, found the string \"high\"");
    }

    @Test
    void anAnnotationWithoutItsSynthsceneBlockIsRefused() throws IOException {
        Path file = edited(coco -> ((ObjectNode) coco.get("annotations").get(1)).remove("synthscene"));
        assertThatThrownBy(() -> SynthsceneCocoReader.read(file)).isInstanceOf(CocoFormatException.class)
                .hasMessage("edited.json: /annotations/1/synthscene: missing");
    }

    @Test
    void polygonSegmentationsAreRefusedAsLossy() throws IOException {
        CocoDatasetWriter writer = new CocoDatasetWriter(CATEGORIES, CocoInfo.synthscene(), MaskFormat.POLYGON);
        writer.add(frameWithEverything(0));
        Path file = folder.resolve("polygons.json");
        writer.write(file);
        assertThatThrownBy(() -> SynthsceneCocoReader.read(file)).isInstanceOf(CocoFormatException.class)
                .hasMessageStartingWith("polygons.json: /annotations/0/segmentation: polygons: written with mask format"
                        + " 'polygon'")
                .hasMessageContaining("only files written with RLE masks");
    }

    @Test
    void aPartOfTheOcclusionFieldsIsRefusedNamingTheFirstMissingOne() throws IOException {
        Path file = edited(coco -> ((ObjectNode) coco.get("annotations").get(0).get("synthscene")).remove("amodal_bbox"));
        assertThatThrownBy(() -> SynthsceneCocoReader.read(file)).isInstanceOf(CocoFormatException.class)
                .hasMessage("edited.json: /annotations/0/synthscene/amodal_bbox: missing");
    }

    @Test
    void aBoxWithoutCornersInMetresIsRefusedRatherThanRecomputed() throws IOException {
        Path file = edited(coco -> ((ObjectNode) coco.get("annotations").get(0).get("synthscene").get("box3d")).remove("corners_m"));
        assertThatThrownBy(() -> SynthsceneCocoReader.read(file)).isInstanceOf(CocoFormatException.class)
                .hasMessageStartingWith("edited.json: /annotations/0/synthscene/box3d/corners_m: missing: written before");
    }

    @Test
    void aDerivedValueThatTheWriterWouldNotWriteIsRefused() throws IOException {
        Path alpha = edited(coco -> ((ObjectNode) coco.get("annotations").get(0).get("synthscene").get("box3d")).put("alpha", 0.5));
        assertThatThrownBy(() -> SynthsceneCocoReader.read(alpha)).isInstanceOf(CocoFormatException.class)
                .hasMessageStartingWith("edited.json: /annotations/0/synthscene/box3d/alpha: 0.5 is not rotation_y");
        Path pixel = edited(coco -> ((ArrayNode) coco.get("annotations").get(0).get("synthscene").get("box3d")
                .get("corners_px").get(0)).set(1, 1.0));
        assertThatThrownBy(() -> SynthsceneCocoReader.read(pixel)).isInstanceOf(CocoFormatException.class)
                .hasMessageStartingWith("edited.json: /annotations/0/synthscene/box3d/corners_px/0/1: 1.0 is not the projection");
        Path id = edited(coco -> ((ObjectNode) coco.get("annotations").get(1)).put("id", 7));
        assertThatThrownBy(() -> SynthsceneCocoReader.read(id)).isInstanceOf(CocoFormatException.class)
                .hasMessage("edited.json: /annotations/1/id: annotation id 7 is not frame index 0 × 65536 + instance id 2 = 2");
        Path count = edited(coco -> ((ObjectNode) coco.get("annotations").get(1)).put("num_keypoints", 5));
        assertThatThrownBy(() -> SynthsceneCocoReader.read(count)).isInstanceOf(CocoFormatException.class)
                .hasMessage("edited.json: /annotations/1/num_keypoints: 5 but 3 keypoints are labelled (v > 0)");
    }

    @Test
    void aKeyTheWriterNeverWritesIsRefusedBecauseTheRecordsWouldLoseIt() throws IOException {
        Path file = edited(coco -> ((ObjectNode) coco.get("images").get(0)).put("license", 1));
        assertThatThrownBy(() -> SynthsceneCocoReader.read(file)).isInstanceOf(CocoFormatException.class)
                .hasMessageStartingWith("edited.json: /images/0/license: unexpected key");
    }

    @Test
    void anUnknownImageOrCategoryIsNamed() throws IOException {
        Path image = edited(coco -> ((ObjectNode) coco.get("annotations").get(0)).put("image_id", 99));
        assertThatThrownBy(() -> SynthsceneCocoReader.read(image)).isInstanceOf(CocoFormatException.class)
                .hasMessage("edited.json: /annotations/0/image_id: no image has id 99");
        Path category = edited(coco -> ((ObjectNode) coco.get("annotations").get(0)).put("category_id", 9));
        assertThatThrownBy(() -> SynthsceneCocoReader.read(category)).isInstanceOf(CocoFormatException.class)
                .hasMessage("edited.json: /annotations/0/category_id: no category has id 9");
    }

    @Test
    void textThatIsNotJsonIsNamedByLineAndColumn() throws IOException {
        Path file = folder.resolve("broken.json");
        Files.writeString(file, "{\"info\": {\n  \"description\": tru}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SynthsceneCocoReader.read(file)).isInstanceOf(CocoFormatException.class)
                .hasMessageStartingWith("broken.json:2:").hasMessageContaining("not JSON");
    }

    /** Writes the records, reads them back equal, writes the same bytes again; returns the first file. */
    private Path assertRoundTrips(CocoRecords written) throws IOException {
        Path first = folder.resolve("first.json");
        written.writer().write(first);
        CocoRecords read = SynthsceneCocoReader.read(first);
        assertSameRecords(read, written);
        Path second = folder.resolve("second.json");
        read.writer().write(second);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        return first;
    }

    /**
     * Equal field by field, arrays element by element, doubles to the bit (AssertJ's default for
     * doubles allows 1e-15, which would hide a lost last bit).
     */
    static void assertSameRecords(CocoRecords actual, CocoRecords expected) {
        assertThat(actual).usingRecursiveComparison().withComparatorForType(Double::compare, Double.class)
                .isEqualTo(expected);
    }

    @Test
    void aDoubleThatDiffersInTheLastBitMakesTheRecordsDiffer() {
        CocoRecords one = new CocoRecords(CocoInfo.synthscene(), CATEGORIES, List.of(frameWithCameraOnly(0)));
        ImageCamera camera = camera();
        double[][] k = camera.intrinsics();
        k[0][0] = Math.nextUp(k[0][0]);
        AnnotatedFrame frame = frameWithCameraOnly(0);
        CocoRecords other = new CocoRecords(CocoInfo.synthscene(), CATEGORIES, List.of(new AnnotatedFrame(0,
                frame.imageFileName(), WIDTH, HEIGHT, new ImageCamera(k, camera.cameraToWorld(), camera.distortion()),
                frame.annotations())));
        assertThatThrownBy(() -> assertSameRecords(other, one)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("frames[0].camera.intrinsics[0][0]");
    }

    /** The file of {@link #frameWithEverything}, changed by {@code edit} and written again. */
    private Path edited(Consumer<JsonNode> edit) throws IOException {
        Path original = folder.resolve("original.json");
        new CocoRecords(CocoInfo.synthscene(), CATEGORIES, List.of(frameWithEverything(0))).writer().write(original);
        assertThat(SynthsceneCocoReader.read(original).frames()).hasSize(1); // the file before editing reads
        JsonNode coco = mapper.readTree(original.toFile());
        edit.accept(coco);
        Path file = folder.resolve("edited.json");
        mapper.writeValue(file.toFile(), coco);
        return file;
    }

    /** Camera, stats, and annotations with every part: occlusion, a box partly behind the camera, keypoints. */
    private static AnnotatedFrame frameWithEverything(int index) {
        InstanceAnnotation car = annotation(1, 1, "110000", "110000", "000000", "000000")
                .withOcclusion(occlusion("111000", "111000", "000000", "000000", new int[] {2}, 4.0 / 6, 0.1 + 0.2, true))
                .withBox3d(box(new double[] {0.25, -0.5, 7.125}, 1.0E-300));
        InstanceAnnotation person = annotation(2, 2, "000000", "000000", "000110", "000110")
                .withOcclusion(occlusion("000000", "000000", "000110", "000110", new int[] {}, 1.0, 0.0, false))
                .withKeypoints(new Keypoints(JOINTS, new double[] {3.5, 2.25, 2, 0, 0, 0, 4.000000000000001, 3.1, 1,
                        0, 0, 0, 1.0 / 3, 2.0 / 3, 2}));
        InstanceAnnotation sign = annotation(3, 3, "000001", "000001", "000000", "000000");
        return new AnnotatedFrame(index, String.format("%06d.png", index), WIDTH, HEIGHT, camera(),
                List.of(car, person, sign), new OcclusionStats(5, 3, 1, 1));
    }

    /** A box without a camera (no pixel corners), the image entry without its synthscene object. */
    private static AnnotatedFrame frameWithoutCamera(int index) {
        InstanceAnnotation car = annotation(9, 1, "000000", "011110", "011110", "000000")
                .withBox3d(box(new double[] {-0.0, Double.MIN_VALUE, 3.0}, 0.0));
        return new AnnotatedFrame(index, String.format("%06d.png", index), WIDTH, HEIGHT, null, List.of(car));
    }

    private static AnnotatedFrame frameWithStatsOnly(int index) {
        InstanceAnnotation person = annotation(65535, 2, "100000", "000000", "000000", "000000")
                .withOcclusion(occlusion("100000", "100000", "000000", "000000", new int[] {1, 2, 40000}, 0.5, 0.0, false));
        return new AnnotatedFrame(index, String.format("%06d.png", index), WIDTH, HEIGHT, null, List.of(person),
                new OcclusionStats(1, 1, 0, 0));
    }

    private static AnnotatedFrame frameWithCameraOnly(int index) {
        return new AnnotatedFrame(index, String.format("%06d.png", index), WIDTH, HEIGHT, camera(), List.of(
                annotation(4, 3, "000000", "000000", "000000", "111111")));
    }

    /** K with awkward doubles, a pose, and distortion holding values Jackson writes as strings. */
    private static ImageCamera camera() {
        double[][] k = {{6.123456789012345, 0, 3.0}, {0, 6.1234567890123, 2.0}, {0, 0, 1}};
        double[][] pose = {{1, 0, 0, 0.1}, {0, -1, 0, 1.7}, {0, 0, -1, -12.000000000000002}, {0, 0, 0, 1}};
        return new ImageCamera(k, pose, new double[] {1.0E-17, -0.0, Double.NaN, Double.POSITIVE_INFINITY, -1.0E22});
    }

    private static InstanceAnnotation annotation(int instanceId, int categoryId, String... rows) {
        CocoRle rle = rle(rows);
        boolean[] mask = rle.toMask();
        int minX = WIDTH;
        int minY = HEIGHT;
        int maxX = -1;
        int maxY = -1;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                minX = Math.min(minX, i % WIDTH);
                maxX = Math.max(maxX, i % WIDTH);
                minY = Math.min(minY, i / WIDTH);
                maxY = Math.max(maxY, i / WIDTH);
            }
        }
        return new InstanceAnnotation(instanceId, categoryId, minX, minY, maxX - minX + 1, maxY - minY + 1, rle.area(),
                rle, rle.area());
    }

    private static Occlusion occlusion(String row0, String row1, String row2, String row3, int[] occluders,
                                       double visibility, double truncation, boolean lowerBound) {
        CocoRle amodal = rle(row0, row1, row2, row3);
        return new Occlusion(amodal.area(), amodal, new int[] {0, 0, 3, 2}, new int[] {-3, -2, 6, 4}, amodal.area() + 7,
                visibility, truncation, lowerBound, occluders);
    }

    /** A box whose corners are not what centre ± rotation·half-dimensions gives; one corner behind the camera. */
    private static Box3d box(double[] centre, double rotationY) {
        double[][] corners = new double[8][];
        for (int i = 0; i < 8; i++) {
            corners[i] = new double[] {centre[0] + ((i & 1) == 0 ? -0.9 : 0.9000000000000001),
                    centre[1] + ((i & 2) == 0 ? -0.7 : 0.7), i == 5 ? -0.25 : centre[2] + ((i & 4) == 0 ? -2.1 : 2.1)};
        }
        double[][] rotation = {{Math.cos(0.3), 0, Math.sin(0.3)}, {0, 1, 0}, {-Math.sin(0.3), 0, Math.cos(0.3)}};
        return new Box3d(1.4, 1.8, 4.2, centre, new double[] {centre[0], centre[1] + 0.7, centre[2]}, rotation, rotationY,
                corners, Math.sqrt(centre[0] * centre[0] + centre[1] * centre[1] + centre[2] * centre[2]));
    }

    /** A mask from rows of '0' and '1', top row first. */
    private static CocoRle rle(String... rows) {
        boolean[] mask = new boolean[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                mask[y * WIDTH + x] = rows[y].charAt(x) == '1';
            }
        }
        return CocoRle.fromMask(mask, WIDTH, HEIGHT);
    }
}
