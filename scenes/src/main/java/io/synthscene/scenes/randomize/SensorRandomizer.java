package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.Sensor;
import io.synthscene.scenes.spec.SensorSpec;
import java.util.SplittableRandom;

/**
 * Draws the sensor of a frame from the {@code sensor} stream, in this order: exposure, white
 * balance, vignetting, blur, chromatic aberration, photons at white, Gaussian std. The noise itself is drawn later, when it is
 * applied, from the separate {@code sensor/noise} stream.
 */
public final class SensorRandomizer {
    private SensorRandomizer() {
    }

    /** @return null when the scene has no sensor section; ignores {@code jpeg_quality} */
    public static Sensor sample(SensorSpec spec, SplittableRandom random) {
        return sample(spec, random, null);
    }

    /**
     * @param jpeg the stream {@code sensor/jpeg_quality}, used by nothing else (so adding a JPEG
     *             quality changes no other draw); null to leave the quality out
     * @return null when the scene has no sensor section
     */
    public static Sensor sample(SensorSpec spec, SplittableRandom random, SplittableRandom jpeg) {
        if (spec == null) {
            return null;
        }
        Integer quality = spec.jpegQuality() == null || jpeg == null ? null
                : (int) Math.round(spec.jpegQuality().sample(jpeg));
        return new Sensor(spec.exposureEv().sample(random), spec.whiteBalanceK().sample(random),
                spec.vignetting().sample(random), spec.blurPx().sample(random),
                spec.chromaticAberrationPx().sample(random), spec.photonsAtWhite().sample(random),
                spec.gaussianStdLevels().sample(random), quality);
    }
}
