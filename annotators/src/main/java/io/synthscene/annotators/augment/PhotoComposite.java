package io.synthscene.annotators.augment;

import io.synthscene.scenes.frame.RenderedLayers;

/**
 * Puts rendered objects ({@link RenderedLayers}) over a photo: the photo's ground is darkened by
 * the objects' shadows (multiplied by the shadow ratio, in linear light), then the objects' colour
 * goes over it by their anti-aliased coverage: {@code out = colour + (1 - coverage) x photo}, on the
 * sRGB values as the renderer itself blends its multisamples. Optionally first: the photo's colour
 * cast given to the objects ({@code matchColor}) and a light Gaussian blur of the objects' layer
 * ({@code blurPx}, colour and coverage together, so edges soften the same way). Labels never come
 * from here: masks are taken from the id pass, pixel-exact. Stateless.
 */
public final class PhotoComposite {
    /**
     * Rounds of filling the shadow ratio under the objects' own pixels from their neighbours: the
     * shadow draws show the objects there, not the ground, and blurred or anti-aliased edges let
     * some of that ground through.
     */
    static final int SHADOW_FILL_ROUNDS = 4;

    private PhotoComposite() {
    }

    /**
     * @param photo      sRGB bytes R, G, B, row-major, top row first, at the layers' size; not modified
     * @param hidden     pixels where the photo is nearer than the objects (from {@code --depth}): the
     *                   objects do not show there; null for none
     * @param matchColor 0..1: share of the photo's grey-world colour cast given to the objects
     * @param blurPx     Gaussian standard deviation of the objects' layer, pixels; 0 for none
     * @return the composite, a new array
     */
    public static byte[] apply(byte[] photo, RenderedLayers layers, boolean[] hidden, double matchColor, double blurPx) {
        int w = layers.width();
        int h = layers.height();
        int n = w * h;
        if (photo.length != 3 * n) {
            throw new IllegalArgumentException("photo has " + photo.length + " bytes, the layers are " + w + "x" + h);
        }
        float[] alpha = new float[n];
        float[] colour = new float[3 * n];
        for (int p = 0; p < n; p++) {
            if (hidden != null && hidden[p]) {
                continue;
            }
            alpha[p] = (layers.coverage()[p] & 0xFF) / 255f;
            for (int c = 0; c < 3; c++) {
                colour[3 * p + c] = (layers.rgb()[3 * p + c] & 0xFF) / 255f;
            }
        }
        if (matchColor > 0) {
            matchCast(photo, colour, alpha, matchColor);
        }
        if (blurPx > 0) {
            alpha = GaussianBlur.blur(alpha, w, h, 1, blurPx);
            colour = GaussianBlur.blur(colour, w, h, 3, blurPx);
        }
        float[] ratio = layers.shadowRatio() == null ? null : filledUnderObjects(layers);
        byte[] out = new byte[3 * n];
        for (int p = 0; p < n; p++) {
            for (int c = 0; c < 3; c++) {
                int i = 3 * p + c;
                double under = ratio == null || ratio[i] == 1f ? (photo[i] & 0xFF) / 255.0
                        : encoded(Srgb.linear(photo[i]) * ratio[i]);
                double value = colour[i] + (1 - alpha[p]) * under;
                out[i] = (byte) Math.round(255 * Math.max(0, Math.min(1, value)));
            }
        }
        return out;
    }

    /**
     * Gives the objects the photo's colour cast: the photo's mean linear R, G, B over their mean
     * (grey world), raised to {@code strength}, multiplies the objects' linear colour.
     */
    private static void matchCast(byte[] photo, float[] colour, float[] alpha, double strength) {
        double[] mean = new double[3];
        for (int i = 0; i < photo.length; i++) {
            mean[i % 3] += Srgb.linear(photo[i]);
        }
        double grey = (mean[0] + mean[1] + mean[2]) / 3;
        if (grey <= 0) {
            return;
        }
        double[] gain = new double[3];
        for (int c = 0; c < 3; c++) {
            gain[c] = Math.pow(mean[c] / grey, strength);
        }
        for (int p = 0; p < alpha.length; p++) {
            float a = alpha[p];
            if (a <= 0) {
                continue;
            }
            for (int c = 0; c < 3; c++) {
                double straight = Math.min(1, colour[3 * p + c] / a);
                colour[3 * p + c] = (float) (a * encoded(decoded(straight) * gain[c]));
            }
        }
    }

    /**
     * The shadow ratio with the pixels the objects touch (coverage above 0) filled from their
     * uncovered neighbours, {@link #SHADOW_FILL_ROUNDS} rounds (4-neighbours' mean); what is still
     * unknown after that lies deep under an object, where the ratio does not show, and gets 1.
     */
    static float[] filledUnderObjects(RenderedLayers layers) {
        int w = layers.width();
        int h = layers.height();
        float[] ratio = layers.shadowRatio().clone();
        boolean[] known = new boolean[w * h];
        for (int p = 0; p < known.length; p++) {
            known[p] = layers.coverage()[p] == 0;
        }
        int[][] steps = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
        for (int round = 0; round < SHADOW_FILL_ROUNDS; round++) {
            boolean[] next = known.clone();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = y * w + x;
                    if (known[p]) {
                        continue;
                    }
                    float[] sum = new float[3];
                    int count = 0;
                    for (int[] s : steps) {
                        int nx = x + s[0];
                        int ny = y + s[1];
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h && known[ny * w + nx]) {
                            for (int c = 0; c < 3; c++) {
                                sum[c] += ratio[3 * (ny * w + nx) + c];
                            }
                            count++;
                        }
                    }
                    if (count > 0) {
                        for (int c = 0; c < 3; c++) {
                            ratio[3 * p + c] = sum[c] / count;
                        }
                        next[p] = true;
                    }
                }
            }
            known = next;
        }
        for (int p = 0; p < known.length; p++) {
            if (!known[p]) {
                ratio[3 * p] = ratio[3 * p + 1] = ratio[3 * p + 2] = 1f;
            }
        }
        return ratio;
    }

    private static double decoded(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** Linear to sRGB in [0, 1], clipped. */
    private static double encoded(double linear) {
        double c = Math.max(0, Math.min(1, linear));
        return c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
    }
}
