package io.synthscene.annotators.augment;

/**
 * A Gaussian blur of one plane of floats, approximated by three box blurs in each direction
 * (running sums: the cost does not grow with the radius). Outside the image counts as 0, so light
 * spread past an edge leaves the image, as it leaves a sensor. A box is symmetric and log-concave,
 * so the result of blurring one bright point falls monotonically with distance from it.
 * Stateless.
 */
final class GaussianSpread {
    private static final int PASSES = 3;

    private GaussianSpread() {
    }

    /** @return a new plane; the input itself (copied) when sigma is below a quarter pixel */
    static float[] blur(float[] plane, int width, int height, double sigma) {
        float[] out = plane.clone();
        if (sigma < 0.25) {
            return out;
        }
        // the box radius whose three passes have variance sigma^2: 3 * ((2r + 1)^2 - 1) / 12 = sigma^2
        int radius = Math.max(1, (int) Math.round((Math.sqrt(4 * sigma * sigma + 1) - 1) / 2));
        float[] scratch = new float[Math.max(width, height)];
        for (int pass = 0; pass < PASSES; pass++) {
            for (int y = 0; y < height; y++) {
                box(out, y * width, 1, width, radius, scratch);
            }
            for (int x = 0; x < width; x++) {
                box(out, x, width, height, radius, scratch);
            }
        }
        return out;
    }

    /** One box pass over the line start, start + stride, ... (count values), in place. */
    private static void box(float[] data, int start, int stride, int count, int radius, float[] scratch) {
        for (int i = 0; i < count; i++) {
            scratch[i] = data[start + i * stride];
        }
        double sum = 0;
        for (int i = 0; i <= Math.min(radius, count - 1); i++) {
            sum += scratch[i];
        }
        double norm = 1.0 / (2 * radius + 1);
        for (int i = 0; i < count; i++) {
            data[start + i * stride] = (float) (sum * norm);
            int entering = i + radius + 1;
            int leaving = i - radius;
            if (entering < count) {
                sum += scratch[entering];
            }
            if (leaving >= 0) {
                sum -= scratch[leaving];
            }
        }
    }
}
