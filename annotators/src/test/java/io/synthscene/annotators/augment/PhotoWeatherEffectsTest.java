package io.synthscene.annotators.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.augment.AugmentVariant.GroundPlane;
import io.synthscene.scenes.augment.PhotoWeather.Glare;
import io.synthscene.scenes.augment.PhotoWeather.Night;
import io.synthscene.scenes.augment.PhotoWeather.Precipitation;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Rain, snow, wet and snow-covered surfaces, night grading and glare on hand-made images, with
 * answers known in advance: what must get brighter or darker, where, and in which direction.
 */
class PhotoWeatherEffectsTest {
    /** Levels an effect may differ from its formula: one rounding of the sRGB encoding. */
    private static final int LEVEL_TOLERANCE = 1;
    private static final int W = 160;
    private static final int H = 120;
    /** A level camera 1.5 m over the ground, 60° wide: the horizon is between rows 59 and 60. */
    private static final GroundPlane LEVEL = new GroundPlane(1.5, 0, 60, 1000);

    @Test
    void upwardSurfacesAreTheGroundBelowTheHorizonAndNotAWall() {
        float[] ground = UpwardSurfaces.of(GroundPlaneDistances.of(W, H, LEVEL), W, H, LEVEL);
        assertThat(ground[100 * W + 80]).isCloseTo(1f, within(1e-4f));
        assertThat(ground[H / 2 * W + 3]).isCloseTo(1f, within(1e-4f));
        assertThat(ground[20 * W + 80]).as("sky: far, facing the camera").isZero();
        // a wall 5 m ahead, square to the view axis: the distance along each ray is 5 / cos
        GroundCamera camera = GroundCamera.of(W, H, LEVEL);
        float[] wall = new float[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double[] ray = camera.ray(x + 0.5, y + 0.5);
                wall[y * W + x] = (float) (5 * Math.sqrt(ray[0] * ray[0] + ray[1] * ray[1] + ray[2] * ray[2]) / ray[2]);
            }
        }
        float[] weights = UpwardSurfaces.of(wall, W, H, LEVEL);
        for (float weight : weights) {
            assertThat(weight).isZero();
        }
    }

    @Test
    void fullyWetGroundIsHalvedInLinearLightAndTheSkyIsUntouched() {
        byte[] photo = texture(new SplittableRandom(1), 40, 220);
        float[] up = UpwardSurfaces.of(GroundPlaneDistances.of(W, H, LEVEL), W, H, LEVEL);
        byte[] wet = PhotoSurfaceWeather.apply(photo, up, rain(0.25, 1.0 / 60, LEVEL)); // wetness min(1, 4 x 0.25) = 1
        for (int p = 0; p < W * H; p++) {
            for (int c = 0; c < 3; c++) {
                int i = 3 * p + c;
                if (p / W < H / 2) {
                    assertThat(wet[i]).isEqualTo(photo[i]);
                } else {
                    int expected = Srgb.encode(Srgb.linear(photo[i]) * 0.5) & 0xFF;
                    assertThat(wet[i] & 0xFF).isBetween(expected - LEVEL_TOLERANCE, expected + LEVEL_TOLERANCE);
                }
            }
        }
    }

    @Test
    void fullSnowCoverWhitensTheGroundOnly() {
        byte[] photo = withWhitePatch(uniform(70));
        float[] up = UpwardSurfaces.of(GroundPlaneDistances.of(W, H, LEVEL), W, H, LEVEL);
        byte[] covered = PhotoSurfaceWeather.apply(photo, up, snow(0, 1, LEVEL));
        // a uniform ground: shade 1, so 0.9 x the photo's white (the patch: level 255, linear 1)
        int expected = Srgb.encode(PhotoSurfaceWeather.SNOW_ALBEDO) & 0xFF;
        assertThat(covered[3 * (100 * W + 80)] & 0xFF).isBetween(expected - LEVEL_TOLERANCE, expected + LEVEL_TOLERANCE);
        assertThat(covered[3 * (30 * W + 80)]).isEqualTo(photo[3 * (30 * W + 80)]);
    }

    @Test
    void rainStreaksBrightenPixelsInVerticalRunsWhenTheCameraIsLevel() {
        byte[] photo = withWhitePatch(uniform(60));
        float[] distances = GroundPlaneDistances.of(W, H, LEVEL);
        byte[] rainy = PhotoPrecipitation.apply(photo, W, H, distances, rain(0.5, 1.0 / 60, LEVEL), null);
        int[] brighter = difference(rainy, photo);
        int changed = 0;
        for (int p = 0; p < W * H; p++) {
            assertThat(brighter[p]).as("pixel %d", p).isGreaterThanOrEqualTo(0);
            changed += brighter[p] > 0 ? 1 : 0;
        }
        assertThat(changed).isGreaterThan(W * H / 50);
        // rain falls straight down; a level camera sees vertical streaks
        assertThat(neighbourProduct(brighter, 0, 1)).isGreaterThan(4 * neighbourProduct(brighter, 1, 0));
    }

    @Test
    void aLongerExposureDrawsLongerStreaks() {
        byte[] photo = withWhitePatch(uniform(60));
        float[] distances = GroundPlaneDistances.of(W, H, LEVEL);
        double shortRuns = meanVerticalRun(difference(
                PhotoPrecipitation.apply(photo, W, H, distances, rain(0.2, 1.0 / 500, LEVEL), null), photo));
        double longRuns = meanVerticalRun(difference(
                PhotoPrecipitation.apply(photo, W, H, distances, rain(0.2, 1.0 / 30, LEVEL), null), photo));
        assertThat(longRuns).isGreaterThan(3 * shortRuns);
    }

    @Test
    void aNearWallHidesTheParticlesBehindIt() {
        byte[] photo = withWhitePatch(uniform(60));
        float[] open = GroundPlaneDistances.of(W, H, LEVEL);
        float[] wall = new float[W * H];
        Arrays.fill(wall, 3f); // a wall 3 m away in every pixel
        Precipitation rain = rain(0.5, 1.0 / 60, LEVEL);
        int seenOpen = count(difference(PhotoPrecipitation.apply(photo, W, H, open, rain, null), photo));
        int seenWall = count(difference(PhotoPrecipitation.apply(photo, W, H, wall, rain, null), photo));
        assertThat(seenWall).isPositive().isLessThan(seenOpen / 3);
    }

    @Test
    void snowflakesAddNearWhitePixelsAndOnlyBrighten() {
        byte[] photo = withWhitePatch(uniform(60));
        float[] distances = GroundPlaneDistances.of(W, H, LEVEL);
        byte[] snowy = PhotoPrecipitation.apply(photo, W, H, distances, snow(0.5, 0, LEVEL), null);
        int[] brighter = difference(snowy, photo);
        int nearWhite = 0;
        int changed = 0;
        for (int p = 0; p < W * H; p++) {
            if (p % W < PATCH_W && p / W < PATCH_H) {
                continue; // flakes are 0.9 x the patch: they darken it
            }
            assertThat(brighter[p]).as("pixel %d", p).isGreaterThanOrEqualTo(0);
            changed += brighter[p] > 0 ? 1 : 0;
            // an opaque flake is 0.9 x the photo's white (the patch): level 243
            nearWhite += (snowy[3 * p + 1] & 0xFF) >= 235 ? 1 : 0;
        }
        assertThat(changed).isGreaterThan(W * H / 50);
        assertThat(nearWhite).isGreaterThan(10);
    }

    @Test
    void aFlakeIsADiscWhoseDiameterFallsWithItsDistance() {
        // 10° wide: f = 80 / tan 5° = 914 px; a 12 mm flake is 11.0 px across at 1 m, 5.5 px at 2 m
        GroundPlane narrow = new GroundPlane(1.5, 0, 10, 1000);
        double f = 80 / Math.tan(Math.toRadians(5));
        for (double distance : new double[] {1, 2}) {
            float[] linear = new float[W * H * 3];
            float[] far = new float[W * H];
            Arrays.fill(far, Float.POSITIVE_INFINITY);
            PhotoPrecipitation.Canvas canvas = new PhotoPrecipitation.Canvas(linear, W, H, far, GroundCamera.of(W, H, narrow), null);
            canvas.draw(0, 0, distance, 0, 0.012, 1, new double[] {1, 1, 1});
            int covered = 0;
            for (int p = 0; p < W * H; p++) {
                covered += linear[3 * p] == 1f ? 1 : 0;
            }
            double diameter = f * 0.012 / distance;
            assertThat((double) covered).as("pixels of a flake at %s m", distance)
                    .isCloseTo(Math.PI * diameter * diameter / 4, within(0.2 * Math.PI * diameter * diameter / 4));
            assertThat(linear[3 * (H / 2 * W + W / 2)]).as("its centre, on the optical axis").isEqualTo(1f);
        }
    }

    @Test
    void aStreakIsAsLongAsItsFallProjectedAtItsDistance() {
        // rain falls 9 m/s x 1/60 s = 15 cm; at 2 m ahead that is f x 0.15 / 2 = 68.6 px, at 4 m 34.3 px
        GroundPlane narrow = new GroundPlane(1.5, 0, 10, 1000);
        double f = 80 / Math.tan(Math.toRadians(5));
        for (double distance : new double[] {2, 4}) {
            float[] linear = new float[W * H * 3];
            float[] far = new float[W * H];
            Arrays.fill(far, Float.POSITIVE_INFINITY);
            PhotoPrecipitation.Canvas canvas = new PhotoPrecipitation.Canvas(linear, W, H, far, GroundCamera.of(W, H, narrow), null);
            canvas.draw(0, 0.05, distance, 0.15, 0.002, 0.3, new double[] {1, 1, 1});
            int top = H;
            int bottom = -1;
            for (int p = 0; p < W * H; p++) {
                if (linear[3 * p] > 0) {
                    top = Math.min(top, p / W);
                    bottom = Math.max(bottom, p / W);
                    assertThat(p % W).as("a vertical streak on the centre column").isBetween(W / 2 - 1, W / 2);
                }
            }
            assertThat((double) (bottom - top + 1)).isCloseTo(f * 0.15 / distance, within(2.0));
        }
    }

    @Test
    void sameKeySameParticlesAnotherKeyOthers() {
        byte[] photo = withWhitePatch(uniform(60));
        float[] distances = GroundPlaneDistances.of(W, H, LEVEL);
        Precipitation a = rain(0.3, 1.0 / 60, LEVEL);
        Precipitation b = new Precipitation(0.3, null, null, 1.0 / 60, LEVEL, 8);
        assertThat(PhotoPrecipitation.apply(photo, W, H, distances, a, null))
                .isEqualTo(PhotoPrecipitation.apply(photo, W, H, distances, a, null))
                .isNotEqualTo(PhotoPrecipitation.apply(photo, W, H, distances, b, null));
    }

    @Test
    void nightLowersLuminanceByTheStopsAndShiftsTowardBlue() {
        byte[] photo = texture(new SplittableRandom(2), 30, 200);
        Night night = new Night(-2, 0.7, 1, 0, 0); // no lamp reaches 1 in this photo: no lamps, no glow
        byte[] graded = PhotoNight.apply(photo, W, H, night);
        float[] before = LinearPhoto.decode(photo);
        float[] after = LinearPhoto.decode(graded);
        double luminanceBefore = 0;
        double luminanceAfter = 0;
        double blueMinusRedBefore = 0;
        double blueMinusRedAfter = 0;
        for (int p = 0; p < W * H; p++) {
            luminanceBefore += LinearPhoto.luminance(before, p);
            luminanceAfter += LinearPhoto.luminance(after, p);
            blueMinusRedBefore += before[3 * p + 2] - before[3 * p];
            blueMinusRedAfter += after[3 * p + 2] - after[3 * p];
        }
        // the tint keeps luminance; -2 EV quarters it (up to 8-bit rounding of dark values)
        assertThat(luminanceAfter / luminanceBefore).isCloseTo(0.25, within(0.01));
        // the texture's channels are alike on average; night makes blue clearly outweigh red
        assertThat(Math.abs(blueMinusRedBefore) / luminanceBefore).isLessThan(0.05);
        assertThat(blueMinusRedAfter / luminanceAfter).isGreaterThan(0.5);
    }

    @Test
    void nightOnGreyIsTheTintTimesTheGainPixelByPixel() {
        byte[] grey = uniform(150);
        byte[] graded = PhotoNight.apply(grey, W, H, new Night(-1, 1, 1, 0, 0));
        double luminance = Srgb.linear((byte) 150);
        for (int c = 0; c < 3; c++) {
            int expected = Srgb.encode(luminance * PhotoNight.NIGHT_TINT[c] * 0.5) & 0xFF;
            assertThat(graded[3 * 1234 + c] & 0xFF).isBetween(expected - LEVEL_TOLERANCE, expected + LEVEL_TOLERANCE);
        }
        assertThat(graded[3 * 1234 + 2] & 0xFF).isGreaterThan(graded[3 * 1234] & 0xFF);
    }

    @Test
    void lampsKeepTheirBrightnessAndGlowOntoTheDarkenedSurroundings() {
        byte[] photo = spot(uniform(120), 80, 60, 2);
        byte[] withoutGlow = PhotoNight.apply(photo, W, H, new Night(-4, 0.5, 0.8, 5, 0));
        byte[] withGlow = PhotoNight.apply(photo, W, H, new Night(-4, 0.5, 0.8, 5, 1));
        assertThat(withoutGlow[3 * (60 * W + 80)] & 0xFF).as("the lamp").isEqualTo(255);
        assertThat(withoutGlow[3 * (60 * W + 10)] & 0xFF).as("the dimmed wall").isLessThan(60);
        int previous = Integer.MAX_VALUE;
        for (int x = 84; x <= 100; x += 4) {
            int glow = (withGlow[3 * (60 * W + x) + 1] & 0xFF) - (withoutGlow[3 * (60 * W + x) + 1] & 0xFF);
            assertThat(glow).as("glow %d px from the lamp", x - 80).isLessThanOrEqualTo(previous);
            previous = glow;
        }
        assertThat((withGlow[3 * (60 * W + 84) + 1] & 0xFF) - (withoutGlow[3 * (60 * W + 84) + 1] & 0xFF)).isGreaterThan(5);
    }

    @Test
    void glareAroundTheBrightestSpotFallsMonotonicallyWithDistance() {
        byte[] photo = spot(uniform(30), 80, 60, 1);
        byte[] glared = PhotoGlare.apply(photo, W, H, new Glare(0.5, 0.1, 0.9, null, 0));
        int[] added = difference(glared, photo);
        int previous = Integer.MAX_VALUE;
        for (int x = 82; x < W; x++) {
            assertThat(added[60 * W + x]).as("x = %d", x).isLessThanOrEqualTo(previous).isGreaterThanOrEqualTo(0);
            previous = added[60 * W + x];
        }
        assertThat(added[60 * W + 84]).isGreaterThan(40);
        assertThat(added[60 * W + 84]).isGreaterThan(added[60 * W + 110] + 20);
        // symmetric: the same distance above and to the left brightens alike
        assertThat(added[40 * W + 80]).isCloseTo(added[60 * W + 60], within(LEVEL_TOLERANCE));
    }

    @Test
    void aGivenSunOffTheFrameStillBrightensTheNearSide() {
        byte[] photo = uniform(30);
        byte[] glared = PhotoGlare.apply(photo, W, H, new Glare(0.6, 0.2, 0.9, new double[] {-0.1, 0.5}, 0));
        int[] added = difference(glared, photo);
        for (int x = 1; x < W; x++) {
            assertThat(added[60 * W + x]).isLessThanOrEqualTo(added[60 * W + x - 1]);
        }
        assertThat(added[60 * W]).isGreaterThan(added[60 * W + W - 1] + 30);
    }

    @Test
    void theVeilLiftsBlacksByItsShareOfTheMeanLuminance() {
        byte[] photo = new byte[W * H * 3];
        for (int p = 0; p < W * H / 2; p++) {
            Arrays.fill(photo, 3 * p, 3 * p + 3, (byte) 255);
        }
        byte[] veiled = PhotoGlare.apply(photo, W, H, new Glare(0, 0.1, 0.9, null, 0.1));
        int expected = Srgb.encode(0.1 * 0.5) & 0xFF;
        assertThat(veiled[3 * (W * H - 1)] & 0xFF).isBetween(expected - LEVEL_TOLERANCE, expected + LEVEL_TOLERANCE);
        int white = Srgb.encode(0.9 + 0.05) & 0xFF;
        assertThat(veiled[0] & 0xFF).isBetween(white - LEVEL_TOLERANCE, white + LEVEL_TOLERANCE);
    }

    // --- helpers ---

    private static final int PATCH_W = 40;
    private static final int PATCH_H = 12;

    private static Precipitation rain(double intensity, double exposureS, GroundPlane camera) {
        return new Precipitation(intensity, null, null, exposureS, camera, 7);
    }

    private static Precipitation snow(double intensity, double cover, GroundPlane camera) {
        return new Precipitation(null, intensity, cover, 1.0 / 60, camera, 7);
    }

    private static byte[] uniform(int level) {
        byte[] rgb = new byte[W * H * 3];
        Arrays.fill(rgb, (byte) level);
        return rgb;
    }

    /** A white patch at the top left, more than 2 % of the image: the photo's white is then 1. */
    private static byte[] withWhitePatch(byte[] rgb) {
        for (int y = 0; y < PATCH_H; y++) {
            Arrays.fill(rgb, 3 * y * W, 3 * (y * W + PATCH_W), (byte) 255);
        }
        return rgb;
    }

    private static byte[] spot(byte[] rgb, int cx, int cy, int radius) {
        for (int y = cy - radius; y <= cy + radius; y++) {
            Arrays.fill(rgb, 3 * (y * W + cx - radius), 3 * (y * W + cx + radius + 1), (byte) 255);
        }
        return rgb;
    }

    private static byte[] texture(SplittableRandom random, int low, int high) {
        byte[] rgb = new byte[W * H * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) random.nextInt(low, high);
        }
        return rgb;
    }

    /** Green level after minus before, per pixel. */
    private static int[] difference(byte[] after, byte[] before) {
        int[] d = new int[W * H];
        for (int p = 0; p < d.length; p++) {
            d[p] = (after[3 * p + 1] & 0xFF) - (before[3 * p + 1] & 0xFF);
        }
        return d;
    }

    private static int count(int[] difference) {
        return (int) Arrays.stream(difference).filter(d -> d != 0).count();
    }

    private static double neighbourProduct(int[] d, int dx, int dy) {
        double sum = 0;
        for (int y = 0; y + dy < H; y++) {
            for (int x = 0; x + dx < W; x++) {
                sum += (double) d[y * W + x] * d[(y + dy) * W + x + dx];
            }
        }
        return sum;
    }

    private static double meanVerticalRun(int[] d) {
        int runs = 0;
        int pixels = 0;
        for (int x = 0; x < W; x++) {
            boolean inside = false;
            for (int y = 0; y < H; y++) {
                boolean on = d[y * W + x] > 0;
                if (on && !inside) {
                    runs++;
                }
                pixels += on ? 1 : 0;
                inside = on;
            }
        }
        return (double) pixels / runs;
    }

    /** {count of 4-connected blobs whose top pixel lies in rows [from, to), their total pixels}. */
    private static double[] blobSizes(boolean[] on, int from, int to) {
        boolean[] seen = new boolean[on.length];
        double blobs = 0;
        double pixels = 0;
        for (int start = 0; start < on.length; start++) {
            if (!on[start] || seen[start]) {
                continue;
            }
            int size = 0;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(start);
            seen[start] = true;
            while (!queue.isEmpty()) {
                int p = queue.poll();
                size++;
                int x = p % W;
                for (int q : new int[] {x > 0 ? p - 1 : -1, x < W - 1 ? p + 1 : -1, p - W, p + W}) {
                    if (q >= 0 && q < on.length && on[q] && !seen[q]) {
                        seen[q] = true;
                        queue.add(q);
                    }
                }
            }
            if (start / W >= from && start / W < to) {
                blobs++;
                pixels += size;
            }
        }
        return new double[] {blobs, pixels};
    }
}
