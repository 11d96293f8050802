package io.synthscene.annotators.augment;

import io.synthscene.scenes.augment.AugmentVariant.GroundPlane;

/**
 * How much each pixel of a photo faces up, from its distances (a depth map, or the ground plane):
 * every pixel is placed in 3-D along its ray ({@link GroundCamera}), its normal is the cross product
 * of the steps to its neighbours, and the weight is {@code smoothstep(0.3, 0.9, n.y)} (n.y the
 * normal's upward component), the renderer's snow-cover weight (shaded.frag.glsl). Wet darkening
 * and snow cover on photos use it.
 *
 * <p>Across an edge between a near object and the far background the step to one neighbour is a
 * jump; of the two neighbours in each direction the one nearer in distance is used, so the normal
 * is the surface's on both sides of an edge. Limits: with the ground plane every pixel below the
 * horizon is ground (weight 1: objects standing on it are covered too) and every pixel above it is
 * "far" (weight 0); with a depth map, noise in the map is noise in the normals, and the camera's
 * pitch and field of view still come from the config's ground plane. Pixels with an infinite
 * distance (nothing measured) get 0. Stateless.
 */
public final class UpwardSurfaces {
    private UpwardSurfaces() {
    }

    /** @return one weight in [0, 1] per pixel, row-major, top row first */
    public static float[] of(float[] distancesM, int width, int height, GroundPlane plane) {
        if (distancesM.length != width * height) {
            throw new IllegalArgumentException(distancesM.length + " distances for " + width + "x" + height);
        }
        GroundCamera camera = GroundCamera.of(width, height, plane);
        float[] points = new float[3 * width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double[] ray = camera.ray(x + 0.5, y + 0.5);
                int p = y * width + x;
                double scale = distancesM[p] / Math.sqrt(ray[0] * ray[0] + ray[1] * ray[1] + ray[2] * ray[2]);
                for (int c = 0; c < 3; c++) {
                    points[3 * p + c] = (float) (ray[c] * scale);
                }
            }
        }
        float[] weights = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                if (!Float.isFinite(distancesM[p])) {
                    continue;
                }
                int alongX = nearer(distancesM, p, x > 0 ? p - 1 : -1, x < width - 1 ? p + 1 : -1);
                int alongY = nearer(distancesM, p, y > 0 ? p - width : -1, y < height - 1 ? p + width : -1);
                if (alongX < 0 || alongY < 0) {
                    continue;
                }
                // steps from p toward the chosen neighbours, signed so that they point right and down
                double sx = alongX > p ? 1 : -1;
                double sy = alongY > p ? 1 : -1;
                double[] u = new double[3];
                double[] v = new double[3];
                for (int c = 0; c < 3; c++) {
                    u[c] = sx * (points[3 * alongX + c] - points[3 * p + c]);
                    v[c] = sy * (points[3 * alongY + c] - points[3 * p + c]);
                }
                double nx = u[1] * v[2] - u[2] * v[1];
                double ny = u[2] * v[0] - u[0] * v[2];
                double nz = u[0] * v[1] - u[1] * v[0];
                double length = Math.sqrt(nx * nx + ny * ny + nz * nz);
                if (!(length > 0)) {
                    continue;
                }
                // face the camera: the normal points back along the ray
                double facing = nx * points[3 * p] + ny * points[3 * p + 1] + nz * points[3 * p + 2];
                double up = (facing > 0 ? -ny : ny) / length;
                weights[p] = (float) LinearPhoto.smoothstep(0.3, 0.9, up);
            }
        }
        return weights;
    }

    /** Of two neighbours (-1 = none), the one whose distance is nearer p's; -1 when neither is finite. */
    private static int nearer(float[] distances, int p, int a, int b) {
        boolean aUsable = a >= 0 && Float.isFinite(distances[a]);
        boolean bUsable = b >= 0 && Float.isFinite(distances[b]);
        if (!aUsable) {
            return bUsable ? b : -1;
        }
        if (!bUsable) {
            return a;
        }
        return Math.abs(distances[a] - distances[p]) <= Math.abs(distances[b] - distances[p]) ? a : b;
    }
}
