package io.synthscene.engine;

import static io.synthscene.engine.RendererTest.rgbAt;
import static io.synthscene.engine.TestFrames.GREY;
import static io.synthscene.engine.TestFrames.box;
import static io.synthscene.engine.TestFrames.camera;
import static io.synthscene.engine.TestFrames.frame;
import static io.synthscene.engine.TestFrames.ground;
import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Vec3;
import io.synthscene.scenes.frame.Weather;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rain, snow, wet ground and snow cover on llvmpipe, with answers known in advance: wet ground is
 * darker, snow whitens top faces and not sides, a box nearer than every particle hides them all,
 * opaque flakes are read as particle coverage and never change ids or depth, and the same frame
 * draws the same particles.
 */
class PrecipitationTest {
    static final int WIDTH = 160;
    static final int HEIGHT = 120;
    static final Set<RenderPass> COLOR_IDS_DEPTH = EnumSet.of(RenderPass.COLOR, RenderPass.INSTANCE_ID, RenderPass.DEPTH);
    static final double SHUTTER = Weather.DEFAULT_EXPOSURE_TIME_SECONDS;

    static Renderer renderer;

    @BeforeAll
    static void open() {
        renderer = Renderer.open(DevicePreference.AUTO, WIDTH, HEIGHT, 1, TestFrames.BOXES);
    }

    @AfterAll
    static void close() {
        renderer.close();
    }

    static Lighting daylight() {
        return TestFrames.sunAndAmbient(30, 50, 1.0, 0.4);
    }

    static double meanLevel(RenderedFrame rendered, int fromRow, int toRow) {
        long sum = 0;
        for (int i = fromRow * WIDTH * 3; i < toRow * WIDTH * 3; i++) {
            sum += rendered.rgb()[i] & 0xFF;
        }
        return sum / (double) ((toRow - fromRow) * WIDTH * 3);
    }

    static int differingPixels(RenderedFrame a, RenderedFrame b) {
        int n = 0;
        for (int p = 0; p < WIDTH * HEIGHT; p++) {
            for (int c = 0; c < 3; c++) {
                if (a.rgb()[3 * p + c] != b.rgb()[3 * p + c]) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    @Test
    void wetGroundIsDarkerThanDryGround() {
        // looking down 60 degrees at bare ground, with rain 0.25 (wetness 1) and no streaks drawn
        // over the lower rows measured: streaks are sky-coloured and brighten, so this is conservative
        Camera camera = camera(new Vec3(0, 3, 0), 0, -60, 60, WIDTH, HEIGHT);
        Frame dry = frame(camera, daylight(), ground(200), List.of());
        RenderedFrame dryImage = renderer.render(dry, Set.of(RenderPass.COLOR));
        RenderedFrame wetImage = renderer.render(dry.withWeather(new Weather(0.25, null, null, SHUTTER)),
                Set.of(RenderPass.COLOR));
        assertThat(meanLevel(wetImage, 0, HEIGHT)).isLessThan(0.85 * meanLevel(dryImage, 0, HEIGHT));
    }

    @Test
    void snowCoverWhitensTopFacesAndLeavesSidesAlone() {
        // a 2 m grey cube seen from 45 degrees above: its top (n.y = 1) and its +Z side (n.y = 0);
        // snow intensity 0 draws no flakes, cover 1
        Camera camera = camera(new Vec3(0, 6, 6), 0, -35, 60, WIDTH, HEIGHT);
        Frame plain = frame(camera, daylight(), null, List.of(box(1, 2, 2, 2, new Vec3(0, 0, 0), 0, GREY)));
        RenderedFrame bare = renderer.render(plain, Set.of(RenderPass.COLOR));
        RenderedFrame snowy = renderer.render(plain.withWeather(new Weather(null, 0.0, 1.0, SHUTTER)), Set.of(RenderPass.COLOR));
        int[] top = SunShadowAndFogTest.pixelOf(camera, new Vec3(0, 2, 0));
        int[] side = SunShadowAndFogTest.pixelOf(camera, new Vec3(0, 0.8, 1));
        int[] topBare = rgbAt(bare, top[0], top[1]);
        int[] topSnowy = rgbAt(snowy, top[0], top[1]);
        int[] sideSnowy = rgbAt(snowy, side[0], side[1]);
        for (int c = 0; c < 3; c++) {
            assertThat(topSnowy[c]).isGreaterThan(topBare[c] + 30);
            assertThat(topSnowy[c]).isGreaterThan(sideSnowy[c] + 30);
        }
        assertThat(sideSnowy).containsExactly(rgbAt(bare, side[0], side[1]));
    }

    @Test
    void aBoxNearerThanEveryParticleHidesThemAndTheRestOfTheImageShowsThem() {
        // camera at the origin looking along -Z; a box's near face at z = -0.19, nearer than
        // PrecipitationPass.NEAR_METERS, covering x < 0: the left half of the image
        Camera camera = camera(new Vec3(0, 1.5, 0), 0, 0, 60, WIDTH, HEIGHT);
        Frame clear = frame(camera, daylight(), ground(200),
                List.of(box(1, 1, 4, 1, new Vec3(-0.5, 0, -0.69), 0, GREY)));
        Frame snowy = clear.withWeather(new Weather(null, 1.0, 0.0, SHUTTER));
        RenderedFrame a = renderer.render(clear, COLOR_IDS_DEPTH);
        RenderedFrame b = renderer.render(snowy, COLOR_IDS_DEPTH);
        int changedRight = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                if (x < WIDTH / 2 - 1) {
                    assertThat(a.instanceIds()[y * WIDTH + x]).isEqualTo(1);
                    assertThat(rgbAt(b, x, y)).as("(%d, %d) behind the box", x, y).containsExactly(rgbAt(a, x, y));
                } else if (x > WIDTH / 2 && !java.util.Arrays.equals(rgbAt(a, x, y), rgbAt(b, x, y))) {
                    changedRight++;
                }
            }
        }
        assertThat(b.instanceIds()).isEqualTo(a.instanceIds());
        assertThat(changedRight).as("pixels with flakes in the open half").isGreaterThan(200);
    }

    @Test
    void opaqueFlakesAreReadAsParticleCoverageAndLeaveIdsAndDepthAsInTheClearFrame() {
        // a 2 m cube 6 m ahead in dense snow; rain never covers (opacity below the threshold)
        Camera camera = camera(new Vec3(0, 1.5, 0), 0, 0, 60, WIDTH, HEIGHT);
        Frame clear = frame(camera, daylight(), ground(200), List.of(box(1, 2, 2, 2, new Vec3(0, 0, -7), 0, GREY)));
        RenderedFrame a = renderer.render(clear, COLOR_IDS_DEPTH);
        RenderedFrame snow = renderer.render(clear.withWeather(new Weather(null, 1.0, 0.0, SHUTTER)), COLOR_IDS_DEPTH);
        RenderedFrame rain = renderer.render(clear.withWeather(new Weather(1.0, null, null, SHUTTER)), COLOR_IDS_DEPTH);

        assertThat(a.particleCoverage()).isNull();
        assertThat(rain.particleCoverage()).as("rain is below the opacity threshold").isNull();
        assertThat(rain.instanceIds()).isEqualTo(a.instanceIds());
        assertThat(rain.depthMeters()).isEqualTo(a.depthMeters());
        assertThat(snow.instanceIds()).isEqualTo(a.instanceIds());
        assertThat(snow.depthMeters()).isEqualTo(a.depthMeters());

        int boxPixels = Mask.of(a, 1).count();
        int coveredBox = 0;
        int covered = 0;
        for (int p = 0; p < WIDTH * HEIGHT; p++) {
            assertThat(snow.particleCoverage()[p]).isIn((byte) 0, (byte) 1);
            covered += snow.particleCoverage()[p];
            coveredBox += a.instanceIds()[p] == 1 ? snow.particleCoverage()[p] : 0;
        }
        assertThat(coveredBox).isPositive().isLessThan(boxPixels / 2);
        assertThat(covered).isGreaterThan(coveredBox);
    }

    @Test
    void particleCoverageReadThroughTheRingIsTheSameAsReadAtOnce() {
        Camera camera = camera(new Vec3(0, 1.5, 0), 0, 0, 60, WIDTH, HEIGHT);
        Frame clear = frame(camera, daylight(), ground(200), List.of(box(1, 2, 2, 2, new Vec3(0, 0, -7), 0, GREY)));
        Frame snowy = clear.withWeather(new Weather(null, 1.0, 0.0, SHUTTER));
        Set<RenderPass> ids = EnumSet.of(RenderPass.INSTANCE_ID);
        RenderedFrame direct = renderer.render(snowy, ids);
        renderer.startRender(snowy, ids);
        renderer.startRender(clear, ids);
        renderer.startRender(snowy, EnumSet.of(RenderPass.DEPTH));
        RenderedFrame ringSnowy = renderer.collectRender();
        RenderedFrame ringClear = renderer.collectRender();
        RenderedFrame depthOnly = renderer.collectRender();
        assertThat(ringSnowy.particleCoverage()).isEqualTo(direct.particleCoverage()).isNotNull();
        assertThat(ringSnowy.instanceIds()).isEqualTo(direct.instanceIds()).isEqualTo(ringClear.instanceIds());
        assertThat(ringClear.particleCoverage()).as("a slot reused by a frame without snow").isNull();
        assertThat(depthOnly.particleCoverage()).as("coverage comes with INSTANCE_ID only").isNull();
    }

    @Test
    void theSameFrameDrawsTheSameParticlesAndAnotherFrameOthers() {
        Camera camera = camera(new Vec3(0, 1.5, 0), 0, 0, 60, WIDTH, HEIGHT);
        Frame frame = frame(camera, daylight(), ground(200), List.of())
                .withWeather(new Weather(0.5, 0.5, 0.5, SHUTTER));
        RenderedFrame first = renderer.render(frame, COLOR_IDS_DEPTH);
        RenderedFrame again = renderer.render(frame, COLOR_IDS_DEPTH);
        assertThat(again.rgb()).isEqualTo(first.rgb());
        Frame next = new Frame(1, frame.sceneSeed(), camera, frame.lighting(), frame.ground(), frame.categories(),
                frame.objects(), null, null, null, frame.weather());
        assertThat(differingPixels(renderer.render(next, COLOR_IDS_DEPTH), first)).isGreaterThan(100);
    }

    @Test
    void rainStreaksAreLongerWhenTheExposureIsLonger() {
        // rain against the sky: a longer shutter smears each drop over more pixels
        Camera camera = camera(new Vec3(0, 1.5, 0), 0, 20, 60, WIDTH, HEIGHT);
        Frame clear = frame(camera, daylight(), null, List.of());
        RenderedFrame none = renderer.render(clear, Set.of(RenderPass.COLOR));
        int shortShutter = differingPixels(renderer.render(clear.withWeather(new Weather(0.3, null, null, 1.0 / 500)),
                Set.of(RenderPass.COLOR)), none);
        int longShutter = differingPixels(renderer.render(clear.withWeather(new Weather(0.3, null, null, 1.0 / 30)),
                Set.of(RenderPass.COLOR)), none);
        assertThat(shortShutter).isGreaterThan(0);
        assertThat(longShutter).isGreaterThan(2 * shortShutter);
    }
}
