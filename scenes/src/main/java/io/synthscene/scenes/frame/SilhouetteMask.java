package io.synthscene.scenes.frame;

import java.util.Objects;

/**
 * A binary mask over a rectangle of pixels, in image pixel coordinates (x to the right, y down,
 * (0, 0) the top-left pixel of the image, pixel centres at +0.5). The rectangle may reach beyond
 * the image (negative x or y, or past the right or bottom edge) for silhouettes rendered over a
 * guard band.
 *
 * <p>Created by the engine, tight to the covered pixels (an empty mask has width = height = 0 and
 * x = y = 0); the array is owned by this record and must not be modified by readers.
 *
 * @param covered row-major over the rectangle, top row first: {@code covered[row * width + col]}
 *                is 1 where pixel {@code (x + col, y + row)} is covered, 0 elsewhere
 */
public record SilhouetteMask(int x, int y, int width, int height, byte[] covered) {
    public static final SilhouetteMask EMPTY = new SilhouetteMask(0, 0, 0, 0, new byte[0]);

    public SilhouetteMask {
        Objects.requireNonNull(covered, "covered");
        if (width < 0 || height < 0 || covered.length != Math.multiplyExact(width, height)) {
            throw new IllegalArgumentException("mask " + width + "x" + height + " has " + covered.length + " values");
        }
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    /** Whether image pixel (px, py) is covered; false outside the rectangle. */
    public boolean covers(int px, int py) {
        int col = px - x;
        int row = py - y;
        return col >= 0 && row >= 0 && col < width && row < height && covered[row * width + col] != 0;
    }

    /** Number of covered pixels. */
    public long pixelCount() {
        long count = 0;
        for (byte b : covered) {
            count += b != 0 ? 1 : 0;
        }
        return count;
    }

    /** Number of covered pixels inside the {@code imageWidth x imageHeight} image. */
    public long pixelCountInside(int imageWidth, int imageHeight) {
        long count = 0;
        int rowStart = Math.max(0, -y);
        int rowEnd = Math.min(height, imageHeight - y);
        int colStart = Math.max(0, -x);
        int colEnd = Math.min(width, imageWidth - x);
        for (int row = rowStart; row < rowEnd; row++) {
            for (int col = colStart, i = row * width + colStart; col < colEnd; col++, i++) {
                count += covered[i] != 0 ? 1 : 0;
            }
        }
        return count;
    }
}
