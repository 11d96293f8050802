package io.synthscene.annotators.augment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthscene.annotators.AtomicFiles;
import io.synthscene.annotators.IgnoreRegions;
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
 * are copied as they are. Objects composited into a photo ({@code insert}) change its labels: see
 * {@link InsertedLabels}; their categories are merged by name, new ones appended.
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
    /** Categories of inserted objects that the input does not have. */
    private final ArrayNode addedCategories = JSON.createArrayNode();

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
        return addVariant(sourceImage, fileName, variant, effects, Map.of(), List.of());
    }

    /**
     * An inserted object's label for {@link #addVariant(JsonNode, String, int, JsonNode, Map, List)}.
     *
     * @param categoryId the output category ({@link #categoryId})
     * @param label      REDUCED (shown and labelled) or IGNORE; others are not written
     * @param trace      what the object is (group, asset, instance id), kept in its {@code augment} block
     */
    public record Inserted(long categoryId, InsertedLabels.Label label, ObjectNode trace) {
    }

    /**
     * Adds one variant of a source image whose labels changed because objects were composited into
     * it: each source annotation as {@code realLabels} says (absent or KEEP: copied value for value;
     * REDUCED: its mask, box and area replaced; IGNORE: the same as an ignore region; DROP: left
     * out), then the inserted objects' annotations.
     */
    public long addVariant(JsonNode sourceImage, String fileName, int variant, JsonNode effects,
                           Map<Long, InsertedLabels.Label> realLabels, List<Inserted> inserted) {
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
            long sourceAnnotationId = sourceAnnotation.get("id").asLong();
            InsertedLabels.Label label = realLabels.get(sourceAnnotationId);
            if (label != null && label.fate() == InsertedLabels.Fate.DROP) {
                continue;
            }
            ObjectNode annotation = sourceAnnotation.deepCopy();
            annotation.put("id", annotations.size() + 1L);
            annotation.put("image_id", imageId);
            ObjectNode annotationTrace = annotation.putObject("augment");
            annotationTrace.put("source_annotation_id", sourceAnnotationId);
            annotationTrace.put("source_image_id", sourceId);
            if (label != null && label.fate() != InsertedLabels.Fate.KEEP) {
                setMask(annotation, label);
                annotationTrace.put("visible_fraction", label.visibleFraction());
                annotationTrace.put("covered_by_inserted", true);
            }
            annotations.add(annotation);
        }
        for (Inserted object : inserted) {
            InsertedLabels.Fate fate = object.label().fate();
            if (fate != InsertedLabels.Fate.REDUCED && fate != InsertedLabels.Fate.IGNORE) {
                continue;
            }
            ObjectNode annotation = JSON.createObjectNode();
            annotation.put("id", annotations.size() + 1L);
            annotation.put("image_id", imageId);
            annotation.put("category_id", object.categoryId());
            annotation.put("iscrowd", 0);
            setMask(annotation, object.label());
            ObjectNode annotationTrace = object.trace().deepCopy();
            annotationTrace.put("inserted", true);
            annotationTrace.put("source_image_id", sourceId);
            annotationTrace.put("visible_fraction", object.label().visibleFraction());
            annotation.set("augment", annotationTrace);
            annotations.add(annotation);
        }
        return imageId;
    }

    /** Mask (compressed RLE), box and area from a label; an IGNORE label also becomes an ignore region. */
    private static void setMask(ObjectNode annotation, InsertedLabels.Label label) {
        ObjectNode segmentation = annotation.putObject("segmentation");
        segmentation.putArray("size").add(label.mask().height()).add(label.mask().width());
        segmentation.put("counts", label.mask().countsString());
        ArrayNode box = annotation.putArray("bbox");
        for (double v : label.bbox()) {
            box.add(v);
        }
        annotation.put("area", (double) label.mask().area());
        if (label.fate() == InsertedLabels.Fate.IGNORE) {
            // Written as a render writes its ignore regions: iscrowd 1, the one flag pycocotools, Detectron2 and
            // MMDetection honour, and the reason. No top-level "ignore": Detectron2's COCO loader asserts it is 0,
            // and MMDetection drops such an entry instead of ignoring its area.
            annotation.put("iscrowd", 1);
            ObjectNode synthscene = annotation.get("synthscene") instanceof ObjectNode extras ? extras
                    : annotation.putObject("synthscene");
            if (!synthscene.has("ignore_reason")) { // a label the input already ignored keeps its reason
                synthscene.put("ignore_reason", IgnoreRegions.MIN_VISIBILITY);
            }
        }
    }

    /**
     * The output id of a category of inserted objects: the input's category of that name, or a new
     * one (the next id above every id so far), added to the output's categories.
     */
    public long categoryId(String name, String supercategory) {
        for (JsonNode category : input.path("categories")) {
            if (category.path("name").asText().equals(name)) {
                return category.get("id").asLong();
            }
        }
        for (JsonNode category : addedCategories) {
            if (category.path("name").asText().equals(name)) {
                return category.get("id").asLong();
            }
        }
        long next = 1;
        for (JsonNode category : input.path("categories")) {
            next = Math.max(next, category.get("id").asLong() + 1);
        }
        for (JsonNode category : addedCategories) {
            next = Math.max(next, category.get("id").asLong() + 1);
        }
        addedCategories.addObject().put("id", next).put("name", name).put("supercategory", supercategory);
        return next;
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
        ArrayNode categories = input.path("categories").isArray() ? ((ArrayNode) input.get("categories")).deepCopy()
                : JSON.createArrayNode();
        categories.addAll(addedCategories);
        root.set("categories", categories);
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
