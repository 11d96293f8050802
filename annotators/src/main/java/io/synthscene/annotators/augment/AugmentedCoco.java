package io.synthscene.annotators.augment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthscene.annotators.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The COCO file of an augmented dataset, built from the input file's own JSON: every variant of a
 * photo gets a copy of the photo's image entry and of each of its annotations, with new ids
 * (images and annotations numbered from 1 in the order added) and the original ids kept in an
 * {@code augment} block ({@code source_image_id}, {@code source_annotation_id}). Everything else
 * in an entry (segmentation in its own form, bbox, area, iscrowd, other tools' keys) is copied
 * value for value: effects that change colour only do not touch labels. Categories and licenses
 * are copied as they are.
 *
 * <p>Holds the input as a tree: memory follows the input file's size. Created per augment run by
 * the command, written once by {@link #write}; not thread-safe.
 */
public final class AugmentedCoco {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final JsonNode input;
    private final Map<Long, List<JsonNode>> annotationsByImage = new LinkedHashMap<>();
    private final ArrayNode images = JSON.createArrayNode();
    private final ArrayNode annotations = JSON.createArrayNode();

    /** @param input the input COCO file, already checked by the validator */
    public AugmentedCoco(JsonNode input) {
        this.input = input;
        for (JsonNode annotation : input.path("annotations")) {
            annotationsByImage.computeIfAbsent(annotation.get("image_id").asLong(), id -> new ArrayList<>()).add(annotation);
        }
    }

    public static JsonNode read(Path cocoFile) {
        try {
            return JSON.readTree(cocoFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + cocoFile, e);
        }
    }

    /** The input's annotations of one image, in file order. */
    public List<JsonNode> annotationsOf(long sourceImageId) {
        return annotationsByImage.getOrDefault(sourceImageId, List.of());
    }

    /**
     * Adds one variant of a source image with copies of all its annotations.
     *
     * @param sourceImage the input's image entry
     * @param fileName    the variant's file, relative to the output's images folder
     * @param effects     what was done to the image (the drawn values), kept in its {@code augment} block
     * @return the new image id
     */
    public long addVariant(JsonNode sourceImage, String fileName, int variant, JsonNode effects) {
        long imageId = images.size() + 1L;
        long sourceId = sourceImage.get("id").asLong();
        ObjectNode image = sourceImage.deepCopy();
        image.put("id", imageId);
        image.put("file_name", fileName);
        ObjectNode trace = image.putObject("augment");
        trace.put("source_image_id", sourceId);
        trace.put("source_file_name", sourceImage.get("file_name").asText());
        trace.put("variant", variant);
        trace.set("effects", effects);
        images.add(image);
        for (JsonNode sourceAnnotation : annotationsOf(sourceId)) {
            ObjectNode annotation = sourceAnnotation.deepCopy();
            annotation.put("id", annotations.size() + 1L);
            annotation.put("image_id", imageId);
            ObjectNode annotationTrace = annotation.putObject("augment");
            annotationTrace.put("source_annotation_id", sourceAnnotation.get("id").asLong());
            annotationTrace.put("source_image_id", sourceId);
            annotations.add(annotation);
        }
        return imageId;
    }

    /**
     * Writes the file atomically.
     *
     * @param info the output's {@code info} block (what was done, from which input)
     */
    public void write(Path target, ObjectNode info) {
        ObjectNode root = JSON.createObjectNode();
        root.set("info", info);
        if (input.has("licenses")) {
            root.set("licenses", input.get("licenses"));
        }
        root.set("images", images);
        root.set("annotations", annotations);
        root.set("categories", input.path("categories"));
        try {
            AtomicFiles.write(target, out -> JSON.writeValue(out, root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    public static ObjectMapper mapper() {
        return JSON;
    }
}
