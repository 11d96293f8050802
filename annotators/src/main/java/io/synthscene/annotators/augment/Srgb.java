package io.synthscene.annotators.augment;

/**
 * The sRGB transfer function (IEC 61966-2-1) for 8-bit photos: physical mixing (fog) happens on
 * linear values, images are stored encoded. Stateless.
 */
final class Srgb {
    /** Linear value of each 8-bit level. */
    private static final double[] LINEAR = new double[256];

    static {
        for (int level = 0; level < 256; level++) {
            double c = level / 255.0;
            LINEAR[level] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private Srgb() {
    }

    static double linear(byte level) {
        return LINEAR[level & 0xFF];
    }

    /** The nearest 8-bit level of a linear value, clipped to [0, 1] first. */
    static byte encode(double linear) {
        double c = Math.max(0, Math.min(1, linear));
        double encoded = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
        return (byte) Math.round(encoded * 255);
    }
}
