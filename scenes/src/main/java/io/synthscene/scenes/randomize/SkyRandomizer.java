package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.Sky;
import io.synthscene.scenes.spec.SkySpec;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the sky of a frame from its own {@code lighting/sky} stream, in this order: cloud cover,
 * then the cloud pattern's offset x and z (uniform in [0, {@value #OFFSET_RANGE_METERS}) metres,
 * drawn even without clouds so the order never depends on the cover). Its own stream: a scene that
 * adds a sky keeps every other draw.
 */
public final class SkyRandomizer {
    static final double OFFSET_RANGE_METERS = 100_000;

    private SkyRandomizer() {
    }

    /** @return null when the scene has no sky */
    public static Sky sample(SkySpec spec, SplittableRandom random) {
        if (spec == null) {
            return null;
        }
        double cover = spec.cloudCover().sample(random);
        double x = random.nextDouble(OFFSET_RANGE_METERS);
        double z = random.nextDouble(OFFSET_RANGE_METERS);
        return new Sky(spec.gradient(), cover, List.of(x, z));
    }
}
