package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;

/**
 * What a point or spot light gives off, as written: colour (or a colour temperature), intensity,
 * range and, for spots, the cones. Where it sits is the business of whoever holds it: a scene
 * light ({@link LightSpec}) or a lamp attached to objects ({@link AttachedLightsSpec}). Exactly one
 * of {@code color} and {@code temperatureKelvin} is non-null; the cones are null for point lights,
 * and the loader has checked that every inner cone it can draw is at most every outer one.
 * Conventions and units as in {@link io.synthscene.scenes.frame.LocalLight}.
 */
public record LampSpec(
        VectorSampler color,
        ScalarSampler temperatureKelvin,
        ScalarSampler intensityCandela,
        ScalarSampler rangeMeters,
        ScalarSampler innerConeDegrees,
        ScalarSampler outerConeDegrees) {

    public LampSpec {
        if ((color == null) == (temperatureKelvin == null)) {
            throw new IllegalArgumentException("give a lamp a colour or a temperature, exactly one");
        }
        if ((innerConeDegrees == null) != (outerConeDegrees == null)) {
            throw new IllegalArgumentException("a spot needs both cones, a point light neither");
        }
    }

    public boolean isSpot() {
        return outerConeDegrees != null;
    }
}
