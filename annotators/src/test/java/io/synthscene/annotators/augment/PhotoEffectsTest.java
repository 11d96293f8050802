package io.synthscene.annotators.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.augment.AugmentVariant.Fog;
import io.synthscene.scenes.augment.AugmentVariant.GroundPlane;
import io.synthscene.scenes.spec.AugmentSpec.AnonymizeSpec;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Fog, ground-plane distances and anonymizing, on hand-made arrays with answers known in advance. */
class PhotoEffectsTest {
    private static final double DISTANCE_TOLERANCE_M = 1e-4;

    @Test
    void aLevelCameraSeesTheGroundBelowTheCentreRowAtHeightOverTheRaySlope() {
        // 100 x 100, hfov 90°: f = 50 px. Pixel (49, 74): ray (−0.01, 0.49, 1).
        float[] d = GroundPlaneDistances.of(100, 100, new GroundPlane(1.5, 0, 90, 1000));
        double expected = 1.5 / 0.49 * Math.sqrt(0.01 * 0.01 + 0.49 * 0.49 + 1);
        assertThat((double) d[74 * 100 + 49]).isCloseTo(expected, within(DISTANCE_TOLERANCE_M));
        assertThat(d[49 * 100 + 10]).as("the row above the centre is above the horizon").isEqualTo(1000f);
        assertThat(d[99 * 100 + 50]).as("the bottom row is nearest").isLessThan(d[60 * 100 + 50]);
    }

    @Test
    void pitchingDownMovesTheHorizonUpByFTimesTanPitch() {
        // f = 50, pitch 11.31° (tan = 0.2): the horizon is 10 px above the centre, between rows 39 and 40
        float[] d = GroundPlaneDistances.of(100, 100, new GroundPlane(2, Math.toDegrees(Math.atan(0.2)), 90, 500));
        assertThat(d[39 * 100 + 50]).isEqualTo(500f);
        assertThat(d[41 * 100 + 50]).isLessThan(500f);
    }

    @Test
    void fogFollowsKoschmiederOnLinearValues() {
        byte[] rgb = {(byte) 200, 100, 0, (byte) 200, 100, 0, (byte) 200, 100, 0};
        Fog fog = new Fog(391.2, new double[] {0.5, 0.5, 0.5}, null); // beta = 0.01 per metre
        byte[] fogged = PhotoFog.apply(rgb, new float[] {0, 100, Float.POSITIVE_INFINITY}, fog);
        assertThat(slice(fogged, 0)).containsExactly(200, 100, 0);
        double t = Math.exp(-1);
        for (int c = 0; c < 3; c++) {
            double j = Srgb.linear(rgb[c]);
            assertThat(slice(fogged, 1)[c]).isEqualTo(Srgb.encode(j * t + 0.5 * (1 - t)) & 0xFF);
        }
        int airlight = Srgb.encode(0.5) & 0xFF;
        assertThat(slice(fogged, 2)).containsExactly(airlight, airlight, airlight);
    }

    @Test
    void blurChangesOnlyMaskedPixelsAndFlattensThem() {
        int w = 40;
        int h = 30;
        byte[] rgb = noise(w, h);
        boolean[] mask = rectangle(w, h, 10, 5, 20, 15);
        byte[] out = RegionAnonymizer.apply(rgb, w, h, mask, new AnonymizeSpec(AnonymizeSpec.Method.BLUR, 6));
        assertUnchangedOutside(rgb, out, mask);
        assertThat(spread(out, mask)).isLessThan(spread(rgb, mask) / 4);
    }

    @Test
    void pixelateGivesEachBlockTheMeanOfItsMaskedPixels() {
        int w = 16;
        int h = 8;
        byte[] rgb = noise(w, h);
        boolean[] mask = rectangle(w, h, 2, 0, 8, 4); // inside the block x 0..7, y 0..7, partly
        byte[] out = RegionAnonymizer.apply(rgb, w, h, mask, new AnonymizeSpec(AnonymizeSpec.Method.PIXELATE, 8));
        assertUnchangedOutside(rgb, out, mask);
        long sum = 0;
        int count = 0;
        for (int p = 0; p < w * h; p++) {
            if (mask[p] && p % w < 8) {
                sum += rgb[3 * p] & 0xFF;
                count++;
            }
        }
        int mean = (int) Math.round(sum / (double) count);
        assertThat(out[3 * (2 * w + 3)] & 0xFF).isEqualTo(mean);
        assertThat(out[3 * (3 * w + 7)] & 0xFF).isEqualTo(mean);
    }

    private static int[] slice(byte[] rgb, int pixel) {
        return new int[] {rgb[3 * pixel] & 0xFF, rgb[3 * pixel + 1] & 0xFF, rgb[3 * pixel + 2] & 0xFF};
    }

    private static byte[] noise(int w, int h) {
        byte[] rgb = new byte[w * h * 3];
        new SplittableRandom(5).nextBytes(rgb);
        return rgb;
    }

    private static boolean[] rectangle(int w, int h, int x0, int y0, int x1, int y1) {
        boolean[] mask = new boolean[w * h];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                mask[y * w + x] = true;
            }
        }
        return mask;
    }

    private static void assertUnchangedOutside(byte[] before, byte[] after, boolean[] mask) {
        for (int p = 0; p < mask.length; p++) {
            if (!mask[p]) {
                for (int c = 0; c < 3; c++) {
                    assertThat(after[3 * p + c]).as("pixel %d outside the mask", p).isEqualTo(before[3 * p + c]);
                }
            }
        }
    }

    /** Standard deviation of the red channel over the mask. */
    private static double spread(byte[] rgb, boolean[] mask) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int p = 0; p < mask.length; p++) {
            if (mask[p]) {
                int v = rgb[3 * p] & 0xFF;
                sum += v;
                squares += v * v;
                n++;
            }
        }
        double mean = sum / n;
        return Math.sqrt(squares / n - mean * mean);
    }
}
