package io.synthscene.scenes.spec;

import io.synthscene.scenes.frame.Shadows;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;

/**
 * Sun, ambient light, sky and shadows as written; conventions as in
 * {@link io.synthscene.scenes.frame.Lighting}. Exactly one of {@code sunColor} and
 * {@code sunTemperatureKelvin} is non-null.
 *
 * @param lights   the scene's own point and spot lights, in file order (lights attached to objects
 *                 belong to their groups)
 * @param exposure null when the scene gives none
 * @param sky      null when the scene gives none (the one-colour horizon sky)
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
        Shadows shadows,
        java.util.List<LightSpec> lights,
        ExposureSpec exposure,
        SkySpec sky) {

    public LightingSpec {
        lights = lights == null ? java.util.List.of() : java.util.List.copyOf(lights);
        if ((sunColor == null) == (sunTemperatureKelvin == null)) {
            throw new IllegalArgumentException("give the sun a colour or a temperature, exactly one");
        }
    }
}
