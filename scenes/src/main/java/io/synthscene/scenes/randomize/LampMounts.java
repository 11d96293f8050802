package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.AssetRef;

/**
 * Where the lamps of a built-in asset sit, in the asset's own frame (+Y up, front towards +Z,
 * origin at the centre of the footprint, metres), worked out from its shape parameters: a built-in
 * vehicle's mesh spans exactly {@code width_m} x {@code height_m} x {@code length_m} (see the
 * assets module's VehicleBuilder), a street lamp's head hangs {@code arm_length_m} in front of a
 * pole {@code height_m} tall (RoadFurnitureBuilder). The lights sit on the ends of that box, a
 * couple of centimetres outside, at the centres of the lamp surfaces the builders draw (the same
 * proportions of the same parameters, repeated here because the scenes module cannot build
 * meshes); the assets module's LampMountsTest checks each mount against its lamp part, so a
 * builder that moves its lamps fails there.
 *
 * <p>Pure functions; used by {@link AttachedLightRandomizer}.
 */
final class LampMounts {
    /** How far outside the asset's box a vehicle light sits, metres: in front of its lamp surface. */
    static final double OUTSIDE_METERS = 0.02;

    private LampMounts() {
    }

    /** Centre height of a vehicle's headlights above the ground, metres (the builders' lamp boxes, mid-height). */
    static double headlightHeight(AssetRef asset) {
        double h = asset.param("height_m");
        return switch (asset.kind()) {
            case "truck" -> truckBottom(asset) + 0.17 * (asset.param("cab_height_ratio") * h - truckBottom(asset));
            case "bus" -> 0.155 * h;
            default -> carBottom(asset) + 0.51 * (carBelt(asset) - carBottom(asset));
        };
    }

    /** Centre height of a vehicle's tail lights above the ground, metres. */
    static double tailLightHeight(AssetRef asset) {
        return switch (asset.kind()) {
            case "truck" -> truckBottom(asset) + 0.35 * (2.1 * asset.param("wheel_radius_m") - truckBottom(asset));
            case "bus" -> 0.205 * asset.param("height_m");
            default -> carBottom(asset) + 0.6 * (carBelt(asset) - carBottom(asset));
        };
    }

    /** A car body's underside: a share of the wheel radius, more for the high-riding styles (VehicleBuilder). */
    private static double carBottom(AssetRef asset) {
        boolean high = asset.kind().equals("suv") || asset.kind().equals("pickup");
        return (high ? 0.75 : 0.6) * asset.param("wheel_radius_m");
    }

    /** A car's belt line, where the cabin (greenhouse) starts. */
    private static double carBelt(AssetRef asset) {
        return asset.param("height_m") * (1 - asset.param("cabin_height_ratio"));
    }

    private static double truckBottom(AssetRef asset) {
        return 0.55 * asset.param("wheel_radius_m");
    }

    /** x of the centre of a vehicle's lamp on side +1 or -1, at the front (end +1) or rear (-1): near the corners. */
    static double lampX(AssetRef asset, int side, int end) {
        double spreadOfHalfWidth = asset.kind().equals("truck") && end < 0 ? 0.58 : asset.kind().equals("truck")
                || asset.kind().equals("bus") ? 0.76 : 0.72;
        return side * spreadOfHalfWidth * asset.param("width_m") / 2;
    }

    /** z of the front (+1) or rear (-1) lights: just outside the bumper. */
    static double endZ(AssetRef asset, int end) {
        return end * (asset.param("length_m") / 2 + OUTSIDE_METERS);
    }

    /**
     * A street lamp's light: just under the centre of its glowing lens, {x, y, z}. The builder puts
     * the lens at y in [h - 0.19, h - 0.17], z in [arm - 0.05, arm + 0.4] from the pole's axis, then
     * centres the mesh's footprint: from the pole's base (radius 1.4 (0.012 h + 0.03)) behind to
     * the head's front (arm + 0.45).
     */
    static double[] streetLampHead(AssetRef asset) {
        double height = asset.param("height_m");
        double arm = asset.param("arm_length_m");
        double baseRadius = 1.4 * (0.012 * height + 0.03);
        double footprintCentre = (arm + 0.45 - baseRadius) / 2;
        return new double[] {0, height - 0.19 - OUTSIDE_METERS, arm + 0.175 - footprintCentre};
    }
}
