package io.synthscene.assets;

import io.synthscene.scenes.frame.AssetRef;

/**
 * A bicycle or motorcycle (asset kinds {@code bicycle}, {@code motorcycle}) and its optional rider.
 * Lengths in metres, angles in degrees.
 *
 * @param motorcycle     false for a bicycle
 * @param wheelbaseMeters between the axles
 * @param rider          whether someone rides it (seated, feet on the pedals or pegs, hands on the bar)
 * @param riderHeightMeters the rider's standing height; it also sizes the saddle, with or without a rider
 * @param crankPhaseDegrees bicycle: the right crank's angle from pointing forward, turning down
 */
public record TwoWheelerParams(
        boolean motorcycle,
        double wheelRadiusMeters,
        double wheelbaseMeters,
        boolean rider,
        double riderHeightMeters,
        double skinTone,
        double crankPhaseDegrees) {

    public TwoWheelerParams {
        String kind = motorcycle ? "motorcycle" : "bicycle";
        if (!(wheelRadiusMeters >= 0.15 && wheelRadiusMeters <= 0.5)) {
            throw new IllegalArgumentException(kind + ": wheel_radius_m = " + wheelRadiusMeters + " is outside [0.15, 0.5]");
        }
        if (!(wheelbaseMeters >= 2.4 * wheelRadiusMeters && wheelbaseMeters <= 2.5)) {
            throw new IllegalArgumentException(kind + ": wheelbase_m = " + wheelbaseMeters
                    + " must be at least 2.4 wheel radii (" + 2.4 * wheelRadiusMeters + ") and at most 2.5");
        }
        if (!(riderHeightMeters >= 1.2 && riderHeightMeters <= 2.1)) {
            throw new IllegalArgumentException(kind + ": rider_height_m = " + riderHeightMeters + " is outside [1.2, 2.1]");
        }
        if (!(skinTone >= 0 && skinTone <= 1)) {
            throw new IllegalArgumentException(kind + ": skin_tone = " + skinTone + " is outside [0, 1]");
        }
        if (!Double.isFinite(crankPhaseDegrees)) {
            throw new IllegalArgumentException(kind + ": crank_phase_deg = " + crankPhaseDegrees + " is not a number");
        }
    }

    public static TwoWheelerParams from(AssetRef asset) {
        boolean motorcycle = asset.kind().equals("motorcycle");
        double rider = asset.param("rider");
        if (rider != 0 && rider != 1) {
            throw new IllegalArgumentException(asset.kind() + ": rider = " + rider + " must be 0 (none) or 1");
        }
        return new TwoWheelerParams(motorcycle, asset.param("wheel_radius_m"), asset.param("wheelbase_m"), rider == 1,
                asset.param("rider_height_m"), asset.param("skin_tone"),
                motorcycle ? 0 : asset.param("crank_phase_deg"));
    }

    /** The rider's body: average proportions at the rider's height, arms and legs straight until posed. */
    PedestrianParams riderBody() {
        return new PedestrianParams(riderHeightMeters, 0.245, 0.475, 0.065, 0, 0, skinTone, 0.12);
    }
}
