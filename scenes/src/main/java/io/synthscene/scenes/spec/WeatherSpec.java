package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ScalarSampler;

/**
 * The {@code weather} section as written.
 *
 * @param fogVisibilityMeters meteorological visibility of the fog, or null for no fog
 * @param rainIntensity       rain intensity in [0, 1], or null for no rain
 * @param snowIntensity       snowfall intensity in [0, 1], or null for no snow
 * @param snowCover           share of white on upward-facing surfaces in [0, 1]; null without snow
 * @param exposureTimeSeconds shutter time that sets how far particles move during the exposure; null for the default
 */
public record WeatherSpec(ScalarSampler fogVisibilityMeters, ScalarSampler rainIntensity, ScalarSampler snowIntensity,
                          ScalarSampler snowCover, ScalarSampler exposureTimeSeconds) {
    public static final WeatherSpec CLEAR = new WeatherSpec(null);

    /** Fog only (or nothing): no rain, no snow. */
    public WeatherSpec(ScalarSampler fogVisibilityMeters) {
        this(fogVisibilityMeters, null, null, null, null);
    }

    /** True when frames have falling particles (rain or snow). */
    public boolean hasParticles() {
        return rainIntensity != null || snowIntensity != null;
    }
}
