package io.synthscene.scenes.layout;

import io.synthscene.scenes.spec.LayoutSpec;

/** Where an arm's zebra crossing lies along it: shared by the pieces that draw it and the zone that places people on it. */
final class CrossingPlan {
    /** Between a junction's crossing and the corner's kerb lines on either side of it. */
    static final double JUNCTION_MARGIN_METERS = 0.3;

    private CrossingPlan() {
    }

    /** {from, to} along the arm, or null when the arm has none. */
    static double[] of(RoadNetwork network, Arm arm) {
        LayoutSpec spec = network.spec();
        if (!spec.crossings()) {
            return null;
        }
        if (arm.junctionAtStart() || arm.junctionAtEnd()) {
            double a = arm.fromJunction(JUNCTION_MARGIN_METERS);
            double b = arm.fromJunction(network.mouthMeters() - JUNCTION_MARGIN_METERS);
            return new double[] {Math.min(a, b), Math.max(a, b)};
        }
        double from = RoadNetwork.BEHIND_METERS + spec.crossingAtMeters();
        return new double[] {from, from + LayoutPieces.CROSSING_LENGTH_METERS};
    }
}
