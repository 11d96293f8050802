package io.synthscene.engine;

import static io.synthscene.engine.RendererTest.rgbAt;
import static io.synthscene.engine.TestFrames.GREY;
import static io.synthscene.engine.TestFrames.box;
import static io.synthscene.engine.TestFrames.camera;
import static io.synthscene.engine.TestFrames.frame;
import static io.synthscene.engine.TestFrames.ground;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Daylight;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Sky;
import io.synthscene.scenes.frame.Vec3;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sky pass with answers known in advance: each sky pixel is Daylight.skyRadiance for its
 * direction, the zenith is darker and bluer than the horizon, the sun's side is brighter, fog
 * turns the sky to the airlight, clouds change sky pixels, and nothing changes ids or depth.
 */
class SkyRenderTest {
    static final int WIDTH = 96;
    static final int HEIGHT = 72;
    static final Set<RenderPass> COLOR_IDS_DEPTH = EnumSet.of(RenderPass.COLOR, RenderPass.INSTANCE_ID, RenderPass.DEPTH);
    static final Sky CLEAR = new Sky(true, 0, List.of(0.0, 0.0));

    static Renderer renderer;

    @BeforeAll
    static void open() {
        renderer = Renderer.open(DevicePreference.AUTO, WIDTH, HEIGHT, 1, TestFrames.BOXES);
    }

    @AfterAll
    static void close() {
        renderer.close();
    }

    /** A blue sky, the sun 20 degrees up in the south-east (azimuth 135): warm enough to tint the horizon. */
    static Lighting daylight() {
        return new Lighting(135, 20, 1.5, new Rgb(1, 0.9, 0.75), 0.4, new Rgb(0.55, 0.65, 0.85), new Rgb(0.45, 0.62, 0.92));
    }

    /** 1.5 m up, looking along -Z and 30 degrees up: the image spans from 7 degrees below the horizon to 67 degrees up. */
    static Camera lookingUp() {
        return camera(new Vec3(0, 1.5, 0), 0, 30, 90, WIDTH, HEIGHT);
    }

    /** The unit world direction through the centre of pixel (x, y), from the camera's intrinsics and pose. */
    static Vec3 directionOf(Camera camera, int x, int y) {
        double[][] k = camera.intrinsics();
        Vector3d d = new Vector3d((x + 0.5 - k[0][2]) / k[0][0], (y + 0.5 - k[1][2]) / k[1][1], 1);
        Matrix4d cvToWorld = camera.glCameraToWorld().scale(1, -1, -1);
        cvToWorld.transformDirection(d).normalize();
        return new Vec3(d.x, d.y, d.z);
    }

    static int[] expected(Lighting light, boolean gradient, Vec3 d) {
        Vec3 c = Daylight.skyRadiance(light, gradient, d);
        return new int[] {SrgbReference.encode8(Math.min(1, c.x())), SrgbReference.encode8(Math.min(1, c.y())),
                SrgbReference.encode8(Math.min(1, c.z()))}; // the 8-bit encoding clips
    }

    @Test
    void everySkyPixelIsTheGradientForItsDirectionAndTheZenithIsDarkerAndBluerThanTheHorizon() {
        Camera camera = lookingUp();
        Lighting light = daylight().withSky(CLEAR);
        RenderedFrame rendered = renderer.render(frame(camera, light, null, List.of()), EnumSet.of(RenderPass.COLOR));
        for (int y = 0; y < HEIGHT; y += 7) {
            for (int x = 0; x < WIDTH; x += 9) {
                int[] actual = rgbAt(rendered, x, y);
                int[] wanted = expected(light, true, directionOf(camera, x, y));
                for (int c = 0; c < 3; c++) {
                    assertThat(actual[c]).as("pixel (%d, %d) channel %d", x, y, c).isCloseTo(wanted[c], within(RenderTolerances.SKY_LEVELS));
                }
            }
        }
        // Daylight's own order, then the image's: top row (about 67 degrees up) against a row just above the horizon.
        Rgb zenith = Daylight.zenithSky(light);
        Rgb horizon = Daylight.horizonSky(light);
        assertThat(zenith.r()).isLessThan(horizon.r());
        assertThat(zenith.g()).isLessThan(horizon.g());
        assertThat(zenith.b() / zenith.r()).isGreaterThan(horizon.b() / horizon.r());
        int horizonRow = horizonRow(camera);
        int[] high = rgbAt(rendered, WIDTH / 2, 0);
        int[] low = rgbAt(rendered, WIDTH / 2, horizonRow - 2);
        assertThat(high[0]).as("red falls towards the zenith").isLessThan(low[0] - 10);
        assertThat(high[1]).as("green falls towards the zenith").isLessThan(low[1] - 5);
        assertThat((double) high[2] / high[0]).as("the zenith is bluer").isGreaterThan((double) low[2] / low[0]);
    }

    @Test
    void theSkyIsBrighterTowardsTheSunThanAwayFromIt() {
        Lighting light = daylight().withSky(CLEAR);
        // azimuth 135: the sun is towards +X and +Z; look at it and away from it, 20 degrees up
        Camera towards = camera(new Vec3(0, 1.5, 0), -135, 20, 60, WIDTH, HEIGHT);
        Camera away = camera(new Vec3(0, 1.5, 0), 45, 20, 60, WIDTH, HEIGHT);
        int[] sunSide = rgbAt(renderer.render(frame(towards, light, null, List.of()), EnumSet.of(RenderPass.COLOR)), WIDTH / 2, HEIGHT / 2);
        int[] otherSide = rgbAt(renderer.render(frame(away, light, null, List.of()), EnumSet.of(RenderPass.COLOR)), WIDTH / 2, HEIGHT / 2);
        assertThat(sunSide[0] + sunSide[1] + sunSide[2]).isGreaterThan(otherSide[0] + otherSide[1] + otherSide[2] + 30);
    }

    @Test
    void withoutTheGradientAndBelowTheHorizonTheSkyIsTheHorizonColourTheFrameWithoutASkyClearsTo() {
        Camera camera = lookingUp();
        Lighting plain = daylight().withSky(new Sky(false, 0, List.of(0.0, 0.0)));
        RenderedFrame flat = renderer.render(frame(camera, plain, null, List.of()), EnumSet.of(RenderPass.COLOR));
        RenderedFrame none = renderer.render(frame(camera, daylight(), null, List.of()), EnumSet.of(RenderPass.COLOR));
        for (int i = 0; i < WIDTH * HEIGHT; i++) {
            assertThat(differs(flat.rgb(), none.rgb(), i)).as("pixel %d", i).isFalse();
        }
        RenderedFrame gradient = renderer.render(frame(camera, daylight().withSky(CLEAR), null, List.of()), EnumSet.of(RenderPass.COLOR));
        int[] belowHorizon = rgbAt(gradient, 2, HEIGHT - 1); // far from the sun: no glow to speak of
        int[] clear = rgbAt(none, 2, HEIGHT - 1);
        for (int c = 0; c < 3; c++) {
            assertThat(belowHorizon[c]).isCloseTo(clear[c], within(RenderTolerances.SKY_LEVELS));
        }
    }

    @Test
    void inFogTheSkyTurnsToTheAirlightThatDistantFoggedGroundFadesTo() {
        Camera camera = lookingUp();
        Lighting clearLight = daylight().withSky(CLEAR);
        Lighting foggy = clearLight.withFog(60.0);
        RenderedFrame rendered = renderer.render(frame(camera, foggy, ground(4000), List.of()), EnumSet.of(RenderPass.COLOR));
        Rgb air = Daylight.horizonSky(foggy);
        int[] airlight = {SrgbReference.encode8(air.r()), SrgbReference.encode8(air.g()), SrgbReference.encode8(air.b())};
        int horizonRow = horizonRow(camera);
        int[] aboveHorizon = rgbAt(rendered, WIDTH / 2, horizonRow - 3);
        int[] farGround = rgbAt(rendered, WIDTH / 2, horizonRow + 1);
        for (int c = 0; c < 3; c++) {
            assertThat(aboveHorizon[c]).isCloseTo(airlight[c], within(RenderTolerances.SKY_LEVELS));
            assertThat(farGround[c]).isCloseTo(airlight[c], within(RenderTolerances.SKY_LEVELS));
        }
        // and higher up, through less fog, the sky's own colour comes back, as skyRadiance says
        int[] top = rgbAt(rendered, WIDTH / 2, 0);
        int[] wanted = expected(foggy, true, directionOf(camera, WIDTH / 2, 0));
        for (int c = 0; c < 3; c++) {
            assertThat(top[c]).isCloseTo(wanted[c], within(RenderTolerances.SKY_LEVELS));
        }
    }

    @Test
    void cloudsChangeSkyPixelsButNeverIdsOrDepth() {
        Camera camera = lookingUp();
        SceneObject tower = box(1, 2, 6, 2, new Vec3(0, 0, -8), 0, GREY);
        List<SceneObject> objects = List.of(tower);
        RenderedFrame noSky = renderer.render(frame(camera, daylight(), ground(400), objects), COLOR_IDS_DEPTH);
        RenderedFrame clear = renderer.render(frame(camera, daylight().withSky(CLEAR), ground(400), objects), COLOR_IDS_DEPTH);
        RenderedFrame cloudy = renderer.render(frame(camera, daylight().withSky(new Sky(true, 0.7, List.of(123.0, 456.0))),
                ground(400), objects), COLOR_IDS_DEPTH);
        assertThat(clear.instanceIds()).isEqualTo(noSky.instanceIds());
        assertThat(cloudy.instanceIds()).isEqualTo(noSky.instanceIds());
        assertThat(clear.depthMeters()).isEqualTo(noSky.depthMeters());
        assertThat(cloudy.depthMeters()).isEqualTo(noSky.depthMeters());
        assertThat(noSky.instanceIds()).contains(1);

        int skyPixels = 0;
        int changedByClouds = 0;
        int changedOnTheTower = 0;
        for (int i = 0; i < WIDTH * HEIGHT; i++) {
            boolean differs = differs(clear.rgb(), cloudy.rgb(), i);
            if (Float.isInfinite(noSky.depthMeters()[i])) {
                skyPixels++;
                changedByClouds += differs ? 1 : 0;
            } else if (differs) {
                changedOnTheTower++;
            }
        }
        assertThat(changedByClouds).as("sky pixels under clouds, of " + skyPixels).isGreaterThan(skyPixels / 5);
        assertThat(changedOnTheTower).as("geometry covers the sky").isZero();
        // and a cloud cover of 0 draws exactly the clear sky, whatever the offset
        RenderedFrame none = renderer.render(frame(camera, daylight().withSky(new Sky(true, 0, List.of(123.0, 456.0))),
                ground(400), objects), COLOR_IDS_DEPTH);
        assertThat(none.rgb()).isEqualTo(clear.rgb());
    }

    private static boolean differs(byte[] a, byte[] b, int pixel) {
        for (int c = 0; c < 3; c++) {
            if (Math.abs((a[3 * pixel + c] & 0xFF) - (b[3 * pixel + c] & 0xFF)) > RenderTolerances.SKY_LEVELS) {
                return true;
            }
        }
        return false;
    }

    /** The first image row (from the top) whose centre ray points below the horizon. */
    private static int horizonRow(Camera camera) {
        for (int y = 0; y < HEIGHT; y++) {
            if (directionOf(camera, WIDTH / 2, y).y() < 0) {
                return y;
            }
        }
        throw new AssertionError("the horizon is not in view");
    }
}
