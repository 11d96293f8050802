package io.synthscene.annotators;

import java.util.Objects;

/**
 * What the annotators know about one visible instance of one frame, independent of any file
 * format. Created by {@link InstanceAnnotator}; read by the dataset writers.
 *
 * <p>Pixel coordinates: x to the right, y down, (0, 0) the top-left pixel. The box is the tight
 * box of the mask in whole pixels: it covers columns {@code x .. x + width - 1} and rows
 * {@code y .. y + height - 1}, so {@code width = xmax - xmin + 1}.
 *
 * @param instanceId    the value of this instance in the id pass, 1..65535
 * @param categoryId    the category of the frame's object with that instance id
 * @param area          number of pixels of the mask (not width * height)
 * @param rle           the mask, COCO compressed RLE over the whole image
 * @param visiblePixels pixels in which the instance is visible; equal to {@code area} while
 *                      masks are of visible pixels only
 * @param occlusion     visibility, truncation, amodal box and mask, occluders; null unless an
 *                      {@link OcclusionAnnotator} added them
 * @param box3d         the object's 3-D box in camera coordinates; null unless a
 *                      {@link Box3dAnnotator} added it
 * @param keypoints     the asset's keypoints projected into the image; null unless a
 *                      {@link KeypointAnnotator} added them (and the asset defines some)
 * @param ignoreReason  null for a normal annotation; else why this instance is an ignore region
 *                      (one of {@link IgnoreRegions#REASONS}), set by {@link IgnoreRegions}
 */
public record InstanceAnnotation(int instanceId, int categoryId, int x, int y, int width, int height,
                                 long area, CocoRle rle, long visiblePixels, Occlusion occlusion, Box3d box3d,
                                 Keypoints keypoints, String ignoreReason) {

    /** A normal annotation (not an ignore region). */
    public InstanceAnnotation(int instanceId, int categoryId, int x, int y, int width, int height, long area, CocoRle rle,
                              long visiblePixels, Occlusion occlusion, Box3d box3d, Keypoints keypoints) {
        this(instanceId, categoryId, x, y, width, height, area, rle, visiblePixels, occlusion, box3d, keypoints, null);
    }

    /** An annotation without occlusion data or 3-D box. */
    public InstanceAnnotation(int instanceId, int categoryId, int x, int y, int width, int height, long area, CocoRle rle,
                              long visiblePixels) {
        this(instanceId, categoryId, x, y, width, height, area, rle, visiblePixels, null, null, null);
    }

    /** An annotation without a 3-D box. */
    public InstanceAnnotation(int instanceId, int categoryId, int x, int y, int width, int height, long area, CocoRle rle,
                              long visiblePixels, Occlusion occlusion) {
        this(instanceId, categoryId, x, y, width, height, area, rle, visiblePixels, occlusion, null, null);
    }

    /** Instance ids are stored in 16-bit mask images, so this is the largest one. */
    public static final int MAX_INSTANCE_ID = 65535;

    public InstanceAnnotation {
        Objects.requireNonNull(rle, "rle");
        if (instanceId < 1 || instanceId > MAX_INSTANCE_ID) {
            throw new IllegalArgumentException("instance id " + instanceId + " is outside 1.." + MAX_INSTANCE_ID);
        }
        if (categoryId < 1) {
            throw new IllegalArgumentException("instance " + instanceId + ": category id " + categoryId + " must be >= 1");
        }
        if (x < 0 || y < 0 || width < 1 || height < 1 || x + width > rle.width() || y + height > rle.height()) {
            throw new IllegalArgumentException("instance " + instanceId + ": box [" + x + ", " + y + ", " + width + ", "
                    + height + "] does not fit a " + rle.width() + "x" + rle.height() + " image");
        }
        if (area < 1 || area > (long) width * height) {
            throw new IllegalArgumentException("instance " + instanceId + ": area " + area + " is outside 1.." + (long) width * height);
        }
        if (visiblePixels < 0 || visiblePixels > area) {
            throw new IllegalArgumentException("instance " + instanceId + ": visible pixels " + visiblePixels + " outside 0.." + area);
        }
    }

    /** This annotation with {@code occlusion} attached (replacing any it had). */
    public InstanceAnnotation withOcclusion(Occlusion occlusion) {
        return new InstanceAnnotation(instanceId, categoryId, x, y, width, height, area, rle, visiblePixels, occlusion, box3d, keypoints, ignoreReason);
    }

    /** This annotation with {@code box3d} attached (replacing any it had). */
    public InstanceAnnotation withBox3d(Box3d box3d) {
        return new InstanceAnnotation(instanceId, categoryId, x, y, width, height, area, rle, visiblePixels, occlusion, box3d,
                keypoints, ignoreReason);
    }

    /** This annotation with {@code keypoints} attached (replacing any it had). */
    public InstanceAnnotation withKeypoints(Keypoints keypoints) {
        return new InstanceAnnotation(instanceId, categoryId, x, y, width, height, area, rle, visiblePixels, occlusion, box3d,
                keypoints, ignoreReason);
    }

    /** This annotation as an ignore region for {@code reason} (null: a normal annotation again). */
    public InstanceAnnotation withIgnoreReason(String reason) {
        return new InstanceAnnotation(instanceId, categoryId, x, y, width, height, area, rle, visiblePixels, occlusion, box3d,
                keypoints, reason);
    }

    /** Whether this is an ignore region rather than a normal annotation. */
    public boolean isIgnoreRegion() {
        return ignoreReason != null;
    }

    /** COCO's {@code bbox}: {@code [x, y, width, height]} in pixels. */
    public double[] bboxXywh() {
        return new double[] {x, y, width, height};
    }
}
