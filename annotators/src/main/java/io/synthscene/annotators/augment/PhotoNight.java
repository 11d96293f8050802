package io.synthscene.annotators.augment;

import io.synthscene.scenes.augment.PhotoWeather.Night;

/**
 * Grades a day photo toward dusk or night, on linear values ("day for night"):
 * <ol>
 *   <li>colour: {@code mix(c, L · NIGHT_TINT, blue_shift)}, L the pixel's luminance and
 *       {@link #NIGHT_TINT} a blue of luminance 1: toward the desaturated, bluish look of night
 *       vision (the Purkinje shift) while keeping luminance;</li>
 *   <li>exposure: times 2^{@code exposure_ev} (ev <= 0);</li>
 *   <li>lamps: a pixel whose luminance before grading reaches {@code lamp_threshold} is a light
 *       source: with weight k = smoothstep(threshold - 0.05, threshold + 0.05, L) it keeps its
 *       original colour instead of the graded one (lamps do not dim at night), and k times its colour,
 *       spread by a Gaussian of standard deviation {@code glow_radius_px} and times
 *       {@code glow_strength}, is added around it (the glow of a lamp in moist night air).</li>
 * </ol>
 * The blur conserves light: a lamp's glow holds {@code glow_strength} times the lamp's light.
 * Touches colour only. Stateless.
 */
public final class PhotoNight {
    /** The bluish grey of night vision, linear RGB, scaled to luminance 1. */
    static final double[] NIGHT_TINT = tint(0.55, 0.85, 1.45);
    /** Half the width of the step from "not a lamp" to "lamp", in linear luminance. */
    static final double LAMP_EDGE = 0.05;

    private PhotoNight() {
    }

    /**
     * @param rgb sRGB bytes, R, G, B, row-major, top row first; not modified
     * @return a new image of the same layout
     */
    public static byte[] apply(byte[] rgb, int width, int height, Night night) {
        if (rgb.length != width * height * 3L) {
            throw new IllegalArgumentException(rgb.length + " colour bytes for " + width + "x" + height);
        }
        float[] linear = LinearPhoto.decode(rgb);
        double gain = Math.pow(2, night.exposureEv());
        double shift = night.blueShift();
        int pixels = width * height;
        float[][] lamps = {new float[pixels], new float[pixels], new float[pixels]};
        float[] out = new float[linear.length];
        for (int p = 0; p < pixels; p++) {
            double luminance = LinearPhoto.luminance(linear, p);
            double lamp = LinearPhoto.smoothstep(night.lampThreshold() - LAMP_EDGE, night.lampThreshold() + LAMP_EDGE, luminance);
            for (int c = 0; c < 3; c++) {
                double original = linear[3 * p + c];
                double graded = (original + (luminance * NIGHT_TINT[c] - original) * shift) * gain;
                out[3 * p + c] = (float) (graded + (original - graded) * lamp);
                lamps[c][p] = (float) (original * lamp);
            }
        }
        if (night.glowStrength() > 0) {
            for (int c = 0; c < 3; c++) {
                float[] glow = GaussianSpread.blur(lamps[c], width, height, night.glowRadiusPx());
                for (int p = 0; p < pixels; p++) {
                    out[3 * p + c] += (float) (night.glowStrength() * glow[p]);
                }
            }
        }
        return LinearPhoto.encode(out);
    }

    private static double[] tint(double r, double g, double b) {
        double luminance = LinearPhoto.LUMA_R * r + LinearPhoto.LUMA_G * g + LinearPhoto.LUMA_B * b;
        return new double[] {r / luminance, g / luminance, b / luminance};
    }
}
