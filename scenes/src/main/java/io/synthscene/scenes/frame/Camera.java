package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
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
 *
 * <p>The principal point sits at the image centre moved by (principal_point_dx_px,
 * principal_point_dy_px) pixels, +x right and +y down; the renderer draws with the matching
 * off-centre frustum. Frames written before these fields existed read back with offset 0. A scene
 * that gives {@code focal_length_px} resolves to the equivalent {@code hfov_deg}; the focal length
 * is written next to it (derived, ignored when reading).
 *
 * <p>{@link #distortion} is OpenCV's lens distortion (k1, k2, p1, p2, k3) on top of K: a pixel's
 * normalised pinhole coordinates are distorted by it before K maps them to pixels. The renderer
 * draws pinhole images only; a distorted camera's images are warped from a pinhole render
 * (see {@code io.synthscene.annotators.LensWarp}).
 *
 * <p>{@link #motion} is how the camera moves while the shutter is open (motion blur of the colour
 * image only; the pose here is the one at mid-exposure, which ids, depth and masks show); null for
 * a camera that stands still.
 *
 * <p>Created by the camera randomizer (or by hand in tests); plain immutable data, nothing to close.
 */
@JsonIgnoreProperties(value = {"intrinsics", "camera_to_world", "focal_length_px"}, allowGetters = true)
// Fixed order: Jackson finds the derived getters by reflection, whose order may differ between JVM
// runs; frame JSON must be the same bytes in every process (shards, resume after a kill).
@JsonPropertyOrder({"position", "yaw_deg", "pitch_deg", "roll_deg", "hfov_deg", "near_m", "far_m", "width", "height",
        "principal_point_dx_px", "principal_point_dy_px", "intrinsics", "focal_length_px", "distortion", "camera_to_world", "motion"})
public record Camera(
        Vec3 position,
        @JsonProperty("yaw_deg") double yawDegrees,
        @JsonProperty("pitch_deg") double pitchDegrees,
        @JsonProperty("roll_deg") double rollDegrees,
        @JsonProperty("hfov_deg") double hfovDegrees,
        @JsonProperty("near_m") double nearMeters,
        @JsonProperty("far_m") double farMeters,
        int width,
        int height,
        // absent in frames written before the offset existed: read as 0 (centred)
        @JsonProperty("principal_point_dx_px") @JsonSetter(nulls = Nulls.AS_EMPTY) double principalPointDxPixels,
        @JsonProperty("principal_point_dy_px") @JsonSetter(nulls = Nulls.AS_EMPTY) double principalPointDyPixels,
        // absent in frames written before lens distortion existed (they held zeros): read as none
        LensDistortion distortion,
        // the camera's movement during the exposure (motion blur); absent without camera.motion
        @JsonInclude(JsonInclude.Include.NON_NULL) CameraMotion motion) {

    /** A camera that stands still during the exposure. */
    public Camera(Vec3 position, double yawDegrees, double pitchDegrees, double rollDegrees, double hfovDegrees,
            double nearMeters, double farMeters, int width, int height, double principalPointDxPixels,
            double principalPointDyPixels, LensDistortion distortion) {
        this(position, yawDegrees, pitchDegrees, rollDegrees, hfovDegrees, nearMeters, farMeters, width, height,
                principalPointDxPixels, principalPointDyPixels, distortion, null);
    }

    /** A pinhole camera (no lens distortion). */
    public Camera(Vec3 position, double yawDegrees, double pitchDegrees, double rollDegrees, double hfovDegrees,
            double nearMeters, double farMeters, int width, int height, double principalPointDxPixels,
            double principalPointDyPixels) {
        this(position, yawDegrees, pitchDegrees, rollDegrees, hfovDegrees, nearMeters, farMeters, width, height,
                principalPointDxPixels, principalPointDyPixels, LensDistortion.NONE);
    }

    /** A pinhole camera with its principal point at the image centre. */
    public Camera(Vec3 position, double yawDegrees, double pitchDegrees, double rollDegrees, double hfovDegrees,
            double nearMeters, double farMeters, int width, int height) {
        this(position, yawDegrees, pitchDegrees, rollDegrees, hfovDegrees, nearMeters, farMeters, width, height, 0, 0);
    }

    public Camera {
        if (distortion == null) {
            distortion = LensDistortion.NONE;
        }
        if (!(hfovDegrees > 0 && hfovDegrees < 180)) {
            throw new IllegalArgumentException("hfov_deg " + hfovDegrees + " is outside (0, 180)");
        }
        if (!(nearMeters > 0 && farMeters > nearMeters)) {
            throw new IllegalArgumentException("need 0 < near_m < far_m, got " + nearMeters + ", " + farMeters);
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size " + width + "x" + height + " is not positive");
        }
        if (!Double.isFinite(principalPointDxPixels) || !Double.isFinite(principalPointDyPixels)) {
            throw new IllegalArgumentException("principal point offset (" + principalPointDxPixels + ", "
                    + principalPointDyPixels + ") is not finite");
        }
    }

    /** The horizontal field of view, in degrees, of a focal length in pixels on an image {@code width} pixels wide. */
    public static double hfovDegreesForFocalLength(double focalLengthPixels, int width) {
        if (!(focalLengthPixels > 0) || Double.isInfinite(focalLengthPixels)) {
            throw new IllegalArgumentException("focal length " + focalLengthPixels + " px is not positive");
        }
        return Math.toDegrees(2.0 * Math.atan((width / 2.0) / focalLengthPixels));
    }

    /**
     * The same camera on an image of another size, seeing the same view: the field of view is kept,
     * so the focal length and the principal point offset scale with the width.
     */
    public Camera withImageSize(int newWidth, int newHeight) {
        double scale = (double) newWidth / width;
        return new Camera(position, yawDegrees, pitchDegrees, rollDegrees, hfovDegrees, nearMeters, farMeters,
                newWidth, newHeight, principalPointDxPixels * scale, principalPointDyPixels * scale, distortion, motion);
    }

    /** Principal point x in pixels from the left edge of the image (pixel centres at +0.5). */
    public double principalPointXPixels() {
        return width / 2.0 + principalPointDxPixels;
    }

    /** Principal point y in pixels from the top edge of the image (pixel centres at +0.5). */
    public double principalPointYPixels() {
        return height / 2.0 + principalPointDyPixels;
    }

    /** Focal length in pixels; square pixels, so fx = fy. */
    @JsonProperty("focal_length_px")
    public double focalLengthPixels() {
        return (width / 2.0) / Math.tan(Math.toRadians(hfovDegrees) / 2.0);
    }

    /** Vertical field of view implied by the horizontal one and the aspect ratio, in degrees (offset ignored). */
    public double vfovDegrees() {
        return Math.toDegrees(2.0 * Math.atan((height / 2.0) / focalLengthPixels()));
    }

    /**
     * The 3x3 intrinsic matrix K, row-major, for pixel coordinates whose origin is the top-left
     * corner of the top-left pixel (so that pixel centres sit at +0.5): the principal point is
     * the image centre (width/2, height/2) plus the principal point offset.
     */
    @JsonProperty("intrinsics")
    public double[][] intrinsics() {
        double f = focalLengthPixels();
        return new double[][] {{f, 0, principalPointXPixels()}, {0, f, principalPointYPixels()}, {0, 0, 1}};
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

    /** The same camera with other lens distortion coefficients. */
    public Camera withDistortion(LensDistortion newDistortion) {
        return new Camera(position, yawDegrees, pitchDegrees, rollDegrees, hfovDegrees, nearMeters, farMeters, width,
                height, principalPointDxPixels, principalPointDyPixels, newDistortion, motion);
    }

    /** The same camera moving as {@code newMotion} during the exposure (null: standing still). */
    public Camera withMotion(CameraMotion newMotion) {
        return new Camera(position, yawDegrees, pitchDegrees, rollDegrees, hfovDegrees, nearMeters, farMeters, width,
                height, principalPointDxPixels, principalPointDyPixels, distortion, newMotion);
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
