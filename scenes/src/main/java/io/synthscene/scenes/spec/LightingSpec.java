package io.synthscene.scenes.spec;

import io.synthscene.scenes.frame.Shadows;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;

/**
 * Sun, ambient light, sky and shadows as written; conventions as in
 * {@link io.synthscene.scenes.frame.Lighting}. Exactly one of {@code sunColor} and
 * {@code sunTemperatureKelvin} is non-null.
 */
public record LightingSpec(
        ScalarSampler sunAzimuthDegrees,
        ScalarSampler sunElevationDegrees,
        ScalarSampler sunIntensity,
        VectorSampler sunColor,
        ScalarSampler sunTemperatureKelvin,
        ScalarSampler ambientIntensity,
        VectorSampler ambientColor,
        VectorSampler skyColor,
        Shadows shadows) {

    public LightingSpec {
        if ((sunColor == null) == (sunTemperatureKelvin == null)) {
            throw new IllegalArgumentException("give the sun a colour or a temperature, exactly one");
        }
    }
}
