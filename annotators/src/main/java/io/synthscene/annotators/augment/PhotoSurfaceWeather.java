package io.synthscene.annotators.augment;

import io.synthscene.scenes.augment.PhotoWeather.Precipitation;
import io.synthscene.scenes.frame.Weather;

/**
 * What rain and snow do to the surfaces of a photo, with the renderer's formulas
 * (shaded.frag.glsl) weighted by how much each pixel faces up ({@link UpwardSurfaces}), on linear
 * values, before fog:
 * <ul>
 *   <li>wet: the colour times {@code 1 - 0.5 · wetness · up}, wetness = min(1, 4 · rain intensity)
 *       ({@link Weather#wetness()}): the renderer darkens the ground's base colour so. The glossy
 *       reflections and puddles of rendered wet ground are not drawn on photos.</li>
 *   <li>snow cover: {@code mix(colour, snow, cover · up)} with snow = {@link #SNOW_ALBEDO} times the
 *       photo's white ({@link LinearPhoto#white}) times the pixel's shade: the square root of its
 *       luminance over the mean luminance of the upward surfaces, kept in [{@link #MIN_SNOW_SHADE}, 1],
 *       so that the cover is darker in the photo's shadows and dark cracks.</li>
 * </ul>
 * Touches colour only. Stateless.
 */
public final class PhotoSurfaceWeather {
    /** Snow reflects this share of the light it receives (the renderer's snow albedo). */
    public static final double SNOW_ALBEDO = 0.9;
    /** The renderer's darkening of fully wet ground: base colour times 1 - this. */
    public static final double WET_DARKENING = 0.5;
    /** Darkest the snow cover gets in shadow, as a share of its full brightness. */
    public static final double MIN_SNOW_SHADE = 0.5;

    private PhotoSurfaceWeather() {
    }

    /**
     * @param rgb     sRGB bytes, R, G, B, row-major, top row first; not modified
     * @param upwards one weight in [0, 1] per pixel ({@link UpwardSurfaces})
     * @return a new image of the same layout
     */
    public static byte[] apply(byte[] rgb, float[] upwards, Precipitation precipitation) {
        if (rgb.length != upwards.length * 3L) {
            throw new IllegalArgumentException(rgb.length + " colour bytes for " + upwards.length + " weights");
        }
        Weather weather = precipitation.particles();
        double wetness = weather.wetness();
        double cover = weather.cover();
        float[] linear = LinearPhoto.decode(rgb);
        double[] white = LinearPhoto.white(linear);
        double weighted = 0;
        double weights = 0;
        for (int p = 0; p < upwards.length; p++) {
            weighted += upwards[p] * LinearPhoto.luminance(linear, p);
            weights += upwards[p];
        }
        double meanUp = weights > 0 ? Math.max(1e-6, weighted / weights) : 1;
        for (int p = 0; p < upwards.length; p++) {
            double up = upwards[p];
            if (up == 0) {
                continue;
            }
            double shade = Math.max(MIN_SNOW_SHADE, Math.min(1, Math.sqrt(LinearPhoto.luminance(linear, p) / meanUp)));
            double wet = 1 - WET_DARKENING * wetness * up;
            double snow = cover * up;
            for (int c = 0; c < 3; c++) {
                double value = linear[3 * p + c] * wet;
                linear[3 * p + c] = (float) (value + (SNOW_ALBEDO * white[c] * shade - value) * snow);
            }
        }
        return LinearPhoto.encode(linear);
    }
}
