package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ComponentVectorSampler;
import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;
import java.util.List;

/**
 * The camera as written: {@code mount_height_m: h} has already become the position [0, h, 0].
 * Angles in degrees, distances in metres; conventions as in {@link io.synthscene.scenes.frame.Camera}.
 * Exactly one of {@code hfovDegrees} and {@code focalLengthPixels} is non-null (the reader puts
 * the default field of view in when neither was written). {@code principalPointOffsetPixels}
 * draws (dx, dy) in pixels, +x right, +y down. {@code distortion} is null for a pinhole camera
 * (no {@code distortion} key); {@code motion} is null for a camera that stands still during the
 * exposure (no {@code motion} key). {@code rig} is null without {@code rig}, else its 1 to
 * {@link #MAX_RIG_CAMERAS} cameras in the order written (names unique).
 */
public record CameraSpec(
        VectorSampler position,
        ScalarSampler yawDegrees,
        ScalarSampler pitchDegrees,
        ScalarSampler rollDegrees,
        ScalarSampler hfovDegrees,
        double nearMeters,
        double farMeters,
        ScalarSampler focalLengthPixels,
        VectorSampler principalPointOffsetPixels,
        DistortionSpec distortion,
        MotionSpec motion,
        List<RigCameraSpec> rig) {
    public static final int MAX_RIG_CAMERAS = 16;
    public static final VectorSampler CENTRED = new ComponentVectorSampler(
            List.of(new ConstantSampler(0), new ConstantSampler(0)));

    /** A camera that stands still during the exposure (no {@code motion} key), without a rig. */
    public CameraSpec(VectorSampler position, ScalarSampler yawDegrees, ScalarSampler pitchDegrees,
            ScalarSampler rollDegrees, ScalarSampler hfovDegrees, double nearMeters, double farMeters,
            ScalarSampler focalLengthPixels, VectorSampler principalPointOffsetPixels, DistortionSpec distortion) {
        this(position, yawDegrees, pitchDegrees, rollDegrees, hfovDegrees, nearMeters, farMeters, focalLengthPixels,
                principalPointOffsetPixels, distortion, (MotionSpec) null);
    }

    /**
     * {@code camera.motion} as written: the camera's movement while the shutter is open, meanings
     * as in {@link io.synthscene.scenes.frame.CameraMotion}; drawn in the order speed, direction,
     * yaw rate, exposure from the stream {@code camera/motion}. {@code exposureWritten} says whether
     * the file gave {@code exposure_ms} (then it is also the rain and snow exposure time).
     */
    public record MotionSpec(ScalarSampler speedMps, ScalarSampler directionDegrees,
            ScalarSampler yawRateDegreesPerSecond, ScalarSampler exposureMilliseconds, boolean exposureWritten) {
    }

    /** A pinhole camera (no lens distortion). */
    public CameraSpec(VectorSampler position, ScalarSampler yawDegrees, ScalarSampler pitchDegrees,
            ScalarSampler rollDegrees, ScalarSampler hfovDegrees, double nearMeters, double farMeters,
            ScalarSampler focalLengthPixels, VectorSampler principalPointOffsetPixels) {
        this(position, yawDegrees, pitchDegrees, rollDegrees, hfovDegrees, nearMeters, farMeters, focalLengthPixels,
                principalPointOffsetPixels, null, null);
    }

    /** A camera without a rig. */
    public CameraSpec(VectorSampler position, ScalarSampler yawDegrees, ScalarSampler pitchDegrees,
            ScalarSampler rollDegrees, ScalarSampler hfovDegrees, double nearMeters, double farMeters,
            ScalarSampler focalLengthPixels, VectorSampler principalPointOffsetPixels, DistortionSpec distortion,
            MotionSpec motion) {
        this(position, yawDegrees, pitchDegrees, rollDegrees, hfovDegrees, nearMeters, farMeters, focalLengthPixels,
                principalPointOffsetPixels, distortion, motion, null);
    }

    public CameraSpec {
        rig = rig == null ? null : List.copyOf(rig);
    }

    /**
     * OpenCV's lens distortion coefficients as written (each a scalar, default 0); drawn in the
     * order k1, k2, p1, p2, k3 from the stream {@code camera/distortion}.
     */
    public record DistortionSpec(ScalarSampler k1, ScalarSampler k2, ScalarSampler p1, ScalarSampler p2,
            ScalarSampler k3) {
    }

    /** A camera with its field of view written as hfov_deg and its principal point at the image centre. */
    public CameraSpec(VectorSampler position, ScalarSampler yawDegrees, ScalarSampler pitchDegrees,
            ScalarSampler rollDegrees, ScalarSampler hfovDegrees, double nearMeters, double farMeters) {
        this(position, yawDegrees, pitchDegrees, rollDegrees, hfovDegrees, nearMeters, farMeters, null, CENTRED);
    }
}
