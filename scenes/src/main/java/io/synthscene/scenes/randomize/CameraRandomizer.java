package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.CameraMotion;
import io.synthscene.scenes.frame.LensDistortion;
import io.synthscene.scenes.spec.CameraSpec;
import java.util.SplittableRandom;

/**
 * Draws the camera of a frame. The pose and a written hfov_deg come from the {@code camera}
 * stream, in this order: position, yaw, pitch, roll, hfov. A written focal_length_px and the
 * principal point offset come from the separate {@code intrinsics} stream, in that order, so that
 * adding them never changes the pose drawn for a frame.
 */
public final class CameraRandomizer {
    private CameraRandomizer() {
    }

    public static Camera sample(CameraSpec spec, int width, int height, SplittableRandom pose,
            SplittableRandom intrinsics) {
        var position = Colors.vec3(spec.position(), pose);
        double yaw = spec.yawDegrees().sample(pose);
        double pitch = spec.pitchDegrees().sample(pose);
        double roll = spec.rollDegrees().sample(pose);
        double hfov = spec.focalLengthPixels() == null
                ? spec.hfovDegrees().sample(pose)
                : Camera.hfovDegreesForFocalLength(spec.focalLengthPixels().sample(intrinsics), width);
        double[] offset = spec.principalPointOffsetPixels().sample(intrinsics);
        return new Camera(position, yaw, pitch, roll, hfov, spec.nearMeters(), spec.farMeters(), width, height,
                offset[0], offset[1]);
    }

    /**
     * The camera with its lens distortion drawn from {@code lens} (the stream {@code camera/distortion},
     * used by nothing else, so a scene without distortion draws exactly as before); unchanged
     * without a {@code distortion} section.
     */
    public static Camera withDistortion(Camera camera, CameraSpec spec, SplittableRandom lens) {
        CameraSpec.DistortionSpec d = spec.distortion();
        if (d == null) {
            return camera;
        }
        double k1 = d.k1().sample(lens);
        double k2 = d.k2().sample(lens);
        double p1 = d.p1().sample(lens);
        double p2 = d.p2().sample(lens);
        double k3 = d.k3().sample(lens);
        return camera.withDistortion(new LensDistortion(k1, k2, p1, p2, k3));
    }

    /**
     * The camera with its movement during the exposure drawn from {@code motion} (the stream
     * {@code camera/motion}, used by nothing else, so a scene without motion draws exactly as
     * before), in the order speed, direction, yaw rate, exposure; unchanged without a
     * {@code motion} section.
     */
    public static Camera withMotion(Camera camera, CameraSpec spec, SplittableRandom motion) {
        CameraSpec.MotionSpec m = spec.motion();
        if (m == null) {
            return camera;
        }
        double speed = m.speedMps().sample(motion);
        double direction = m.directionDegrees().sample(motion);
        double yawRate = m.yawRateDegreesPerSecond().sample(motion);
        double exposure = m.exposureMilliseconds().sample(motion);
        return camera.withMotion(new CameraMotion(speed, direction, yawRate, exposure));
    }
}
