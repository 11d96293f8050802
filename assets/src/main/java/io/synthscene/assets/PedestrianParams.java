package io.synthscene.assets;

import io.synthscene.scenes.frame.AssetRef;

/**
 * The shape and pose of a procedural person, read from a {@code pedestrian} or {@code child}
 * asset's parameters. Lengths in metres, angles in degrees; ratios are fractions of
 * {@code heightMeters} (the standing height, soles to the top of the hair).
 *
 * @param armSwingDegrees  extra swing added to the pose's arms: positive swings the figure's
 *                         right arm forward and its left arm back
 * @param legStrideDegrees extra swing added to the pose's legs: positive steps the left leg
 *                         forward and the right leg back (so equal signs give a natural gait)
 * @param skinTone         0 light .. 1 dark
 * @param trousersShade    grey level of the trousers, 0 black .. 1 white (linear)
 * @param pose             {@link #STANDING}, {@link #WALKING} or {@link #RUNNING}
 * @param gaitPhaseDegrees where in its stride cycle a walking or running figure is
 */
public record PedestrianParams(
        double heightMeters,
        double shoulderWidthRatio,
        double legLengthRatio,
        double headRadiusRatio,
        double armSwingDegrees,
        double legStrideDegrees,
        double skinTone,
        double trousersShade,
        int pose,
        double gaitPhaseDegrees) {

    public static final int STANDING = 0;
    public static final int WALKING = 1;
    public static final int RUNNING = 2;

    /** Swing and stride beyond this would fold a limb through the body (degrees). */
    static final double MAX_LIMB_ANGLE_DEGREES = 75;

    public PedestrianParams {
        if (!(heightMeters > 0)) {
            throw new IllegalArgumentException("pedestrian: height_m = " + heightMeters + " must be positive");
        }
        requireWithin("shoulder_width_ratio", shoulderWidthRatio, 0.05, 0.6);
        requireWithin("leg_length_ratio", legLengthRatio, 0.2, 0.65);
        requireWithin("head_radius_ratio", headRadiusRatio, 0.02, 0.12);
        requireWithin("arm_swing_deg", armSwingDegrees, -MAX_LIMB_ANGLE_DEGREES, MAX_LIMB_ANGLE_DEGREES);
        requireWithin("leg_stride_deg", legStrideDegrees, -MAX_LIMB_ANGLE_DEGREES, MAX_LIMB_ANGLE_DEGREES);
        requireWithin("skin_tone", skinTone, 0, 1);
        requireWithin("trousers_shade", trousersShade, 0, 1);
        requireWithin("pose", pose, STANDING, RUNNING);
        if (!Double.isFinite(gaitPhaseDegrees)) {
            throw new IllegalArgumentException("pedestrian: gait_phase_deg = " + gaitPhaseDegrees + " is not a number");
        }
    }

    /** A standing figure from the eight parameters of the original {@code pedestrian} kind. */
    public PedestrianParams(double heightMeters, double shoulderWidthRatio, double legLengthRatio, double headRadiusRatio,
                            double armSwingDegrees, double legStrideDegrees, double skinTone, double trousersShade) {
        this(heightMeters, shoulderWidthRatio, legLengthRatio, headRadiusRatio, armSwingDegrees, legStrideDegrees, skinTone,
                trousersShade, STANDING, 0);
    }

    /** Reads the parameters; fails naming the first one that is missing or out of range. Frames without a pose stand. */
    public static PedestrianParams from(AssetRef asset) {
        double pose = asset.params().getOrDefault("pose", (double) STANDING);
        if (pose != Math.rint(pose)) {
            throw new IllegalArgumentException(asset.kind() + ": pose = " + pose + " is not one of 0, 1, 2");
        }
        return new PedestrianParams(
                asset.param("height_m"),
                asset.param("shoulder_width_ratio"),
                asset.param("leg_length_ratio"),
                asset.param("head_radius_ratio"),
                asset.param("arm_swing_deg"),
                asset.param("leg_stride_deg"),
                asset.param("skin_tone"),
                asset.param("trousers_shade"),
                (int) pose,
                asset.params().getOrDefault("gait_phase_deg", 0.0));
    }

    /** The joint angles of the pose, the extra swing added. */
    public JointAngles jointAngles() {
        JointAngles base = switch (pose) {
            case WALKING -> JointAngles.walking(gaitPhaseDegrees);
            case RUNNING -> JointAngles.running(gaitPhaseDegrees);
            default -> JointAngles.standing();
        };
        return base.withSwing(armSwingDegrees, legStrideDegrees);
    }

    private static void requireWithin(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("pedestrian: " + name + " = " + value + " is outside [" + min + ", " + max + "]");
        }
    }
}
