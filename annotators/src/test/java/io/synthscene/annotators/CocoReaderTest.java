package io.synthscene.annotators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CocoReaderTest {

    @TempDir
    Path temp;

    /** As other tools write it: no info or licenses, polygons, uncompressed RLE for a crowd, extra keys. */
    static final String OTHER_TOOL = """
            {
              "images": [
                {"id": 1, "file_name": "a.jpg", "width": 6, "height": 4, "license": 3, "coco_url": "http://x"},
                {"id": 2, "file_name": "sub/b.png", "width": 5, "height": 3}
              ],
              "annotations": [
                {"id": 10, "image_id": 1, "category_id": 1, "segmentation": [[1, 1, 4, 1, 4, 3, 1, 3]],
                 "area": 6.0, "bbox": [1.0, 1.0, 3.0, 2.0], "iscrowd": 0, "attributes": {"occluded": false}},
                {"id": 11, "image_id": 2, "category_id": 2, "iscrowd": 1, "area": 4, "bbox": [1, 0, 2, 2],
                 "segmentation": {"size": [3, 5], "counts": [3, 2, 1, 2, 7]}},
                {"id": 12, "image_id": 2, "category_id": 2, "segmentation": {"size": [3, 5], "counts": "321O7"},
                 "score": 0.9, "synthscene": {"instance_id": 4, "visibility": 0.25, "other": [1, 2]}},
                {"id": 13, "image_id": 1, "category_id": 1}
              ],
              "categories": [{"id": 1, "name": "cat"}, {"id": 2, "name": "dog", "supercategory": "animal", "keypoints": []}],
              "extra_top_level": {"anything": [1, 2, 3]}
            }
            """;

    private Path write(String json) throws IOException {
        Path file = temp.resolve("instances.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void readsOtherToolsFilesWithEveryKindOfSegmentation() throws IOException {
        CocoDataset dataset = CocoReader.read(write(OTHER_TOOL));

        assertThat(dataset.images()).extracting(CocoImage::fileName).containsExactly("a.jpg", "sub/b.png");
        assertThat(dataset.categories()).extracting(CocoCategory::supercategory).containsExactly(null, "animal");
        List<CocoAnnotation> a = dataset.annotations();
        assertThat(a).hasSize(4);

        assertThat(a.get(0).segmentation()).isInstanceOf(CocoSegmentation.Polygons.class);
        assertThat(a.get(0).segmentation().toRle(4, 6).area()).isEqualTo(6); // columns 1..3, rows 1..2
        assertThat(a.get(0).bbox()).containsExactly(1, 1, 3, 2);
        assertThat(a.get(0).crowd()).isFalse();

        CocoAnnotation crowd = a.get(1);
        assertThat(crowd.crowd()).isTrue();
        assertThat(crowd.segmentation()).isInstanceOf(CocoSegmentation.UncompressedRle.class);
        // column-major 3 x 5: 3 background (column 0), 2 in (column 1, rows 0..1), 1 out, 2 in (column 2, rows 0..1), 7 out
        boolean[] mask = crowd.segmentation().toRle(3, 5).toMask();
        assertThat(mask).containsExactly(
                false, true, true, false, false,
                false, true, true, false, false,
                false, false, false, false, false);

        CocoAnnotation compressed = a.get(2);
        assertThat(compressed.segmentation().toRle(3, 5).counts()).containsExactly(3, 2, 1, 1, 8);
        assertThat(compressed.instanceId()).isEqualTo(4);
        assertThat(compressed.visibility()).isEqualTo(0.25);
        assertThat(compressed.bbox()).isNull();
        assertThat(compressed.area()).isNull();

        assertThat(a.get(3).segmentation()).isNull();
        assertThat(a.get(3).path()).isEqualTo("/annotations/3");
    }

    @Test
    void notJsonNamesLineAndColumn() throws IOException {
        assertThatThrownBy(() -> CocoReader.read(write("{\"images\": [}")))
                .isInstanceOf(CocoFormatException.class)
                .hasMessageStartingWith("instances.json:1:").hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> CocoReader.read(write("{\"images\": [], \"annotations\": [")))
                .isInstanceOf(CocoFormatException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> CocoReader.read(write("")))
                .isInstanceOf(CocoFormatException.class).hasMessageContaining("found the end of the file");
        assertThatThrownBy(() -> CocoReader.read(write("[1, 2]")))
                .isInstanceOf(CocoFormatException.class).hasMessageContaining("expected a JSON object");
    }

    /** Found by feeding hostile files to {@code validate}: Jackson's own names leaked into the message. */
    @Test
    void notJsonMessagesNameNoneOfJacksonsClassesOrSettings() throws IOException {
        String cut = "{\"images\": [{\"id\": 1, \"size\": [1, 2";
        assertThatThrownBy(() -> CocoReader.read(write(cut)))
                .isInstanceOf(CocoFormatException.class)
                .hasMessageStartingWith("instances.json:1:")
                .hasMessageEndingWith("not valid JSON: Unexpected end-of-input: expected close marker for Array"
                        + " (start marker at line 1, column 31)");
        assertThatThrownBy(() -> CocoReader.read(write("{\"images\": [], \"annotations\": [{\"area\": NaN}]}")))
                .isInstanceOf(CocoFormatException.class)
                .hasMessageContaining("/annotations/0/area: not valid JSON: Non-standard token 'NaN' (NaN and Infinity are not JSON numbers)")
                .message().doesNotContain("JsonReadFeature").doesNotContain("enable");
        assertThatThrownBy(() -> CocoReader.read(write("{\"a\":".repeat(2000) + "1" + "}".repeat(2000))))
                .isInstanceOf(CocoFormatException.class)
                .hasMessageContaining("not valid JSON: arrays and objects are nested deeper than 1000 levels")
                .message().doesNotContain("StreamReadConstraints").doesNotContain("getMaxNestingDepth");
    }

    @Test
    void wrongTypesNameTheJsonPointerOfTheElement() throws IOException {
        assertError(OTHER_TOOL.replace("\"bbox\": [1.0, 1.0, 3.0, 2.0]", "\"bbox\": [1.0, 1.0, \"3\", 2.0]"),
                "/annotations/0/bbox/2: expected a number, found a string");
        assertError(OTHER_TOOL.replace("\"bbox\": [1.0, 1.0, 3.0, 2.0]", "\"bbox\": [1.0, 1.0, 3.0]"),
                "/annotations/0/bbox: has 3 numbers");
        assertError(OTHER_TOOL.replace("\"id\": 2, \"file_name\": \"sub/b.png\"", "\"id\": \"2\", \"file_name\": \"sub/b.png\""),
                "/images/1/id: expected an integer, found a string");
        assertError(OTHER_TOOL.replace("\"id\": 13, ", "\"id\": 13.5, "), "/annotations/3/id: 13.5 is not an integer");
        assertError(OTHER_TOOL.replace("\"iscrowd\": 1,", "\"iscrowd\": 2,"), "/annotations/1/iscrowd: 2 is outside 0..1");
        assertError(OTHER_TOOL.replace("[[1, 1, 4, 1, 4, 3, 1, 3]]", "[[1, 1, 4, 1, 4, 3, 1]]"),
                "/annotations/0/segmentation/0: has 7 numbers");
        assertError(OTHER_TOOL.replace("[[1, 1, 4, 1, 4, 3, 1, 3]]", "\"polygon\""),
                "/annotations/0/segmentation: expected polygons");
        assertError(OTHER_TOOL.replace("\"counts\": \"321O7\"", "\"counts\": 321"),
                "/annotations/2/segmentation/counts: expected a string (compressed RLE) or an array of run lengths");
        assertError(OTHER_TOOL.replace("{\"id\": 13, \"image_id\": 1, \"category_id\": 1}", "{\"id\": 13, \"category_id\": 1}"),
                "/annotations/3: missing required key 'image_id'");
        assertError(OTHER_TOOL.replace("\"id\": 13, ", "\"id\": 13, \"id\": 14, "), "Duplicate field 'id'");
    }

    @Test
    void hugeNumbersAndNegativeSizesAreErrorsNotTruncations() throws IOException {
        assertError(OTHER_TOOL.replace("\"id\": 13, ", "\"id\": 123456789012345678901234567890, "),
                "/annotations/3/id: 123456789012345678901234567890 is too large for a 64-bit integer");
        assertError(OTHER_TOOL.replace("\"area\": 6.0", "\"area\": 1e400"), "/annotations/0/area: 1e400 is not a finite number");
        assertError(OTHER_TOOL.replace("\"width\": 6", "\"width\": -6"), "/images/0/width: -6 is outside 1..65536");
        assertError(OTHER_TOOL.replace("\"width\": 6", "\"width\": 4294967296"), "/images/0/width: 4294967296 is outside 1..65536");
        assertError(OTHER_TOOL.replace("\"width\": 6, \"height\": 4", "\"width\": 65536, \"height\": 65536"),
                "/images/0: an image of 65536x65536 pixels is larger than the limit of 268435456 pixels");
        assertError(OTHER_TOOL.replace("\"size\": [3, 5], \"counts\": [3", "\"size\": [-3, 5], \"counts\": [3"),
                "/annotations/1/segmentation/size/0: -3 is outside 0..65536");
        assertError(OTHER_TOOL.replace("\"counts\": [3, 2, 1, 2, 7]", "\"counts\": [3, 2, 1, 2, 4294967303]"),
                "/annotations/1/segmentation/counts/4: 4294967303 is outside 0..2147483647");
        assertError(OTHER_TOOL.replace("[[1, 1, 4, 1, 4, 3, 1, 3]]", "[[1, 1, 4e12, 1, 4, 3, 1, 3]]"),
                "/annotations/0/segmentation/0/2: 4.0E12 is beyond");
        assertError(OTHER_TOOL.replace("\"visibility\": 0.25", "\"visibility\": 1.5"),
                "/annotations/2/synthscene/visibility: 1.5 is outside 0..1");
    }

    @Test
    void readRequiresConsistencyAndNamesTheElement() throws IOException {
        assertError(OTHER_TOOL.replace("{\"id\": 13, \"image_id\": 1,", "{\"id\": 13, \"image_id\": 77,"),
                "instances.json: /annotations/3: image_id 77 is not the id of any image");
        assertError(OTHER_TOOL.replace("\"size\": [3, 5], \"counts\": \"321O7\"", "\"size\": [3, 5], \"counts\": \"321O\""),
                "/annotations/2/segmentation/counts: RLE counts sum to 7, expected height * width = 3 * 5 = 15");
        assertError(OTHER_TOOL.replace("\"size\": [3, 5], \"counts\": \"321O7\"", "\"size\": [5, 3], \"counts\": \"321O7\""),
                "/annotations/2/segmentation/size: RLE size [5, 3] is not the image's [height, width] = [3, 5]");
        // readStructure leaves those to the validator
        Path dangling = write(OTHER_TOOL.replace("{\"id\": 13, \"image_id\": 1,", "{\"id\": 13, \"image_id\": 77,"));
        assertThat(CocoReader.readStructure(dangling).annotations()).hasSize(4);
        assertThat(CocoConsistency.check(CocoReader.readStructure(dangling)))
                .extracting(Violation::rule, Violation::annotationId).containsExactly(org.assertj.core.groups.Tuple.tuple("dangling-image-id", 13L));
    }

    @Test
    void polygonsOfFewerThanThreePointsAreViolations() throws IOException {
        Path file = write(OTHER_TOOL.replace("[[1, 1, 4, 1, 4, 3, 1, 3]]", "[[1, 1, 4, 1, 4, 3, 1, 3], [1, 1, 2, 2]]"));
        List<Violation> violations = CocoConsistency.check(CocoReader.readStructure(file));
        assertThat(violations).extracting(Violation::rule).containsExactly("polygon-points");
        assertThat(violations.get(0).toString())
                .isEqualTo("image 1 annotation 10: polygon-points: polygon 1 has 2 point(s); a polygon needs at least 3"
                        + " (at /annotations/0/segmentation/1)");
    }

    @Test
    void aPolygonTooLongToRasterizeIsAViolationNotASilentSkip() throws IOException {
        Path file = write(OTHER_TOOL.replace("[[1, 1, 4, 1, 4, 3, 1, 3]]",
                "[[1, 1, 4, 1, 4, 3, 1, 3], [-1000000, 0, 1000000, 1, -1000000, 2, 1000000, 3, -1000000, 4, 1000000, 5, -1000000, 6,"
                        + " 1000000, 7, -1000000, 8, 1000000, 9]]"));
        Path images = Files.createDirectories(temp.resolve("images"));
        List<Violation> violations = new DatasetValidator(images, null, null).validate(file).violations();
        assertThat(violations).filteredOn(v -> Long.valueOf(10).equals(v.annotationId())).extracting(Violation::rule)
                .containsExactly("polygon-unusable");
    }

    @Test
    void aCategorysSynthsceneIgnoreMarkIsReadAndAbsentMeansNotIgnored() throws IOException {
        CocoDataset dataset = CocoReader.read(write("""
                {"images": [], "annotations": [], "categories": [{"id": 1, "name": "car"},
                 {"id": 2, "name": "debris", "synthscene": {"ignore": true, "note": [1]}},
                 {"id": 3, "name": "cone", "synthscene": {"ignore": false}}]}
                """));
        assertThat(dataset.categories()).extracting(CocoCategory::ignore).containsExactly(false, true, false);
        assertError("""
                {"images": [], "annotations": [], "categories": [{"id": 2, "name": "debris", "synthscene": {"ignore": 1}}]}
                """, "/categories/0/synthscene/ignore: expected true or false");
    }

    @Test
    void aMissingFileIsAFormatErrorNamingIt() {
        assertThatThrownBy(() -> CocoReader.read(temp.resolve("nope.json")))
                .isInstanceOf(CocoFormatException.class).hasMessageContaining("nope.json: no such file");
    }

    private void assertError(String json, String expected) throws IOException {
        Path file = write(json);
        assertThatThrownBy(() -> CocoReader.read(file)).isInstanceOf(CocoFormatException.class).hasMessageContaining(expected);
    }
}
