package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.CameraMotion;
import io.synthscene.scenes.frame.LensDistortion;
import io.synthscene.scenes.frame.RigCamera;
import io.synthscene.scenes.frame.Vec3;
import io.synthscene.scenes.random.FrameRandom;
import io.synthscene.scenes.spec.CameraSpec;
import io.synthscene.scenes.spec.RigCameraSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.joml.Matrix4d;
import org.joml.Vector3d;

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
     * The cameras of the scene's rig for a frame whose rig pose (and default intrinsics, principal
     * point and lens distortion) is {@code rigPose}; null without a rig. Each camera's pose is the
     * rig's pose followed by its fixed offset (see {@link RigCameraSpec}); a camera that gives
     * {@code hfov_deg} or {@code focal_length_px} draws it from its own stream
     * {@code camera/rig/<name>}, so adding a camera changes no other draw.
     */
    public static List<RigCamera> rig(CameraSpec spec, Camera rigPose, long seed, int index) {
        if (spec.rig() == null) {
            return null;
        }
        List<RigCamera> cameras = new ArrayList<>(spec.rig().size());
        for (RigCameraSpec c : spec.rig()) {
            double hfov = rigPose.hfovDegrees();
            if (c.hfovDegrees() != null) {
                hfov = c.hfovDegrees().sample(FrameRandom.stream(seed, index, "camera/rig/" + c.name()));
            } else if (c.focalLengthPixels() != null) {
                hfov = Camera.hfovDegreesForFocalLength(
                        c.focalLengthPixels().sample(FrameRandom.stream(seed, index, "camera/rig/" + c.name())),
                        rigPose.width());
            }
            cameras.add(new RigCamera(c.name(), offset(rigPose, c, hfov)));
        }
        return cameras;
    }

    /**
     * The rig's camera moved by a camera's offset: camera-to-world = rig pose x translation(x, y, z)
     * x Ry(yaw) Rx(pitch) Rz(roll), written back as position and yaw, pitch, roll (the camera's
     * Y-X-Z order: R = Ry(a) Rx(b) Rz(c) gives b = asin(-R12), a = atan2(R02, R22), c = atan2(R10, R11)).
     */
    static Camera offset(Camera rigPose, RigCameraSpec c, double hfovDegrees) {
        Matrix4d pose = rigPose.glCameraToWorld()
                .translate(c.xMeters(), c.yMeters(), c.zMeters())
                .rotateY(Math.toRadians(c.yawDegrees()))
                .rotateX(Math.toRadians(c.pitchDegrees()))
                .rotateZ(Math.toRadians(c.rollDegrees()));
        Vector3d position = pose.getTranslation(new Vector3d());
        double yaw = rigPose.yawDegrees();
        double pitch = rigPose.pitchDegrees();
        double roll = rigPose.rollDegrees();
        if (c.yawDegrees() != 0 || c.pitchDegrees() != 0 || c.rollDegrees() != 0) {
            // JOML's m(col)(row): R(row, col) = m{col}{row}. Without a turn the rig's angles are kept
            // as drawn, so a camera at the rig's pose gets exactly the rig's camera.
            pitch = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, -pose.m21()))));
            yaw = Math.toDegrees(Math.atan2(pose.m20(), pose.m22()));
            roll = Math.toDegrees(Math.atan2(pose.m01(), pose.m11()));
        }
        return new Camera(new Vec3(position.x, position.y, position.z), yaw, pitch, roll, hfovDegrees, rigPose.nearMeters(), rigPose.farMeters(), rigPose.width(),
                rigPose.height(), rigPose.principalPointDxPixels(), rigPose.principalPointDyPixels(), rigPose.distortion())
                .withMotion(rigPose.motion()); // the rig moves as one
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
