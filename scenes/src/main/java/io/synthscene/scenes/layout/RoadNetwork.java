package io.synthscene.scenes.layout;

import io.synthscene.scenes.spec.LayoutSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The arms of a layout, placed in the world: the camera's default pose (origin, looking along -Z)
 * stands on the road, in the middle of it. A straight road runs from z = +{@value #BEHIND_METERS}
 * to the arm length ahead; a curve starts the same way and bends after {@code curve_start_m}; a
 * junction's centre is {@code junction_distance_m} ahead at (0, -D), with the {@code south} arm
 * coming from behind the camera, {@code north} leading on ahead, {@code east} to +X and
 * {@code west} to -X (a T-junction has no {@code north}).
 *
 * <p>Forward, for the lanes: along -Z on the main road (the camera's road: {@code main},
 * {@code south}, {@code north}, following the bend on a curve), away from the junction on the side
 * arms. Immutable; made once per scene.
 */
public final class RoadNetwork {
    /** The road starts this far behind the origin, so that a camera there sees no end of it. */
    public static final double BEHIND_METERS = 20;
    /** Longest segment of a bend's centre line. */
    static final double BEND_STEP_METERS = 2;

    private final LayoutSpec spec;
    private final List<Arm> arms;

    public RoadNetwork(LayoutSpec spec) {
        this.spec = spec;
        this.arms = List.copyOf(arms(spec));
    }

    public LayoutSpec spec() {
        return spec;
    }

    public List<Arm> arms() {
        return arms;
    }

    public Arm arm(String name) {
        return arms.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no arm " + name));
    }

    /** The junction's centre, z; only for layouts with a junction. */
    public double junctionZ() {
        return -spec.junctionDistanceMeters();
    }

    /**
     * The size of the corner squares at a junction (kerb and sidewalk width): the first this many
     * metres of each arm from the junction carry the crossing, not the arm's own kerbs.
     */
    public double mouthMeters() {
        return LayoutSpec.KERB_WIDTH_METERS + spec.sidewalkWidthMeters();
    }

    private static List<Arm> arms(LayoutSpec spec) {
        double j = spec.halfCarriagewayMeters();
        double c = -spec.junctionDistanceMeters();
        double l = spec.armLengthMeters();
        List<Arm> arms = new ArrayList<>();
        switch (spec.kind()) {
            case STRAIGHT -> arms.add(Arm.straight("main", 0, BEHIND_METERS, 0, -l, false, false));
            case CURVE -> arms.add(curve(spec));
            case T_JUNCTION, FOUR_WAY -> {
                arms.add(Arm.straight("south", 0, BEHIND_METERS, 0, c + j, false, true));
                if (spec.kind() == LayoutSpec.Kind.FOUR_WAY) {
                    arms.add(Arm.straight("north", 0, c - j, 0, c - j - l, true, false));
                }
                arms.add(Arm.straight("east", j, c, j + l, c, true, false));
                arms.add(Arm.straight("west", -j, c, -j - l, c, true, false));
            }
        }
        return arms;
    }

    /** Straight to the bend, the bend as chords of the centre-line arc, then straight to the arm's length. */
    private static Arm curve(LayoutSpec spec) {
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, BEHIND_METERS});
        points.add(new double[] {0, -spec.curveStartMeters()});
        double turn = Math.toRadians(spec.curveAngleDegrees());
        double arc = spec.curveRadiusMeters() * Math.abs(turn);
        int steps = Math.max(1, (int) Math.ceil(arc / BEND_STEP_METERS));
        double step = turn / steps;
        double chord = 2 * spec.curveRadiusMeters() * Math.sin(Math.abs(step) / 2);
        // heading as yaw: pi = -Z; a positive turn is to the left, as a positive yaw is
        double heading = Math.PI;
        double x = 0;
        double z = -spec.curveStartMeters();
        for (int i = 0; i < steps; i++) {
            double mid = heading + step * (i + 0.5);
            x += chord * Math.sin(mid);
            z += chord * Math.cos(mid);
            points.add(new double[] {x, z});
        }
        heading += turn;
        double rest = spec.armLengthMeters() - spec.curveStartMeters() - arc;
        points.add(new double[] {x + rest * Math.sin(heading), z + rest * Math.cos(heading)});
        double[] xs = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] zs = points.stream().mapToDouble(p -> p[1]).toArray();
        return new Arm("main", xs, zs, false, false);
    }
}
