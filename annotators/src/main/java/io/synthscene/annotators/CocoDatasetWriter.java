package io.synthscene.annotators;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.synthscene.scenes.frame.Category;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Collects the images and instance annotations of a batch and writes one COCO instances file
 * ({@code annotations/instances.json}). Created and used by the pipeline's coordinating thread
 * (methods are synchronized, so workers may add too); nothing to close.
 *
 * <p>Ids are functions of (view index, instance id) only, so shards rendered apart never collide
 * and merge by concatenation: {@code image_id = viewIndex + 1},
 * {@code annotation id = viewIndex * 65536 + instanceId} (instance ids are 1..65535 because
 * masks are 16-bit). The view index is the frame index, or for a frame seen by a rig of C
 * cameras {@code frameIndex * C + cameraIndex} ({@link AnnotatedFrame#viewIndex()}): the same
 * object has the same instance id in every camera of a frame, under different annotation ids.
 * Output is ordered by image id, then instance id; categories by id. The same additions, in any
 * order, give the same bytes.
 *
 * <p>Ignore regions ({@link InstanceAnnotation#ignoreReason}) are annotations with
 * {@code iscrowd: 1}, an RLE segmentation (also with polygon masks), no keypoints, and
 * {@code synthscene.ignore_reason}; their ids follow the same rule. An ignore category
 * ({@link Category#ignore()}) has {@code synthscene: {ignore: true}} in {@code categories}.
 *
 * <p>Only small records are kept per annotation (numbers and the compressed RLE string), and the
 * file is streamed with Jackson's {@link JsonGenerator}, so a batch of 100k annotations costs tens
 * of MB, not a tree of objects.
 */
public final class CocoDatasetWriter {
    /** Annotation ids reserve this many ids per frame: every 16-bit instance id. */
    public static final long ANNOTATION_IDS_PER_FRAME = 65536;

    private final List<Category> categories;
    private final Map<Integer, Category> categoriesById = new TreeMap<>();
    private final CocoInfo info;
    private final MaskFormat maskFormat;
    private final PolygonTracer tracer = new PolygonTracer();
    private final TreeMap<Long, ImageEntry> imagesByFrame = new TreeMap<>();

    /** {@code rig} is null for the image of a frame without a rig. */
    private record ImageEntry(int frameIndex, long viewIndex, RigPlace rig, String fileName, int width, int height,
                              ImageCamera camera, OcclusionStats occlusionStats, List<AnnotationEntry> annotations) {
    }

    /** Which camera of a rig took an image. */
    private record RigPlace(String name, int index, int count) {
    }

    /**
     * {@code rleCounts} is set for {@link MaskFormat#RLE}, {@code polygons} for {@link MaskFormat#POLYGON};
     * {@code occlusion} is null for annotations made without the SILHOUETTES pass.
     */
    private record AnnotationEntry(int instanceId, int categoryId, int x, int y, int width, int height,
                                   long area, long visiblePixels, String rleCounts, List<PolygonTracer.Polygon> polygons,
                                   Occlusion occlusion, Box3d box3d, Keypoints keypoints, String ignoreReason) {
    }

    public CocoDatasetWriter(List<Category> categories) {
        this(categories, CocoInfo.synthscene());
    }

    public CocoDatasetWriter(List<Category> categories, CocoInfo info) {
        this(categories, info, MaskFormat.RLE);
    }

    /** @param maskFormat how {@code segmentation} is written; bbox and area come from the mask either way */
    public CocoDatasetWriter(List<Category> categories, CocoInfo info, MaskFormat maskFormat) {
        this.info = Objects.requireNonNull(info, "info");
        this.maskFormat = Objects.requireNonNull(maskFormat, "maskFormat");
        for (Category category : categories) {
            if (categoriesById.put(category.id(), category) != null) {
                throw new IllegalArgumentException("category id " + category.id() + " is listed twice");
            }
        }
        this.categories = categories.stream().sorted(Comparator.comparingInt(Category::id)).toList();
    }

    /** @param viewIndex the frame index, or {@link AnnotatedFrame#viewIndex()} for a rig's image */
    public static long imageId(long viewIndex) {
        return viewIndex + 1L;
    }

    /** @param viewIndex the frame index, or {@link AnnotatedFrame#viewIndex()} for a rig's image */
    public static long annotationId(long viewIndex, int instanceId) {
        return viewIndex * ANNOTATION_IDS_PER_FRAME + instanceId;
    }

    /**
     * Adds frame {@code frameIndex}'s image and its annotations.
     *
     * @param fileName the image's name relative to {@code images/}, e.g. {@code 000123.png}
     * @throws IllegalArgumentException when the frame was already added, an annotation's category
     *                                  is unknown or its mask is not the image's size
     */
    public synchronized void addImage(int frameIndex, String fileName, int width, int height,
                                      List<InstanceAnnotation> annotations) {
        addImage(frameIndex, fileName, width, height, null, annotations);
    }

    /**
     * As {@link #addImage(int, String, int, int, List)}, with the image's camera, written into
     * its image entry as {@code synthscene: {frame_index, intrinsics, distortion, camera_to_world}}.
     *
     * @param camera null when unknown: the image entry then has only COCO's own keys
     */
    public synchronized void addImage(int frameIndex, String fileName, int width, int height, ImageCamera camera,
                                      List<InstanceAnnotation> annotations) {
        addImage(frameIndex, fileName, width, height, camera, null, annotations);
    }

    /**
     * As {@link #addImage(int, String, int, int, ImageCamera, List)}, with what became of the
     * frame's labelled objects, written into the image entry as
     * {@code synthscene.occlusion: {labelled, annotated, hidden, outside_image}}.
     *
     * @param occlusionStats null when the frame was rendered without silhouettes
     */
    public synchronized void addImage(int frameIndex, String fileName, int width, int height, ImageCamera camera,
                                      OcclusionStats occlusionStats, List<InstanceAnnotation> annotations) {
        addImage(frameIndex, null, 0, 1, fileName, width, height, camera, occlusionStats, annotations);
    }

    /**
     * As {@link #addImage(int, String, int, int, ImageCamera, OcclusionStats, List)}, for the image
     * of camera {@code cameraIndex} (named {@code cameraName}) of a rig of {@code cameraCount}; the
     * name, index and count are written into the image entry's {@code synthscene} object as
     * {@code camera}, {@code camera_index} and {@code cameras}. A null name is an image without a rig.
     */
    private synchronized void addImage(int frameIndex, String cameraName, int cameraIndex, int cameraCount,
                                       String fileName, int width, int height, ImageCamera camera,
                                       OcclusionStats occlusionStats, List<InstanceAnnotation> annotations) {
        if (frameIndex < 0) {
            throw new IllegalArgumentException("frame index " + frameIndex + " must be >= 0");
        }
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("frame " + frameIndex + ": image file name is empty");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("frame " + frameIndex + ": image size " + width + "x" + height);
        }
        long viewIndex = (long) frameIndex * cameraCount + cameraIndex;
        if (imagesByFrame.containsKey(viewIndex)) {
            throw new IllegalArgumentException("frame " + frameIndex + (cameraName == null ? "" : ", camera " + cameraName)
                    + " was already added");
        }
        List<AnnotationEntry> entries = new ArrayList<>(annotations.size());
        for (InstanceAnnotation a : annotations) {
            entries.add(toEntry(frameIndex, width, height, a));
        }
        entries.sort(Comparator.comparingInt(AnnotationEntry::instanceId));
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).instanceId() == entries.get(i - 1).instanceId()) {
                throw new IllegalArgumentException("frame " + frameIndex + ": instance " + entries.get(i).instanceId()
                        + " is annotated twice");
            }
        }
        imagesByFrame.put(viewIndex, new ImageEntry(frameIndex, viewIndex,
                cameraName == null ? null : new RigPlace(cameraName, cameraIndex, cameraCount), fileName, width, height,
                camera, occlusionStats, List.copyOf(entries)));
    }

    private AnnotationEntry toEntry(int frameIndex, int width, int height, InstanceAnnotation a) {
        if (!categoriesById.containsKey(a.categoryId())) {
            throw new IllegalArgumentException("frame " + frameIndex + ", instance " + a.instanceId()
                    + ": category id " + a.categoryId() + " is not among the dataset's categories " + categoriesById.keySet());
        }
        if (a.rle().width() != width || a.rle().height() != height) {
            throw new IllegalArgumentException("frame " + frameIndex + ", instance " + a.instanceId() + ": mask is "
                    + a.rle().width() + "x" + a.rle().height() + ", image is " + width + "x" + height);
        }
        // InstanceAnnotation already holds instance ids to 1..65535, which keeps annotation ids unique.
        if (a.occlusion() != null && (a.occlusion().amodalRle().width() != width || a.occlusion().amodalRle().height() != height)) {
            throw new IllegalArgumentException("frame " + frameIndex + ", instance " + a.instanceId()
                    + ": amodal mask is not the image's size");
        }
        if (a.isIgnoreRegion()) {
            // COCO's crowd regions are RLE whatever the mask format; no keypoints: nothing in it is to be learnt
            return new AnnotationEntry(a.instanceId(), a.categoryId(), a.x(), a.y(), a.width(), a.height(),
                    a.area(), a.visiblePixels(), a.rle().countsString(), null, a.occlusion(), a.box3d(), null,
                    a.ignoreReason());
        }
        if (maskFormat == MaskFormat.POLYGON) {
            return new AnnotationEntry(a.instanceId(), a.categoryId(), a.x(), a.y(), a.width(), a.height(),
                    a.area(), a.visiblePixels(), null, tracer.trace(a.rle().toMask(), width, height), a.occlusion(), a.box3d(), a.keypoints(),
                    null);
        }
        return new AnnotationEntry(a.instanceId(), a.categoryId(), a.x(), a.y(), a.width(), a.height(),
                a.area(), a.visiblePixels(), a.rle().countsString(), null, a.occlusion(), a.box3d(), a.keypoints(), null);
    }

    /** Adds a frame's image, camera, occlusion stats (if any) and annotations. */
    public void add(AnnotatedFrame frame) {
        addImage(frame.index(), frame.cameraName(), frame.cameraIndex(), frame.cameraCount(), frame.imageFileName(),
                frame.width(), frame.height(), frame.camera(), frame.occlusionStats(), frame.annotations());
    }

    public synchronized int imageCount() {
        return imagesByFrame.size();
    }

    /** Writes the COCO file atomically (temporary file, then rename). */
    public synchronized void write(Path instancesJson) {
        try {
            AtomicFiles.write(instancesJson, out -> {
                try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                    writeDataset(json);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + instancesJson, e);
        }
    }

    private void writeDataset(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("info");
        json.writeStringField("description", info.description());
        json.writeStringField("version", info.version());
        json.writeStringField("date_created", info.dateCreated());
        json.writeEndObject();
        json.writeArrayFieldStart("licenses");
        json.writeEndArray();

        json.writeArrayFieldStart("images");
        for (ImageEntry image : imagesByFrame.values()) {
            json.writeStartObject();
            json.writeNumberField("id", imageId(image.viewIndex()));
            json.writeStringField("file_name", image.fileName());
            json.writeNumberField("width", image.width());
            json.writeNumberField("height", image.height());
            if (image.camera() != null || image.occlusionStats() != null || image.rig() != null) {
                writeImageExtras(json, image);
            }
            json.writeEndObject();
        }
        json.writeEndArray();

        json.writeArrayFieldStart("annotations");
        for (ImageEntry image : imagesByFrame.values()) {
            for (AnnotationEntry a : image.annotations()) {
                writeAnnotation(json, image, a);
            }
        }
        json.writeEndArray();

        Map<Integer, List<String>> keypointNames = keypointNamesByCategory();
        json.writeArrayFieldStart("categories");
        for (Category category : categories) {
            json.writeStartObject();
            json.writeNumberField("id", category.id());
            json.writeStringField("name", category.name());
            json.writeStringField("supercategory",
                    category.supercategory() != null ? category.supercategory() : category.name());
            List<String> names = keypointNames.get(category.id());
            if (names != null) {
                json.writeArrayFieldStart("keypoints");
                for (String name : names) {
                    json.writeString(name);
                }
                json.writeEndArray();
                json.writeArrayFieldStart("skeleton");
                for (int[] bone : KeypointSkeleton.of(names)) {
                    json.writeArray(bone, 0, 2);
                }
                json.writeEndArray();
            }
            if (category.ignore()) {
                // the scene's ignore category, beside its ignore regions' synthscene.ignore_reason
                json.writeObjectFieldStart("synthscene");
                json.writeBooleanField("ignore", true);
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** The image entry's {@code synthscene} object: rig camera, camera and occlusion stats, whichever are known. */
    private static void writeImageExtras(JsonGenerator json, ImageEntry image) throws IOException {
        json.writeObjectFieldStart("synthscene");
        json.writeNumberField("frame_index", image.frameIndex());
        if (image.rig() != null) {
            json.writeStringField("camera", image.rig().name());
            json.writeNumberField("camera_index", image.rig().index());
            json.writeNumberField("cameras", image.rig().count());
        }
        ImageCamera camera = image.camera();
        if (camera != null) {
            writeMatrix(json, "intrinsics", camera.intrinsics());
            json.writeArrayFieldStart("distortion");
            for (double k : camera.distortion()) {
                json.writeNumber(k);
            }
            json.writeEndArray();
            writeMatrix(json, "camera_to_world", camera.cameraToWorld());
        }
        OcclusionStats stats = image.occlusionStats();
        if (stats != null) {
            json.writeObjectFieldStart("occlusion");
            json.writeNumberField("labelled", stats.labelled());
            json.writeNumberField("annotated", stats.annotated());
            json.writeNumberField("hidden", stats.hidden());
            json.writeNumberField("outside_image", stats.outsideImage());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeMatrix(JsonGenerator json, String name, double[][] rows) throws IOException {
        json.writeArrayFieldStart(name);
        for (double[] row : rows) {
            json.writeStartArray();
            for (double value : row) {
                json.writeNumber(value);
            }
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    /**
     * Each category's keypoint names, from its annotations that have keypoints: COCO names them
     * once per category, so every instance of a category must share them.
     */
    private Map<Integer, List<String>> keypointNamesByCategory() {
        Map<Integer, List<String>> names = new TreeMap<>();
        for (ImageEntry image : imagesByFrame.values()) {
            for (AnnotationEntry a : image.annotations()) {
                if (a.keypoints() == null) {
                    continue;
                }
                List<String> known = names.putIfAbsent(a.categoryId(), a.keypoints().names());
                if (known != null && !known.equals(a.keypoints().names())) {
                    throw new IllegalStateException("category " + categoriesById.get(a.categoryId()).name()
                            + " has instances with different keypoints (" + known + " and " + a.keypoints().names()
                            + " in frame " + image.frameIndex() + "): COCO needs one list per category");
                }
            }
        }
        return names;
    }

    private static void writeAnnotation(JsonGenerator json, ImageEntry image, AnnotationEntry a) throws IOException {
        json.writeStartObject();
        json.writeNumberField("id", annotationId(image.viewIndex(), a.instanceId()));
        json.writeNumberField("image_id", imageId(image.viewIndex()));
        json.writeNumberField("category_id", a.categoryId());
        json.writeArrayFieldStart("bbox");
        json.writeNumber(a.x());
        json.writeNumber(a.y());
        json.writeNumber(a.width());
        json.writeNumber(a.height());
        json.writeEndArray();
        json.writeNumberField("area", a.area());
        if (a.polygons() != null) {
            json.writeArrayFieldStart("segmentation");
            for (PolygonTracer.Polygon polygon : a.polygons()) {
                json.writeStartArray();
                for (double v : polygon.xy()) {
                    json.writeNumber(v);
                }
                json.writeEndArray();
            }
            json.writeEndArray();
        } else {
            json.writeObjectFieldStart("segmentation");
            json.writeArrayFieldStart("size");
            json.writeNumber(image.height()); // COCO: [height, width]
            json.writeNumber(image.width());
            json.writeEndArray();
            json.writeStringField("counts", a.rleCounts());
            json.writeEndObject();
        }
        // A rendered instance is a single object, never a crowd; an ignore region is written as COCO's crowd
        // region, the one "do not learn from this area" that pycocotools, Detectron2 and MMDetection honour.
        json.writeNumberField("iscrowd", a.ignoreReason() != null ? 1 : 0);
        if (a.keypoints() != null) {
            json.writeArrayFieldStart("keypoints");
            double[] xyv = a.keypoints().xyv();
            for (int i = 0; i < xyv.length; i++) {
                if (i % 3 == 2) {
                    json.writeNumber((int) xyv[i]); // the visibility flag is a whole number
                } else {
                    json.writeNumber(xyv[i]);
                }
            }
            json.writeEndArray();
            json.writeNumberField("num_keypoints", a.keypoints().labelled());
        }
        json.writeObjectFieldStart("synthscene");
        json.writeNumberField("instance_id", a.instanceId());
        json.writeNumberField("visible_pixels", a.visiblePixels());
        if (a.ignoreReason() != null) {
            json.writeStringField("ignore_reason", a.ignoreReason());
        }
        if (a.occlusion() != null) {
            writeOcclusion(json, image, a.occlusion());
        }
        if (a.box3d() != null) {
            writeBox3d(json, a.box3d(), image.camera());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * Inside the annotation's {@code synthscene} object: the 3-D box in the camera's coordinates
     * (OpenCV axes, metres), KITTI's conventions for location (bottom centre) and rotation_y, its
     * 8 corners in metres ({@code corners_m}) and, when the camera is known, in pixels.
     */
    private static void writeBox3d(JsonGenerator json, Box3d box, ImageCamera camera) throws IOException {
        json.writeObjectFieldStart("box3d");
        writeVector(json, "dimensions_hwl_m", new double[] {box.heightMeters(), box.widthMeters(), box.lengthMeters()});
        writeVector(json, "location_m", box.bottomCentre());
        writeVector(json, "centre_m", box.centre());
        json.writeNumberField("rotation_y", box.rotationY());
        json.writeNumberField("alpha", box.alpha());
        writeMatrix(json, "rotation", box.rotation());
        // The corners as computed, so that a reader gets them back to the bit (recomputing them
        // from centre, rotation and dimensions may differ in the last bit).
        writeMatrix(json, "corners_m", box.corners());
        if (camera != null) {
            writeCornerPixels(json, box, camera.intrinsics());
        }
        json.writeEndObject();
        json.writeNumberField("distance_m", box.distanceMeters());
    }

    /**
     * The box's 8 corners projected with K (the vehicle "box corner" keypoints), COCO pixel
     * coordinates, unclipped; null for a corner not in front of the camera. Corner order as in
     * {@link Box3d#corners()}.
     */
    private static void writeCornerPixels(JsonGenerator json, Box3d box, double[][] k) throws IOException {
        json.writeArrayFieldStart("corners_px");
        for (double[] c : box.corners()) {
            if (c[2] <= 0) {
                json.writeNull();
            } else {
                json.writeArray(new double[] {k[0][0] * c[0] / c[2] + k[0][2], k[1][1] * c[1] / c[2] + k[1][2]}, 0, 2);
            }
        }
        json.writeEndArray();
    }

    private static void writeVector(JsonGenerator json, String name, double[] values) throws IOException {
        json.writeArrayFieldStart(name);
        for (double v : values) {
            json.writeNumber(v);
        }
        json.writeEndArray();
    }

    /** Inside the annotation's {@code synthscene} object; field order fixed, numbers as Jackson writes doubles. */
    private static void writeOcclusion(JsonGenerator json, ImageEntry image, Occlusion o) throws IOException {
        json.writeNumberField("visibility", o.visibility());
        json.writeNumberField("truncation", o.truncation());
        json.writeBooleanField("truncation_is_lower_bound", o.truncationIsLowerBound());
        json.writeNumberField("amodal_area", o.amodalArea());
        writeInts(json, "amodal_bbox", o.amodalBbox());
        json.writeObjectFieldStart("amodal_segmentation");
        json.writeArrayFieldStart("size");
        json.writeNumber(image.height());
        json.writeNumber(image.width());
        json.writeEndArray();
        json.writeStringField("counts", o.amodalRle().countsString());
        json.writeEndObject();
        json.writeNumberField("amodal_area_unclipped", o.unclippedArea());
        writeInts(json, "amodal_bbox_unclipped", o.unclippedBbox());
        writeInts(json, "occluders", o.occluders());
    }

    private static void writeInts(JsonGenerator json, String name, int[] values) throws IOException {
        json.writeArrayFieldStart(name);
        for (int value : values) {
            json.writeNumber(value);
        }
        json.writeEndArray();
    }
}
