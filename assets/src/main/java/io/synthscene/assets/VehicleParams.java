package io.synthscene.assets;

import io.synthscene.scenes.frame.AssetRef;

/**
 * The shape of a procedural car, read from a {@code vehicle} asset's parameters. Lengths in
 * metres; the car's length runs along z (front at +z), its width along x, its height along y.
 *
 * @param cabinLengthRatio cabin length / car length (about 0.4 to 0.65)
 * @param cabinOffsetRatio shift of the cabin centre along +z as a fraction of the length
 *                         (about -0.15 to 0.1; negative moves it towards the rear)
 * @param cabinHeightRatio cabin height / total height (about 0.35 to 0.5)
 */
public record VehicleParams(
        double lengthMeters,
        double widthMeters,
        double heightMeters,
        double cabinLengthRatio,
        double cabinOffsetRatio,
        double cabinHeightRatio,
        double wheelRadiusMeters) {

    public VehicleParams {
        requirePositive("length_m", lengthMeters);
        requirePositive("width_m", widthMeters);
        requirePositive("height_m", heightMeters);
        requirePositive("wheel_radius_m", wheelRadiusMeters);
        requireRatio("cabin_length_ratio", cabinLengthRatio);
        requireRatio("cabin_height_ratio", cabinHeightRatio);
        double bodyTop = heightMeters * (1 - cabinHeightRatio);
        if (bodyTop <= VehicleBuilder.BODY_CLEARANCE_OF_WHEEL_RADIUS * wheelRadiusMeters) {
            throw new IllegalArgumentException("vehicle: height_m " + heightMeters + " with cabin_height_ratio " + cabinHeightRatio
                    + " leaves no room for the body above wheels of radius " + wheelRadiusMeters);
        }
        double cabinReach = Math.abs(cabinOffsetRatio) + cabinLengthRatio / 2;
        if (cabinReach * lengthMeters + 2 * VehicleBuilder.PROUD_METERS > lengthMeters / 2) {
            throw new IllegalArgumentException("vehicle: cabin_length_ratio " + cabinLengthRatio + " with cabin_offset_ratio "
                    + cabinOffsetRatio + " puts the cabin past the end of the body");
        }
    }

    /** Reads the seven vehicle parameters; fails naming the first one that is missing or out of range. */
    public static VehicleParams from(AssetRef asset) {
        return new VehicleParams(
                asset.param("length_m"),
                asset.param("width_m"),
                asset.param("height_m"),
                asset.param("cabin_length_ratio"),
                asset.param("cabin_offset_ratio"),
                asset.param("cabin_height_ratio"),
                asset.param("wheel_radius_m"));
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("vehicle: " + name + " = " + value + " must be positive");
        }
    }

    private static void requireRatio(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException("vehicle: " + name + " = " + value + " is outside (0, 1)");
        }
    }
}
