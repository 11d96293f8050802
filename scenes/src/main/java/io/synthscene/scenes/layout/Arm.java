package io.synthscene.scenes.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * One road of a layout: a centre line (a polyline on the ground; a curve is a chain of short
 * straight segments) with a forward direction. "Right" is the right-hand side seen travelling
 * forward: with right-hand traffic its lanes carry traffic forward and the left ones oncoming.
 * Positions along it are metres of centre line from its first point. Immutable; made by
 * {@link RoadNetwork}.
 *
 * @param junctionAtStart whether its first point touches the junction (arms leading away from it)
 */
public record Arm(String name, double[] xs, double[] zs, boolean junctionAtStart, boolean junctionAtEnd) {

    public Arm {
        xs = xs.clone();
        zs = zs.clone();
        if (xs.length < 2 || xs.length != zs.length) {
            throw new IllegalArgumentException("an arm needs two points or more");
        }
    }

    /** A straight arm from (x0, z0) to (x1, z1). */
    static Arm straight(String name, double x0, double z0, double x1, double z1, boolean junctionAtStart, boolean junctionAtEnd) {
        return new Arm(name, new double[] {x0, x1}, new double[] {z0, z1}, junctionAtStart, junctionAtEnd);
    }

    public double length() {
        double total = 0;
        for (int i = 0; i + 1 < xs.length; i++) {
            total += segmentLength(i);
        }
        return total;
    }

    /** Position along the arm of a point {@code d} metres from its junction end (from its start when it has none). */
    public double fromJunction(double d) {
        return junctionAtEnd ? length() - d : d;
    }

    /**
     * The rectangles covering the band from {@code from} to {@code to} along the arm and from
     * {@code left} to {@code right} across it (metres right of the centre line; negative = left),
     * one per segment it crosses. At a bend the pieces are lengthened into each other so that the
     * outer side of the bend shows no wedge-shaped gap (the overlap lies in the same surface).
     */
    public List<RoadRect> band(double from, double to, double across0, double across1) {
        double a = Math.min(from, to);
        double b = Math.max(from, to);
        double left = Math.min(across0, across1);
        double right = Math.max(across0, across1);
        List<RoadRect> rects = new ArrayList<>();
        double start = 0;
        for (int i = 0; i + 1 < xs.length; i++) {
            double length = segmentLength(i);
            double s0 = Math.max(a, start);
            double s1 = Math.min(b, start + length);
            if (s1 > s0) {
                double grow0 = s0 == start && i > 0 ? overlap(i - 1, i, left, right) : 0;
                double grow1 = s1 == start + length && i + 2 < xs.length ? overlap(i, i + 1, left, right) : 0;
                double heading = headingDegrees(i);
                double mid = (s0 - grow0 + s1 + grow1) / 2 - start;
                RoadRect axis = new RoadRect(xs[i], zs[i], heading, 0, 0);
                double[] c = axis.point(mid, (left + right) / 2);
                rects.add(new RoadRect(c[0], c[1], heading, right - left, s1 + grow1 - s0 + grow0));
            }
            start += length;
        }
        return rects;
    }

    /** Heading of segment i in degrees, as an object's yaw: 0 = +Z, 90 = +X. */
    double headingDegrees(int i) {
        return Math.toDegrees(Math.atan2(xs[i + 1] - xs[i], zs[i + 1] - zs[i]));
    }

    private double segmentLength(int i) {
        return Math.hypot(xs[i + 1] - xs[i], zs[i + 1] - zs[i]);
    }

    /** How far the pieces of a band must reach into each other at the joint of two segments. */
    private double overlap(int i, int j, double left, double right) {
        double turn = Math.toRadians(Math.abs(headingDegrees(j) - headingDegrees(i)));
        turn = Math.min(turn, 2 * Math.PI - turn);
        return Math.max(Math.abs(left), Math.abs(right)) * Math.tan(turn / 2) + 0.01;
    }
}
