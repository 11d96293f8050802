package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Exposure;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.spec.ExposureSpec;
import java.util.SplittableRandom;

/**
 * The scene exposure of a frame: a fixed exposure draws its ev from the {@code lighting/exposure}
 * stream; auto exposure draws nothing and meters the frame's camera, sky, sun and local lights
 * (so it runs after the objects and their lights are placed). See {@link Exposure}.
 */
final class ExposureRandomizer {
    private ExposureRandomizer() {
    }

    /** @return null when the scene gives no exposure */
    static Exposure sample(ExposureSpec spec, Camera camera, Lighting lighting, SplittableRandom random) {
        if (spec == null) {
            return null;
        }
        if (spec.auto()) {
            return Exposure.auto(camera, lighting, spec.maxEv());
        }
        return Exposure.fixed(spec.ev().sample(random));
    }
}
