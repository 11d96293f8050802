package io.synthscene.annotators.augment;

/**
 * A photo as linear RGB floats (R, G, B per pixel, row-major, top row first), for the effects
 * that mix light: decoded from and encoded back to 8-bit sRGB with {@link Srgb}. Stateless.
 */
final class LinearPhoto {
    /** Rec. 709 luminance weights of linear RGB. */
    static final double LUMA_R = 0.2126;
    static final double LUMA_G = 0.7152;
    static final double LUMA_B = 0.0722;
    /** Share of the pixels, the brightest, whose mean is taken as the photo's white (see {@link #white}). */
    static final double WHITE_SHARE = 0.02;

    private LinearPhoto() {
    }

    static float[] decode(byte[] rgb) {
        float[] linear = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            linear[i] = (float) Srgb.linear(rgb[i]);
        }
        return linear;
    }

    /** Clipped to [0, 1], then the nearest 8-bit level. */
    static byte[] encode(float[] linear) {
        byte[] rgb = new byte[linear.length];
        for (int i = 0; i < linear.length; i++) {
            rgb[i] = Srgb.encode(linear[i]);
        }
        return rgb;
    }

    static double luminance(float[] linear, int pixel) {
        return LUMA_R * linear[3 * pixel] + LUMA_G * linear[3 * pixel + 1] + LUMA_B * linear[3 * pixel + 2];
    }

    /**
     * The light a white surface in the photo would show: the mean linear colour of its brightest
     * {@link #WHITE_SHARE} of pixels by luminance (at least one pixel). Particles and snow cover take
     * their colour from it, so they are white in daylight and grey in a dim photo.
     */
    static double[] white(float[] linear) {
        int pixels = linear.length / 3;
        // a histogram of luminance in 1024 bins finds the threshold without sorting
        int bins = 1024;
        int[] histogram = new int[bins];
        for (int p = 0; p < pixels; p++) {
            histogram[bin(luminance(linear, p), bins)]++;
        }
        int wanted = Math.max(1, (int) Math.ceil(pixels * WHITE_SHARE));
        int threshold = bins - 1;
        int seen = histogram[threshold];
        while (seen < wanted && threshold > 0) {
            threshold--;
            seen += histogram[threshold];
        }
        double[] sum = new double[3];
        int count = 0;
        for (int p = 0; p < pixels; p++) {
            if (bin(luminance(linear, p), bins) >= threshold) {
                for (int c = 0; c < 3; c++) {
                    sum[c] += linear[3 * p + c];
                }
                count++;
            }
        }
        return new double[] {sum[0] / count, sum[1] / count, sum[2] / count};
    }

    private static int bin(double luminance, int bins) {
        return (int) Math.max(0, Math.min(bins - 1, luminance * bins));
    }

    /** 0 below {@code edge0}, 1 above {@code edge1}, a smooth Hermite step between (GLSL's smoothstep). */
    static double smoothstep(double edge0, double edge1, double x) {
        double t = Math.max(0, Math.min(1, (x - edge0) / (edge1 - edge0)));
        return t * t * (3 - 2 * t);
    }
}
