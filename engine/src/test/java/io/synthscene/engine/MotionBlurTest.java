package io.synthscene.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.CameraMotion;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.Sensor;
import io.synthscene.scenes.frame.Vec3;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Motion blur from the camera's own motion, against displacements computed here from the pinhole
 * model: a dark and a bright wall side by side, their faces in one plane at a known depth, meet
 * in a vertical edge at the image centre. Moving sideways by t metres during the exposure smears
 * the edge over f t / depth pixels; turning by θ smears it over 2 f tan(θ / 2) at any depth. Masks
 * and depth never move.
 */
class MotionBlurTest {
    private static final int W = 96;
    private static final int H = 48;
    private static final double HFOV = 60;
    private static final Set<RenderPass> ALL = Set.of(RenderPass.COLOR, RenderPass.INSTANCE_ID, RenderPass.DEPTH);
    private static Renderer renderer;

    @BeforeAll
    static void open() {
        renderer = Renderer.open(DevicePreference.CPU, W, H, 1, TestFrames.BOXES);
    }

    @AfterAll
    static void close() {
        renderer.close();
    }

    private static double focalPx() {
        return (W / 2.0) / Math.tan(Math.toRadians(HFOV) / 2);
    }

    /** Two 20 m wide, 1 m deep walls whose faces lie in the plane z = -depth, meeting at x = 0. */
    private static Frame walls(double depthMeters, CameraMotion motion, Sensor sensor) {
        Camera camera = TestFrames.camera(new Vec3(0, 2, 0), 0, 0, HFOV, W, H).withMotion(motion);
        Material dark = new Material(new Rgb(0.08, 0.08, 0.08), 1.0);
        Material bright = new Material(new Rgb(0.8, 0.8, 0.8), 1.0);
        double z = -(depthMeters + 0.5);
        return new Frame(0, 1234L, camera, TestFrames.ambientOnly(new Rgb(1, 1, 1), 1.0), null, TestFrames.CATEGORIES,
                List.of(TestFrames.box(1, 20, 12, 1, new Vec3(-10, 0, z), 0, dark),
                        TestFrames.box(2, 20, 12, 1, new Vec3(10, 0, z), 0, bright)),
                sensor);
    }

    /** The edge along the middle row, in linear light: {start of the rise (10 %), end (90 %), centre (50 %)}, pixel coordinates. */
    private static double[] edge(byte[] rgb) {
        int y = H / 2;
        double[] linear = new double[W];
        for (int x = 0; x < W; x++) {
            linear[x] = SrgbReference.decode8(rgb[3 * (y * W + x) + 1] & 0xFF);
        }
        double low = linear[1];
        double high = linear[W - 2];
        assertThat(high - low).as("contrast across the edge").isGreaterThan(0.2);
        return new double[] {crossing(linear, low, high, 0.1), crossing(linear, low, high, 0.9),
                crossing(linear, low, high, 0.5)};
    }

    /** Where the rise first reaches {@code fraction} of the way from low to high, interpolated between pixel centres. */
    private static double crossing(double[] linear, double low, double high, double fraction) {
        double level = low + fraction * (high - low);
        for (int x = 1; x < linear.length; x++) {
            if (linear[x] >= level) {
                double t = (level - linear[x - 1]) / (linear[x] - linear[x - 1]);
                return x - 1 + t + 0.5;
            }
        }
        throw new AssertionError("the row never reaches " + fraction + " of the step");
    }

    private static double blurLength(byte[] rgb) {
        double[] e = edge(rgb);
        return (e[1] - e[0]) / 0.8; // a linear ramp of length L rises from 10 % to 90 % over 0.8 L
    }

    @Test
    void sidewaysTravelSmearsAnEdgeByFocalTimesTravelOverDepth() {
        for (double depth : new double[] {4, 8}) {
            CameraMotion left = new CameraMotion(30, 90, 0, 20); // 0.6 m to the left during the exposure
            byte[] rgb = renderer.render(walls(depth, left, null), Set.of(RenderPass.COLOR)).rgb();
            double predicted = focalPx() * 30 * 0.020 / depth;
            assertThat(blurLength(rgb)).as("blur length at depth %s m", depth)
                    .isCloseTo(predicted, within(RenderTolerances.MOTION_BLUR_PIXELS));
            assertThat(edge(rgb)[2]).as("a centred exposure keeps the edge's centre").isCloseTo(W / 2.0,
                    within(RenderTolerances.MOTION_BLUR_PIXELS));
        }
    }

    @Test
    void aStillCameraLeavesASharpEdge() {
        byte[] rgb = renderer.render(walls(4, null, null), Set.of(RenderPass.COLOR)).rgb();
        // a hard step between two neighbouring pixel centres measures exactly 1 px this way
        assertThat(blurLength(rgb)).isLessThanOrEqualTo(1.0 + 1e-9);
    }

    @Test
    void pureYawSmearsByTheTurnAtAnyDepth() {
        CameraMotion turning = new CameraMotion(0, 0, 400, 25); // 10 degrees to the left
        double predicted = 2 * focalPx() * Math.tan(Math.toRadians(10) / 2);
        for (double depth : new double[] {4, 12}) {
            byte[] rgb = renderer.render(walls(depth, turning, null), Set.of(RenderPass.COLOR)).rgb();
            assertThat(blurLength(rgb)).as("blur length at depth %s m", depth)
                    .isCloseTo(predicted, within(RenderTolerances.MOTION_BLUR_PIXELS));
        }
    }

    @Test
    void aCameraThatDoesNotMoveGivesTheUnblurredImageByteForByte() {
        byte[] still = renderer.render(walls(4, null, null), ALL).rgb();
        for (CameraMotion none : List.of(new CameraMotion(0, 90, 0, 20), new CameraMotion(30, 90, 200, 0))) {
            assertThat(renderer.render(walls(4, none, null), ALL).rgb()).isEqualTo(still);
        }
    }

    @Test
    void idsAndDepthShowTheMidExposurePoseWhateverTheMotion() {
        RenderedFrame still = renderer.render(walls(4, null, null), ALL);
        RenderedFrame moving = renderer.render(walls(4, new CameraMotion(30, 90, 300, 30), null), ALL);
        assertThat(moving.rgb()).isNotEqualTo(still.rgb());
        assertThat(moving.instanceIds()).isEqualTo(still.instanceIds());
        assertThat(moving.depthMeters()).isEqualTo(still.depthMeters());
    }

    @Test
    void theAsynchronousPathBlursExactlyAsTheWaitingOne() {
        Frame frame = walls(4, new CameraMotion(20, -90, -100, 20), new Sensor(0.5, 5000, 0.2, 0, 0, 0, 0));
        RenderedFrame waited = renderer.render(frame, ALL);
        renderer.startRender(frame, ALL);
        RenderedFrame collected = renderer.collectRender();
        assertThat(collected.rgb()).isEqualTo(waited.rgb());
        assertThat(collected.instanceIds()).isEqualTo(waited.instanceIds());
        assertThat(collected.depthMeters()).isEqualTo(waited.depthMeters());
    }
}
