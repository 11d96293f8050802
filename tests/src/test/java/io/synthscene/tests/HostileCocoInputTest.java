package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of hostile COCO files given to {@code validate --coco FILE --images DIR}: broken JSON,
 * wrong types, dangling ids, huge and negative numbers, RLE and polygons that lie, file names that
 * leave the images folder, a decompression-bomb PNG. Each must end in one of two ways: exit 2 with
 * one message naming the file and the place (the file cannot be read as COCO), or exit 1 with the
 * violations listed by rule (it can be read and is wrong). Never a stack trace, an internal error,
 * the names of Jackson's classes and settings, or a run out of memory. {@code augment} reads its
 * COCO input with the same reader and validator (AugmentCommandTest has its own cases).
 */
class HostileCocoInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    static Path images;
    static String whole;

    /** What a case must give: the exit code and a text the output must contain. */
    private record Expected(int exitCode, String text) {
    }

    @BeforeAll
    static void render() throws IOException {
        Path dataset = temp.resolve("base");
        Cli.Result result = Cli.run("render", Cli.example("table-top.yaml"), "--out", dataset.toString(), "--frames", "2",
                "--size", "64x48", "--threads", "2");
        assertThat(result.exitCode()).as(result.all()).isZero();
        images = dataset.resolve("images");
        whole = Files.readString(dataset.resolve("annotations/instances.json"));
        // a decompression bomb's header: 20000 x 20000 declared, one row of data (OpenCV would allocate 1.2 GB)
        Files.write(images.resolve("bomb.png"), lyingPng(20000, 20000));
    }

    private static ObjectNode tree() throws IOException {
        return (ObjectNode) JSON.readTree(whole);
    }

    private static ObjectNode image(ObjectNode root, int i) {
        return (ObjectNode) root.withArray("images").get(i);
    }

    private static ObjectNode annotation(ObjectNode root, int i) {
        return (ObjectNode) root.withArray("annotations").get(i);
    }

    private static String mutated(Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = tree();
        change.accept(root);
        return JSON.writeValueAsString(root);
    }

    private static Map<String, Map.Entry<String, Expected>> corpus() throws IOException {
        Map<String, Map.Entry<String, Expected>> cases = new LinkedHashMap<>();
        String compact = JSON.writeValueAsString(tree());
        // Not COCO at all: exit 2, a position where there is one.
        put(cases, "cut in half", compact.substring(0, compact.length() / 2), 2, "not valid JSON: Unexpected end-of-input");
        put(cases, "empty", "", 2, "found the end of the file");
        put(cases, "a list", "[]", 2, "expected a JSON object with images, annotations and categories, found an array");
        put(cases, "null", "null", 2, "found null");
        put(cases, "10,000 nested lists", "[".repeat(10000) + "]".repeat(10000), 2, "found an array");
        put(cases, "2,000 nested objects", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000), 2,
                "arrays and objects are nested deeper than 1000 levels");
        put(cases, "NaN", compact.replaceFirst("\"area\":\\d+", "\"area\":NaN"), 2,
                "Non-standard token 'NaN' (NaN and Infinity are not JSON numbers)");
        put(cases, "images an object", mutated(r -> r.putObject("images")), 2, "/images: expected an array, found an object");
        put(cases, "annotations null", mutated(r -> r.putNull("annotations")), 2, "/annotations: expected an array, found null");
        put(cases, "no categories", mutated(r -> r.remove("categories")), 2, "/categories: missing");
        put(cases, "image id a string", mutated(r -> image(r, 0).put("id", "1")), 2, "/images/0/id: expected an integer, found a string");
        put(cases, "image id 1.5", mutated(r -> image(r, 0).put("id", 1.5)), 2, "/images/0/id: 1.5 is not an integer");
        put(cases, "image id 1e30", mutated(r -> image(r, 0).put("id", 1e30)), 2, "/images/0/id: 1.0E30 is not an integer");
        put(cases, "image id of 40 digits", mutated(r -> image(r, 0).put("id", new java.math.BigInteger("1" + "0".repeat(39)))), 2,
                "is too large for a 64-bit integer");
        put(cases, "width 2^31-1", mutated(r -> image(r, 0).put("width", Integer.MAX_VALUE)), 2, "/images/0/width: 2147483647 is outside");
        put(cases, "width -64", mutated(r -> image(r, 0).put("width", -64)), 2, "/images/0/width: -64 is outside");
        put(cases, "file name null", mutated(r -> image(r, 0).putNull("file_name")), 2, "/images/0/file_name: expected a string, found null");
        put(cases, "bbox of 2 numbers", mutated(r -> annotation(r, 0).putArray("bbox").add(1).add(2)), 2, "/annotations/0/bbox: has 2 numbers");
        put(cases, "bbox of strings", mutated(r -> annotation(r, 0).putArray("bbox").add("a").add("b").add("c").add("d")), 2,
                "/annotations/0/bbox/0: expected a number, found a string");
        put(cases, "segmentation a string", mutated(r -> annotation(r, 0).put("segmentation", "x")), 2,
                "/annotations/0/segmentation: expected polygons");
        put(cases, "RLE 100000 high", mutated(r -> rle(r).putArray("size").add(100000).add(64)), 2,
                "/annotations/0/segmentation/size/0: 100000 is outside");
        put(cases, "RLE 2^31-1 high", mutated(r -> rle(r).putArray("size").add(Integer.MAX_VALUE).add(Integer.MAX_VALUE)), 2,
                "/annotations/0/segmentation/size/0: 2147483647 is outside");
        put(cases, "RLE -48 high", mutated(r -> rle(r).putArray("size").add(-48).add(64)), 2, "/annotations/0/segmentation/size/0: -48 is outside");
        put(cases, "uncompressed RLE with a negative run", mutated(r -> annotation(r, 0).set("segmentation",
                JSON.createObjectNode().<ObjectNode>set("size", JSON.createArrayNode().add(48).add(64))
                        .set("counts", JSON.createArrayNode().add(-5).add(3077)))), 2, "/annotations/0/segmentation/counts/0: -5 is outside");
        put(cases, "polygon of 3 numbers", mutated(r -> annotation(r, 0).putArray("segmentation").addArray().add(1).add(2).add(3)), 2,
                "/annotations/0/segmentation/0: has 3 numbers");
        put(cases, "polygon at 1e308", mutated(r -> annotation(r, 0).putArray("segmentation").addArray()
                .add(0).add(0).add(1e308).add(0).add(1e308).add(1e308)), 2, "/annotations/0/segmentation/0/2: 1.0E308 is beyond");
        put(cases, "polygon with a string", mutated(r -> annotation(r, 0).putArray("segmentation").addArray()
                .add(0).add(0).add("x").add(0).add(5).add(5)), 2, "/annotations/0/segmentation/0/2: expected a number, found a string");

        // COCO, but wrong: exit 1, each violation by rule.
        put(cases, "dangling image id", mutated(r -> annotation(r, 0).put("image_id", 999)), 1, "dangling-image-id=1");
        put(cases, "dangling category id", mutated(r -> annotation(r, 0).put("category_id", 999)), 1, "dangling-category-id=1");
        put(cases, "two images with one id", mutated(r -> image(r, 1).put("id", image(r, 0).get("id").asLong())), 1, "duplicate-image-id=1");
        put(cases, "two categories with one id", mutated(r -> r.withArray("categories").add(r.withArray("categories").get(0).deepCopy())), 1,
                "duplicate-category-id=1");
        put(cases, "negative area", mutated(r -> annotation(r, 0).put("area", -5)), 1, "{area=1}");
        put(cases, "bbox of 1e300", mutated(r -> annotation(r, 0).putArray("bbox").add(0).add(0).add(1e300).add(1e300)), 1, "bbox-outside=1");
        put(cases, "RLE counts of control characters", mutated(r -> rle(r).put("counts", "\u0001\u0002~~~~~~~~")), 1, "rle-counts=1");
        put(cases, "RLE counts that overflow", mutated(r -> rle(r).put("counts", "z".repeat(24))), 1, "rle-counts=1");
        put(cases, "uncompressed RLE of 2^31-1", mutated(r -> annotation(r, 0).set("segmentation",
                JSON.createObjectNode().<ObjectNode>set("size", JSON.createArrayNode().add(48).add(64))
                        .set("counts", JSON.createArrayNode().add(Integer.MAX_VALUE).add(5)))), 1, "rle-counts=1");
        put(cases, "file name ../../etc/passwd", mutated(r -> image(r, 0).put("file_name", "../../../../../../etc/passwd")), 1,
                "image-unreadable=1");
        put(cases, "file name /dev/zero", mutated(r -> image(r, 0).put("file_name", "/dev/zero")), 1, "image-missing=1");
        put(cases, "file name of 3 million characters", mutated(r -> image(r, 0).put("file_name", "a".repeat(3_000_000) + ".png")), 1,
                "image-missing=1");
        put(cases, "a decompression bomb", mutated(r -> image(r, 0).put("file_name", "bomb.png")), 1,
                "the PNG declares 20000x20000 pixels, more than 16384 a side");
        return cases;
    }

    private static ObjectNode rle(ObjectNode root) {
        return (ObjectNode) annotation(root, 0).get("segmentation");
    }

    private static void put(Map<String, Map.Entry<String, Expected>> cases, String name, String json, int exitCode, String text) {
        cases.put(name, Map.entry(json, new Expected(exitCode, text)));
    }

    @Test
    void everyHostileCocoFileEndsInAMessageOrAListOfViolationsNeverACrash() throws IOException {
        Map<String, Map.Entry<String, Expected>> corpus = corpus();
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Map.Entry<String, Expected>> c : corpus.entrySet()) {
            Path file = Files.writeString(temp.resolve("hostile-" + n++ + ".json"), c.getValue().getKey());
            Expected expected = c.getValue().getValue();
            Cli.Result result = Cli.run("validate", "--coco", file.toString(), "--images", images.toString());
            String all = result.all();
            String problem = null;
            if (result.exitCode() != expected.exitCode()) {
                problem = "exit " + result.exitCode() + ", expected " + expected.exitCode();
            } else if (!all.contains(expected.text())) {
                problem = "no '" + expected.text() + "'";
            } else if (expected.exitCode() == 2 && !result.err().startsWith("error: " + file.getFileName())) {
                problem = "the message does not start with the file's name";
            } else {
                for (String banned : List.of("\tat ", "Exception", "this is a bug", "OutOfMemory", "StreamReadConstraints",
                        "JsonReadFeature", "[Source:", "REDACTED", "sun.nio")) {
                    if (all.contains(banned)) {
                        problem = "prints '" + banned + "'";
                    }
                }
            }
            if (problem != null) {
                failures.add(c.getKey() + ": " + problem + ":\n" + all.substring(0, Math.min(all.length(), 600)));
            }
        }
        assertThat(failures).as(corpus.size() + " hostile COCO files").isEmpty();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(40);
    }

    /** A PNG whose header declares width x height and whose data is one row of zeros. */
    private static byte[] lyingPng(int width, int height) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).array());
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(new byte[1 + 3 * width]);
        deflater.finish();
        byte[] data = new byte[64 * 1024];
        int length = deflater.deflate(data);
        chunk(out, "IDAT", java.util.Arrays.copyOf(data, length));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
