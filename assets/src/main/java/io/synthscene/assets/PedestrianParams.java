package io.synthscene.assets;

import io.synthscene.scenes.frame.AssetRef;

/**
 * The shape and pose of a procedural pedestrian, read from a {@code pedestrian} asset's
 * parameters. Lengths in metres, angles in degrees; ratios are fractions of {@code heightMeters}.
 *
 * @param armSwingDegrees  walking phase of the arms (about -30 to 30): positive swings the
 *                         figure's right arm forward and its left arm back
 * @param legStrideDegrees walking phase of the legs (about -30 to 30): positive steps the left leg
 *                         forward and the right leg back (so equal signs give a natural gait)
 * @param skinTone         0 light .. 1 dark
 * @param trousersShade    grey level of the trousers, 0 black .. 1 white (linear)
 */
public record PedestrianParams(
        double heightMeters,
        double shoulderWidthRatio,
        double legLengthRatio,
        double headRadiusRatio,
        double armSwingDegrees,
        double legStrideDegrees,
        double skinTone,
        double trousersShade) {

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
    }

    /** Reads the eight pedestrian parameters; fails naming the first one that is missing or out of range. */
    public static PedestrianParams from(AssetRef asset) {
        return new PedestrianParams(
                asset.param("height_m"),
                asset.param("shoulder_width_ratio"),
                asset.param("leg_length_ratio"),
                asset.param("head_radius_ratio"),
                asset.param("arm_swing_deg"),
                asset.param("leg_stride_deg"),
                asset.param("skin_tone"),
                asset.param("trousers_shade"));
    }

    private static void requireWithin(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("pedestrian: " + name + " = " + value + " is outside [" + min + ", " + max + "]");
        }
    }
}
