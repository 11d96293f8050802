package io.synthscene.annotators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code dataset.json} written by {@link DatasetMetadataWriter} back into
 * {@link DatasetMetadata} (the merge command checks shards with it). Strict: a missing key, an
 * unknown key or a value of the wrong type is an error naming the file and the key; the
 * exceptions are {@code gpu_reset_notification}, which files written before it existed lack, and
 * {@code unplaced}, written only when some object could not be placed.
 */
public final class DatasetMetadataReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("synthscene_version", "git_commit", "scene_file", "scene_sha256",
            "seed", "frames", "shard", "width", "height", "rendering_device", "hardware_rendering", "image_format",
            "jpeg_quality", "msaa_samples", "started_at", "finished_at", "gpu_reset_notification", "unplaced");
    private static final Set<String> UNPLACED_KEYS = Set.of("objects", "objects_asked", "frames");
    private static final Set<String> SHARD_KEYS = Set.of("index", "count", "first_frame", "frames_total");

    private DatasetMetadataReader() {
    }

    /** @throws IOException when the file cannot be read or is not a dataset.json of this version */
    public static DatasetMetadata read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Jackson's own message names its source as "REDACTED" and spans lines: keep its first line and the position
            String position = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new IOException(file + ": not JSON: " + JsonSyntaxMessage.of(e) + position, e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": not a JSON object");
        }
        requireKnownKeys(file, "", root, KEYS);
        JsonNode shard = required(file, root, "shard");
        requireKnownKeys(file, "shard.", shard, SHARD_KEYS);
        io.synthscene.scenes.Limits limits = io.synthscene.scenes.Limits.fromEnvironment();
        // Sizes and counts are used to size arrays (merge) and images: within the limits a render is held to.
        within(file, root, "width", 1, limits.maxImageSide());
        within(file, root, "height", 1, limits.maxImageSide());
        within(file, root, "frames", 0, limits.maxFrames());
        within(file, shard, "frames_total", 0, limits.maxFrames());
        within(file, shard, "first_frame", 0, limits.maxFrames());
        UnplacedReport unplaced = unplaced(file, root, (int) number(file, root, "frames"), limits);
        try {
            return new DatasetMetadata(text(file, root, "synthscene_version"), nullableText(file, root, "git_commit"),
                    nullableText(file, root, "scene_file"), nullableText(file, root, "scene_sha256"),
                    number(file, root, "seed"), (int) number(file, root, "frames"),
                    new DatasetShard((int) number(file, shard, "index"), (int) number(file, shard, "count"),
                            (int) number(file, shard, "first_frame"), (int) number(file, shard, "frames_total")),
                    (int) number(file, root, "width"), (int) number(file, root, "height"),
                    text(file, root, "rendering_device"), bool(file, root, "hardware_rendering"),
                    text(file, root, "image_format"),
                    root.path("jpeg_quality").isNull() ? null : (int) number(file, root, "jpeg_quality"),
                    (int) number(file, root, "msaa_samples"),
                    text(file, root, "started_at"), text(file, root, "finished_at"),
                    // added later: absent from older files, which stay readable (null: unknown)
                    root.has("gpu_reset_notification") ? nullableText(file, root, "gpu_reset_notification") : null,
                    unplaced);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The {@code unplaced} object: per group, objects, objects_asked and frames; none when absent. */
    private static UnplacedReport unplaced(Path file, JsonNode root, int frames, io.synthscene.scenes.Limits limits)
            throws IOException {
        if (!root.has("unplaced")) {
            return UnplacedReport.NONE;
        }
        JsonNode node = root.get("unplaced");
        if (!node.isObject()) {
            throw new IOException(file + ": unplaced is not an object");
        }
        java.util.List<UnplacedReport.Row> rows = new java.util.ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> groups = node.fields(); groups.hasNext(); ) {
            Map.Entry<String, JsonNode> group = groups.next();
            String prefix = "unplaced." + group.getKey() + ".";
            requireKnownKeys(file, prefix, group.getValue(), UNPLACED_KEYS);
            for (String key : UNPLACED_KEYS) {
                if (!group.getValue().has(key)) {
                    throw new IOException(file + ": " + prefix + key + " is missing");
                }
                within(file, group.getValue(), key, 1, Integer.MAX_VALUE);
            }
            try {
                rows.add(new UnplacedReport.Row(group.getKey(), number(file, group.getValue(), "objects"),
                        number(file, group.getValue(), "objects_asked"), (int) number(file, group.getValue(), "frames"), frames));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": unplaced: " + e.getMessage(), e);
            }
        }
        return new UnplacedReport(rows);
    }

    private static void requireKnownKeys(Path file, String prefix, JsonNode node, Set<String> keys) throws IOException {
        if (!node.isObject()) {
            throw new IOException(file + ": " + prefix + " is not an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!keys.contains(name)) {
                throw new IOException(file + ": unknown key " + prefix + name);
            }
        }
    }

    private static JsonNode required(Path file, JsonNode node, String key) throws IOException {
        JsonNode value = node.get(key);
        if (value == null) {
            throw new IOException(file + ": " + key + " is missing");
        }
        return value;
    }

    private static String text(Path file, JsonNode node, String key) throws IOException {
        JsonNode value = required(file, node, key);
        if (!value.isTextual()) {
            throw new IOException(file + ": " + key + " is not a string: " + value);
        }
        return value.asText();
    }

    private static String nullableText(Path file, JsonNode node, String key) throws IOException {
        return required(file, node, key).isNull() ? null : text(file, node, key);
    }

    private static void within(Path file, JsonNode node, String key, long min, long max) throws IOException {
        long value = number(file, node, key);
        if (value < min || value > max) {
            throw new IOException(file + ": " + key + " is " + value + ", outside " + min + ".." + max);
        }
    }

    private static long number(Path file, JsonNode node, String key) throws IOException {
        JsonNode value = required(file, node, key);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IOException(file + ": " + key + " is not a whole number: " + value);
        }
        long number = value.asLong();
        if (!"seed".equals(key) && (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE)) {
            throw new IOException(file + ": " + key + " is out of range: " + value);
        }
        return number;
    }

    private static boolean bool(Path file, JsonNode node, String key) throws IOException {
        JsonNode value = required(file, node, key);
        if (!value.isBoolean()) {
            throw new IOException(file + ": " + key + " is not true or false: " + value);
        }
        return value.asBoolean();
    }
}
