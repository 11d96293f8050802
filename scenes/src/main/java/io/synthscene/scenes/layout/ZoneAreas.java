package io.synthscene.scenes.layout;

import io.synthscene.scenes.spec.LayoutSpec;
import io.synthscene.scenes.spec.ZoneSpec.Zone;
import java.util.ArrayList;
import java.util.List;

/**
 * The placement zones of a {@link RoadNetwork}, as rectangles of allowed object origins:
 * <ul>
 *   <li>{@code lane} / {@code oncoming_lane}: a band of ±{@value #LANE_BAND_RATIO} lane widths around
 *       each lane's centre, forward (right-hand) or oncoming traffic, heading with the traffic; not
 *       in the junction, nor within {@value #CROSSING_CLEAR_METERS} m of a crossing;
 *   <li>{@code parking}: the middle of each parking strip, heading with the adjacent lane;
 *   <li>{@code sidewalk}: the sidewalks, {@value #SIDEWALK_MARGIN_METERS} m from their edges, either way along the road, at kerb height;
 *   <li>{@code roadside}: the kerb-side edge of the sidewalks (lamps, signs, bollards), facing the road, at kerb height;
 *   <li>{@code crossing}: the zebra crossings, heading across the road either way.
 * </ul>
 * Pure geometry, made once per scene.
 */
public final class ZoneAreas {
    static final double LANE_BAND_RATIO = 0.1;
    static final double CROSSING_CLEAR_METERS = 4;
    static final double SIDEWALK_MARGIN_METERS = 0.4;
    static final double ROADSIDE_FROM_METERS = 0.25;
    static final double ROADSIDE_TO_METERS = 0.55;
    /** Kept clear at the far end of an arm, and beyond a junction's corner. */
    static final double END_CLEAR_METERS = 1;
    /** Longest zone rectangle along an arm. */
    static final double PIECE_METERS = 10;

    private ZoneAreas() {
    }

    public static List<ZoneArea> of(RoadNetwork network) {
        List<ZoneArea> areas = new ArrayList<>();
        for (Arm arm : network.arms()) {
            arm(network, arm, areas);
        }
        return areas;
    }

    private static void arm(RoadNetwork network, Arm arm, List<ZoneArea> areas) {
        LayoutSpec spec = network.spec();
        double w = spec.laneWidthMeters();
        double lanes = spec.lanesPerDirection() * w;
        double j = spec.halfCarriagewayMeters();
        double kerb = j + LayoutSpec.KERB_WIDTH_METERS;
        double h = spec.kerbHeightMeters();
        double length = arm.length();
        boolean junction = arm.junctionAtStart() || arm.junctionAtEnd();
        double[] crossing = CrossingPlan.of(network, arm);
        // along the arm: [from, to] pairs where traffic may stand, and where sidewalks run
        double[] road;
        double[] walk;
        if (junction) {
            road = span(arm, network.mouthMeters() + 2, length - END_CLEAR_METERS);
            walk = span(arm, network.mouthMeters(), length - END_CLEAR_METERS);
        } else if (crossing != null) {
            road = new double[] {END_CLEAR_METERS, crossing[0] - CROSSING_CLEAR_METERS,
                    crossing[1] + CROSSING_CLEAR_METERS, length - END_CLEAR_METERS};
            walk = new double[] {END_CLEAR_METERS, length - END_CLEAR_METERS};
        } else {
            road = new double[] {END_CLEAR_METERS, length - END_CLEAR_METERS};
            walk = road;
        }
        for (int i = 0; i < road.length; i += 2) {
            for (int lane = 1; lane <= spec.lanesPerDirection(); lane++) {
                double centre = (lane - 0.5) * w;
                double half = LANE_BAND_RATIO * w;
                add(areas, arm, Zone.LANE, lane, road[i], road[i + 1], centre - half, centre + half, 0, false, 0);
                add(areas, arm, Zone.ONCOMING_LANE, lane, road[i], road[i + 1], -centre - half, -centre + half, 180, false, 0);
            }
            if (spec.parkingWidthMeters() > 0) {
                double centre = lanes + spec.parkingWidthMeters() / 2;
                double half = LANE_BAND_RATIO * spec.parkingWidthMeters();
                add(areas, arm, Zone.PARKING, null, road[i], road[i + 1], centre - half, centre + half, 0, false, 0);
                add(areas, arm, Zone.PARKING, null, road[i], road[i + 1], -centre - half, -centre + half, 180, false, 0);
            }
        }
        for (int i = 0; i < walk.length; i += 2) {
            for (int side = -1; side <= 1; side += 2) {
                double inner = kerb + SIDEWALK_MARGIN_METERS;
                double outer = spec.halfWidthMeters() - SIDEWALK_MARGIN_METERS;
                add(areas, arm, Zone.SIDEWALK, null, walk[i], walk[i + 1], side * inner, side * outer, 0, true, h);
                // facing the road: the right-hand side's road lies to its left, a quarter turn past the heading
                add(areas, arm, Zone.ROADSIDE, null, walk[i], walk[i + 1], side * (kerb + ROADSIDE_FROM_METERS),
                        side * (kerb + ROADSIDE_TO_METERS), side * 90, false, h);
            }
        }
        if (crossing != null) {
            double margin = CrossingPlan.JUNCTION_MARGIN_METERS;
            add(areas, arm, Zone.CROSSING, null, crossing[0] + margin, crossing[1] - margin, -j + margin, j - margin, 90, true, 0);
        }
    }

    /** The along-arm interval between {@code near} and {@code far} metres from the junction, as {from, to}. */
    private static double[] span(Arm arm, double near, double far) {
        double a = arm.fromJunction(near);
        double b = arm.fromJunction(far);
        return new double[] {Math.min(a, b), Math.max(a, b)};
    }

    private static void add(List<ZoneArea> areas, Arm arm, Zone zone, Integer lane, double from, double to, double left,
                            double right, double turnDegrees, boolean eitherWay, double elevation) {
        if (to <= from) {
            return;
        }
        // short pieces, so that a distance range from the camera can skip most of a long arm at once
        int pieces = (int) Math.ceil((to - from) / PIECE_METERS);
        for (int p = 0; p < pieces; p++) {
            double a = from + (to - from) * p / pieces;
            double b = from + (to - from) * (p + 1) / pieces;
            for (RoadRect rect : arm.band(a, b, Math.min(left, right), Math.max(left, right))) {
                areas.add(new ZoneArea(zone, arm.name(), lane, rect, rect.headingDegrees() + turnDegrees, eitherWay, elevation));
            }
        }
    }
}
