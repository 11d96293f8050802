package io.synthscene.scenes.layout;

/**
 * A rectangle on the ground, in world metres: its centre (x, z), the heading its length runs along
 * (degrees, the same convention as an object's yaw: 0 = +Z, 90 = +X, so an asset at this yaw has
 * its front along the length), its width across and its length along. Immutable.
 */
public record RoadRect(double centerX, double centerZ, double headingDegrees, double widthMeters, double lengthMeters) {

    /**
     * The world point at {@code along} metres from the centre in the heading's direction and
     * {@code right} metres to the right of it (seen travelling along the heading, +Y up): {x, z}.
     */
    public double[] point(double along, double right) {
        double h = Math.toRadians(headingDegrees);
        double dx = Math.sin(h);
        double dz = Math.cos(h);
        // right of (dx, dz) with +Y up is (-dz, dx): heading -Z has +X on its right
        return new double[] {centerX + along * dx - right * dz, centerZ + along * dz + right * dx};
    }

    /** Whether the world point (x, z) lies inside, edges included, to within {@code slack} metres. */
    public boolean contains(double x, double z, double slack) {
        double h = Math.toRadians(headingDegrees);
        double ox = x - centerX;
        double oz = z - centerZ;
        double along = ox * Math.sin(h) + oz * Math.cos(h);
        double right = -ox * Math.cos(h) + oz * Math.sin(h);
        return Math.abs(along) <= lengthMeters / 2 + slack && Math.abs(right) <= widthMeters / 2 + slack;
    }

    public double area() {
        return widthMeters * lengthMeters;
    }
}
