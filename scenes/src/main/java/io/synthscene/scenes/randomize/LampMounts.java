package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.AssetRef;

/**
 * Where the lamps of a built-in asset sit, in the asset's own frame (+Y up, front towards +Z,
 * origin at the centre of the footprint, metres), worked out from its shape parameters: a built-in
 * vehicle's mesh spans exactly {@code width_m} x {@code height_m} x {@code length_m} (see the
 * assets module's VehicleBuilder), a street lamp's head hangs {@code arm_length_m} in front of a
 * pole {@code height_m} tall (RoadFurnitureBuilder). The lights sit on the ends of that box, a
 * couple of centimetres outside, at the height and spread of the lamp surfaces the builders draw;
 * the assets module's tests check that each mount lies on its lamp part.
 *
 * <p>Pure functions; used by {@link AttachedLightRandomizer}.
 */
final class LampMounts {
    /** How far outside the asset's box a vehicle light sits, metres: in front of its lamp surface. */
    static final double OUTSIDE_METERS = 0.02;

    private LampMounts() {
    }

    /** Centre height of a vehicle's headlights above the ground, metres. */
    static double headlightHeight(AssetRef asset) {
        double h = asset.param("height_m");
        return switch (asset.kind()) {
            case "truck" -> 0.17 * h;      // low in the cab's front face
            case "bus" -> 0.155 * h;
            default -> 0.35 * h;           // cars: between bumper and bonnet
        };
    }

    /** Centre height of a vehicle's tail lights above the ground, metres. */
    static double tailLightHeight(AssetRef asset) {
        double h = asset.param("height_m");
        return switch (asset.kind()) {
            case "truck" -> 0.17 * h;
            case "bus" -> 0.205 * h;
            default -> 0.4 * h;
        };
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

    /** A street lamp's light: just under the centre of its glowing lens, {x, y, z}. */
    static double[] streetLampHead(AssetRef asset) {
        double height = asset.param("height_m");
        double arm = asset.param("arm_length_m");
        // the lens spans y in [h - 0.19, h - 0.17] and z in [arm - 0.05, arm + 0.4]
        return new double[] {0, height - 0.19 - OUTSIDE_METERS, arm + 0.175};
    }
}
