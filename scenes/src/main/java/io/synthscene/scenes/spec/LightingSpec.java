package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;

/** Sun, ambient light and sky as written; conventions as in {@link io.synthscene.scenes.frame.Lighting}. */
public record LightingSpec(
        ScalarSampler sunAzimuthDegrees,
        ScalarSampler sunElevationDegrees,
        ScalarSampler sunIntensity,
        VectorSampler sunColor,
        ScalarSampler ambientIntensity,
        VectorSampler ambientColor,
        VectorSampler skyColor) {
}
