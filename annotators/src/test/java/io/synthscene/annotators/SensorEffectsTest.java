package io.synthscene.annotators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Sensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Known answers for each sensor effect on hand-made images. */
class SensorEffectsTest {
    private static final int W = 64;
    private static final int H = 48;
    /** One 8-bit level: the rounding of the result. */
    private static final double LEVEL = 1 / 255.0;
    /** Sample std against the requested one, relative (W·H·3 = 9216 draws: the standard error is under 1 %). */
    private static final double STD_RELATIVE = 0.03;
    /** A bilinearly resampled line's centre against the formula, pixels (sampling and 8-bit rounding). */
    private static final double CENTROID_PIXELS = 0.1;

    private static byte[] flat(int level) {
        byte[] rgb = new byte[3 * W * H];
        Arrays.fill(rgb, (byte) level);
        return rgb;
    }

    private static double linear(byte b) {
        return SensorEffects.decode((b & 0xFF) / 255.0);
    }

    private static Sensor sensor(double ev, double kelvin, double vignetting, double photons, double std) {
        return new Sensor(ev, kelvin, vignetting, 0, 0, photons, std);
    }

    @Test
    void noEffectLeavesEveryByteAsRendered() {
        byte[] ramp = new byte[3 * W * H];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (byte) i;
        }
        assertThat(SensorEffects.apply(Sensor.NONE, ramp, W, H, new SplittableRandom(1))).isEqualTo(ramp);
    }

    @Test
    void plusOneStopDoublesLinearValuesAndMinusOneHalvesThem() {
        for (int level : new int[] {40, 90, 140}) {
            double in = SensorEffects.decode(level / 255.0);
            byte[] brighter = SensorEffects.apply(sensor(1, Sensor.NEUTRAL_KELVIN, 0, 0, 0), flat(level), W, H, null);
            byte[] darker = SensorEffects.apply(sensor(-1, Sensor.NEUTRAL_KELVIN, 0, 0, 0), flat(level), W, H, null);
            // the result is rounded to a level: compare in level units around the expected value
            assertThat(SensorEffects.encode(linear(brighter[0])) * 255)
                    .isCloseTo(SensorEffects.encode(2 * in) * 255, within(0.5));
            assertThat(SensorEffects.encode(linear(darker[7])) * 255)
                    .isCloseTo(SensorEffects.encode(in / 2) * 255, within(0.5));
        }
    }

    @Test
    void vignettingLeavesTheCentreAndDarkensTheCornersByTheFormula() {
        double v = 0.4;
        byte[] out = SensorEffects.apply(sensor(0, Sensor.NEUTRAL_KELVIN, v, 0, 0), flat(200), W, H, null);
        double in = SensorEffects.decode(200 / 255.0);
        int centre = 3 * ((H / 2) * W + W / 2);
        assertThat(out[centre] & 0xFF).isEqualTo(200);
        // corner pixel (0, 0): centre at (0.5, 0.5), r² / r_corner² = ((W-1)² + (H-1)²) / (W² + H²)
        double factor = 1 - v * (Math.pow(W - 1, 2) + Math.pow(H - 1, 2)) / (Math.pow(W, 2) + Math.pow(H, 2));
        int expected = (int) Math.round(SensorEffects.encode(in * factor) * 255);
        for (int corner : new int[] {0, 3 * (W - 1), 3 * (W * (H - 1)), 3 * (W * H - 1)}) {
            assertThat(out[corner] & 0xFF).as("corner at byte %d", corner).isEqualTo(expected);
        }
        assertThat(expected).isLessThan(170);
    }

    @Test
    void whiteBalanceIsNeutralAtD65AndTungstenSettingsTurnGreyBlue() {
        assertThat(SensorEffects.whiteBalanceGains(Sensor.NEUTRAL_KELVIN)).containsExactly(1, 1, 1);
        byte[] out = SensorEffects.apply(sensor(0, 3200, 0, 0, 0), flat(100), W, H, null);
        int r = out[0] & 0xFF;
        int g = out[1] & 0xFF;
        int b = out[2] & 0xFF;
        assertThat(g).isEqualTo(100);
        assertThat(b).isGreaterThan(g + 20);
        assertThat(r).isLessThan(g - 10);
        double[] gains = SensorEffects.whiteBalanceGains(3200);
        assertThat(linear(out[2])).isCloseTo(SensorEffects.decode(100 / 255.0) * gains[2], within(0.01));
    }

    @Test
    void gaussianNoiseHasTheRequestedStdOverFlatGrey() {
        double std = 6;
        byte[] out = SensorEffects.apply(sensor(0, Sensor.NEUTRAL_KELVIN, 0, 0, std), flat(128), W, H,
                new SplittableRandom(42));
        double[] stats = meanAndStd(out);
        assertThat(stats[0]).isCloseTo(128, within(0.3));
        // rounding to levels adds 1/12 of a level² of variance
        assertThat(stats[1]).isCloseTo(Math.sqrt(std * std + 1 / 12.0), within(std * STD_RELATIVE));
    }

    @Test
    void shotNoiseHasThePoissonStdOfThePhotonCount() {
        double photons = 400; // grey 128 is linear 0.216: 86 photons, std 9.3, i.e. about 0.023 linear
        byte[] out = SensorEffects.apply(sensor(0, Sensor.NEUTRAL_KELVIN, 0, photons, 0), flat(128), W, H,
                new SplittableRandom(7));
        double mean = SensorEffects.decode(128 / 255.0);
        double[] linearValues = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            linearValues[i] = linear(out[i]);
        }
        double m = Arrays.stream(linearValues).average().orElseThrow();
        double var = Arrays.stream(linearValues).map(x -> (x - m) * (x - m)).sum() / (linearValues.length - 1);
        assertThat(m).isCloseTo(mean, within(2 * LEVEL));
        assertThat(Math.sqrt(var)).isCloseTo(Math.sqrt(mean * photons) / photons, within(0.1 * Math.sqrt(mean * photons) / photons));
    }

    @Test
    void theSameGeneratorGivesTheSameBytesAndAnotherOneOtherBytes() {
        Sensor noisy = new Sensor(0.3, 5000, 0.2, 1.2, 1.5, 300, 3);
        byte[] a = SensorEffects.apply(noisy, flat(120), W, H, new SplittableRandom(9));
        byte[] b = SensorEffects.apply(noisy, flat(120), W, H, new SplittableRandom(9));
        byte[] c = SensorEffects.apply(noisy, flat(120), W, H, new SplittableRandom(10));
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void blurLeavesAFlatImageAndSpreadsABrightPixelByTheGaussianWeights() {
        Sensor blurry = new Sensor(0, Sensor.NEUTRAL_KELVIN, 0, 1.5, 0, 0, 0);
        assertThat(SensorEffects.apply(blurry, flat(90), W, H, null)).isEqualTo(flat(90));

        byte[] dot = flat(0);
        int cx = 20;
        int cy = 16;
        Arrays.fill(dot, 3 * (cy * W + cx), 3 * (cy * W + cx) + 3, (byte) 255);
        byte[] out = SensorEffects.apply(blurry, dot, W, H, null);
        double[] kernel = SensorEffects.gaussianKernel(1.5);
        int r = kernel.length / 2;
        assertThat(kernel[r]).isCloseTo(1 / (Math.sqrt(2 * Math.PI) * 1.5), within(0.002));
        // linear 1 spread over the separable kernel: pixel (cx + i, cy + j) gets kernel[i] · kernel[j]
        for (int[] offset : new int[][] {{0, 0}, {1, 0}, {0, 2}, {2, 2}, {-3, 1}}) {
            int i = 3 * ((cy + offset[1]) * W + cx + offset[0]);
            double expected = kernel[r + offset[0]] * kernel[r + offset[1]];
            assertThat(SensorEffects.encode(linear(out[i + 1])) * 255).as("offset %s", Arrays.toString(offset))
                    .isCloseTo(SensorEffects.encode(expected) * 255, within(0.5));
        }
        assertThat(out[3 * (cy * W + cx + 6)]).as("beyond 3 sigma").isZero();
    }

    @Test
    void chromaticAberrationMovesRedOutAndBlueInByTheFormulaAndLeavesGreen() {
        // corner distance r_corner = hypot(32, 24) = 40: 4 px at the corner is a 10 % magnification
        Sensor lens = new Sensor(0, Sensor.NEUTRAL_KELVIN, 0, 0, 4, 0, 0);
        int lineX = 50; // centre at 50.5, 18.5 px right of the image centre
        byte[] line = flat(0);
        for (int y = 0; y < H; y++) {
            Arrays.fill(line, 3 * (y * W + lineX), 3 * (y * W + lineX) + 3, (byte) 255);
        }
        byte[] out = SensorEffects.apply(lens, line, W, H, null);
        int row = H / 2;
        assertThat(centroid(out, row, 1)).isEqualTo(lineX);
        // red at output x samples the input at 32 + (x + 0.5 - 32) · 0.9: the line appears at 32 + 18.5 / 0.9
        assertThat(centroid(out, row, 0) + 0.5).isCloseTo(32 + 18.5 / 0.9, within(CENTROID_PIXELS));
        assertThat(centroid(out, row, 2) + 0.5).isCloseTo(32 + 18.5 / 1.1, within(CENTROID_PIXELS));
    }

    /** Where the linear light of channel c along one row is centred, in pixel indices. */
    private static double centroid(byte[] rgb, int row, int c) {
        double sum = 0;
        double weighted = 0;
        for (int x = 0; x < W; x++) {
            double v = linear(rgb[3 * (row * W + x) + c]);
            sum += v;
            weighted += v * x;
        }
        return weighted / sum;
    }

    private static double[] meanAndStd(byte[] bytes) {
        double sum = 0;
        for (byte v : bytes) {
            sum += v & 0xFF;
        }
        double mean = sum / bytes.length;
        double squares = 0;
        for (byte v : bytes) {
            squares += Math.pow((v & 0xFF) - mean, 2);
        }
        return new double[] {mean, Math.sqrt(squares / (bytes.length - 1))};
    }
}
