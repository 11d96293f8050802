package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;

/**
 * The camera as written: {@code mount_height_m: h} has already become the position [0, h, 0].
 * Angles in degrees, distances in metres; conventions as in {@link io.synthscene.scenes.frame.Camera}.
 */
public record CameraSpec(
        VectorSampler position,
        ScalarSampler yawDegrees,
        ScalarSampler pitchDegrees,
        ScalarSampler rollDegrees,
        ScalarSampler hfovDegrees,
        double nearMeters,
        double farMeters) {
}
