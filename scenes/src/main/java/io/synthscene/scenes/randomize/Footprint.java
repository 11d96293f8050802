package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.AssetRef;

/**
 * The space an object claims, for keeping objects apart: a rectangle on the ground, turned by the
 * object's final yaw, and the heights [bottom, top] it spans, in world metres. Rotations other than
 * yaw are ignored (a tilted object keeps the footprint it has standing).
 *
 * <p>In the asset's own frame (+Y up, front at +Z, see the asset builders) the rectangle spans
 * x in [-halfX, halfX] and z in [offsetZ - halfZ, offsetZ + halfZ]; offsetZ is zero except where a
 * part reaches out on one side (a street lamp's arm). The world frame follows
 * {@code SceneObject.modelMatrix()}: a local point (lx, lz) lands at
 * (x + lx cos yaw + lz sin yaw, z - lx sin yaw + lz cos yaw).
 *
 * @param x          the object's origin on the ground
 * @param z          the object's origin on the ground
 * @param yawDegrees the object's final yaw (its own, plus the zone's heading on a zone)
 * @param gapMeters  the clearance its group asks for
 */
record Footprint(double x, double z, double yawDegrees, double halfX, double halfZ, double offsetZ,
                 double bottom, double top, double gapMeters) {

    /**
     * An asset's footprint before scaling, in its own frame: the rectangle's half-extents across
     * (x) and along (z) the asset, how far its centre lies ahead of the origin, and the height.
     * The one place where each kind's claim on space is derived from its parameters.
     */
    record Extent(double halfX, double halfZ, double offsetZ, double height) {
        /** A square around the origin, for round things (half-extents = their radius). */
        static Extent round(double radius, double height) {
            return new Extent(radius, radius, 0, height);
        }

        static Extent rect(double halfX, double halfZ, double height) {
            return new Extent(halfX, halfZ, 0, height);
        }
    }

    static Extent extent(AssetRef asset) {
        return switch (asset.kind()) {
            case "box", "vehicle", "sedan", "hatchback", "suv", "van", "pickup", "truck", "bus" ->
                    Extent.rect(asset.param("width_m") / 2, asset.param("length_m") / 2, asset.param("height_m"));
            case "plane" -> Extent.rect(asset.param("width_m") / 2, asset.param("length_m") / 2, 0);
            // the boards span width_m across x; the trestles' feet reach 0.25 x height (+ 0.04 m) to either side
            case "barrier" -> Extent.rect(asset.param("width_m") / 2,
                    asset.params().containsKey("length_m") ? asset.param("length_m") / 2 : 0.3 * asset.param("height_m"),
                    asset.param("height_m"));
            case "pedestrian" -> Extent.round(0.3, asset.param("height_m"));
            case "child" -> Extent.round(0.25, asset.param("height_m"));
            // wheels along z; the grips reach 0.32 m to the side and a rider's elbows a little more.
            // A rider's head is below the rider's standing height plus the saddle's, 0.4 m
            case "bicycle", "motorcycle" -> Extent.rect(0.45, asset.param("wheelbase_m") / 2 + asset.param("wheel_radius_m"),
                    asset.param("rider") == 1 ? asset.param("rider_height_m") + 0.4 : 1.3);
            case "traffic_cone" -> Extent.round(0.3 * asset.param("height_m"), asset.param("height_m"));
            case "bollard", "pole", "bin" -> Extent.round(asset.param("radius_m") * 1.05, asset.param("height_m"));
            case "street_lamp" -> lamp(asset);
            // the plate spans plate_size_m across x in front of a 0.03 m pole; 0.6 x its size covers every shape's corners
            case "traffic_sign" -> Extent.rect(0.6 * asset.param("plate_size_m"), 0.1, asset.param("height_m"));
            case "traffic_light" -> Extent.round(0.25, asset.param("height_m"));
            // the seat runs along x; the frames reach from z = -0.26 to 0.24 m
            case "bench" -> Extent.rect(asset.param("length_m") / 2, 0.26, 0.85);
            // the roof ledge (0.35 m) and the facade relief (0.15 m) reach past width and depth; the roof adds up to 0.28 m
            case "building" -> Extent.rect((asset.param("width_m") + 1) / 2, (asset.param("depth_m") + 1) / 2,
                    asset.param("storeys") * asset.param("storey_height_m") + 0.3);
            case "tree" -> Extent.round(asset.param("crown_radius_m"), asset.param("height_m"));
            case "bush" -> Extent.round(asset.param("width_m") / 2, asset.param("height_m"));
            // the tail and the antlers reach a little past length_m; a buck's antlers rise to about 1.85 x the withers
            case "dog", "deer" -> Extent.round(0.55 * asset.param("length_m"), 1.9 * asset.param("shoulder_height_m"));
            case "sphere" -> Extent.round(asset.param("radius_m"), 2 * asset.param("radius_m"));
            case "cylinder" -> Extent.round(asset.param("radius_m"), asset.param("height_m"));
            // size_m bounds every side of the normalised model, its height included
            case "mesh" -> Extent.round(asset.param("size_m") / 2, asset.param("size_m"));
            default -> throw new IllegalArgumentException("no footprint for asset kind " + asset.kind());
        };
    }

    /**
     * A lamp's pole stands at the origin and its arm reaches forward (+Z) to a head 0.3 m wide
     * ending at arm_length_m + 0.45 m (see RoadFurnitureBuilder): one rectangle covers both.
     */
    private static Extent lamp(AssetRef asset) {
        double pole = 1.4 * (0.012 * asset.param("height_m") + 0.03);
        double back = pole;
        double front = asset.param("arm_length_m") + 0.45;
        return new Extent(Math.max(0.15, pole), (front + back) / 2, (front - back) / 2, asset.param("height_m"));
    }

    /**
     * @param yawDegrees the object's own yaw; a zone's heading is added when it is placed there
     */
    static Footprint of(AssetRef asset, double scale, double x, double elevation, double z, double yawDegrees,
                        double gapMeters) {
        Extent e = extent(asset);
        return new Footprint(x, z, yawDegrees, e.halfX() * scale, e.halfZ() * scale, e.offsetZ() * scale,
                elevation, elevation + e.height() * scale, gapMeters);
    }

    Footprint at(double newX, double newZ) {
        return new Footprint(newX, newZ, yawDegrees, halfX, halfZ, offsetZ, bottom, top, gapMeters);
    }

    /** Moved to (newX, newZ), raised by {@code rise} and turned by a further {@code turnDegrees}. */
    Footprint placed(double newX, double newZ, double rise, double turnDegrees) {
        return new Footprint(newX, newZ, yawDegrees + turnDegrees, halfX, halfZ, offsetZ, bottom + rise, top + rise,
                gapMeters);
    }

    /**
     * Whether two objects are too close: both have height (flat planes collide with nothing), their
     * height ranges overlap (an object standing on a table top does not collide with the table), and
     * their rectangles overlap or are nearer than the larger of the two gaps (exact distance, see
     * {@link #distanceTo}); at exactly that distance they do not conflict, nor do two rectangles
     * that only touch when no gap is asked.
     */
    boolean conflictsWith(Footprint other) {
        boolean solid = top > bottom && other.top > other.bottom;
        boolean heightsOverlap = bottom < other.top && other.bottom < top;
        if (!solid || !heightsOverlap) {
            return false;
        }
        double gap = Math.max(gapMeters, other.gapMeters);
        // cheap rejection by the circles around the rectangles
        double[] c = centre();
        double[] o = other.centre();
        if (Math.hypot(c[0] - o[0], c[1] - o[1]) >= circumradius() + other.circumradius() + gap) {
            return false;
        }
        return overlaps(other) || distanceTo(other) < gap;
    }

    /** Whether the rectangles share more than their edges (no edge normal of either separates them). */
    boolean overlaps(Footprint other) {
        return !separated(corners(), other.corners());
    }

    /**
     * The exact distance between the two rectangles on the ground, 0 when they overlap or touch.
     * Overlap by the separating-axis test on the four edge normals; apart, the distance between two
     * convex polygons is the least distance from a corner of one to an edge of the other (exact,
     * so round at the corners, unlike inflating one rectangle by the gap).
     */
    double distanceTo(Footprint other) {
        double[][] a = corners();
        double[][] b = other.corners();
        if (!separated(a, b)) {
            return 0;
        }
        // apart or touching
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                best = Math.min(best, pointToSegment(a[i], b[j], b[(j + 1) % 4]));
                best = Math.min(best, pointToSegment(b[i], a[j], a[(j + 1) % 4]));
            }
        }
        return best;
    }

    /** The four corners in the world (x, z), in order around the rectangle. */
    double[][] corners() {
        double[][] local = {{-halfX, offsetZ - halfZ}, {halfX, offsetZ - halfZ}, {halfX, offsetZ + halfZ},
                {-halfX, offsetZ + halfZ}};
        double[][] world = new double[4][];
        for (int i = 0; i < 4; i++) {
            world[i] = toWorld(local[i][0], local[i][1]);
        }
        return world;
    }

    /** The rectangle's centre in the world (x, z). */
    double[] centre() {
        return toWorld(0, offsetZ);
    }

    /** The smallest axis-aligned box on the ground holding the rectangle: {minX, maxX, minZ, maxZ}. */
    double[] groundBounds() {
        double[] bounds = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        for (double[] p : corners()) {
            bounds[0] = Math.min(bounds[0], p[0]);
            bounds[1] = Math.max(bounds[1], p[0]);
            bounds[2] = Math.min(bounds[2], p[1]);
            bounds[3] = Math.max(bounds[3], p[1]);
        }
        return bounds;
    }

    private double circumradius() {
        return Math.hypot(halfX, halfZ);
    }

    private double[] toWorld(double lx, double lz) {
        double yaw = Math.toRadians(yawDegrees);
        double cos = Math.cos(yaw);
        double sin = Math.sin(yaw);
        return new double[] {x + lx * cos + lz * sin, z - lx * sin + lz * cos};
    }

    /** Whether some edge normal of either rectangle separates them; rectangles that touch are separated. */
    private static boolean separated(double[][] a, double[][] b) {
        for (double[][] poly : new double[][][] {a, b}) {
            for (int i = 0; i < 2; i++) {
                double nx = poly[i + 1][1] - poly[i][1];
                double nz = -(poly[i + 1][0] - poly[i][0]);
                double[] pa = project(a, nx, nz);
                double[] pb = project(b, nx, nz);
                if (pa[1] <= pb[0] || pb[1] <= pa[0]) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double[] project(double[][] poly, double nx, double nz) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] p : poly) {
            double d = p[0] * nx + p[1] * nz;
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        return new double[] {min, max};
    }

    private static double pointToSegment(double[] p, double[] s, double[] e) {
        double dx = e[0] - s[0];
        double dz = e[1] - s[1];
        double length2 = dx * dx + dz * dz;
        double t = length2 == 0 ? 0 : ((p[0] - s[0]) * dx + (p[1] - s[1]) * dz) / length2;
        t = Math.max(0, Math.min(1, t));
        return Math.hypot(p[0] - s[0] - t * dx, p[1] - s[1] - t * dz);
    }
}
