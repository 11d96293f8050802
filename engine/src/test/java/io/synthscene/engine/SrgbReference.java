package io.synthscene.engine;

/**
 * The sRGB transfer function written out again for the tests (IEC 61966-2-1), independently of
 * the engine's {@link SrgbTransfer}, so a mistake there cannot hide itself.
 */
final class SrgbReference {
    private SrgbReference() {
    }

    static int encode8(double linear) {
        double encoded = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
        return (int) Math.round(255 * encoded);
    }

    /** An 8-bit sRGB level back to linear. */
    static double decode8(int level) {
        double encoded = level / 255.0;
        return encoded <= 0.04045 ? encoded / 12.92 : Math.pow((encoded + 0.055) / 1.055, 2.4);
    }
}
