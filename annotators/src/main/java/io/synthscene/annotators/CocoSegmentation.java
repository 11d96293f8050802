package io.synthscene.annotators;

import java.util.List;

/**
 * An annotation's {@code segmentation} in one of the three forms COCO files use. Made by
 * {@link CocoReader}; immutable (arrays are the reader's own, not copied).
 *
 * <p>{@link #toRle} turns each into the mask as pycocotools' {@code COCO.annToRLE} would, for an
 * image of the given size; it throws {@link IllegalArgumentException} when the segmentation does
 * not describe a mask of that size (RLE {@code size} differs, counts do not sum to h * w,
 * undecodable counts string).
 */
public sealed interface CocoSegmentation {

    CocoRle toRle(int imageHeight, int imageWidth);

    /**
     * Polygons {@code [x1, y1, x2, y2, ...]} in pixel coordinates (pixel (0, 0) covers
     * 0..1 × 0..1); the mask is their union, rasterized by {@link PolygonRasterizer}.
     */
    record Polygons(List<double[]> polygons) implements CocoSegmentation {
        public Polygons {
            polygons = List.copyOf(polygons);
        }

        @Override
        public CocoRle toRle(int imageHeight, int imageWidth) {
            return PolygonRasterizer.rasterize(polygons, imageHeight, imageWidth);
        }
    }

    /** Uncompressed RLE: {@code counts} as a list of run lengths, background first, column-major. */
    record UncompressedRle(int height, int width, int[] counts) implements CocoSegmentation {
        @Override
        public CocoRle toRle(int imageHeight, int imageWidth) {
            requireSize(height, width, imageHeight, imageWidth);
            return CocoRle.fromCounts(height, width, counts);
        }
    }

    /** Compressed RLE: {@code counts} as pycocotools' string. */
    record CompressedRle(int height, int width, String counts) implements CocoSegmentation {
        @Override
        public CocoRle toRle(int imageHeight, int imageWidth) {
            requireSize(height, width, imageHeight, imageWidth);
            return CocoRle.fromCountsString(height, width, counts);
        }
    }

    private static void requireSize(int height, int width, int imageHeight, int imageWidth) {
        if (height != imageHeight || width != imageWidth) {
            throw new IllegalArgumentException("RLE size is [" + height + ", " + width + "], the image's [height, width] is ["
                    + imageHeight + ", " + imageWidth + "]");
        }
    }
}
