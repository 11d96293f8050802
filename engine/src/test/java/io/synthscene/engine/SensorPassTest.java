package io.synthscene.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Sensor;
import io.synthscene.scenes.frame.Shadows;
import io.synthscene.scenes.frame.Vec3;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The camera sensor on the GPU, effect by effect, against answers computed here on hand-made
 * images (through {@link Renderer#applySensor}), and the rendered path against the upload path.
 */
class SensorPassTest {
    private static final int W = 64;
    private static final int H = 48;
    private static final long SEED = 1234L;
    private static Renderer renderer;

    @BeforeAll
    static void open() {
        renderer = Renderer.open(DevicePreference.CPU, W, H, 1, TestFrames.BOXES);
    }

    @AfterAll
    static void close() {
        renderer.close();
    }

    private static byte[] flat(int level) {
        byte[] rgb = new byte[3 * W * H];
        Arrays.fill(rgb, (byte) level);
        return rgb;
    }

    private static byte[] ramp() {
        byte[] rgb = new byte[3 * W * H];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) i;
        }
        return rgb;
    }

    private static int level(byte[] rgb, int x, int y, int c) {
        return rgb[3 * (y * W + x) + c] & 0xFF;
    }

    private static Sensor sensor(double ev, double kelvin, double vignetting, double photons, double std) {
        return new Sensor(ev, kelvin, vignetting, 0, 0, photons, std);
    }

    private static byte[] sensed(Sensor sensor, byte[] rgb) {
        return renderer.applySensor(sensor, SEED, 0, rgb);
    }

    @Test
    void noSensorOrOneThatChangesNothingLeavesEveryByte() {
        byte[] ramp = ramp();
        assertThat(sensed(null, ramp)).isEqualTo(ramp);
        assertThat(sensed(Sensor.NONE, ramp)).isEqualTo(ramp);
        // a sensor that runs the passes but changes the light by a millionth of a stop: the sRGB
        // decode and encode on the GPU give the levels back
        assertThat(sensed(sensor(1e-6, Sensor.NEUTRAL_KELVIN, 0, 0, 0), ramp)).isEqualTo(ramp);
    }

    @Test
    void onePlusEvDoublesAndMinusOneEvHalvesLinearValues() {
        for (int level = 10; level <= 180; level += 17) {
            double in = SrgbReference.decode8(level);
            byte[] brighter = sensed(sensor(1, Sensor.NEUTRAL_KELVIN, 0, 0, 0), flat(level));
            byte[] darker = sensed(sensor(-1, Sensor.NEUTRAL_KELVIN, 0, 0, 0), flat(level));
            assertThat(level(brighter, 5, 7, 0)).as("level %d", level)
                    .isCloseTo(SrgbReference.encode8(2 * in), within(RenderTolerances.SRGB_LEVELS));
            assertThat(level(darker, 40, 30, 2)).as("level %d", level)
                    .isCloseTo(SrgbReference.encode8(in / 2), within(RenderTolerances.SRGB_LEVELS));
        }
    }

    @Test
    void neutralWhiteBalanceHasUnitGainsAndTungstenTurnsGreyBlue() {
        assertThat(Sensor.whiteBalanceGains(Sensor.NEUTRAL_KELVIN)).containsExactly(1, 1, 1);
        byte[] out = sensed(sensor(0, 3200, 0, 0, 0), flat(100));
        double[] gains = Sensor.whiteBalanceGains(3200);
        assertThat(level(out, 10, 10, 2)).isGreaterThan(level(out, 10, 10, 0));
        assertThat(level(out, 10, 10, 1)).isEqualTo(100);
        for (int c : new int[] {0, 2}) {
            assertThat(level(out, 10, 10, c)).isCloseTo(
                    SrgbReference.encode8(Math.min(1, SrgbReference.decode8(100) * gains[c])),
                    within(RenderTolerances.SRGB_LEVELS));
        }
    }

    @Test
    void vignettingDarkensByOneMinusVTimesTheSquaredRelativeRadius() {
        double v = 0.5;
        byte[] out = sensed(sensor(0, Sensor.NEUTRAL_KELVIN, v, 0, 0), flat(200));
        double in = SrgbReference.decode8(200);
        double cornerSquared = (W / 2.0) * (W / 2.0) + (H / 2.0) * (H / 2.0);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double dx = x + 0.5 - W / 2.0;
                double dy = y + 0.5 - H / 2.0;
                int expected = SrgbReference.encode8(in * (1 - v * (dx * dx + dy * dy) / cornerSquared));
                assertThat(level(out, x, y, 1)).as("pixel %d, %d", x, y)
                        .isCloseTo(expected, within(RenderTolerances.SRGB_LEVELS));
            }
        }
        assertThat(level(out, 0, 0, 0)).isLessThan(level(out, W / 2, H / 2, 0) - 30);
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
        byte[] out = sensed(lens, line);
        int row = H / 2;
        assertThat(centroid(out, row, 1)).isCloseTo(lineX, within(1e-9));
        // red at output x samples the input at 32 + (x + 0.5 - 32) · 0.9: the line appears at 32 + 18.5 / 0.9
        assertThat(centroid(out, row, 0) + 0.5).isCloseTo(32 + 18.5 / 0.9, within(RenderTolerances.CENTROID_PIXELS));
        assertThat(centroid(out, row, 2) + 0.5).isCloseTo(32 + 18.5 / 1.1, within(RenderTolerances.CENTROID_PIXELS));
    }

    @Test
    void blurOfAStepEdgeFollowsTheGaussianCdfAndLeavesAFlatImage() {
        double sigma = 2;
        Sensor blurry = new Sensor(0, Sensor.NEUTRAL_KELVIN, 0, sigma, 0, 0, 0);
        assertThat(sensed(blurry, flat(90))).isEqualTo(flat(90));

        int edge = W / 2; // pixels x >= edge are white
        byte[] step = flat(0);
        for (int y = 0; y < H; y++) {
            Arrays.fill(step, 3 * (y * W + edge), 3 * (y * W + W), (byte) 255);
        }
        byte[] out = sensed(blurry, step);
        // the kernel is the Gaussian sampled at whole offsets up to r = ceil(3 sigma), renormalised:
        // the step through it is the CDF of that Gaussian truncated at r + 1/2
        double r = Math.ceil(3 * sigma) + 0.5;
        double low = normalCdf(-r / sigma);
        double high = normalCdf(r / sigma);
        for (int x = 0; x < W; x++) {
            double t = Math.max(-r, Math.min(r, x + 0.5 - edge));
            double expected = (normalCdf(t / sigma) - low) / (high - low);
            for (int y : new int[] {0, H / 2, H - 1}) {
                assertThat(level(out, x, y, 1)).as("pixel %d, %d", x, y)
                        .isCloseTo(SrgbReference.encode8(expected), within(RenderTolerances.BLURRED_EDGE_LEVELS));
            }
        }
    }

    @Test
    void theBlurKernelIsNormalisedAndGaussian() {
        float[] half = SensorPass.halfGaussianKernel(1.5);
        assertThat(half).hasSize(6);
        double sum = half[0];
        for (int k = 1; k < half.length; k++) {
            sum += 2 * half[k];
        }
        assertThat(sum).isCloseTo(1, within(1e-6));
        assertThat((double) half[0]).isCloseTo(1 / (Math.sqrt(2 * Math.PI) * 1.5), within(0.002));
        assertThat(SensorPass.halfGaussianKernel(Sensor.MAX_BLUR_PX)).hasSize(SensorPass.MAX_BLUR_RADIUS + 1);
    }

    @Test
    void readNoiseHasTheRequestedStdOverFlatGrey() {
        double std = 6;
        double[] stats = meanAndStd(sensed(sensor(0, Sensor.NEUTRAL_KELVIN, 0, 0, std), flat(128)));
        assertThat(stats[0]).isCloseTo(128, within(RenderTolerances.NOISE_MEAN_LEVELS));
        // rounding to levels adds 1/12 of a level² of variance
        double expected = Math.sqrt(std * std + 1 / 12.0);
        assertThat(stats[1]).isCloseTo(expected, within(expected * RenderTolerances.NOISE_STD_RELATIVE));
    }

    @Test
    void shotNoiseHasTheStdOfThePhotonCount() {
        double photons = 400; // grey 128 is linear 0.216: 86 photons, std 9.3, i.e. about 0.023 linear
        byte[] out = sensed(sensor(0, Sensor.NEUTRAL_KELVIN, 0, photons, 0), flat(128));
        double[] linear = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            linear[i] = SrgbReference.decode8(out[i] & 0xFF);
        }
        double[] stats = meanAndStd(linear);
        double mean = SrgbReference.decode8(128);
        double expected = Math.sqrt(mean / photons);
        assertThat(stats[0]).isCloseTo(mean, within(2 / 255.0));
        assertThat(stats[1]).isCloseTo(expected, within(expected * RenderTolerances.NOISE_STD_RELATIVE));
    }

    @Test
    void theSameSeedAndFrameGiveTheSameBytesAndAnotherFrameOrSeedOthers() {
        Sensor noisy = new Sensor(0.3, 5000, 0.2, 1.2, 1.5, 300, 3);
        byte[] a = renderer.applySensor(noisy, SEED, 7, flat(120));
        byte[] b = renderer.applySensor(noisy, SEED, 7, flat(120));
        assertThat(a).isEqualTo(b);
        assertThat(renderer.applySensor(noisy, SEED, 8, flat(120))).isNotEqualTo(a);
        assertThat(renderer.applySensor(noisy, SEED + 1, 7, flat(120))).isNotEqualTo(a);
    }

    @Test
    void aRenderedFrameIsSensedAsItsImageWouldBeAndEveryWayOfRenderingAgrees() {
        Frame plain = RendererLifecycleTest.frameWith(
                List.of(TestFrames.box(1, 2, 2, 2, new Vec3(0, 1, 0), 30, TestFrames.GREY)), W, H);
        Sensor sensor = new Sensor(0.5, 4000, 0.3, 1, 2, 500, 2);
        Frame frame = new Frame(5, plain.sceneSeed(), plain.camera(), plain.lighting(), plain.ground(),
                plain.categories(), plain.objects(), sensor);
        Set<RenderPass> passes = Set.of(RenderPass.COLOR, RenderPass.INSTANCE_ID);
        RenderedFrame unsensed = renderer.render(plain, passes);
        RenderedFrame sensedFrame = renderer.render(frame, passes);

        assertThat(sensedFrame.instanceIds()).isEqualTo(unsensed.instanceIds());
        assertThat(sensedFrame.rgb()).isNotEqualTo(unsensed.rgb());
        assertThat(sensedFrame.rgb()).isEqualTo(renderer.applySensor(sensor, frame.sceneSeed(), 5, unsensed.rgb()));
        Frame noOp = new Frame(5, plain.sceneSeed(), plain.camera(), plain.lighting(), plain.ground(),
                plain.categories(), plain.objects(), Sensor.NONE);
        assertThat(renderer.render(noOp, passes).rgb()).isEqualTo(unsensed.rgb());

        renderer.startRender(frame, passes);
        renderer.startRender(plain, passes);
        assertThat(renderer.collectRender().rgb()).isEqualTo(sensedFrame.rgb());
        assertThat(renderer.collectRender().rgb()).isEqualTo(unsensed.rgb());
        renderer.drawOnly(frame, passes);
        renderer.finish();
    }

    @Test
    void aSensedFrameLeavesNothingBehindForTheNextFramesShadowedOrNot() {
        Frame plain = RendererLifecycleTest.frameWith(
                List.of(TestFrames.box(1, 2, 2, 2, new Vec3(0, 1, 0), 30, TestFrames.GREY)), W, H);
        Frame shadowed = new Frame(0, plain.sceneSeed(), plain.camera(),
                SunShadowAndFogTest.sunFromPlusX(45, Shadows.on(512)), plain.ground(), plain.categories(), plain.objects());
        Sensor sensor = new Sensor(0.5, 4000, 0.3, 1, 2, 500, 2);
        Set<RenderPass> passes = Set.of(RenderPass.COLOR);
        for (Frame frame : List.of(plain, shadowed)) {
            byte[] before = renderer.render(frame, passes).rgb();
            Frame sensedFrame = new Frame(frame.index(), frame.sceneSeed(), frame.camera(), frame.lighting(),
                    frame.ground(), frame.categories(), frame.objects(), sensor);
            assertThat(renderer.render(sensedFrame, passes).rgb()).isNotEqualTo(before);
            assertThat(renderer.render(frame, passes).rgb()).isEqualTo(before);
        }
    }

    /** Where the linear light of channel c along one row is centred, in pixel indices. */
    private static double centroid(byte[] rgb, int row, int c) {
        double sum = 0;
        double weighted = 0;
        for (int x = 0; x < W; x++) {
            double v = SrgbReference.decode8(level(rgb, x, row, c));
            sum += v;
            weighted += v * x;
        }
        return weighted / sum;
    }

    private static double[] meanAndStd(byte[] bytes) {
        double[] values = new double[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] & 0xFF;
        }
        return meanAndStd(values);
    }

    private static double[] meanAndStd(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return new double[] {mean, Math.sqrt(squares / (values.length - 1))};
    }

    /** The standard normal CDF, by the Abramowitz–Stegun 7.1.26 erf (error under 1.5e-7). */
    private static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
