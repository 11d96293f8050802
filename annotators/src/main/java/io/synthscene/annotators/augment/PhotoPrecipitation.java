package io.synthscene.annotators.augment;

import io.synthscene.scenes.augment.AugmentVariant.Fog;
import io.synthscene.scenes.augment.PhotoWeather.Precipitation;
import io.synthscene.scenes.frame.Weather;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Falling rain and snow drawn over a photo as the renderer draws them over a scene, on the CPU: the
 * same particles in 3-D ({@link Weather}'s constants: a cube of half side
 * {@link Weather#PARTICLE_VOLUME_HALF_SIDE_METERS} around the camera above the ground, up to
 * {@link Weather#MAX_RAIN_STREAKS} streaks and {@link Weather#MAX_SNOWFLAKES} flakes at intensity 1,
 * the fall speeds, widths and opacities), seen through the variant's ground-plane camera
 * ({@link GroundCamera}).
 *
 * <p>Each particle is the path it falls while the shutter is open ({@code fall speed x
 * exposure_time_s}, straight down, stopped at the ground), projected in perspective: far
 * particles are short and thin, near ones long and wide. The path is sampled every half pixel; each
 * pixel it covers (a disc of the particle's projected width, or the one pixel under it when the
 * width is below a pixel, the opacity then thinned by the width, as the renderer does) is blended
 * once per particle with the particle's opacity, unless the photo's own distance there
 * (a depth map or the ground plane) is shorter than the particle's: the scene hides it.
 *
 * <p>Colours: rain is the photo's white ({@link LinearPhoto#white}) times
 * {@link #RAIN_BRIGHTNESS} (drops refract the bright sky into the lens; the renderer uses its sky),
 * snow is {@link PhotoSurfaceWeather#SNOW_ALBEDO} times the white. With fog, a particle's colour is
 * fogged by its own distance. Positions come from the variant's particle key alone. Touches colour
 * only. Stateless.
 */
public final class PhotoPrecipitation {
    /** Rain streaks are the photo's white times this (then clipped at 1), as the renderer's are its sky times 1.5. */
    public static final double RAIN_BRIGHTNESS = 1.5;
    /** Particles whose path comes nearer the camera plane than this are cut there, metres (the renderer's near limit). */
    static final double NEAR_METERS = 0.2;

    private PhotoPrecipitation() {
    }

    /**
     * @param rgb        sRGB bytes, R, G, B, row-major, top row first; not modified
     * @param distancesM the photo's distance per pixel, metres (+infinity: nothing there)
     * @param fog        the variant's fog, or null
     * @return a new image of the same layout
     */
    public static byte[] apply(byte[] rgb, int width, int height, float[] distancesM, Precipitation precipitation, Fog fog) {
        if (rgb.length != width * height * 3L || distancesM.length != width * height) {
            throw new IllegalArgumentException(rgb.length + " colour bytes and " + distancesM.length + " distances for "
                    + width + "x" + height);
        }
        Weather weather = precipitation.particles();
        float[] linear = LinearPhoto.decode(rgb);
        double[] white = LinearPhoto.white(linear);
        Canvas canvas = new Canvas(linear, width, height, distancesM, GroundCamera.of(width, height, precipitation.groundPlane()), fog);
        SplittableRandom random = new SplittableRandom(precipitation.particleKey());
        double exposure = weather.exposureTimeSeconds();
        double[] rain = new double[3];
        double[] snow = new double[3];
        for (int c = 0; c < 3; c++) {
            rain[c] = Math.min(1, RAIN_BRIGHTNESS * white[c]);
            snow[c] = PhotoSurfaceWeather.SNOW_ALBEDO * white[c];
        }
        for (int i = 0; i < weather.rainStreaks(); i++) {
            canvas.particle(random, Weather.RAIN_FALL_SPEED_M_PER_S * exposure, Weather.RAIN_STREAK_WIDTH_METERS,
                    Weather.RAIN_OPACITY, rain);
        }
        for (int i = 0; i < weather.snowflakes(); i++) {
            canvas.particle(random, Weather.SNOW_FALL_SPEED_M_PER_S * exposure, Weather.SNOWFLAKE_DIAMETER_METERS,
                    Weather.SNOW_OPACITY, snow);
        }
        return LinearPhoto.encode(linear);
    }

    /** The image being drawn into (linear, drawn in place), with what every particle needs. */
    static final class Canvas {
        private final float[] linear;
        private final int width;
        private final int height;
        private final float[] distances;
        private final GroundCamera camera;
        private final Fog fog;
        /** The last particle that blended each pixel: a particle covers a pixel once. */
        private final int[] owner;
        private int particle;

        Canvas(float[] linear, int width, int height, float[] distances, GroundCamera camera, Fog fog) {
            this.linear = linear;
            this.width = width;
            this.height = height;
            this.distances = distances;
            this.camera = camera;
            this.fog = fog;
            this.owner = new int[width * height];
            Arrays.fill(owner, -1);
        }

        /** Draws one particle at a uniform place in the volume; draws its three coordinates even when unseen. */
        void particle(SplittableRandom random, double fallM, double widthM, double opacity, double[] colour) {
            double half = Weather.PARTICLE_VOLUME_HALF_SIDE_METERS;
            double h = camera.cameraHeightM();
            double x = random.nextDouble(-half, half);
            double bottom = Math.max(0, h - half);
            double y = bottom + random.nextDouble() * (h + half - bottom) - h; // relative to the camera
            double z = random.nextDouble(-half, half);
            draw(x, y, z, fallM, widthM, opacity, colour);
        }

        /**
         * Draws one particle whose path starts at (x, y, z) relative to the camera, world axes
         * ({@link GroundCamera}), and falls {@code fallM} metres.
         */
        void draw(double x, double y, double z, double fallM, double widthM, double opacity, double[] colour) {
            double h = camera.cameraHeightM();
            int id = particle++;
            double endY = Math.max(y - fallM, -h); // stops at the ground
            double[] a = {x, y, z};
            double[] b = {x, endY, z};
            double depthA = camera.viewDepth(a[0], a[1], a[2]);
            double depthB = camera.viewDepth(b[0], b[1], b[2]);
            if (depthA < NEAR_METERS && depthB < NEAR_METERS) {
                return;
            }
            // cut the path at the near plane
            if (depthA < NEAR_METERS || depthB < NEAR_METERS) {
                double t = (NEAR_METERS - depthA) / (depthB - depthA);
                double[] cut = {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), a[2] + t * (b[2] - a[2])};
                if (depthA < NEAR_METERS) {
                    a = cut;
                } else {
                    b = cut;
                }
            }
            double lengthPx = Math.hypot(camera.pixelX(b[0], b[1], b[2]) - camera.pixelX(a[0], a[1], a[2]),
                    camera.pixelY(b[0], b[1], b[2]) - camera.pixelY(a[0], a[1], a[2]));
            if (!(lengthPx < 4.0 * (width + height))) {
                return; // a path seen almost end-on through the near plane: nothing sensible to draw
            }
            int steps = Math.max(1, (int) Math.ceil(2 * lengthPx));
            for (int s = 0; s <= steps; s++) {
                double t = (double) s / steps;
                double px = a[0] + t * (b[0] - a[0]);
                double py = a[1] + t * (b[1] - a[1]);
                double pz = a[2] + t * (b[2] - a[2]);
                double depth = camera.viewDepth(px, py, pz);
                double u = camera.pixelX(px, py, pz);
                double v = camera.pixelY(px, py, pz);
                double widthPx = camera.focalPx() * widthM / depth;
                double distance = Math.sqrt(px * px + py * py + pz * pz);
                if (widthPx < 1) {
                    blend((int) Math.floor(u), (int) Math.floor(v), id, distance, opacity * widthPx, colour);
                } else {
                    double r = widthPx / 2;
                    for (int j = (int) Math.floor(v - r); j <= (int) Math.floor(v + r); j++) {
                        for (int i = (int) Math.floor(u - r); i <= (int) Math.floor(u + r); i++) {
                            double du = i + 0.5 - u;
                            double dv = j + 0.5 - v;
                            if (du * du + dv * dv <= r * r) {
                                blend(i, j, id, distance, opacity, colour);
                            }
                        }
                    }
                }
            }
        }

        private void blend(int i, int j, int id, double distanceM, double alpha, double[] colour) {
            if (i < 0 || j < 0 || i >= width || j >= height) {
                return;
            }
            int p = j * width + i;
            if (owner[p] == id || !(distanceM < distances[p])) {
                return;
            }
            owner[p] = id;
            double t = fog == null ? 1 : Math.exp(-fog.extinctionPerMeter() * distanceM);
            for (int c = 0; c < 3; c++) {
                double seen = fog == null ? colour[c] : colour[c] * t + fog.airlight()[c] * (1 - t);
                linear[3 * p + c] += (float) ((seen - linear[3 * p + c]) * alpha);
            }
        }
    }
}
