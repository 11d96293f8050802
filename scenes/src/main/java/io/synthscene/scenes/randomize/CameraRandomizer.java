package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.spec.CameraSpec;
import java.util.SplittableRandom;

/** Draws the camera of a frame, in this order: position, yaw, pitch, roll, hfov. */
public final class CameraRandomizer {
    private CameraRandomizer() {
    }

    public static Camera sample(CameraSpec spec, int width, int height, SplittableRandom random) {
        return new Camera(
                Colors.vec3(spec.position(), random),
                spec.yawDegrees().sample(random),
                spec.pitchDegrees().sample(random),
                spec.rollDegrees().sample(random),
                spec.hfovDegrees().sample(random),
                spec.nearMeters(),
                spec.farMeters(),
                width,
                height);
    }
}
