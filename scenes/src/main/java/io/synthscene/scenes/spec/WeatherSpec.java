package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ScalarSampler;

/**
 * The {@code weather} section as written.
 *
 * @param fogVisibilityMeters meteorological visibility of the fog, or null for no fog
 */
public record WeatherSpec(ScalarSampler fogVisibilityMeters) {
    public static final WeatherSpec CLEAR = new WeatherSpec(null);
}
