package io.synthscene.annotators.augment;

import io.synthscene.scenes.augment.AugmentVariant.Fog;

/**
 * Fog over a photo by Koschmieder's law, as the renderer fogs a scene: on linear values,
 * I = J · t + A · (1 − t) with transmission t = exp(−β d), β = 3.912 / visibility, d the pixel's
 * distance in metres and A the airlight (linear RGB). Touches colour only. Stateless.
 */
public final class PhotoFog {
    private PhotoFog() {
    }

    /**
     * @param rgb          sRGB bytes, R, G, B, row-major, top row first; not modified
     * @param distancesM   one distance per pixel, metres; +infinity gives pure airlight
     * @return a new image of the same layout
     */
    public static byte[] apply(byte[] rgb, float[] distancesM, Fog fog) {
        if (rgb.length != distancesM.length * 3L) {
            throw new IllegalArgumentException(rgb.length + " colour bytes for " + distancesM.length + " distances");
        }
        double beta = fog.extinctionPerMeter();
        double[] airlight = fog.airlight();
        byte[] out = new byte[rgb.length];
        for (int p = 0; p < distancesM.length; p++) {
            double t = Math.exp(-beta * distancesM[p]);
            for (int c = 0; c < 3; c++) {
                int i = 3 * p + c;
                out[i] = Srgb.encode(Srgb.linear(rgb[i]) * t + airlight[c] * (1 - t));
            }
        }
        return out;
    }
}
