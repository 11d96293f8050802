package io.synthscene.annotators.augment;

import io.synthscene.scenes.augment.AugmentVariant.GroundPlane;

/**
 * The pinhole camera of {@link GroundPlaneDistances} (horizontal field of view, principal point at
 * the image centre, square pixels, no roll, pitched down by {@code pitchDeg}, {@code cameraHeightM}
 * above flat ground), as a mapping between pixels and directions in the world.
 *
 * <p>World axes: X right, Y up, Z forward along the ground; the camera sits at (0, height, 0).
 * Camera axes: x right, y down (image rows), z along the view. Pixel coordinates are continuous,
 * pixel (i, j) covering [i, i + 1) x [j, j + 1), its centre at (i + 0.5, j + 0.5).
 * Immutable.
 */
record GroundCamera(int width, int height, double focalPx, double cos, double sin, double cameraHeightM) {

    static GroundCamera of(int width, int height, GroundPlane plane) {
        double f = (width / 2.0) / Math.tan(Math.toRadians(plane.hfovDeg()) / 2);
        double pitch = Math.toRadians(plane.pitchDeg());
        return new GroundCamera(width, height, f, Math.cos(pitch), Math.sin(pitch), plane.cameraHeightM());
    }

    /** The world direction (not unit length) through the continuous pixel position (px, py). */
    double[] ray(double px, double py) {
        double dx = (px - width / 2.0) / focalPx;
        double dy = (py - height / 2.0) / focalPx;
        // camera x = (1, 0, 0), y = (0, -cos, -sin), z = (0, -sin, cos) in world axes
        return new double[] {dx, -dy * cos - sin, -dy * sin + cos};
    }

    /** Depth along the view axis of a point given relative to the camera, in world axes. */
    double viewDepth(double x, double y, double z) {
        return -y * sin + z * cos;
    }

    /** Continuous pixel x of a point in front of the camera (relative to it, world axes). */
    double pixelX(double x, double y, double z) {
        return focalPx * x / viewDepth(x, y, z) + width / 2.0;
    }

    /** Continuous pixel y (down) of a point in front of the camera. */
    double pixelY(double x, double y, double z) {
        return focalPx * (-y * cos - z * sin) / viewDepth(x, y, z) + height / 2.0;
    }
}
