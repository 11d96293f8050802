package io.synthscene.scenes.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.scenes.spec.LayoutSpec;
import io.synthscene.scenes.spec.LayoutSpec.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each layout kind is cut into the pieces it promises, at the places and sizes its spec gives. */
class LayoutPiecesTest {
    private static final double EPS = 1e-9;

    /** Two lanes each way of 3.5 m, 2.2 m parking, 0.15 m kerbs, 3 m sidewalks, 80 m arms. */
    static LayoutSpec spec(Kind kind, boolean solidCentre) {
        return new LayoutSpec(kind, 2, 3.5, 2.2, 0.15, 3, 80, 30, 40, 60, 25, true, 20, solidCentre, Map.of());
    }

    private static List<LayoutPiece> pieces(LayoutSpec spec) {
        return LayoutPieces.of(new RoadNetwork(spec));
    }

    private static List<LayoutPiece> part(List<LayoutPiece> pieces, String part) {
        return pieces.stream().filter(p -> p.part().equals(part)).toList();
    }

    /** Across-road offset of a piece on a straight arm along -Z: its centre's x. */
    private static Set<Double> offsets(List<LayoutPiece> pieces) {
        return pieces.stream().map(p -> Math.round(p.rect().centerX() * 1000) / 1000.0).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aStraightRoadHasItsLanesLinesKerbsSidewalksParkingAndOneCrossing() {
        List<LayoutPiece> pieces = pieces(spec(Kind.STRAIGHT, false));
        // dashed: the centre line and one line between the two lanes of each direction
        assertThat(offsets(part(pieces, "line/dashed"))).containsExactly(-3.5, 0.0, 3.5);
        // solid: the edge lines, inside the outer lanes
        assertThat(offsets(part(pieces, "line/solid"))).containsExactly(-6.925, 6.925);
        assertThat(part(pieces, "line/dashed")).allSatisfy(p -> {
            assertThat(p.rect().lengthMeters()).isEqualTo(LayoutPieces.DASH_METERS, org.assertj.core.data.Offset.offset(EPS));
            assertThat(p.bottomMeters()).isEqualTo(LayoutPieces.MARKING_Y_METERS);
            assertThat(p.isFlat()).isTrue();
        });
        assertThat(part(pieces, "kerb")).hasSize(2).allSatisfy(k -> {
            assertThat(k.heightMeters()).isEqualTo(0.15);
            assertThat(k.rect().widthMeters()).isEqualTo(LayoutSpec.KERB_WIDTH_METERS, org.assertj.core.data.Offset.offset(EPS));
        });
        assertThat(offsets(part(pieces, "kerb"))).containsExactly(-9.3, 9.3);
        assertThat(offsets(part(pieces, "sidewalk"))).containsExactly(-10.9, 10.9);
        assertThat(part(pieces, "sidewalk")).allSatisfy(s -> assertThat(s.heightMeters()).isEqualTo(0.15));
        assertThat(offsets(part(pieces, "parking"))).containsExactly(-8.1, 8.1);
        // one stop line before the crossing on each side, each across the two lanes of its direction
        assertThat(part(pieces, "stop_line")).hasSize(2).allSatisfy(s -> assertThat(s.rect().widthMeters()).isEqualTo(7.0));
        assertThat(part(pieces, "zebra")).hasSizeGreaterThan(10).allSatisfy(z -> {
            assertThat(z.rect().lengthMeters()).isEqualTo(LayoutPieces.CROSSING_LENGTH_METERS);
            // 20 m ahead of the origin, the road running along -Z
            assertThat(z.rect().centerZ()).isEqualTo(-21.5, org.assertj.core.data.Offset.offset(EPS));
        });
        // no lane line runs through the crossing
        assertThat(part(pieces, "line/dashed")).noneMatch(p -> p.rect().contains(0, -21.5, 0) || p.rect().contains(3.5, -21.5, 0));
    }

    @Test
    void aSolidCentreLineReplacesTheDashedOne() {
        List<LayoutPiece> pieces = pieces(spec(Kind.STRAIGHT, true));
        assertThat(offsets(part(pieces, "line/dashed"))).containsExactly(-3.5, 3.5);
        assertThat(offsets(part(pieces, "line/solid"))).containsExactly(-6.925, 0.0, 6.925);
    }

    @Test
    void aCurveTurnsByItsAngleInShortPiecesWithoutGapsOnTheOutside() {
        LayoutSpec spec = spec(Kind.CURVE, false);
        List<LayoutPiece> sidewalks = part(pieces(spec), "sidewalk");
        double first = sidewalks.get(0).rect().headingDegrees();
        double last = sidewalks.get(sidewalks.size() - 1).rect().headingDegrees();
        assertThat(first).isEqualTo(180, org.assertj.core.data.Offset.offset(EPS));
        assertThat(((last - first) % 360 + 360) % 360).isEqualTo(60, org.assertj.core.data.Offset.offset(1e-6));
        Arm arm = new RoadNetwork(spec).arm("main");
        // the bend's centre line is 40 m x 60 deg long, in pieces of at most 2 m
        assertThat(sidewalks.size() / 2).isGreaterThanOrEqualTo((int) Math.ceil(40 * Math.toRadians(60) / 2));
        // chords of the arc are a little shorter than the arc
        assertThat(arm.length()).isEqualTo(RoadNetwork.BEHIND_METERS + 80, org.assertj.core.data.Offset.offset(0.01));
        // at every joint of the bend's centre line, the outer edge of the sidewalk (right-hand: the curve
        // turns left) lies on a piece: the wedge between two segments' pieces is covered
        double outer = spec.halfWidthMeters() - 0.02;
        int joints = 0;
        for (int i = 1; i + 1 < arm.xs().length; i++) {
            double[] before = right(arm, i - 1);
            double[] after = right(arm, i);
            double bx = before[0] + after[0];
            double bz = before[1] + after[1];
            double scale = outer / Math.hypot(bx, bz);
            double x = arm.xs()[i] + bx * scale;
            double z = arm.zs()[i] + bz * scale;
            assertThat(sidewalks).as("outer sidewalk edge at joint %s", i).anyMatch(w -> w.rect().contains(x, z, 1e-6));
            joints++;
        }
        assertThat(joints).isGreaterThan(10);
    }

    /** The unit vector to the right of segment i (+Y up). */
    private static double[] right(Arm arm, int i) {
        double dx = arm.xs()[i + 1] - arm.xs()[i];
        double dz = arm.zs()[i + 1] - arm.zs()[i];
        double length = Math.hypot(dx, dz);
        return new double[] {-dz / length, dx / length};
    }

    @Test
    void aTJunctionHasThreeArmsWithCrossingsStopLinesAndAClosedFarSide() {
        LayoutSpec spec = spec(Kind.T_JUNCTION, false);
        List<LayoutPiece> pieces = pieces(spec);
        assertThat(pieces.stream().map(LayoutPiece::arm).filter(a -> a != null).distinct()).containsExactlyInAnyOrder("south", "east", "west");
        assertThat(part(pieces, "stop_line")).hasSize(3);
        assertThat(part(pieces, "zebra").stream().map(LayoutPiece::arm).distinct()).containsExactlyInAnyOrder("south", "east", "west");
        assertThat(part(pieces, "junction")).singleElement().satisfies(j -> {
            assertThat(j.rect().widthMeters()).isEqualTo(2 * spec.halfCarriagewayMeters());
            assertThat(j.rect().centerZ()).isEqualTo(-30);
        });
        // beyond the junction, where a fourth arm would be, a kerb runs across
        double farKerbZ = -30 - spec.halfCarriagewayMeters() - LayoutSpec.KERB_WIDTH_METERS / 2;
        assertThat(part(pieces, "kerb")).anyMatch(k -> k.rect().contains(0, farKerbZ, 0) && k.heightMeters() == 0.15);
        // 3 arms x 2 sides, 2 corners x 2 kerb stones, and the far side
        assertThat(part(pieces, "kerb")).hasSize(3 * 2 + 2 * 2 + 1);
    }

    @Test
    void aFourWayIntersectionHasFourArmsFourCornersAndStopLinesOnTheInboundLanes() {
        LayoutSpec spec = spec(Kind.FOUR_WAY, false);
        List<LayoutPiece> pieces = pieces(spec);
        assertThat(part(pieces, "kerb")).hasSize(4 * 2 + 4 * 2);
        assertThat(part(pieces, "sidewalk")).hasSize(4 * 2 + 4);
        List<LayoutPiece> stops = part(pieces, "stop_line");
        assertThat(stops).hasSize(4);
        double j = spec.halfCarriagewayMeters();
        double m = LayoutSpec.KERB_WIDTH_METERS + 3;
        // right-hand traffic: the south arm's traffic towards the junction is on its right (+X), the east arm's on its left (-Z)
        assertThat(stops).anyMatch(s -> "south".equals(s.arm()) && s.rect().centerX() > 0 && s.rect().centerZ() > -30 + j + m);
        assertThat(stops).anyMatch(s -> "east".equals(s.arm()) && s.rect().centerZ() < -30 && s.rect().centerX() > j + m);
        assertThat(stops).anyMatch(s -> "north".equals(s.arm()) && s.rect().centerX() < 0);
        assertThat(stops).anyMatch(s -> "west".equals(s.arm()) && s.rect().centerZ() > -30);
        // every crossing lies between the corners, across its arm's whole carriageway
        for (String arm : List.of("south", "north", "east", "west")) {
            List<LayoutPiece> zebra = part(pieces, "zebra").stream().filter(z -> arm.equals(z.arm())).toList();
            assertThat(zebra).as(arm).hasSizeGreaterThan(10);
        }
        // no lane line reaches into the junction square
        RoadRect junction = part(pieces, "junction").get(0).rect();
        assertThat(pieces).filteredOn(p -> p.part().startsWith("line/"))
                .noneMatch(p -> junction.contains(p.rect().centerX(), p.rect().centerZ(), -0.01));
    }
}
