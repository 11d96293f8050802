package io.synthscene.annotators;

import io.synthscene.scenes.FrameJson;
import io.synthscene.scenes.frame.Category;
import io.synthscene.scenes.frame.Frame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a COCO dataset against its files and reports every broken invariant (rules listed in
 * the README, section "Checking a dataset"). On top of {@link CocoConsistency}: every image file
 * exists, decodes (OpenCV) and has the stated size; every bbox lies inside its image and is not
 * empty; no instance is empty; and, wherever the exact mask is known, the bbox is tight to it, the
 * area is its pixel count and an RLE segmentation is exactly that mask.
 *
 * <p>The exact mask is the stored instance mask ({@code masksDir/<image stem>.png}, 16-bit ids,
 * the annotation's {@code synthscene.instance_id}) when a masks folder is given; otherwise an RLE
 * segmentation is its own mask. Polygons without a masks folder are only checked for their
 * points and for enclosing at least one pixel: other tools write a polygon's geometric area and
 * real-valued extent, which no pixel mask matches exactly.
 *
 * <p>With a frames folder (synthscene datasets), every category of every frame's JSON must be
 * among the COCO categories. Created per run by the caller; reads files, writes nothing. Decodes
 * one image and one mask at a time.
 */
public final class DatasetValidator {
    private final Path imagesDir;
    private final Path masksDir;
    private final Path framesDir;
    private final ImageEncoder codec = new ImageEncoder();

    /** The dataset as read and what is wrong with it (empty when clean). */
    public record Report(CocoDataset dataset, List<Violation> violations) {
        public boolean clean() {
            return violations.isEmpty();
        }
    }

    /**
     * @param masksDir  16-bit instance masks named like the images (stem + {@code .png}), or null
     * @param framesDir synthscene's {@code frames/} (stem + {@code .json}), or null
     */
    public DatasetValidator(Path imagesDir, Path masksDir, Path framesDir) {
        this.imagesDir = imagesDir;
        this.masksDir = masksDir;
        this.framesDir = framesDir;
    }

    /** @throws CocoFormatException when the COCO file cannot be read at all */
    public Report validate(Path instancesJson) {
        CocoDataset dataset = CocoReader.readStructure(instancesJson);
        List<Violation> violations = new ArrayList<>(CocoConsistency.check(dataset));
        Map<Long, CocoCategory> categories = new HashMap<>();
        dataset.categories().forEach(c -> categories.putIfAbsent(c.id(), c));
        Map<Long, List<CocoAnnotation>> byImage = new LinkedHashMap<>();
        for (CocoAnnotation a : dataset.annotations()) {
            byImage.computeIfAbsent(a.imageId(), id -> new ArrayList<>()).add(a);
        }
        Set<Long> seenImages = new HashSet<>();
        Set<Long> reportedCategories = new HashSet<>();
        for (CocoImage image : dataset.images()) {
            if (seenImages.add(image.id())) { // a duplicate id is already reported; its annotations belong to the first
                checkImage(image, byImage.getOrDefault(image.id(), List.of()), categories, reportedCategories, violations);
            }
        }
        return new Report(dataset, List.copyOf(violations));
    }

    private void checkImage(CocoImage image, List<CocoAnnotation> annotations, Map<Long, CocoCategory> categories,
                            Set<Long> reportedCategories, List<Violation> violations) {
        Path file = imagesDir.resolve(image.fileName());
        if (!Files.isRegularFile(file)) {
            violations.add(new Violation("image-missing", image.id(), null, file.toString(), "image file does not exist"));
        } else {
            try {
                ImageEncoder.RgbImage decoded = codec.decodeColor(read(file));
                if (decoded.width() != image.width() || decoded.height() != image.height()) {
                    violations.add(new Violation("image-size", image.id(), null, file.toString(), "image file is "
                            + decoded.width() + "x" + decoded.height() + ", the COCO file says " + image.width() + "x" + image.height()));
                }
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("image-unreadable", image.id(), null, file.toString(), e.getMessage()));
            }
        }
        String stem = stem(image.fileName());
        Frame frame = null;
        if (framesDir != null) {
            frame = checkFrameCategories(image, framesDir.resolve(frameStem(stem) + ".json"), cameraName(stem), categories,
                    reportedCategories, violations);
        }
        checkIgnoreRegions(annotations, categories, frame, violations);
        InstanceMask stored = masksDir == null ? null : storedMask(image, masksDir.resolve(stem + ".png"), violations);
        Set<Integer> annotated = new HashSet<>();
        for (CocoAnnotation a : annotations) {
            if (stored != null && a.instanceId() != null && !annotated.add(a.instanceId())) {
                violations.add(new Violation("duplicate-instance-id", a.imageId(), a.id(), a.path(),
                        "instance " + a.instanceId() + " is annotated more than once in this image"));
                continue;
            }
            checkAnnotation(a, image, stored, violations);
        }
        if (stored != null) {
            for (int id = 1; id < stored.pixels.length; id++) {
                if (stored.pixels[id] > 0 && !annotated.contains(id)) {
                    violations.add(new Violation("instance-unannotated", image.id(), null, stored.file.toString(),
                            "instance " + id + " has " + stored.pixels[id] + " pixels in the mask but no annotation"));
                }
            }
        }
    }

    private void checkAnnotation(CocoAnnotation a, CocoImage image, InstanceMask stored, List<Violation> violations) {
        double[] box = a.bbox();
        boolean boxUsable = false;
        if (box == null) {
            violations.add(violation("bbox-missing", a, "", "annotation has no bbox"));
        } else if (box[2] <= 0 || box[3] <= 0) {
            violations.add(violation("bbox-empty", a, "/bbox", "bbox " + format(box) + " has no width or no height"));
        } else if (box[0] < 0 || box[1] < 0 || box[0] + box[2] > image.width() || box[1] + box[3] > image.height()) {
            violations.add(violation("bbox-outside", a, "/bbox", "bbox " + format(box) + " is not inside the "
                    + image.width() + "x" + image.height() + " image"));
        } else {
            boxUsable = true;
        }
        if (a.area() == null) {
            violations.add(violation("area-missing", a, "", "annotation has no area"));
        }
        CocoRle segmentation = null;
        if (a.segmentation() == null) {
            violations.add(violation("segmentation-missing", a, "", "annotation has no segmentation"));
        } else {
            try {
                segmentation = a.segmentation().toRle(image.height(), image.width());
            } catch (IllegalArgumentException e) {
                if (a.segmentation() instanceof CocoSegmentation.Polygons) {
                    violations.add(violation("polygon-unusable", a, "/segmentation", e.getMessage()));
                }
                // an RLE's wrong size or counts are already reported by CocoConsistency
            }
        }
        boolean rleSegmentation = segmentation != null && !(a.segmentation() instanceof CocoSegmentation.Polygons);

        // The exact mask: the stored one, else an RLE segmentation itself.
        long pixels;
        int[] tight;
        if (stored != null) {
            if (a.instanceId() == null) {
                violations.add(violation("instance-id-missing", a, "", "annotation has no synthscene.instance_id to find its stored mask"));
                return;
            }
            pixels = stored.pixelCount(a.instanceId());
            tight = stored.box(a.instanceId());
        } else if (rleSegmentation) {
            boolean[] mask = segmentation.toMask();
            pixels = segmentation.area();
            tight = InstanceMask.box(mask, image.width());
        } else {
            pixels = -1; // polygons without a stored mask: no exact mask
            tight = null;
        }
        if (pixels == 0 || (segmentation != null && segmentation.area() == 0)) {
            violations.add(violation("empty-instance", a, "", "the instance has no pixels"
                    + (pixels == 0 && stored != null ? " in the stored mask" : " in its segmentation")));
            return;
        }
        if (pixels > 0 && a.area() != null && a.area() != pixels) {
            violations.add(violation("area", a, "/area", "area " + number(a.area()) + " is not the mask's pixel count " + pixels));
        }
        if (tight != null && boxUsable && !(box[0] == tight[0] && box[1] == tight[1] && box[2] == tight[2] && box[3] == tight[3])) {
            violations.add(violation("bbox-not-tight", a, "/bbox", "bbox " + format(box) + " is not the mask's tight box "
                    + format(new double[] {tight[0], tight[1], tight[2], tight[3]})));
        }
        if (stored != null && rleSegmentation) {
            long differing = stored.differingPixels(a.instanceId(), segmentation.toMask());
            if (differing > 0) {
                violations.add(violation("mask-mismatch", a, "/segmentation", "the RLE differs from instance "
                        + a.instanceId() + " of " + stored.file.getFileName() + " in " + differing + " pixels"));
            }
        }
    }

    /** @return the frame read, or null when it is missing or unreadable (reported) */
    private Frame checkFrameCategories(CocoImage image, Path frameFile, String cameraName,
                                      Map<Long, CocoCategory> categories, Set<Long> reported, List<Violation> violations) {
        if (!Files.isRegularFile(frameFile)) {
            violations.add(new Violation("frame-missing", image.id(), null, frameFile.toString(), "the frame's JSON does not exist"));
            return null;
        }
        Frame frame;
        try {
            frame = FrameJson.fromJson(read(frameFile));
        } catch (UncheckedIOException | IllegalArgumentException e) {
            violations.add(new Violation("frame-unreadable", image.id(), null, frameFile.toString(), e.getMessage()));
            return null;
        }
        if (cameraName != null && (frame.rig() == null || !frame.cameraNames().contains(cameraName))) {
            violations.add(new Violation("camera-missing", image.id(), null, frameFile.toString(), "the image is camera '"
                    + cameraName + "' of a rig, but the frame's rig has no such camera"));
        }
        for (Category category : frame.categories()) {
            CocoCategory listed = categories.get((long) category.id());
            if ((listed == null || !listed.name().equals(category.name())) && reported.add((long) category.id())) {
                violations.add(new Violation("category-missing", image.id(), null, frameFile.toString(), "category "
                        + category.id() + " '" + category.name() + "' of the frame is not among the COCO categories"
                        + (listed == null ? "" : " (id " + category.id() + " is '" + listed.name() + "' there)")));
            } else if (listed != null && listed.ignore() != category.ignore() && reported.add((long) category.id())) {
                violations.add(new Violation("category-ignore-mismatch", image.id(), null, frameFile.toString(), "category "
                        + category.id() + " '" + category.name() + "' is " + (category.ignore() ? "" : "not ")
                        + "an ignore category in the frame, but its COCO entry (" + listed.path() + ") "
                        + (listed.ignore() ? "has" : "lacks") + " synthscene.ignore: true"));
            }
        }
        return frame;
    }

    /**
     * Ignore regions ({@code iscrowd: 1} with {@code synthscene.ignore_reason}): a known reason,
     * an RLE segmentation, a reason only on crowd entries, every annotation of a category marked
     * {@code synthscene.ignore} a crowd entry; with the frame's JSON, each instance of
     * synthscene's is an ignore region exactly when {@link IgnoreRegions#reason} says so for its
     * category, its group's thresholds, its visibility and its pixel count, and for that reason.
     */
    private static void checkIgnoreRegions(List<CocoAnnotation> annotations, Map<Long, CocoCategory> cocoCategories, Frame frame,
                                           List<Violation> violations) {
        Map<Integer, Category> categories = new HashMap<>();
        Map<Integer, String> groups = new HashMap<>();
        if (frame != null) {
            frame.categories().forEach(c -> categories.put(c.id(), c));
            frame.labelledObjects().forEach(o -> groups.put(o.instanceId(), o.group()));
        }
        for (CocoAnnotation a : annotations) {
            String reason = a.ignoreReason();
            if (reason != null && !a.crowd()) {
                violations.add(violation("ignore-reason-not-crowd", a, "/iscrowd", "an ignore region (ignore_reason '"
                        + reason + "') must have iscrowd 1"));
            }
            if (reason != null && !IgnoreRegions.REASONS.contains(reason)) {
                violations.add(violation("ignore-reason-unknown", a, "/synthscene/ignore_reason", "ignore reason '" + reason
                        + "' is not one of " + IgnoreRegions.REASONS));
            }
            CocoCategory category = cocoCategories.get(a.categoryId());
            if (category != null && category.ignore() && !a.crowd()) {
                violations.add(violation("ignore-category-not-crowd", a, "/iscrowd", "category '" + category.name()
                        + "' is an ignore category (synthscene.ignore), so its annotations must be ignore regions"
                        + " with iscrowd 1"));
            }
            if (a.crowd() && a.segmentation() instanceof CocoSegmentation.Polygons) {
                violations.add(violation("crowd-not-rle", a, "/segmentation", "a crowd (ignore) region's segmentation must be RLE"));
            }
            if (frame == null || a.instanceId() == null || a.area() == null || !groups.containsKey(a.instanceId())) {
                continue;
            }
            String expected = IgnoreRegions.reason(categories.get((int) a.categoryId()), frame.ignoreThresholds(),
                    groups.get(a.instanceId()), a.visibility(), a.area().longValue());
            if (a.crowd() && reason == null) {
                violations.add(violation("crowd-without-reason", a, "/iscrowd", "iscrowd 1 without synthscene.ignore_reason"
                        + (expected == null ? "; the instance is above every threshold, so it should be a normal annotation" : "")));
            } else if (!java.util.Objects.equals(expected, reason)) {
                violations.add(violation("ignore-region-mismatch", a, "/iscrowd", expected == null
                        ? "instance " + a.instanceId() + " is an ignore region (" + reason + ") but passes the frame's"
                                + " ignore category and thresholds (visibility " + a.visibility() + ", " + number(a.area())
                                + " pixels)"
                        : "instance " + a.instanceId() + " should be an ignore region for " + expected + " (visibility "
                                + a.visibility() + ", " + number(a.area()) + " pixels, thresholds "
                                + frame.ignoreThresholds() + ")" + (reason == null ? " but is a normal annotation"
                                        : " but says " + reason)));
            }
        }
    }

    private InstanceMask storedMask(CocoImage image, Path file, List<Violation> violations) {
        if (!Files.isRegularFile(file)) {
            violations.add(new Violation("mask-missing", image.id(), null, file.toString(), "instance mask does not exist"));
            return null;
        }
        try {
            ImageEncoder.IdImage ids = codec.decodeInstanceMaskImage(read(file));
            if (ids.width() != image.width() || ids.height() != image.height()) {
                violations.add(new Violation("mask-size", image.id(), null, file.toString(), "instance mask is "
                        + ids.width() + "x" + ids.height() + ", the image " + image.width() + "x" + image.height()));
                return null;
            }
            return new InstanceMask(file, ids);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("mask-unreadable", image.id(), null, file.toString(), e.getMessage()));
            return null;
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A rig camera's image {@code NNNNNN_<camera>} belongs to frame {@code NNNNNN}; other stems are their frame's. */
    static String frameStem(String imageStem) {
        Matcher m = RIG_STEM.matcher(imageStem);
        return m.matches() ? m.group(1) : imageStem;
    }

    /** The camera of a rig image's stem {@code NNNNNN_<camera>}, or null. */
    static String cameraName(String imageStem) {
        Matcher m = RIG_STEM.matcher(imageStem);
        return m.matches() ? m.group(2) : null;
    }

    private static String stem(String fileName) {
        String name = Path.of(fileName).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static Violation violation(String rule, CocoAnnotation a, String subPath, String message) {
        return new Violation(rule, a.imageId(), a.id(), a.path() + subPath, message);
    }

    private static String format(double[] box) {
        return "[" + number(box[0]) + ", " + number(box[1]) + ", " + number(box[2]) + ", " + number(box[3]) + "]";
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A decoded 16-bit instance mask with each id's pixel count and tight box, from one sweep. */
    /** The stem of a rig camera's image: six or more digits of frame index, '_', the camera's name. */
    private static final Pattern RIG_STEM = Pattern.compile("(\\d{6,})_([A-Za-z0-9][A-Za-z0-9_-]*)");

    private static final class InstanceMask {
        final Path file;
        final ImageEncoder.IdImage ids;
        final long[] pixels = new long[ImageEncoder.MAX_MASK_ID + 1];
        private final int[] minX;
        private final int[] minY;
        private final int[] maxX;
        private final int[] maxY;

        InstanceMask(Path file, ImageEncoder.IdImage ids) {
            this.file = file;
            this.ids = ids;
            int n = ImageEncoder.MAX_MASK_ID + 1;
            minX = new int[n];
            minY = new int[n];
            maxX = new int[n];
            maxY = new int[n];
            int width = ids.width();
            int[] values = ids.ids();
            for (int i = 0; i < values.length; i++) {
                int id = values[i];
                int x = i % width;
                int y = i / width;
                if (pixels[id]++ == 0) {
                    minX[id] = maxX[id] = x;
                    minY[id] = maxY[id] = y;
                } else {
                    minX[id] = Math.min(minX[id], x);
                    maxX[id] = Math.max(maxX[id], x);
                    minY[id] = Math.min(minY[id], y);
                    maxY[id] = Math.max(maxY[id], y);
                }
            }
        }

        long pixelCount(int id) {
            return pixels[id];
        }

        /** {@code [x, y, w, h]} with w = xmax - xmin + 1, or null for an absent id. */
        int[] box(int id) {
            return pixels[id] == 0 ? null : new int[] {minX[id], minY[id], maxX[id] - minX[id] + 1, maxY[id] - minY[id] + 1};
        }

        long differingPixels(int id, boolean[] mask) {
            int[] values = ids.ids();
            long differing = 0;
            for (int i = 0; i < values.length; i++) {
                if ((values[i] == id) != mask[i]) {
                    differing++;
                }
            }
            return differing;
        }

        static int[] box(boolean[] mask, int width) {
            int minX = Integer.MAX_VALUE;
            int minY = Integer.MAX_VALUE;
            int maxX = -1;
            int maxY = -1;
            for (int i = 0; i < mask.length; i++) {
                if (mask[i]) {
                    int x = i % width;
                    int y = i / width;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
            return maxX < 0 ? null : new int[] {minX, minY, maxX - minX + 1, maxY - minY + 1};
        }
    }
}
