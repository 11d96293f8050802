package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.joml.Vector3d;

/**
 * How the camera moves while the shutter is open, resolved for one frame: what makes the colour
 * image's motion blur (the engine's {@code SensorPass}, sensor_motion.frag.glsl), never the masks,
 * ids or depth, which show the frame at mid-exposure.
 *
 * <p>The camera travels horizontally at {@code speedMps} metres per second in the direction
 * {@code directionDegrees} measured about world +Y from the camera's own heading (its yaw): 0 is
 * straight ahead (the camera's forward direction projected on the ground plane), 90 to the left,
 * -90 to the right, 180 backwards, with the sign convention of {@link Camera}'s yaw. It turns about
 * world +Y at {@code yawRateDegreesPerSecond} (positive turns left, as yaw). The shutter is open for
 * {@code exposureMilliseconds}, centred on the frame's pose: the camera sweeps from the pose at
 * -exposure/2 to the pose at +exposure/2, so the blur is symmetric about what the masks show.
 *
 * <p>Created by the camera randomizer from {@code camera.motion} (or by hand in tests); plain
 * immutable data, nothing to close.
 */
public record CameraMotion(
        @JsonProperty("speed_mps") double speedMps,
        @JsonProperty("direction_deg") double directionDegrees,
        @JsonProperty("yaw_rate_deg_s") double yawRateDegreesPerSecond,
        @JsonProperty("exposure_ms") double exposureMilliseconds) {
    /** A shutter longer than a second is not a video frame; it keeps a typo from smearing a frame across the image. */
    public static final double MAX_EXPOSURE_MS = 1000;
    /** Above ~1.4 turns a second the camera would turn more than 90 degrees during a long exposure. */
    public static final double MAX_YAW_RATE_DEG_S = 500;

    public CameraMotion {
        if (!(speedMps >= 0) || Double.isInfinite(speedMps)) {
            throw new IllegalArgumentException("speed_mps " + speedMps + " is negative or not finite");
        }
        if (!Double.isFinite(directionDegrees)) {
            throw new IllegalArgumentException("direction_deg " + directionDegrees + " is not finite");
        }
        if (!(Math.abs(yawRateDegreesPerSecond) <= MAX_YAW_RATE_DEG_S)) {
            throw new IllegalArgumentException("yaw_rate_deg_s " + yawRateDegreesPerSecond + " is outside ["
                    + -MAX_YAW_RATE_DEG_S + ", " + MAX_YAW_RATE_DEG_S + "]");
        }
        if (!(exposureMilliseconds >= 0 && exposureMilliseconds <= MAX_EXPOSURE_MS)) {
            throw new IllegalArgumentException("exposure_ms " + exposureMilliseconds + " is outside [0, "
                    + MAX_EXPOSURE_MS + "]");
        }
    }

    /**
     * True when the camera does not move during the exposure (no speed and no turn, or a zero
     * exposure): the image is then exactly the unblurred one. Not named like a getter: Jackson
     * would write it into frames/NNNNNN.json.
     */
    public boolean staysStill() {
        return exposureMilliseconds == 0 || (speedMps == 0 && yawRateDegreesPerSecond == 0);
    }

    /** The shutter time in seconds. */
    public double exposureSeconds() {
        return exposureMilliseconds / 1000.0;
    }

    /**
     * The camera's travel over the whole exposure, in world metres (from the pose at -exposure/2 to
     * the pose at +exposure/2), for a camera whose yaw is {@code cameraYawDegrees}: horizontal, in
     * the heading yaw + direction (a heading h points along (-sin h, 0, -cos h), world -Z at 0).
     */
    public Vector3d travelMeters(double cameraYawDegrees) {
        double heading = Math.toRadians(cameraYawDegrees + directionDegrees);
        double distance = speedMps * exposureSeconds();
        return new Vector3d(-Math.sin(heading) * distance, 0, -Math.cos(heading) * distance);
    }

    /** How far the camera turns about world +Y over the whole exposure, in degrees (positive: left). */
    public double turnDegrees() {
        return yawRateDegreesPerSecond * exposureSeconds();
    }
}
