package io.synthscene.annotators;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads COCO instances files written by any tool: segmentations as polygons, uncompressed RLE
 * ({@code counts} a list of integers) or compressed RLE (a string); {@code iscrowd} 0 or 1;
 * optional keys ({@code bbox}, {@code area}, {@code segmentation}, {@code iscrowd},
 * {@code supercategory}, {@code info}, {@code licenses}) may be absent; keys it does not use are
 * skipped. Of synthscene's own block, {@code synthscene.instance_id} and
 * {@code synthscene.visibility} are read.
 *
 * <p>The file is streamed with Jackson's parser into compact records ({@link CocoDataset}), never
 * into a tree, so memory follows the file's size. A value of the wrong type, out of range
 * (negative sizes, ids beyond 64 bits, non-finite numbers), a duplicate key or text that is not
 * JSON throws {@link CocoFormatException} naming the file, line, column and JSON Pointer.
 *
 * <p>{@link #read} also requires the file to be consistent (unique ids, every reference to an
 * image or category resolved, every RLE of its image's size), so that every annotation's mask can
 * be made; {@link #readStructure} does not, for the validator, which reports those problems one by
 * one instead. Stateless.
 */
public final class CocoReader {
    /** Largest image side accepted, in pixels; also bounds RLE sizes. */
    public static final int MAX_IMAGE_SIDE = 1 << 16;
    /**
     * Largest image accepted, in pixels (16384 x 16384): masks are decoded whole, one byte to four
     * per pixel, and RLE positions must fit an int.
     */
    public static final long MAX_IMAGE_PIXELS = 1L << 28;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private final String fileName;
    private final JsonParser parser;

    private CocoReader(String fileName, JsonParser parser) {
        this.fileName = fileName;
        this.parser = parser;
    }

    /**
     * Reads and checks consistency.
     *
     * @throws CocoFormatException  when the file is malformed or inconsistent
     * @throws UncheckedIOException when the file cannot be read
     */
    public static CocoDataset read(Path file) {
        CocoDataset dataset = readStructure(file);
        List<Violation> violations = CocoConsistency.check(dataset);
        if (!violations.isEmpty()) {
            Violation first = violations.get(0);
            throw new CocoFormatException(file.getFileName() + ": " + first.path() + ": " + first.message()
                    + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more problems; 'synthscene validate' lists them)" : ""));
        }
        return dataset;
    }

    /** Reads the file's structure only: types and ranges, not references between its parts. */
    public static CocoDataset readStructure(Path file) {
        try (InputStream in = Files.newInputStream(file);
             JsonParser parser = JSON.createParser(in)) {
            return new CocoReader(file.getFileName().toString(), parser).dataset();
        } catch (NoSuchFileException e) {
            throw new CocoFormatException(file + ": no such file");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String pointer = e.getProcessor() instanceof JsonParser p ? p.getParsingContext().pathAsPointer().toString() : "";
            throw new CocoFormatException(file.getFileName() + (at != null ? ":" + at.getLineNr() + ":" + at.getColumnNr() : "")
                    + ": " + (pointer.isEmpty() ? "" : pointer + ": ") + "not valid JSON: " + JsonSyntaxMessage.of(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private CocoDataset dataset() throws IOException {
        expect(parser.nextToken(), JsonToken.START_OBJECT, "", "a JSON object with images, annotations and categories");
        List<CocoImage> images = null;
        List<CocoAnnotation> annotations = null;
        List<CocoCategory> categories = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "images" -> {
                    images = new ArrayList<>();
                    expect(value, JsonToken.START_ARRAY, "/images", "an array");
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        images.add(image("/images/" + images.size()));
                    }
                }
                case "annotations" -> {
                    annotations = new ArrayList<>();
                    expect(value, JsonToken.START_ARRAY, "/annotations", "an array");
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        annotations.add(annotation("/annotations/" + annotations.size()));
                    }
                }
                case "categories" -> {
                    categories = new ArrayList<>();
                    expect(value, JsonToken.START_ARRAY, "/categories", "an array");
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        categories.add(category("/categories/" + categories.size()));
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (parser.nextToken() != null) {
            throw error("", "more content after the top-level object");
        }
        if (images == null || annotations == null || categories == null) {
            String missing = images == null ? "images" : annotations == null ? "annotations" : "categories";
            throw new CocoFormatException(fileName + ": /" + missing + ": missing; a COCO instances file has images, annotations and categories");
        }
        return new CocoDataset(images, annotations, categories);
    }

    private CocoImage image(String path) throws IOException {
        expect(parser.currentToken(), JsonToken.START_OBJECT, path, "an image object");
        Long id = null;
        String file = null;
        Integer width = null;
        Integer height = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            String at = path + "/" + name;
            switch (name) {
                case "id" -> id = integer(at);
                case "file_name" -> file = string(at);
                case "width" -> width = (int) integer(at, 1, MAX_IMAGE_SIDE);
                case "height" -> height = (int) integer(at, 1, MAX_IMAGE_SIDE);
                default -> parser.skipChildren();
            }
        }
        require(id, path, "id");
        require(file, path, "file_name");
        require(width, path, "width");
        require(height, path, "height");
        if ((long) width * height > MAX_IMAGE_PIXELS) {
            throw error(path, "an image of " + width + "x" + height + " pixels is larger than the limit of "
                    + MAX_IMAGE_PIXELS + " pixels");
        }
        return new CocoImage(id, file, width, height, path);
    }

    private CocoCategory category(String path) throws IOException {
        expect(parser.currentToken(), JsonToken.START_OBJECT, path, "a category object");
        Long id = null;
        String name = null;
        String supercategory = null;
        boolean ignore = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            String at = path + "/" + key;
            switch (key) {
                case "id" -> id = integer(at);
                case "name" -> name = string(at);
                case "supercategory" -> supercategory = parser.currentToken() == JsonToken.VALUE_NULL ? null : string(at);
                case "synthscene" -> ignore = categoryIgnore(at);
                default -> parser.skipChildren();
            }
        }
        require(id, path, "id");
        require(name, path, "name");
        return new CocoCategory(id, name, supercategory, ignore, path);
    }

    /** A category's {@code synthscene} object: its {@code ignore} flag (other keys are skipped). */
    private boolean categoryIgnore(String path) throws IOException {
        expect(parser.currentToken(), JsonToken.START_OBJECT, path, "an object");
        boolean ignore = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (key.equals("ignore")) {
                if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                    throw error(path + "/ignore", "expected true or false");
                }
                ignore = value == JsonToken.VALUE_TRUE;
            } else {
                parser.skipChildren();
            }
        }
        return ignore;
    }

    private CocoAnnotation annotation(String path) throws IOException {
        expect(parser.currentToken(), JsonToken.START_OBJECT, path, "an annotation object");
        Long id = null;
        Long imageId = null;
        Long categoryId = null;
        double[] bbox = null;
        Double area = null;
        CocoSegmentation segmentation = null;
        boolean crowd = false;
        Integer instanceId = null;
        Double visibility = null;
        String ignoreReason = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            String at = path + "/" + key;
            boolean isNull = value == JsonToken.VALUE_NULL;
            switch (key) {
                case "id" -> id = integer(at);
                case "image_id" -> imageId = integer(at);
                case "category_id" -> categoryId = integer(at);
                case "bbox" -> bbox = isNull ? null : bbox(at);
                case "area" -> area = isNull ? null : finite(at);
                case "segmentation" -> segmentation = isNull ? null : segmentation(at);
                case "iscrowd" -> crowd = integer(at, 0, 1) == 1;
                case "synthscene" -> {
                    expect(value, JsonToken.START_OBJECT, at, "an object");
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String inner = parser.currentName();
                        parser.nextToken();
                        switch (inner) {
                            case "instance_id" -> instanceId = (int) integer(at + "/instance_id", 0, ImageEncoder.MAX_MASK_ID);
                            case "visibility" -> {
                                double v = finite(at + "/visibility");
                                if (v < 0 || v > 1) {
                                    throw error(at + "/visibility", v + " is outside 0..1");
                                }
                                visibility = v;
                            }
                            case "ignore_reason" -> {
                                if (parser.currentToken() != JsonToken.VALUE_STRING) {
                                    throw error(at + "/ignore_reason", "expected a string");
                                }
                                ignoreReason = parser.getText();
                            }
                            default -> parser.skipChildren();
                        }
                    }
                }
                default -> parser.skipChildren();
            }
        }
        require(id, path, "id");
        require(imageId, path, "image_id");
        require(categoryId, path, "category_id");
        return new CocoAnnotation(id, imageId, categoryId, bbox, area, segmentation, crowd, instanceId, visibility,
                ignoreReason, path);
    }

    private double[] bbox(String path) throws IOException {
        expect(parser.currentToken(), JsonToken.START_ARRAY, path, "[x, y, width, height]");
        double[] box = new double[4];
        int n = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (n == 4) {
                throw error(path + "/4", "a bbox has 4 numbers, [x, y, width, height]");
            }
            box[n] = finite(path + "/" + n);
            n++;
        }
        if (n != 4) {
            throw error(path, "has " + n + " numbers; a bbox has 4, [x, y, width, height]");
        }
        return box;
    }

    private CocoSegmentation segmentation(String path) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_ARRAY) {
            List<double[]> polygons = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                polygons.add(polygon(path + "/" + polygons.size()));
            }
            return new CocoSegmentation.Polygons(polygons);
        }
        expect(token, JsonToken.START_OBJECT, path,
                "polygons (an array of [x1, y1, x2, y2, ...]) or an RLE object {size, counts}");
        int[] size = null;
        String compressed = null;
        int[] counts = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            String at = path + "/" + key;
            switch (key) {
                case "size" -> size = rleSize(at);
                case "counts" -> {
                    if (value == JsonToken.VALUE_STRING) {
                        compressed = parser.getText();
                    } else {
                        expect(value, JsonToken.START_ARRAY, at, "a string (compressed RLE) or an array of run lengths");
                        RunLengths runs = new RunLengths();
                        int i = 0;
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            runs.add((int) integer(at + "/" + i++, 0, Integer.MAX_VALUE));
                        }
                        counts = runs.toArray();
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (size == null) {
            throw error(path, "an RLE segmentation needs 'size': [height, width]");
        }
        if (compressed == null && counts == null) {
            throw error(path, "an RLE segmentation needs 'counts'");
        }
        return compressed != null
                ? new CocoSegmentation.CompressedRle(size[0], size[1], compressed)
                : new CocoSegmentation.UncompressedRle(size[0], size[1], counts);
    }

    private double[] polygon(String path) throws IOException {
        expect(parser.currentToken(), JsonToken.START_ARRAY, path, "a polygon [x1, y1, x2, y2, ...]");
        double[] values = new double[16];
        int n = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            double v = finite(path + "/" + n);
            if (Math.abs(v) > PolygonRasterizer.MAX_COORDINATE) {
                throw error(path + "/" + n, v + " is beyond ±" + (long) PolygonRasterizer.MAX_COORDINATE + " pixels");
            }
            if (n == values.length) {
                values = java.util.Arrays.copyOf(values, n * 2);
            }
            values[n++] = v;
        }
        if (n % 2 != 0) {
            throw error(path, "has " + n + " numbers; a polygon is x, y pairs");
        }
        return java.util.Arrays.copyOf(values, n);
    }

    private int[] rleSize(String path) throws IOException {
        expect(parser.currentToken(), JsonToken.START_ARRAY, path, "[height, width]");
        int[] size = new int[2];
        int n = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (n == 2) {
                throw error(path + "/2", "an RLE size is [height, width]");
            }
            size[n] = (int) integer(path + "/" + n, 0, MAX_IMAGE_SIDE);
            n++;
        }
        if (n != 2) {
            throw error(path, "has " + n + " numbers; an RLE size is [height, width]");
        }
        return size;
    }

    private long integer(String path) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw error(path, parser.getText() + " is too large for a 64-bit integer");
            }
            return parser.getLongValue();
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            // Some writers put integers as 3.0; accept those, never round anything else.
            double value = parser.getDoubleValue();
            if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
                return (long) value;
            }
            throw error(path, parser.getText() + " is not an integer");
        }
        throw error(path, "expected an integer, found " + describe(token));
    }

    private long integer(String path, long min, long max) throws IOException {
        long value = integer(path);
        if (value < min || value > max) {
            throw error(path, value + " is outside " + min + ".." + max);
        }
        return value;
    }

    private double finite(String path) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw error(path, "expected a number, found " + describe(token));
        }
        double value = parser.getDoubleValue();
        if (!Double.isFinite(value)) {
            throw error(path, parser.getText() + " is not a finite number");
        }
        return value;
    }

    private String string(String path) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_STRING) {
            throw error(path, "expected a string, found " + describe(token));
        }
        return parser.getText();
    }

    private void expect(JsonToken token, JsonToken wanted, String path, String what) throws IOException {
        if (token != wanted) {
            throw error(path, "expected " + what + ", found " + describe(token));
        }
    }

    private void require(Object value, String path, String key) {
        if (value == null) {
            JsonLocation at = parser.currentTokenLocation();
            throw new CocoFormatException(fileName + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": " + path
                    + ": missing required key '" + key + "'");
        }
    }

    private CocoFormatException error(String path, String message) {
        JsonLocation at = parser.currentTokenLocation();
        return new CocoFormatException(fileName + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": "
                + (path.isEmpty() ? "/" : path) + ": " + message);
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }
}
