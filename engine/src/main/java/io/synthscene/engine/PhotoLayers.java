package io.synthscene.engine;

/**
 * The array arithmetic of {@link Renderer#renderLayers}: un-mixing the sky from the resolved colour
 * pass, and the shadow ratio of two colour draws. Pure functions on row-major arrays.
 */
final class PhotoLayers {
    /** sRGB byte to linear, by table. */
    private static final float[] LINEAR = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = (float) (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
    }

    private PhotoLayers() {
    }

    /**
     * The objects' colour premultiplied by their coverage. A resolved pixel holds
     * {@code a x objects + (1 - a) x sky} (the resolve averages the samples' sRGB bytes, the sky being
     * the clear colour), so {@code objects x a = pixel - (1 - a) x sky}, kept within [0, 255 a].
     *
     * @param sky the clear colour as the colour target stores it: sRGB in [0, 1], R, G, B
     */
    static byte[] premultiplied(byte[] rgb, byte[] coverage, float[] sky) {
        byte[] out = new byte[rgb.length];
        for (int p = 0; p < coverage.length; p++) {
            int a = coverage[p] & 0xFF;
            if (a == 0) {
                continue; // no object: nothing of the layer shows
            }
            for (int c = 0; c < 3; c++) {
                double skyByte = Math.round(sky[c] * 255.0);
                double value = (rgb[3 * p + c] & 0xFF) - (1 - a / 255.0) * skyByte;
                out[3 * p + c] = (byte) Math.round(Math.max(0, Math.min(a, value)));
            }
        }
        return out;
    }

    /**
     * Per pixel and channel, the linear light of the shadowed draw over that of the unshadowed one,
     * within [0, 1]: exactly 1 where the two draws agree, and where the unshadowed one is black.
     */
    static float[] shadowRatio(byte[] shadowed, byte[] unshadowed) {
        float[] ratio = new float[shadowed.length];
        for (int i = 0; i < ratio.length; i++) {
            int lit = shadowed[i] & 0xFF;
            int open = unshadowed[i] & 0xFF;
            ratio[i] = lit == open || open == 0 ? 1f : Math.min(1f, LINEAR[lit] / LINEAR[open]);
        }
        return ratio;
    }
}
