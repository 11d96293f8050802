package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.spec.LightingSpec;
import java.util.SplittableRandom;

/**
 * Draws the lighting of a frame, in this order: sun azimuth, elevation, intensity, colour, then
 * ambient intensity, colour, then sky colour.
 */
public final class LightingRandomizer {
    private LightingRandomizer() {
    }

    public static Lighting sample(LightingSpec spec, SplittableRandom random) {
        return new Lighting(
                spec.sunAzimuthDegrees().sample(random),
                spec.sunElevationDegrees().sample(random),
                spec.sunIntensity().sample(random),
                Colors.rgb(spec.sunColor(), random),
                spec.ambientIntensity().sample(random),
                Colors.rgb(spec.ambientColor(), random),
                Colors.rgb(spec.skyColor(), random));
    }
}
