package io.synthscene.annotators;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.synthscene.scenes.frame.Category;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Reads a COCO instances file that {@link CocoDatasetWriter} wrote with RLE masks back into the
 * records it took ({@link CocoRecords}): writing those with a new writer gives the same bytes.
 * For synthscene's own files only; {@link CocoReader} reads any tool's.
 *
 * <p>Strict, so that "same bytes" holds for whatever it accepts: every key must be one the writer
 * writes (an unknown key would be dropped), and every value the writer derives from the records
 * (ids, {@code image_id}, RLE sizes, {@code iscrowd}, {@code num_keypoints}, the category's
 * {@code skeleton}, {@code box3d.alpha}, {@code box3d.corners_px}) must be what it would derive.
 * Doubles are read as written: the writer writes the digits that read back to the same value.
 * Anything else throws {@link CocoFormatException} naming the file and the element's JSON Pointer,
 * e.g. {@code instances.json: /annotations/3/synthscene/instance_id: missing}.
 *
 * <p>Refused, with the reason: polygon segmentations (traced outlines: the masks cannot be
 * recovered), uncompressed RLE, and 3-D boxes without {@code corners_m} (files written before it).
 * A category written with a null supercategory reads back with its name as supercategory, which
 * the writer writes the same way.
 *
 * <p>The whole file is read into a Jackson tree, so memory is a few times the file's size.
 * Stateless.
 */
public final class SynthsceneCocoReader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> TOP_KEYS = Set.of("info", "licenses", "images", "annotations", "categories");
    private static final Set<String> INFO_KEYS = Set.of("description", "version", "date_created");
    private static final Set<String> CATEGORY_KEYS = Set.of("id", "name", "supercategory", "keypoints", "skeleton", "synthscene");
    private static final Set<String> CATEGORY_EXTRA_KEYS = Set.of("ignore");
    private static final Set<String> IMAGE_KEYS = Set.of("id", "file_name", "width", "height", "synthscene");
    private static final Set<String> IMAGE_EXTRA_KEYS = Set.of("frame_index", "camera", "camera_index", "cameras",
            "intrinsics", "distortion", "camera_to_world", "occlusion");
    private static final Set<String> STATS_KEYS = Set.of("labelled", "annotated", "hidden", "outside_image");
    private static final Set<String> ANNOTATION_KEYS = Set.of("id", "image_id", "category_id", "bbox", "area",
            "segmentation", "iscrowd", "keypoints", "num_keypoints", "synthscene");
    private static final Set<String> RLE_KEYS = Set.of("size", "counts");
    /** The occlusion fields in the annotation's {@code synthscene} object, in the writer's order. */
    private static final List<String> OCCLUSION_KEYS = List.of("visibility", "truncation", "truncation_is_lower_bound",
            "amodal_area", "amodal_bbox", "amodal_segmentation", "amodal_area_unclipped", "amodal_bbox_unclipped", "occluders");
    private static final Set<String> ANNOTATION_EXTRA_KEYS = union(Set.of("instance_id", "visible_pixels", "box3d", "ignore_reason",
            "distance_m"), OCCLUSION_KEYS);
    private static final Set<String> BOX3D_KEYS = Set.of("dimensions_hwl_m", "location_m", "centre_m", "rotation_y",
            "alpha", "rotation", "corners_m", "corners_px");

    private SynthsceneCocoReader() {
    }

    /** An image entry read, waiting for its annotations. */
    private record ImageEntry(int frameIndex, long viewIndex, String cameraName, int cameraIndex, int cameraCount,
                              String fileName, int width, int height, ImageCamera camera, OcclusionStats stats,
                              List<InstanceAnnotation> annotations) {
    }

    /**
     * @throws CocoFormatException  when the file is not JSON, is malformed, or holds what the
     *                              writer would not write again the same way
     * @throws UncheckedIOException when the file cannot be read
     */
    public static CocoRecords read(Path file) {
        String name = file.getFileName().toString();
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no such file: " + file, e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new CocoFormatException(name + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": not JSON: " + JsonSyntaxMessage.of(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (root == null || root.isMissingNode()) {
            throw new CocoFormatException(name + ": the file is empty");
        }
        return records(LocatedNode.root(name, root));
    }

    private static CocoRecords records(LocatedNode root) {
        root.object().requireOnlyKeys(TOP_KEYS);
        CocoInfo info = info(root.get("info"));
        LocatedNode licenses = root.get("licenses").array(-1);
        if (licenses.size() > 0) {
            throw licenses.at(0).error("CocoDatasetWriter writes no licenses, so the records would lose it");
        }

        LocatedNode categoryNodes = root.get("categories").array(-1);
        List<Category> categories = new ArrayList<>();
        Map<Integer, List<String>> keypointNames = new HashMap<>();
        Map<Integer, LocatedNode> keypointNodes = new HashMap<>();
        for (int i = 0; i < categoryNodes.size(); i++) {
            LocatedNode node = categoryNodes.at(i);
            Category category = category(node);
            if (categories.stream().anyMatch(c -> c.id() == category.id())) {
                throw node.get("id").error("category id " + category.id() + " is listed twice");
            }
            categories.add(category);
            if (node.has("keypoints")) {
                keypointNames.put(category.id(), keypointNames(node));
                keypointNodes.put(category.id(), node.get("keypoints"));
            }
        }

        LocatedNode imageNodes = root.get("images").array(-1);
        Map<Long, ImageEntry> images = new HashMap<>();
        for (int i = 0; i < imageNodes.size(); i++) {
            LocatedNode node = imageNodes.at(i);
            ImageEntry image = image(node);
            if (images.put(CocoDatasetWriter.imageId(image.viewIndex()), image) != null) {
                throw node.get("id").error("image id " + CocoDatasetWriter.imageId(image.viewIndex()) + " is listed twice");
            }
        }

        LocatedNode annotationNodes = root.get("annotations").array(-1);
        Set<Integer> categoriesWithKeypoints = new HashSet<>();
        Set<Long> annotationIds = new HashSet<>();
        for (int i = 0; i < annotationNodes.size(); i++) {
            LocatedNode node = annotationNodes.at(i).object();
            node.requireOnlyKeys(ANNOTATION_KEYS);
            LocatedNode imageId = node.get("image_id");
            ImageEntry image = images.get(imageId.longValue());
            if (image == null) {
                throw imageId.error("no image has id " + imageId.longValue());
            }
            InstanceAnnotation annotation = annotation(node, image, keypointNames);
            if (categories.stream().noneMatch(c -> c.id() == annotation.categoryId())) {
                throw node.get("category_id").error("no category has id " + annotation.categoryId());
            }
            if (!annotationIds.add(node.get("id").longValue())) {
                throw node.get("id").error("annotation id " + node.get("id").longValue() + " is listed twice");
            }
            if (annotation.keypoints() != null) {
                categoriesWithKeypoints.add(annotation.categoryId());
            }
            image.annotations().add(annotation);
        }
        for (Map.Entry<Integer, LocatedNode> named : keypointNodes.entrySet()) {
            if (!categoriesWithKeypoints.contains(named.getKey())) {
                throw named.getValue().error("no annotation of this category has keypoints, and CocoDatasetWriter"
                        + " names keypoints only for categories whose annotations have them");
            }
        }

        TreeMap<Long, AnnotatedFrame> frames = new TreeMap<>();
        for (ImageEntry image : images.values()) {
            List<InstanceAnnotation> annotations = new ArrayList<>(image.annotations());
            annotations.sort((a, b) -> Integer.compare(a.instanceId(), b.instanceId()));
            frames.put(image.viewIndex(), new AnnotatedFrame(image.frameIndex(), image.fileName(), image.width(),
                    image.height(), image.camera(), annotations, image.stats(), image.cameraName(), image.cameraIndex(),
                    image.cameraCount()));
        }
        return new CocoRecords(info, categories, List.copyOf(frames.values()));
    }

    private static CocoInfo info(LocatedNode node) {
        node.object().requireOnlyKeys(INFO_KEYS);
        return construct(node, () -> new CocoInfo(node.get("description").text(), node.get("version").text(),
                node.get("date_created").textOrNull()));
    }

    private static Category category(LocatedNode node) {
        node.object().requireOnlyKeys(CATEGORY_KEYS);
        int id = node.get("id").intValue();
        String name = node.get("name").text();
        String supercategory = node.get("supercategory").text();
        if (node.has("skeleton") && !node.has("keypoints")) {
            throw node.get("skeleton").error("a skeleton without keypoints");
        }
        boolean ignore = false;
        if (node.has("synthscene")) {
            LocatedNode extras = node.get("synthscene").object();
            extras.requireOnlyKeys(CATEGORY_EXTRA_KEYS);
            LocatedNode flag = extras.get("ignore");
            if (!flag.json().isBoolean() || !flag.json().booleanValue()) {
                throw flag.error("synthscene.ignore " + flag.json() + ": CocoDatasetWriter writes it only for an ignore"
                        + " category, as true");
            }
            ignore = true;
        }
        boolean ignoreCategory = ignore;
        return construct(node.get("id"), () -> new Category(id, name, supercategory, ignoreCategory));
    }

    /** The category's keypoint names; its skeleton must be the one the writer derives from them. */
    private static List<String> keypointNames(LocatedNode category) {
        LocatedNode names = category.get("keypoints").array(-1);
        List<String> result = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            result.add(names.at(i).text());
        }
        LocatedNode skeleton = category.get("skeleton").array(-1);
        List<int[]> bones = KeypointSkeleton.of(result);
        if (skeleton.size() != bones.size()) {
            throw skeleton.error(skeleton.size() + " bones, but COCO's person skeleton among these names has " + bones.size());
        }
        for (int i = 0; i < bones.size(); i++) {
            if (!Arrays.equals(skeleton.at(i).ints(2), bones.get(i))) {
                throw skeleton.at(i).error("expected the bone " + Arrays.toString(bones.get(i))
                        + " of COCO's person skeleton among these names");
            }
        }
        return result;
    }

    private static ImageEntry image(LocatedNode node) {
        node.object().requireOnlyKeys(IMAGE_KEYS);
        LocatedNode id = node.get("id");
        long imageId = id.longValue();
        if (imageId < 1 || imageId > (long) Integer.MAX_VALUE + 1) {
            throw id.error("image id " + imageId + " is outside 1.." + ((long) Integer.MAX_VALUE + 1) + " (view index + 1)");
        }
        long viewIndex = imageId - 1;
        int frameIndex = (int) viewIndex;
        String cameraName = null;
        int cameraIndex = 0;
        int cameraCount = 1;
        String fileName = node.get("file_name").text();
        int width = side(node.get("width"));
        int height = side(node.get("height"));
        ImageCamera camera = null;
        OcclusionStats stats = null;
        LocatedNode extras = node.optional("synthscene");
        if (extras != null) {
            extras.object().requireOnlyKeys(IMAGE_EXTRA_KEYS);
            LocatedNode index = extras.get("frame_index");
            if (extras.has("camera") || extras.has("camera_index") || extras.has("cameras")) {
                cameraName = extras.get("camera").text();
                cameraIndex = extras.get("camera_index").intValue();
                cameraCount = extras.get("cameras").intValue();
                if (cameraCount < 1 || cameraIndex < 0 || cameraIndex >= cameraCount) {
                    throw extras.get("camera_index").error("camera " + cameraIndex + " of " + cameraCount);
                }
                frameIndex = index.intValue();
                if (frameIndex < 0 || (long) frameIndex * cameraCount + cameraIndex != viewIndex) {
                    throw index.error("frame index " + frameIndex + ", camera " + cameraIndex + " of " + cameraCount
                            + " do not match the image id " + imageId + " (image id = frame index × cameras + camera index + 1)");
                }
            } else if (index.intValue() != frameIndex) {
                throw index.error("frame index " + index.intValue() + " does not match the image id " + imageId
                        + " (image id = frame index + 1)");
            }
            camera = camera(extras);
            LocatedNode occlusion = extras.optional("occlusion");
            if (occlusion != null) {
                occlusion.object().requireOnlyKeys(STATS_KEYS);
                stats = construct(occlusion, () -> new OcclusionStats(occlusion.get("labelled").intValue(),
                        occlusion.get("annotated").intValue(), occlusion.get("hidden").intValue(),
                        occlusion.get("outside_image").intValue()));
            }
            if (camera == null && stats == null && cameraName == null) {
                throw extras.error("neither a camera nor occlusion stats: CocoDatasetWriter writes this object only"
                        + " with one of them");
            }
        }
        return new ImageEntry(frameIndex, viewIndex, cameraName, cameraIndex, cameraCount, fileName, width, height, camera,
                stats, new ArrayList<>());
    }

    private static int side(LocatedNode node) {
        int side = node.intValue();
        if (side < 1 || side > CocoReader.MAX_IMAGE_SIDE) {
            throw node.error("image side " + side + " is outside 1.." + CocoReader.MAX_IMAGE_SIDE);
        }
        return side;
    }

    /** The image's camera: intrinsics, distortion and pose all written, or none of them. */
    private static ImageCamera camera(LocatedNode extras) {
        boolean any = extras.has("intrinsics") || extras.has("distortion") || extras.has("camera_to_world");
        if (!any) {
            return null;
        }
        double[][] k = extras.get("intrinsics").matrix(3, 3);
        double[] distortion = extras.get("distortion").doubles(5);
        double[][] pose = extras.get("camera_to_world").matrix(4, 4);
        return new ImageCamera(k, pose, distortion);
    }

    private static InstanceAnnotation annotation(LocatedNode node, ImageEntry image, Map<Integer, List<String>> keypointNames) {
        LocatedNode extras = node.get("synthscene").object();
        extras.requireOnlyKeys(ANNOTATION_EXTRA_KEYS);
        int instanceId = extras.get("instance_id").intValue();
        if (instanceId < 1 || instanceId > InstanceAnnotation.MAX_INSTANCE_ID) {
            throw extras.get("instance_id").error("instance id " + instanceId + " is outside 1.." + InstanceAnnotation.MAX_INSTANCE_ID);
        }
        LocatedNode id = node.get("id");
        long expectedId = CocoDatasetWriter.annotationId(image.viewIndex(), instanceId);
        if (id.longValue() != expectedId) {
            throw id.error("annotation id " + id.longValue() + " is not " + (image.cameraName() == null ? "frame" : "view")
                    + " index " + image.viewIndex() + " × "
                    + CocoDatasetWriter.ANNOTATION_IDS_PER_FRAME + " + instance id " + instanceId + " = " + expectedId);
        }
        int categoryId = node.get("category_id").intValue();
        int[] bbox = node.get("bbox").ints(4);
        long area = node.get("area").longValue();
        CocoRle rle = rle(node.get("segmentation"), image);
        LocatedNode crowd = node.get("iscrowd");
        String ignoreReason = extras.has("ignore_reason") ? extras.get("ignore_reason").text() : null;
        if (ignoreReason != null && !IgnoreRegions.REASONS.contains(ignoreReason)) {
            throw extras.get("ignore_reason").error("ignore reason '" + ignoreReason + "' is not one of "
                    + IgnoreRegions.REASONS);
        }
        int expectedCrowd = ignoreReason != null ? 1 : 0;
        if (crowd.intValue() != expectedCrowd) {
            throw crowd.error("iscrowd " + crowd.intValue() + ": CocoDatasetWriter writes " + expectedCrowd
                    + (ignoreReason != null ? " for an ignore region" : " (rendered instances are never crowds; ignore"
                            + " regions have 1 and synthscene.ignore_reason)"));
        }
        long visiblePixels = extras.get("visible_pixels").longValue();
        Occlusion occlusion = occlusion(extras, image);
        Box3d box3d = box3d(extras, image.camera());
        Keypoints keypoints = keypoints(node, keypointNames.get(categoryId));
        return construct(node, () -> new InstanceAnnotation(instanceId, categoryId, bbox[0], bbox[1], bbox[2], bbox[3],
                area, rle, visiblePixels, occlusion, box3d, keypoints, ignoreReason));
    }

    /** A compressed RLE of the image's size; polygons and uncompressed RLE are refused. */
    private static CocoRle rle(LocatedNode node, ImageEntry image) {
        if (node.json().isArray()) {
            throw node.error("polygons: written with mask format 'polygon', which traces outlines and loses pixels,"
                    + " so the masks cannot be read back exactly; only files written with RLE masks (the default) can");
        }
        node.object().requireOnlyKeys(RLE_KEYS);
        LocatedNode size = node.get("size");
        int[] hw = size.ints(2);
        if (hw[0] != image.height() || hw[1] != image.width()) {
            throw size.error("size " + Arrays.toString(hw) + " is not the image's [height, width] ["
                    + image.height() + ", " + image.width() + "]");
        }
        LocatedNode counts = node.get("counts");
        if (counts.json().isArray()) {
            throw counts.error("uncompressed RLE: CocoDatasetWriter writes compressed counts strings");
        }
        String text = counts.text();
        return construct(counts, () -> CocoRle.fromCountsString(image.height(), image.width(), text));
    }

    /** All occlusion fields, or none (an annotation made without the SILHOUETTES pass). */
    private static Occlusion occlusion(LocatedNode extras, ImageEntry image) {
        List<String> present = OCCLUSION_KEYS.stream().filter(extras::has).toList();
        if (present.isEmpty()) {
            return null;
        }
        if (present.size() < OCCLUSION_KEYS.size()) {
            String missing = OCCLUSION_KEYS.stream().filter(k -> !extras.has(k)).findFirst().orElseThrow();
            extras.get(missing); // throws, naming the missing field's pointer
        }
        double visibility = extras.get("visibility").doubleValue();
        double truncation = extras.get("truncation").doubleValue();
        boolean lowerBound = extras.get("truncation_is_lower_bound").booleanValue();
        long amodalArea = extras.get("amodal_area").longValue();
        int[] amodalBbox = extras.get("amodal_bbox").ints(4);
        CocoRle amodalRle = rle(extras.get("amodal_segmentation"), image);
        long unclippedArea = extras.get("amodal_area_unclipped").longValue();
        int[] unclippedBbox = extras.get("amodal_bbox_unclipped").ints(4);
        int[] occluders = extras.get("occluders").ints(-1);
        return construct(extras, () -> new Occlusion(amodalArea, amodalRle, amodalBbox, unclippedBbox, unclippedArea,
                visibility, truncation, lowerBound, occluders));
    }

    private static Box3d box3d(LocatedNode extras, ImageCamera camera) {
        if (!extras.has("box3d") && !extras.has("distance_m")) {
            return null;
        }
        LocatedNode node = extras.get("box3d").object();
        double distance = extras.get("distance_m").doubleValue();
        node.requireOnlyKeys(BOX3D_KEYS);
        double[] hwl = node.get("dimensions_hwl_m").doubles(3);
        double[] bottomCentre = node.get("location_m").doubles(3);
        double[] centre = node.get("centre_m").doubles(3);
        double rotationY = node.get("rotation_y").doubleValue();
        double[][] rotation = node.get("rotation").matrix(3, 3);
        if (!node.has("corners_m")) {
            throw node.errorAt("corners_m", "missing: written before box corners in metres were; recomputing them from"
                    + " centre, rotation and dimensions would not give the same bits, so render or export again");
        }
        double[][] corners = node.get("corners_m").matrix(8, 3);
        Box3d box = new Box3d(hwl[0], hwl[1], hwl[2], centre, bottomCentre, rotation, rotationY, corners, distance);
        LocatedNode alpha = node.get("alpha");
        requireSame(alpha, alpha.doubleValue(), box.alpha(), "rotation_y − atan2(x, z) of centre_m");
        cornerPixels(node, box, camera);
        return box;
    }

    /** {@code corners_px}: present exactly when the camera is known, and the projection of {@code corners_m}. */
    private static void cornerPixels(LocatedNode box3d, Box3d box, ImageCamera camera) {
        if (camera == null) {
            if (box3d.has("corners_px")) {
                throw box3d.get("corners_px").error("pixel corners, but the image has no camera to project with");
            }
            return;
        }
        LocatedNode pixels = box3d.get("corners_px").array(8);
        double[][] k = camera.intrinsics();
        double[][] corners = box.corners();
        for (int i = 0; i < 8; i++) {
            LocatedNode pixel = pixels.at(i);
            double[] c = corners[i];
            if (c[2] <= 0) {
                if (!pixel.json().isNull()) {
                    throw pixel.error("expected null: the corner is not in front of the camera (z = " + c[2] + ")");
                }
                continue;
            }
            double[] xy = pixel.doubles(2);
            requireSame(pixel.at(0), xy[0], k[0][0] * c[0] / c[2] + k[0][2], "the projection of corners_m with K");
            requireSame(pixel.at(1), xy[1], k[1][1] * c[1] / c[2] + k[1][2], "the projection of corners_m with K");
        }
    }

    private static Keypoints keypoints(LocatedNode annotation, List<String> names) {
        if (!annotation.has("keypoints") && !annotation.has("num_keypoints")) {
            return null;
        }
        LocatedNode node = annotation.get("keypoints");
        LocatedNode count = annotation.get("num_keypoints");
        if (names == null) {
            throw node.error("keypoints, but the category names none");
        }
        double[] xyv = node.array(3 * names.size()).doubles(3 * names.size());
        for (int i = 2; i < xyv.length; i += 3) {
            xyv[i] = node.at(i).intValue(); // the writer writes visibility flags as whole numbers
        }
        Keypoints keypoints = new Keypoints(names, xyv);
        if (count.intValue() != keypoints.labelled()) {
            throw count.error(count.intValue() + " but " + keypoints.labelled() + " keypoints are labelled (v > 0)");
        }
        return keypoints;
    }

    private static void requireSame(LocatedNode node, double written, double derived, String derivation) {
        if (Double.doubleToLongBits(written) != Double.doubleToLongBits(derived)) {
            throw node.error(written + " is not " + derivation + " (" + derived + "), which the writer would write");
        }
    }

    /** Builds a record, turning its constructor's refusal into an error at {@code node}. */
    private static <T> T construct(LocatedNode node, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static Set<String> union(Set<String> a, List<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
