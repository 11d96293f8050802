package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.AssetRef;

/**
 * The space an object claims, for keeping objects apart: a circle on the ground around its origin
 * (x, z) and the heights [bottom, top] it spans, in world metres. Rotations other than yaw are
 * ignored (a tilted object keeps the footprint it has standing).
 *
 * @param gapMeters the clearance its group asks for
 */
record Footprint(double x, double z, double radius, double bottom, double top, double gapMeters) {

    /** Radius and height of an asset before scaling, from its resolved parameters. */
    static double[] radiusAndHeight(AssetRef asset) {
        return switch (asset.kind()) {
            case "box" -> new double[] {halfDiagonal(asset), asset.param("height_m")};
            case "plane" -> new double[] {halfDiagonal(asset), 0};
            case "vehicle", "sedan", "hatchback", "suv", "van", "pickup", "truck", "bus", "barrier" ->
                    new double[] {halfDiagonal(asset), asset.param("height_m")};
            case "pedestrian" -> new double[] {0.3, asset.param("height_m")};
            case "child" -> new double[] {0.25, asset.param("height_m")};
            // a rider's head is below the rider's standing height plus the saddle's, 0.4 m
            case "bicycle", "motorcycle" -> new double[] {asset.param("wheelbase_m") / 2 + asset.param("wheel_radius_m"),
                    asset.param("rider") == 1 ? asset.param("rider_height_m") + 0.4 : 1.3};
            case "traffic_cone" -> new double[] {0.3 * asset.param("height_m"), asset.param("height_m")};
            case "bollard", "pole", "bin" -> new double[] {asset.param("radius_m") * 1.05, asset.param("height_m")};
            case "street_lamp" -> new double[] {asset.param("arm_length_m") + 0.45, asset.param("height_m")};
            case "traffic_sign" -> new double[] {asset.param("plate_size_m") * 0.6, asset.param("height_m")};
            case "traffic_light" -> new double[] {0.25, asset.param("height_m")};
            case "bench" -> new double[] {Math.hypot(asset.param("length_m"), 0.52) / 2, 0.85};
            // the roof ledge (0.35 m) and the facade relief (0.15 m) reach past width and depth; the roof adds up to 0.28 m
            case "building" -> new double[] {Math.hypot(asset.param("width_m") + 1, asset.param("depth_m") + 1) / 2,
                    asset.param("storeys") * asset.param("storey_height_m") + 0.3};
            case "tree" -> new double[] {asset.param("crown_radius_m"), asset.param("height_m")};
            case "bush" -> new double[] {asset.param("width_m") / 2, asset.param("height_m")};
            // the tail and the antlers reach a little past length_m; a buck's antlers rise to about 1.85 x the withers
            case "dog", "deer" -> new double[] {0.55 * asset.param("length_m"), 1.9 * asset.param("shoulder_height_m")};
            case "sphere" -> new double[] {asset.param("radius_m"), 2 * asset.param("radius_m")};
            case "cylinder" -> new double[] {asset.param("radius_m"), asset.param("height_m")};
            // size_m bounds every side of the normalised model, its height included
            case "mesh" -> new double[] {asset.param("size_m") / 2, asset.param("size_m")};
            default -> throw new IllegalArgumentException("no footprint for asset kind " + asset.kind());
        };
    }

    /** Half the diagonal of width x length; a barrier's length is the depth of its trestles, 0.6 of its height. */
    private static double halfDiagonal(AssetRef asset) {
        double length = asset.params().containsKey("length_m") ? asset.param("length_m") : 0.6 * asset.param("height_m");
        return Math.hypot(asset.param("width_m"), length) / 2;
    }

    static Footprint of(AssetRef asset, double scale, double x, double elevation, double z, double gapMeters) {
        double[] rh = radiusAndHeight(asset);
        return new Footprint(x, z, rh[0] * scale, elevation, elevation + rh[1] * scale, gapMeters);
    }

    /**
     * Whether two objects are too close: both have height (flat planes collide with nothing), their
     * height ranges overlap (an object standing on a table top does not collide with the table), and
     * their circles are nearer than the larger of the two gaps.
     */
    boolean conflictsWith(Footprint other) {
        boolean solid = top > bottom && other.top > other.bottom;
        boolean heightsOverlap = bottom < other.top && other.bottom < top;
        double needed = radius + other.radius + Math.max(gapMeters, other.gapMeters);
        return solid && heightsOverlap && Math.hypot(x - other.x, z - other.z) < needed;
    }

    Footprint at(double newX, double newZ) {
        return new Footprint(newX, newZ, radius, bottom, top, gapMeters);
    }
}
