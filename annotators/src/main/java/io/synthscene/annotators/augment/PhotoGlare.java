package io.synthscene.annotators.augment;

import io.synthscene.scenes.augment.PhotoWeather.Glare;

/**
 * Light scattered inside the lens, added to a photo on linear values:
 * <ul>
 *   <li>veiling glare: {@code c · (1 - veil) + veil · mean luminance}: a share of all the light is
 *       spread evenly over the image, lifting the blacks and lowering contrast;</li>
 *   <li>bloom around the sources: with {@code sun} given, a Gaussian of standard deviation
 *       {@code radius} (a share of the image diagonal) centred on the sun's position (shares of the
 *       width and height; it may lie off the frame), white, peaking at {@code strength}; without it,
 *       the pixels whose luminance reaches {@code threshold} are the sources (weight
 *       smoothstep(threshold - 0.05, threshold + 0.05, L), times their colour), spread by the same
 *       Gaussian and scaled so that the spread's brightest luminance is {@code strength}. Nothing
 *       reaches the threshold: no bloom.</li>
 * </ul>
 * Around a single source the added light falls monotonically with distance. Touches colour only.
 * Stateless.
 */
public final class PhotoGlare {
    /** Half the width of the step from "not a source" to "source", in linear luminance. */
    static final double SOURCE_EDGE = 0.05;

    private PhotoGlare() {
    }

    /**
     * @param rgb sRGB bytes, R, G, B, row-major, top row first; not modified
     * @return a new image of the same layout
     */
    public static byte[] apply(byte[] rgb, int width, int height, Glare glare) {
        if (rgb.length != width * height * 3L) {
            throw new IllegalArgumentException(rgb.length + " colour bytes for " + width + "x" + height);
        }
        float[] linear = LinearPhoto.decode(rgb);
        int pixels = width * height;
        double mean = 0;
        for (int p = 0; p < pixels; p++) {
            mean += LinearPhoto.luminance(linear, p);
        }
        mean /= pixels;
        float[][] bloom = glare.sun() != null ? sun(width, height, glare) : brightest(linear, width, height, glare);
        float[] out = new float[linear.length];
        for (int p = 0; p < pixels; p++) {
            for (int c = 0; c < 3; c++) {
                out[3 * p + c] = (float) (linear[3 * p + c] * (1 - glare.veil()) + glare.veil() * mean + bloom[c][p]);
            }
        }
        return LinearPhoto.encode(out);
    }

    private static double sigmaPx(int width, int height, Glare glare) {
        return glare.radius() * Math.hypot(width, height);
    }

    /** A white Gaussian around the sun, evaluated directly (the sun may be off the frame). */
    private static float[][] sun(int width, int height, Glare glare) {
        double sigma = sigmaPx(width, height, glare);
        double sx = glare.sun()[0] * width;
        double sy = glare.sun()[1] * height;
        float[] plane = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = x + 0.5 - sx;
                double dy = y + 0.5 - sy;
                plane[y * width + x] = (float) (glare.strength() * Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)));
            }
        }
        return new float[][] {plane, plane, plane};
    }

    private static float[][] brightest(float[] linear, int width, int height, Glare glare) {
        int pixels = width * height;
        float[][] planes = {new float[pixels], new float[pixels], new float[pixels]};
        for (int p = 0; p < pixels; p++) {
            double weight = LinearPhoto.smoothstep(glare.threshold() - SOURCE_EDGE, glare.threshold() + SOURCE_EDGE,
                    LinearPhoto.luminance(linear, p));
            for (int c = 0; c < 3; c++) {
                planes[c][p] = (float) (linear[3 * p + c] * weight);
            }
        }
        double sigma = sigmaPx(width, height, glare);
        for (int c = 0; c < 3; c++) {
            planes[c] = GaussianSpread.blur(planes[c], width, height, sigma);
        }
        double peak = 0;
        for (int p = 0; p < pixels; p++) {
            peak = Math.max(peak, LinearPhoto.LUMA_R * planes[0][p] + LinearPhoto.LUMA_G * planes[1][p]
                    + LinearPhoto.LUMA_B * planes[2][p]);
        }
        double scale = peak > 0 ? glare.strength() / peak : 0;
        for (float[] plane : planes) {
            for (int p = 0; p < pixels; p++) {
                plane[p] *= (float) scale;
            }
        }
        return planes;
    }
}
