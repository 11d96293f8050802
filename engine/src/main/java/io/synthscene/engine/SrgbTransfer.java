package io.synthscene.engine;

/**
 * The standard sRGB transfer function (IEC 61966-2-1), linear [0, 1] to encoded [0, 1]. The same
 * formula as {@code linearToSrgb} in shaded.frag.glsl; used on the CPU for the sky, which is the
 * clear colour and so never passes through a shader.
 */
public final class SrgbTransfer {
    private SrgbTransfer() {
    }

    public static double encode(double linear) {
        double c = Math.min(1.0, Math.max(0.0, linear));
        return c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1.0 / 2.4) - 0.055;
    }

    /** The 8-bit value a unorm8 target stores for {@code linear}: round to nearest. */
    public static int encode8(double linear) {
        return (int) Math.round(encode(linear) * 255.0);
    }
}
