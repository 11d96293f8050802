package io.synthscene.scenes.layout;

import io.synthscene.scenes.spec.LayoutSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a {@link RoadNetwork} into the pieces a renderer can draw: road surface, parking strips,
 * kerbs and sidewalks (low boxes), lane lines, stop lines and zebra crossings (thin planes just
 * above the road), junction square and corners. Pure geometry, made once per scene.
 *
 * <p>Heights: the ground is y = 0; road surfaces lie {@value #SURFACE_Y_METERS} m above it and
 * markings {@value #MARKING_Y_METERS} m, so that each is drawn over what is below without depth
 * fighting; kerbs and sidewalks are boxes from the ground to the kerb height.
 */
public final class LayoutPieces {
    static final double SURFACE_Y_METERS = 0.005;
    static final double MARKING_Y_METERS = 0.012;
    static final double CENTRE_LINE_WIDTH_METERS = 0.15;
    static final double LANE_LINE_WIDTH_METERS = 0.12;
    static final double EDGE_LINE_WIDTH_METERS = 0.15;
    static final double DASH_METERS = 3;
    static final double DASH_GAP_METERS = 5;
    static final double STOP_LINE_METERS = 0.4;
    /** Between a crossing and its stop line. */
    static final double STOP_GAP_METERS = 1;
    static final double ZEBRA_STRIPE_METERS = 0.5;
    /** Along the road: the crossing of a road without junction (a junction's is as wide as its corner). */
    public static final double CROSSING_LENGTH_METERS = 3;

    private LayoutPieces() {
    }

    public static List<LayoutPiece> of(RoadNetwork network) {
        LayoutSpec spec = network.spec();
        List<LayoutPiece> pieces = new ArrayList<>();
        for (Arm arm : network.arms()) {
            arm(network, arm, pieces);
        }
        if (spec.hasJunction()) {
            junction(network, pieces);
        }
        return pieces;
    }

    private static void arm(RoadNetwork network, Arm arm, List<LayoutPiece> pieces) {
        LayoutSpec spec = network.spec();
        double lanes = spec.lanesPerDirection() * spec.laneWidthMeters();
        double j = spec.halfCarriagewayMeters();
        double k = LayoutSpec.KERB_WIDTH_METERS;
        double length = arm.length();
        double kerbFrom;
        double[] marked;
        List<double[]> stopLines = new ArrayList<>();   // {from, to, left, right}
        double[] crossing = CrossingPlan.of(network, arm);
        if (arm.junctionAtStart() || arm.junctionAtEnd()) {
            double m = network.mouthMeters();
            kerbFrom = m;
            double inbound = arm.junctionAtEnd() ? 1 : -1;   // traffic towards the junction keeps right
            stopLines.add(new double[] {arm.fromJunction(m + 0.5), arm.fromJunction(m + 0.5 + STOP_LINE_METERS),
                    Math.min(0, inbound * lanes), Math.max(0, inbound * lanes)});
            double markFrom = arm.fromJunction(m + 0.5 + STOP_LINE_METERS);
            double markTo = arm.fromJunction(length);
            marked = new double[] {Math.min(markFrom, markTo), Math.max(markFrom, markTo)};
            kerbFrom = arm.fromJunction(kerbFrom);
        } else {
            kerbFrom = 0;
            if (crossing != null) {
                double before = crossing[0] - STOP_GAP_METERS;
                double after = crossing[1] + STOP_GAP_METERS;
                stopLines.add(new double[] {before - STOP_LINE_METERS, before, 0, lanes});
                stopLines.add(new double[] {after, after + STOP_LINE_METERS, -lanes, 0});
                marked = new double[] {0, before - STOP_LINE_METERS, after + STOP_LINE_METERS, length};
            } else {
                marked = new double[] {0, length};
            }
        }
        double kerbTo = arm.junctionAtEnd() ? 0 : length;
        String name = arm.name();
        flat(pieces, "road", "road", name, arm.band(0, length, -lanes, lanes), SURFACE_Y_METERS);
        if (spec.parkingWidthMeters() > 0) {
            flat(pieces, "parking", "parking", name, arm.band(0, length, lanes, j), SURFACE_Y_METERS);
            flat(pieces, "parking", "parking", name, arm.band(0, length, -j, -lanes), SURFACE_Y_METERS);
        }
        for (int side = -1; side <= 1; side += 2) {
            box(pieces, "kerb", name, arm.band(kerbFrom, kerbTo, side * j, side * (j + k)), spec.kerbHeightMeters());
            box(pieces, "sidewalk", name, arm.band(kerbFrom, kerbTo, side * (j + k), side * spec.halfWidthMeters()),
                    spec.kerbHeightMeters());
        }
        for (int i = 0; i < marked.length; i += 2) {
            lines(spec, arm, marked[i], marked[i + 1], pieces);
        }
        for (double[] stop : stopLines) {
            flat(pieces, "stop_line", "marking", name, arm.band(stop[0], stop[1], stop[2], stop[3]), MARKING_Y_METERS);
        }
        if (crossing != null) {
            for (double left = -j + 0.25; left + ZEBRA_STRIPE_METERS <= j - 0.2; left += 2 * ZEBRA_STRIPE_METERS) {
                flat(pieces, "zebra", "marking", name, arm.band(crossing[0], crossing[1], left, left + ZEBRA_STRIPE_METERS),
                        MARKING_Y_METERS);
            }
        }
    }

    /** Centre line, lines between lanes of one direction (dashed), edge lines (solid), over [from, to]. */
    private static void lines(LayoutSpec spec, Arm arm, double from, double to, List<LayoutPiece> pieces) {
        double w = spec.laneWidthMeters();
        int n = spec.lanesPerDirection();
        line(arm, from, to, 0, CENTRE_LINE_WIDTH_METERS, !spec.solidCentreLine(), pieces);
        for (int side = -1; side <= 1; side += 2) {
            for (int i = 1; i < n; i++) {
                line(arm, from, to, side * i * w, LANE_LINE_WIDTH_METERS, true, pieces);
            }
            line(arm, from, to, side * (n * w - EDGE_LINE_WIDTH_METERS / 2), EDGE_LINE_WIDTH_METERS, false, pieces);
        }
    }

    private static void line(Arm arm, double from, double to, double at, double width, boolean dashed, List<LayoutPiece> pieces) {
        if (!dashed) {
            flat(pieces, "line/solid", "marking", arm.name(), arm.band(from, to, at - width / 2, at + width / 2), MARKING_Y_METERS);
            return;
        }
        for (double s = from; s + DASH_METERS <= to; s += DASH_METERS + DASH_GAP_METERS) {
            flat(pieces, "line/dashed", "marking", arm.name(), arm.band(s, s + DASH_METERS, at - width / 2, at + width / 2),
                    MARKING_Y_METERS);
        }
    }

    /** The junction square, and its corners: an L of kerb around a square of sidewalk; a T's far side is one straight kerb. */
    private static void junction(RoadNetwork network, List<LayoutPiece> pieces) {
        LayoutSpec spec = network.spec();
        double j = spec.halfCarriagewayMeters();
        double k = LayoutSpec.KERB_WIDTH_METERS;
        double outer = spec.halfWidthMeters();
        double c = network.junctionZ();
        double h = spec.kerbHeightMeters();
        pieces.add(new LayoutPiece("junction", "road", null, new RoadRect(0, c, 0, 2 * j, 2 * j), SURFACE_Y_METERS, 0));
        boolean north = spec.kind() == LayoutSpec.Kind.FOUR_WAY;
        for (int sx = -1; sx <= 1; sx += 2) {
            for (int sz = -1; sz <= 1; sz += 2) {
                if (sz < 0 && !north) {
                    continue;
                }
                corner(pieces, sx, sz, j, k, outer, c, h);
            }
        }
        if (!north) {
            // the far side of the T: kerb and sidewalk straight across, corners included
            pieces.add(box("kerb", rect(-outer, outer, c - j - k, c - j), h));
            pieces.add(box("sidewalk", rect(-outer, outer, c - outer, c - j - k), h));
        }
    }

    private static void corner(List<LayoutPiece> pieces, int sx, int sz, double j, double k, double outer, double c, double h) {
        pieces.add(box("kerb", rect(sx * j, sx * (j + k), c + sz * j, c + sz * outer), h));
        pieces.add(box("kerb", rect(sx * (j + k), sx * outer, c + sz * j, c + sz * (j + k)), h));
        pieces.add(box("sidewalk", rect(sx * (j + k), sx * outer, c + sz * (j + k), c + sz * outer), h));
    }

    /** An axis-aligned rectangle between two x and two z values, in any order. */
    private static RoadRect rect(double x0, double x1, double z0, double z1) {
        return new RoadRect((x0 + x1) / 2, (z0 + z1) / 2, 0, Math.abs(x1 - x0), Math.abs(z1 - z0));
    }

    private static LayoutPiece box(String part, RoadRect rect, double height) {
        return new LayoutPiece(part, part, null, rect, 0, height);
    }

    private static void box(List<LayoutPiece> pieces, String part, String arm, List<RoadRect> rects, double height) {
        for (RoadRect r : rects) {
            pieces.add(new LayoutPiece(part, part, arm, r, 0, height));
        }
    }

    private static void flat(List<LayoutPiece> pieces, String part, String surface, String arm, List<RoadRect> rects, double y) {
        for (RoadRect r : rects) {
            pieces.add(new LayoutPiece(part, surface, arm, r, y, 0));
        }
    }
}
