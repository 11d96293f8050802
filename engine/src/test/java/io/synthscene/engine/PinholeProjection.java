package io.synthscene.engine;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Vec3;

/**
 * The expected answers, worked out on the CPU from the camera's OpenCV description only
 * ({@link Camera#intrinsics()}, {@link Camera#cameraToWorld()}): x right, y down, z forward,
 * pixel origin at the top-left corner, pixel centres at +0.5. Nothing here uses the engine's
 * matrices, so agreement is a real check of the conventions.
 */
final class PinholeProjection {
    private final double[][] k;
    private final double[][] camToWorld;

    PinholeProjection(Camera camera) {
        this.k = camera.intrinsics();
        this.camToWorld = camera.cameraToWorld();
    }

    /** World point to OpenCV camera coordinates (R^T (p - t)). */
    double[] toCamera(Vec3 p) {
        double dx = p.x() - camToWorld[0][3];
        double dy = p.y() - camToWorld[1][3];
        double dz = p.z() - camToWorld[2][3];
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            c[i] = camToWorld[0][i] * dx + camToWorld[1][i] * dy + camToWorld[2][i] * dz;
        }
        return c;
    }

    /** {u, v, z}: pixel coordinates and the depth along the viewing axis, metres. */
    double[] project(Vec3 p) {
        double[] c = toCamera(p);
        return new double[] {k[0][0] * c[0] / c[2] + k[0][2], k[1][1] * c[1] / c[2] + k[1][2], c[2]};
    }

    /**
     * Depth along the viewing axis where the ray through the centre of pixel (x, y) meets the
     * ground plane y = 0, or +infinity when the ray points level or up.
     */
    double groundDepthAt(int x, int y) {
        // Ray in camera coordinates with z = 1: its parameter t is then the depth itself.
        double cx = (x + 0.5 - k[0][2]) / k[0][0];
        double cy = (y + 0.5 - k[1][2]) / k[1][1];
        double worldDy = camToWorld[1][0] * cx + camToWorld[1][1] * cy + camToWorld[1][2];
        if (worldDy >= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return -camToWorld[1][3] / worldDy;
    }

    /** {xmin, ymin, xmax, ymax} of the pixels whose centres lie inside the projection of the given points' box. */
    static int[] pixelsCovered(double uMin, double vMin, double uMax, double vMax) {
        // Centre x + 0.5 strictly inside (uMin, uMax).
        return new int[] {(int) Math.ceil(uMin - 0.5), (int) Math.ceil(vMin - 0.5),
                (int) Math.floor(uMax - 0.5), (int) Math.floor(vMax - 0.5)};
    }

    /** {uMin, vMin, uMax, vMax} of the projections of the eight corners of an axis-aligned world box. */
    double[] projectedExtent(double x0, double y0, double z0, double x1, double y1, double z1) {
        double[] e = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double x : new double[] {x0, x1}) {
            for (double y : new double[] {y0, y1}) {
                for (double z : new double[] {z0, z1}) {
                    double[] uv = project(new Vec3(x, y, z));
                    e[0] = Math.min(e[0], uv[0]);
                    e[1] = Math.min(e[1], uv[1]);
                    e[2] = Math.max(e[2], uv[0]);
                    e[3] = Math.max(e[3], uv[1]);
                }
            }
        }
        return e;
    }
}
