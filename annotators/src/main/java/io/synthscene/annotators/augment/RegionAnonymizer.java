package io.synthscene.annotators.augment;

import io.synthscene.scenes.spec.AugmentSpec.AnonymizeSpec;

/**
 * Hides labelled regions of a photo (faces, licence plates) for {@code --anonymize}: only pixels
 * inside the mask change, so labels and the rest of the image stay as they were.
 *
 * <ul>
 *   <li>{@code blur}: the masked pixels take the values of a Gaussian blur of the image (standard
 *       deviation {@code strengthPx}, radius ceil(3σ), normalised weights, edges clamped), computed
 *       over the mask's bounding box grown by the radius only.
 *   <li>{@code pixelate}: the image is cut into squares of side {@code strengthPx} (rounded, at
 *       least 1) from the top-left corner; each square's masked pixels take the mean of that
 *       square's masked pixels, so no colour from outside the region leaks in.
 * </ul>
 * On the encoded 8-bit values: the aim is to destroy detail, not to model optics. Stateless.
 */
public final class RegionAnonymizer {
    private RegionAnonymizer() {
    }

    /**
     * @param rgb  sRGB bytes, R, G, B, row-major, top row first; not modified
     * @param mask true where the image is to be hidden, row-major
     * @return a new image of the same layout
     */
    public static byte[] apply(byte[] rgb, int width, int height, boolean[] mask, AnonymizeSpec spec) {
        if (rgb.length != width * height * 3 || mask.length != width * height) {
            throw new IllegalArgumentException("image and mask sizes do not match " + width + "x" + height);
        }
        return spec.method() == AnonymizeSpec.Method.BLUR
                ? blur(rgb, width, height, mask, spec.strengthPx())
                : pixelate(rgb, width, height, mask, Math.max(1, (int) Math.round(spec.strengthPx())));
    }

    private static byte[] pixelate(byte[] rgb, int width, int height, boolean[] mask, int side) {
        byte[] out = rgb.clone();
        for (int y0 = 0; y0 < height; y0 += side) {
            for (int x0 = 0; x0 < width; x0 += side) {
                long[] sum = new long[3];
                int count = 0;
                for (int y = y0; y < Math.min(height, y0 + side); y++) {
                    for (int x = x0; x < Math.min(width, x0 + side); x++) {
                        int p = y * width + x;
                        if (mask[p]) {
                            count++;
                            for (int c = 0; c < 3; c++) {
                                sum[c] += rgb[3 * p + c] & 0xFF;
                            }
                        }
                    }
                }
                if (count == 0) {
                    continue;
                }
                for (int y = y0; y < Math.min(height, y0 + side); y++) {
                    for (int x = x0; x < Math.min(width, x0 + side); x++) {
                        int p = y * width + x;
                        if (mask[p]) {
                            for (int c = 0; c < 3; c++) {
                                out[3 * p + c] = (byte) Math.round(sum[c] / (double) count);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static byte[] blur(byte[] rgb, int width, int height, boolean[] mask, double sigma) {
        int minX = width, minY = height, maxX = -1, maxY = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (mask[y * width + x]) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        byte[] out = rgb.clone();
        if (maxX < 0) {
            return out;
        }
        int radius = (int) Math.ceil(3 * sigma);
        double[] weights = new double[2 * radius + 1];
        double total = 0;
        for (int k = -radius; k <= radius; k++) {
            weights[k + radius] = Math.exp(-k * k / (2 * sigma * sigma));
            total += weights[k + radius];
        }
        for (int k = 0; k < weights.length; k++) {
            weights[k] /= total;
        }
        // rows over the masked rows' band grown by the radius, then columns over the masked box only
        int bandTop = Math.max(0, minY - radius);
        int bandBottom = Math.min(height - 1, maxY + radius);
        int bandHeight = bandBottom - bandTop + 1;
        int boxWidth = maxX - minX + 1;
        double[] rows = new double[bandHeight * boxWidth * 3];
        for (int y = bandTop; y <= bandBottom; y++) {
            for (int x = minX; x <= maxX; x++) {
                for (int c = 0; c < 3; c++) {
                    double sum = 0;
                    for (int k = -radius; k <= radius; k++) {
                        int sx = Math.max(0, Math.min(width - 1, x + k));
                        sum += weights[k + radius] * (rgb[3 * (y * width + sx) + c] & 0xFF);
                    }
                    rows[3 * ((y - bandTop) * boxWidth + (x - minX)) + c] = sum;
                }
            }
        }
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                int p = y * width + x;
                if (!mask[p]) {
                    continue;
                }
                for (int c = 0; c < 3; c++) {
                    double sum = 0;
                    for (int k = -radius; k <= radius; k++) {
                        int sy = Math.max(0, Math.min(height - 1, y + k)); // clamped to the image, always inside the band
                        sum += weights[k + radius] * rows[3 * ((sy - bandTop) * boxWidth + (x - minX)) + c];
                    }
                    out[3 * p + c] = (byte) Math.max(0, Math.min(255, Math.round(sum)));
                }
            }
        }
        return out;
    }
}
