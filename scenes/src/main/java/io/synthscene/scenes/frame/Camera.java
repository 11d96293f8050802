package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.joml.Matrix4d;

/**
 * A resolved pinhole camera.
 *
 * <p>Orientation: with yaw = pitch = roll = 0 the camera looks along world -Z with +Y up (the
 * OpenGL convention). Yaw turns about world +Y (positive turns left, counter-clockwise seen from
 * above), then pitch about the camera's x axis (positive looks up), then roll about its viewing
 * axis (positive turns the image counter-clockwise). All angles in degrees.
 *
 * <p>The derived {@link #intrinsics} and {@link #cameraToWorld} use the OpenCV camera convention
 * (x right, y down, z forward), so they can be used with OpenCV and COCO tools as they are.
 */
@JsonIgnoreProperties(value = {"intrinsics", "camera_to_world"}, allowGetters = true)
public record Camera(
        Vec3 position,
        @JsonProperty("yaw_deg") double yawDegrees,
        @JsonProperty("pitch_deg") double pitchDegrees,
        @JsonProperty("roll_deg") double rollDegrees,
        @JsonProperty("hfov_deg") double hfovDegrees,
        @JsonProperty("near_m") double nearMeters,
        @JsonProperty("far_m") double farMeters,
        int width,
        int height) {

    public Camera {
        if (!(hfovDegrees > 0 && hfovDegrees < 180)) {
            throw new IllegalArgumentException("hfov_deg " + hfovDegrees + " is outside (0, 180)");
        }
        if (!(nearMeters > 0 && farMeters > nearMeters)) {
            throw new IllegalArgumentException("need 0 < near_m < far_m, got " + nearMeters + ", " + farMeters);
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size " + width + "x" + height + " is not positive");
        }
    }

    /** Focal length in pixels; square pixels, so fx = fy. */
    public double focalLengthPixels() {
        return (width / 2.0) / Math.tan(Math.toRadians(hfovDegrees) / 2.0);
    }

    /** Vertical field of view implied by the horizontal one and the aspect ratio, in degrees. */
    public double vfovDegrees() {
        return Math.toDegrees(2.0 * Math.atan((height / 2.0) / focalLengthPixels()));
    }

    /**
     * The 3x3 intrinsic matrix K, row-major, for pixel coordinates whose origin is the top-left
     * corner of the top-left pixel (so that pixel centres sit at +0.5): the principal point is
     * the image centre (width/2, height/2).
     */
    @JsonProperty("intrinsics")
    public double[][] intrinsics() {
        double f = focalLengthPixels();
        return new double[][] {{f, 0, width / 2.0}, {0, f, height / 2.0}, {0, 0, 1}};
    }

    /** Rotation and position of the camera in the world, in the OpenGL convention (looks along -Z). */
    public Matrix4d glCameraToWorld() {
        return new Matrix4d()
                .translation(position.x(), position.y(), position.z())
                .rotateY(Math.toRadians(yawDegrees))
                .rotateX(Math.toRadians(pitchDegrees))
                .rotateZ(Math.toRadians(rollDegrees));
    }

    /** The world-to-camera (view) matrix in the OpenGL convention. */
    public Matrix4d viewMatrix() {
        return glCameraToWorld().invert();
    }

    /**
     * The 4x4 camera-to-world transform, row-major, in the OpenCV convention (x right, y down,
     * z forward): a point p_cam in OpenCV camera coordinates is at M · p_cam in the world.
     */
    @JsonProperty("camera_to_world")
    public double[][] cameraToWorld() {
        Matrix4d m = glCameraToWorld().scale(1, -1, -1);
        double[][] rows = new double[4][4];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                rows[r][c] = m.get(c, r);
            }
        }
        return rows;
    }
}
