package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;
import io.synthscene.scenes.spec.AugmentSpec.GroundPlaneSpec;

/**
 * The weather, night and glare sections of an augment config as written: effects on real photos
 * beyond fog. Made by the augment config reader; immutable. Each part is null when its section is
 * absent.
 *
 * @param weather rain and snow ({@code weather:})
 * @param night   night or dusk grading ({@code night:})
 * @param glare   bloom and veiling glare ({@code glare:})
 */
public record PhotoWeatherSpec(PrecipitationSpec weather, NightSpec night, GlareSpec glare) {
    public static final PhotoWeatherSpec NONE = new PhotoWeatherSpec(null, null, null);

    /**
     * Rain and snow, with the meaning and ranges of a scene file's {@code weather} section.
     *
     * @param rainIntensity       [0, 1], or null for no rain
     * @param snowIntensity       [0, 1], or null for no snow
     * @param snowCover           [0, 1] share of white on upward-facing surfaces; null without snow
     * @param exposureTimeSeconds (0, 1]: how far a particle falls while the shutter is open; null: 1/60 s
     * @param groundPlane         the camera particles are seen from; null: the fog's, else the defaults
     */
    public record PrecipitationSpec(ScalarSampler rainIntensity, ScalarSampler snowIntensity, ScalarSampler snowCover,
                                    ScalarSampler exposureTimeSeconds, GroundPlaneSpec groundPlane) {
    }

    /**
     * Grading a day photo toward dusk or night.
     *
     * @param exposureEv    stops added to linear light, in [-12, 0]
     * @param blueShift     [0, 1]: how far colours move toward the bluish, desaturated look of night vision
     * @param lampThreshold linear luminance (0, 1] from which a pixel is a lamp: it keeps its brightness and glows
     * @param glowRadiusPx  standard deviation of the glow around lamps, pixels (>= 0)
     * @param glowStrength  the glow's weight (>= 0; 0: no glow)
     */
    public record NightSpec(ScalarSampler exposureEv, ScalarSampler blueShift, ScalarSampler lampThreshold,
                            ScalarSampler glowRadiusPx, ScalarSampler glowStrength) {
    }

    /**
     * Light scattered in the lens from the brightest parts of the image, or from a given sun.
     *
     * @param strength  linear value the glare adds at its peak (>= 0)
     * @param radius    standard deviation of the glare, as a share of the image diagonal (0, 1]
     * @param threshold linear luminance (0, 1] from which a pixel is a glare source (when no sun is given)
     * @param sun       null, or the sun's position as shares of the width and height (may lie outside [0, 1]: off-frame)
     * @param veil      [0, 1]: share of the light spread evenly over the image (veiling glare)
     */
    public record GlareSpec(ScalarSampler strength, ScalarSampler radius, ScalarSampler threshold, VectorSampler sun,
                            ScalarSampler veil) {
    }
}
