package io.synthscene.assets;

import io.synthscene.scenes.frame.AssetRef;

/**
 * The shape of a procedural vehicle, read from a vehicle asset's parameters (kinds
 * {@code vehicle}, {@code sedan}, {@code hatchback}, {@code suv}, {@code van}, {@code pickup},
 * {@code truck}, {@code bus}). Lengths in metres; length along z (front at +z), width along x,
 * height along y.
 *
 * @param cabinLengthRatio    cabin (truck: cab) length / length
 * @param cabinOffsetRatio    shift of the cabin centre along +z as a fraction of the length
 *                            (negative = towards the rear); trucks and buses: 0
 * @param cabinHeightRatio    cars: cabin height / height (the greenhouse above the belt line);
 *                            trucks: cab height / height; buses: 0
 * @param windscreenRakeRatio horizontal run of the windscreen / cabin length (cars only)
 * @param windowBays          side windows per side (buses only, else 0)
 */
public record VehicleParams(
        BodyStyle style,
        double lengthMeters,
        double widthMeters,
        double heightMeters,
        double cabinLengthRatio,
        double cabinOffsetRatio,
        double cabinHeightRatio,
        double wheelRadiusMeters,
        double windscreenRakeRatio,
        int windowBays) {

    public VehicleParams {
        String kind = style.kind();
        requirePositive(kind, "length_m", lengthMeters);
        requirePositive(kind, "width_m", widthMeters);
        requirePositive(kind, "height_m", heightMeters);
        requirePositive(kind, "wheel_radius_m", wheelRadiusMeters);
        if (2 * wheelRadiusMeters >= heightMeters || 5 * wheelRadiusMeters >= lengthMeters) {
            throw new IllegalArgumentException(kind + ": wheel_radius_m " + wheelRadiusMeters + " is too large for height_m "
                    + heightMeters + " and length_m " + lengthMeters);
        }
        if (style.isCar()) {
            requireRatio(kind, "cabin_length_ratio", cabinLengthRatio);
            requireRatio(kind, "cabin_height_ratio", cabinHeightRatio);
            requireWithin(kind, "windscreen_rake_ratio", windscreenRakeRatio, 0, 0.6);
            double belt = heightMeters * (1 - cabinHeightRatio);
            if (belt <= VehicleBuilder.clearanceOfWheelRadius(style) * wheelRadiusMeters + 0.05) {
                throw new IllegalArgumentException(kind + ": height_m " + heightMeters + " with cabin_height_ratio " + cabinHeightRatio
                        + " leaves no room for the body above wheels of radius " + wheelRadiusMeters);
            }
            double cabinReach = Math.abs(cabinOffsetRatio) + cabinLengthRatio / 2;
            if (cabinReach * lengthMeters + 2 * VehicleBuilder.PROUD_METERS > lengthMeters / 2) {
                throw new IllegalArgumentException(kind + ": cabin_length_ratio " + cabinLengthRatio + " with cabin_offset_ratio "
                        + cabinOffsetRatio + " puts the cabin past the end of the body");
            }
        } else if (style == BodyStyle.TRUCK) {
            requireWithin(kind, "cab_length_ratio", cabinLengthRatio, 0.1, 0.5);
            requireWithin(kind, "cab_height_ratio", cabinHeightRatio, 0.5, 1);
            if (cabinHeightRatio * heightMeters <= 2.4 * wheelRadiusMeters) {
                throw new IllegalArgumentException(kind + ": cab_height_ratio " + cabinHeightRatio + " leaves the cab lower than its wheels");
            }
        } else {
            if (windowBays < 2 || windowBays > 20) {
                throw new IllegalArgumentException(kind + ": window_bays = " + windowBays + " is outside [2, 20]");
            }
        }
    }

    /** A sedan from the seven parameters of the original {@code vehicle} kind, windscreen rake 0.25. */
    public VehicleParams(double lengthMeters, double widthMeters, double heightMeters, double cabinLengthRatio,
                         double cabinOffsetRatio, double cabinHeightRatio, double wheelRadiusMeters) {
        this(BodyStyle.SEDAN, lengthMeters, widthMeters, heightMeters, cabinLengthRatio, cabinOffsetRatio, cabinHeightRatio,
                wheelRadiusMeters, 0.25, 0);
    }

    /** Reads a vehicle kind's parameters; fails naming the first one that is missing or out of range. */
    public static VehicleParams from(AssetRef asset) {
        BodyStyle style = BodyStyle.ofKind(asset.kind());
        double length = asset.param("length_m");
        double width = asset.param("width_m");
        double height = asset.param("height_m");
        double wheel = asset.param("wheel_radius_m");
        return switch (style) {
            case TRUCK -> new VehicleParams(style, length, width, height, asset.param("cab_length_ratio"), 0,
                    asset.param("cab_height_ratio"), wheel, 0, 0);
            case BUS -> new VehicleParams(style, length, width, height, 0, 0, 0, wheel, 0, wholeNumber(asset, "window_bays"));
            default -> new VehicleParams(style, length, width, height, asset.param("cabin_length_ratio"),
                    asset.param("cabin_offset_ratio"), asset.param("cabin_height_ratio"), wheel,
                    rake(asset), 0);
        };
    }

    /** Frames written before the parameter existed have no rake: they keep the old default. */
    private static double rake(AssetRef asset) {
        return asset.params().containsKey("windscreen_rake_ratio") ? asset.param("windscreen_rake_ratio") : 0.25;
    }

    private static int wholeNumber(AssetRef asset, String name) {
        double value = asset.param(name);
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException(asset.kind() + ": " + name + " = " + value + " is not a whole number");
        }
        return (int) value;
    }

    private static void requirePositive(String kind, String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(kind + ": " + name + " = " + value + " must be positive");
        }
    }

    private static void requireRatio(String kind, String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(kind + ": " + name + " = " + value + " is outside (0, 1)");
        }
    }

    private static void requireWithin(String kind, String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(kind + ": " + name + " = " + value + " is outside [" + min + ", " + max + "]");
        }
    }
}
