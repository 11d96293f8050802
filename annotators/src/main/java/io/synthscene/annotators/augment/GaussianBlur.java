package io.synthscene.annotators.augment;

/**
 * A separable Gaussian blur of interleaved float channels, edges clamped. Stateless.
 */
final class GaussianBlur {
    private GaussianBlur() {
    }

    /** @param sigma standard deviation in pixels (> 0); the kernel reaches 3 sigma */
    static float[] blur(float[] values, int width, int height, int channels, double sigma) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            double v = Math.exp(-k * k / (2 * sigma * sigma));
            kernel[k + radius] = (float) v;
            sum += v;
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= (float) sum;
        }
        float[] across = new float[values.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    float v = 0;
                    for (int k = -radius; k <= radius; k++) {
                        int sx = Math.min(width - 1, Math.max(0, x + k));
                        v += kernel[k + radius] * values[(y * width + sx) * channels + c];
                    }
                    across[(y * width + x) * channels + c] = v;
                }
            }
        }
        float[] out = new float[values.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    float v = 0;
                    for (int k = -radius; k <= radius; k++) {
                        int sy = Math.min(height - 1, Math.max(0, y + k));
                        v += kernel[k + radius] * across[(sy * width + x) * channels + c];
                    }
                    out[(y * width + x) * channels + c] = v;
                }
            }
        }
        return out;
    }
}
