package io.synthscene.annotators;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/**
 * A JSON tree node with the file it came from and its JSON Pointer, so that every typed read names
 * where it failed: {@code instances.json: /annotations/3/bbox/2: expected an integer, found a string}.
 * Made by {@link SynthsceneCocoReader} while it walks a tree; immutable, nothing to close.
 */
record LocatedNode(String file, JsonNode json, String pointer) {

    static LocatedNode root(String file, JsonNode json) {
        return new LocatedNode(file, json, "");
    }

    CocoFormatException error(String message) {
        return new CocoFormatException(file + ": " + (pointer.isEmpty() ? "/" : pointer) + ": " + message);
    }

    /** The value under {@code key}; throws naming the missing key's pointer when it is absent. */
    LocatedNode get(String key) {
        LocatedNode child = optional(key);
        if (child == null) {
            throw errorAt(key, "missing");
        }
        return child;
    }

    /** An error at {@code key} of this object, present or not. */
    CocoFormatException errorAt(String key, String message) {
        return new LocatedNode(file, null, childPointer(key)).error(message);
    }

    /** The value under {@code key}, or null when the key is absent (a JSON null is returned as a node). */
    LocatedNode optional(String key) {
        JsonNode child = object().json.get(key);
        return child == null ? null : new LocatedNode(file, child, childPointer(key));
    }

    boolean has(String key) {
        return object().json.has(key);
    }

    /** Throws naming the first key not among {@code allowed}: the writer would drop it. */
    void requireOnlyKeys(Set<String> allowed) {
        for (Iterator<String> names = object().json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw errorAt(name, "unexpected key: CocoDatasetWriter never writes"
                        + " it, so the records would lose it (keys here: " + allowed.stream().sorted().toList() + ")");
            }
        }
    }

    LocatedNode object() {
        if (!json.isObject()) {
            throw error("expected an object, found " + kind());
        }
        return this;
    }

    /** This node as an array of {@code size} elements ({@code -1}: any). */
    LocatedNode array(int size) {
        if (!json.isArray()) {
            throw error("expected an array, found " + kind());
        }
        if (size >= 0 && json.size() != size) {
            throw error("expected " + size + " elements, found " + json.size());
        }
        return this;
    }

    int size() {
        return json.size();
    }

    LocatedNode at(int index) {
        return new LocatedNode(file, array(-1).json.get(index), pointer + "/" + index);
    }

    int intValue() {
        if (!json.isIntegralNumber()) {
            throw error("expected an integer, found " + kind());
        }
        if (!json.canConvertToInt()) {
            throw error("integer " + json.asText() + " is beyond 32 bits");
        }
        return json.intValue();
    }

    long longValue() {
        if (!json.isIntegralNumber()) {
            throw error("expected an integer, found " + kind());
        }
        if (!json.canConvertToLong()) {
            throw error("integer " + json.asText() + " is beyond 64 bits");
        }
        return json.longValue();
    }

    /**
     * A double exactly as written: Jackson writes the shortest digits that read back to the same
     * value, and writes NaN and the infinities as the strings {@code "NaN"}, {@code "Infinity"},
     * {@code "-Infinity"}, which are read back here too.
     */
    double doubleValue() {
        if (json.isTextual()) {
            switch (json.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    throw error("expected a number, found the string \"" + abbreviate(json.textValue()) + "\"");
            }
        }
        if (!json.isNumber()) {
            throw error("expected a number, found " + kind());
        }
        double value = json.doubleValue();
        if (Double.isInfinite(value)) {
            throw error("number " + json.asText() + " is beyond a double's range");
        }
        return value;
    }

    boolean booleanValue() {
        if (!json.isBoolean()) {
            throw error("expected true or false, found " + kind());
        }
        return json.booleanValue();
    }

    String text() {
        if (!json.isTextual()) {
            throw error("expected a string, found " + kind());
        }
        return json.textValue();
    }

    String textOrNull() {
        return json.isNull() ? null : text();
    }

    int[] ints(int size) {
        array(size);
        int[] values = new int[json.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = at(i).intValue();
        }
        return values;
    }

    double[] doubles(int size) {
        array(size);
        double[] values = new double[json.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = at(i).doubleValue();
        }
        return values;
    }

    double[][] matrix(int rows, int columns) {
        array(rows);
        double[][] values = new double[rows][];
        for (int i = 0; i < rows; i++) {
            values[i] = at(i).doubles(columns);
        }
        return values;
    }

    private String childPointer(String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    private String kind() {
        if (json == null || json.isMissingNode()) {
            return "nothing";
        }
        if (json.isNull()) {
            return "null";
        }
        if (json.isTextual()) {
            return "a string";
        }
        if (json.isBoolean()) {
            return "a boolean";
        }
        if (json.isArray()) {
            return "an array";
        }
        if (json.isObject()) {
            return "an object";
        }
        return "the number " + json.asText();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
