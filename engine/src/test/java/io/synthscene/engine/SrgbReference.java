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
}
