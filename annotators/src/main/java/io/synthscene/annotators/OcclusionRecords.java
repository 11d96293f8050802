package io.synthscene.annotators;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One frame's occlusion data as a small JSON file ({@code occlusion/NNNNNN.json}), so that resume,
 * merge and export, which derive the annotations again from the instance masks, get back what the
 * masks cannot tell: silhouettes behind occluders and beyond the image were rendered once and are
 * not on disk otherwise.
 *
 * <pre>
 * {"frame_index": 7, "width": 640, "height": 480,
 *  "stats": {"labelled": 5, "annotated": 3, "hidden": 1, "outside_image": 1},
 *  "instances": [{"instance_id": 1, "visibility": 0.5, "truncation": 0.0,
 *                 "truncation_is_lower_bound": false, "amodal_area": 8, "amodal_bbox": [1, 1, 4, 2],
 *                 "amodal_counts": "...", "amodal_area_unclipped": 8,
 *                 "amodal_bbox_unclipped": [1, 1, 4, 2], "occluders": [2]}, ...]}
 * </pre>
 * Same fields and meanings as in the COCO annotation's {@code synthscene} object
 * ({@code amodal_counts}: the amodal mask's compressed RLE counts, size [height, width]); numbers
 * as Jackson writes a {@code double}, which reads back to the same value, so a dataset assembled
 * from these files is byte-identical to the render's own. Stateless.
 */
public final class OcclusionRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A frame's occlusion data read back: stats, and each annotated instance's {@link Occlusion}. */
    public record Read(OcclusionStats stats, Map<Integer, Occlusion> byInstanceId) {
    }

    private OcclusionRecords() {
    }

    /** The file's bytes for a frame's annotations (each with its occlusion) and stats. */
    public static byte[] toJson(int frameIndex, int width, int height, OcclusionStats stats,
                                List<InstanceAnnotation> annotations) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeNumberField("frame_index", frameIndex);
            json.writeNumberField("width", width);
            json.writeNumberField("height", height);
            json.writeObjectFieldStart("stats");
            json.writeNumberField("labelled", stats.labelled());
            json.writeNumberField("annotated", stats.annotated());
            json.writeNumberField("hidden", stats.hidden());
            json.writeNumberField("outside_image", stats.outsideImage());
            json.writeEndObject();
            json.writeArrayFieldStart("instances");
            for (InstanceAnnotation a : annotations) {
                Occlusion o = a.occlusion();
                if (o == null) {
                    throw new IllegalArgumentException("frame " + frameIndex + ", instance " + a.instanceId() + " has no occlusion data");
                }
                json.writeStartObject();
                json.writeNumberField("instance_id", a.instanceId());
                json.writeNumberField("visibility", o.visibility());
                json.writeNumberField("truncation", o.truncation());
                json.writeBooleanField("truncation_is_lower_bound", o.truncationIsLowerBound());
                json.writeNumberField("amodal_area", o.amodalArea());
                writeInts(json, "amodal_bbox", o.amodalBbox());
                json.writeStringField("amodal_counts", o.amodalRle().countsString());
                json.writeNumberField("amodal_area_unclipped", o.unclippedArea());
                writeInts(json, "amodal_bbox_unclipped", o.unclippedBbox());
                writeInts(json, "occluders", o.occluders());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the occlusion data of frame " + frameIndex, e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a file written by {@link #toJson}.
     *
     * @throws IllegalArgumentException when it is not such a file, or is for another frame or size
     */
    public static Read fromJson(byte[] bytes, int frameIndex, int width, int height) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("occlusion data of frame " + frameIndex + " is not JSON: " + e.getMessage(), e);
        }
        if (root == null || root.path("frame_index").asInt(-1) != frameIndex || root.path("width").asInt() != width
                || root.path("height").asInt() != height) {
            throw new IllegalArgumentException("occlusion data is not for frame " + frameIndex + " of " + width + "x" + height);
        }
        JsonNode s = root.path("stats");
        OcclusionStats stats = new OcclusionStats(s.path("labelled").asInt(), s.path("annotated").asInt(),
                s.path("hidden").asInt(), s.path("outside_image").asInt());
        Map<Integer, Occlusion> byId = new HashMap<>();
        for (JsonNode i : root.path("instances")) {
            Occlusion o = new Occlusion(i.path("amodal_area").asLong(),
                    CocoRle.fromCountsString(height, width, i.path("amodal_counts").asText()),
                    ints(i.path("amodal_bbox")), ints(i.path("amodal_bbox_unclipped")),
                    i.path("amodal_area_unclipped").asLong(), i.path("visibility").asDouble(),
                    i.path("truncation").asDouble(), i.path("truncation_is_lower_bound").asBoolean(),
                    ints(i.path("occluders")));
            if (byId.put(i.path("instance_id").asInt(), o) != null) {
                throw new IllegalArgumentException("occlusion data of frame " + frameIndex + " lists instance "
                        + i.path("instance_id").asInt() + " twice");
            }
        }
        return new Read(stats, byId);
    }

    private static void writeInts(JsonGenerator json, String name, int[] values) throws IOException {
        json.writeArrayFieldStart(name);
        for (int value : values) {
            json.writeNumber(value);
        }
        json.writeEndArray();
    }

    private static int[] ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asInt()));
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
