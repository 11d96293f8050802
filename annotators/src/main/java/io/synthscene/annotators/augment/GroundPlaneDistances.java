package io.synthscene.annotators.augment;

import io.synthscene.scenes.augment.AugmentVariant.GroundPlane;

/**
 * A distance for every pixel of a photo that has no depth map: the camera stands
 * {@code cameraHeightM} above flat, level ground, tilted down by {@code pitchDeg}, with a pinhole
 * of horizontal field of view {@code hfovDeg}, square pixels, principal point at the image centre,
 * no roll.
 *
 * <p>Pixel (x, y), y down, is looked at through its centre (x + 0.5, y + 0.5): camera-space ray
 * d = ((x + 0.5 − w/2) / f, (y + 0.5 − h/2) / f, 1) with f = (w/2) / tan(hfov/2), x right, y down,
 * z forward. Tilting the camera down by θ, the ray's downward component is
 * d_y cos θ + d_z sin θ; where it is positive the ray meets the ground after
 * s = height / down, at the distance s·|d| along the ray (what fog attenuates with, as the
 * renderer's fog does). Pixels on or above the horizon never meet the ground: they get
 * {@code farM}, as does any ground farther than that.
 *
 * <p>Limits, by construction: everything standing on the ground (cars, people, walls) is given the
 * distance of the ground behind its foot, that is too far, and more so the higher up it is; sky and
 * anything above the horizon is "far" and so fogs to pure airlight; a sloped road or a rolled
 * camera is not modelled. Give a depth map ({@code --depth}) when these matter. Stateless.
 */
public final class GroundPlaneDistances {
    private GroundPlaneDistances() {
    }

    /** @return metres per pixel, row-major, top row first */
    public static float[] of(int width, int height, GroundPlane camera) {
        double f = (width / 2.0) / Math.tan(Math.toRadians(camera.hfovDeg()) / 2);
        double pitch = Math.toRadians(camera.pitchDeg());
        double cos = Math.cos(pitch);
        double sin = Math.sin(pitch);
        float[] distances = new float[width * height];
        for (int y = 0; y < height; y++) {
            double dy = (y + 0.5 - height / 2.0) / f;
            double down = dy * cos + sin;
            for (int x = 0; x < width; x++) {
                double distance = camera.farM();
                if (down > 0) {
                    double dx = (x + 0.5 - width / 2.0) / f;
                    double along = camera.cameraHeightM() / down * Math.sqrt(dx * dx + dy * dy + 1);
                    distance = Math.min(along, camera.farM());
                }
                distances[y * width + x] = (float) distance;
            }
        }
        return distances;
    }
}
