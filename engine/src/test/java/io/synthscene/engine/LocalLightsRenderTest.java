package io.synthscene.engine;

import static io.synthscene.engine.TestFrames.box;
import static io.synthscene.engine.TestFrames.camera;
import static io.synthscene.engine.TestFrames.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Emission;
import io.synthscene.scenes.frame.Exposure;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Ground;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.LocalLight;
import io.synthscene.scenes.frame.LocalLighting;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Shadows;
import io.synthscene.scenes.frame.Vec3;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Point and spot lights, emission, metalness and the scene exposure on llvmpipe, against answers
 * worked out on the CPU ({@link LocalLighting}, {@link Exposure}). The camera hangs 10 m above a
 * matte grey ground looking straight down, and the sun is 30 degrees below the horizon, so there is
 * no sun and no sky light: every lit pixel is lit by the lights under test alone.
 */
class LocalLightsRenderTest {
    static final int SIZE = 64;
    static final double CAMERA_HEIGHT = 10;
    static final double HFOV = 60;
    static final Rgb GREY = new Rgb(0.5, 0.5, 0.5);
    static final Ground MATTE_GREY = new Ground(100, new Material(GREY, 1.0));
    static final Rgb WHITE = new Rgb(1, 1, 1);

    static Renderer renderer;

    @BeforeAll
    static void open() {
        renderer = Renderer.open(DevicePreference.AUTO, SIZE, SIZE, 1, TestFrames.BOXES);
    }

    @AfterAll
    static void close() {
        renderer.close();
    }

    static Camera lookingDown() {
        return camera(new Vec3(0, CAMERA_HEIGHT, 0), 0, -90, HFOV, SIZE, SIZE);
    }

    /** No sun, no sky light (Daylight: the sky is dark below -18 degrees), the given lights. */
    static Lighting night(List<LocalLight> lights) {
        return new Lighting(0, -30, 2, WHITE, null, 0.35, WHITE, WHITE, Shadows.OFF, null, lights, null);
    }

    static LocalLight point(double height, double candela) {
        return new LocalLight(LocalLight.Kind.POINT, "test", new Vec3(0, height, 0), null, WHITE, null, candela, 1000, null, null);
    }

    static LocalLight downwardSpot(double height, double candela, double inner, double outer) {
        return new LocalLight(LocalLight.Kind.SPOT, "test", new Vec3(0, height, 0), new Vec3(0, -1, 0), WHITE, null, candela,
                1000, inner, outer);
    }

    /**
     * The ground point under the centre of pixel (px, py): the camera looks along -Y with image up
     * towards world -Z and right towards +X (yaw 0, pitch -90), focal length (SIZE / 2) / tan(hfov / 2).
     */
    static Vec3 groundUnder(int px, int py) {
        double f = (SIZE / 2.0) / Math.tan(Math.toRadians(HFOV / 2));
        return new Vec3((px + 0.5 - SIZE / 2.0) / f * CAMERA_HEIGHT, 0, (py + 0.5 - SIZE / 2.0) / f * CAMERA_HEIGHT);
    }

    /** The 8-bit level the ground should read at pixel (px, py) under these lights, times the exposure gain. */
    static int expectedLevel(List<LocalLight> lights, int px, int py, double gain) {
        double e = 0;
        for (LocalLight light : lights) {
            e += LocalLighting.irradiance(light, groundUnder(px, py), new Vec3(0, 1, 0)).y();
        }
        return SrgbReference.encode8(Math.min(1, GREY.g() * e * gain));
    }

    static RenderedFrame render(Frame frame) {
        return renderer.render(frame, Set.of(RenderPass.COLOR, RenderPass.INSTANCE_ID, RenderPass.DEPTH));
    }

    static int green(RenderedFrame rendered, int px, int py) {
        return RendererTest.rgbAt(rendered, px, py)[1];
    }

    /** Every pixel of the ground against its CPU answer. */
    static void assertGroundMatches(RenderedFrame rendered, List<LocalLight> lights, double gain) {
        for (int py = 0; py < SIZE; py++) {
            for (int px = 0; px < SIZE; px++) {
                assertThat(green(rendered, px, py)).as("pixel (%d, %d)", px, py)
                        .isCloseTo(expectedLevel(lights, px, py, gain), within(RenderTolerances.SRGB_LEVELS));
            }
        }
    }

    @Test
    void aPointLightBrightensTheGroundUnderItAndFallsOffWithTheSquareOfTheDistance() {
        // 64,000 cd 2 m up: 16,000 lux = 1.6 units under it, grey 0.5 reads 0.8; at 4 m a quarter of that
        List<LocalLight> low = List.of(point(2, 64_000));
        List<LocalLight> high = List.of(point(4, 64_000));
        RenderedFrame lowFrame = render(frame(lookingDown(), night(low), MATTE_GREY, List.of()));
        RenderedFrame highFrame = render(frame(lookingDown(), night(high), MATTE_GREY, List.of()));
        assertGroundMatches(lowFrame, low, 1);
        assertGroundMatches(highFrame, high, 1);

        int c = SIZE / 2;
        double under2 = SrgbReference.decode8(green(lowFrame, c, c));
        double under4 = SrgbReference.decode8(green(highFrame, c, c));
        assertThat(under2).isCloseTo(0.8, within(0.01));
        assertThat(under2 / under4).isCloseTo(4.0, within(4.0 * RenderTolerances.INVERSE_SQUARE_RELATIVE));
        // and it falls off sideways: the image corner, 8 m from the spot under the light, is far darker
        assertThat(green(lowFrame, 0, 0)).isLessThan(green(lowFrame, c, c) / 4);
    }

    @Test
    void aSpotLightLightsInsideItsConeAndNothingOutside() {
        List<LocalLight> spot = List.of(downwardSpot(4, 60_000, 15, 20)); // 0.375 units under it: grey reads 0.19
        RenderedFrame rendered = render(frame(lookingDown(), night(spot), MATTE_GREY, List.of()));
        assertGroundMatches(rendered, spot, 1);
        int c = SIZE / 2;
        assertThat(green(rendered, c, c)).as("under the spot").isGreaterThan(100);
        // 4 m below the spot a 20 degree cone reaches 1.46 m; 2.5 m out is outside, and black
        double f = (SIZE / 2.0) / Math.tan(Math.toRadians(HFOV / 2));
        int outside = c + (int) Math.round(2.5 / CAMERA_HEIGHT * f);
        assertThat(green(rendered, outside, c)).as("outside the cone").isZero();
        assertThat(green(rendered, c, outside)).as("outside the cone").isZero();
    }

    @Test
    void anEmissiveSurfaceGlowsInAFrameWithNoLightAtAll() {
        Emission glow = new Emission(new Rgb(0.2, 0.6, 0.4), 1.0);
        Material glowing = new Material(new Rgb(0.5, 0.5, 0.5), 1.0).withEmission(glow);
        SceneObject lamp = box(1, 4, 1, 4, new Vec3(0, 0, 0), 0, glowing);
        RenderedFrame rendered = render(frame(lookingDown(), night(List.of()), MATTE_GREY, List.of(lamp)));
        int c = SIZE / 2;
        RendererTest.assertSrgb(RendererTest.rgbAt(rendered, c, c), 1, new Rgb(0.2, 0.6, 0.4));
        assertThat(RendererTest.rgbAt(rendered, 1, 1)).as("the unlit ground").containsExactly(0, 0, 0);
    }

    @Test
    void lightsEmissionAndExposureLeaveIdsAndDepthExactlyAsTheyWere() {
        List<SceneObject> boxes = List.of(
                box(1, 2, 1, 2, new Vec3(-2, 0, 0), 0, TestFrames.GREY),
                box(2, 2, 2, 2, new Vec3(2, 0, 1), 30, TestFrames.GREY.withEmission(new Emission(WHITE, 3))));
        Frame dark = frame(lookingDown(), night(List.of()), MATTE_GREY, boxes);
        Frame lit = frame(lookingDown(), night(List.of(point(3, 50_000), downwardSpot(5, 80_000, 10, 30)))
                .withExposure(Exposure.fixed(3)), MATTE_GREY, boxes);
        RenderedFrame a = render(dark);
        RenderedFrame b = render(lit);
        assertThat(b.instanceIds()).isEqualTo(a.instanceIds());
        assertThat(b.depthMeters()).isEqualTo(a.depthMeters());
        assertThat(RendererTest.distinctIds(b)).containsExactly(0, 1, 2);
        assertThat(b.rgb()).isNotEqualTo(a.rgb());
    }

    @Test
    void exposureMultipliesLinearLightBeforeTheEightBitEncoding() {
        // 1,600 cd 2 m up: 0.04 units, grey reads 0.02 (level 39); 3 stops up it reads 0.16
        List<LocalLight> dim = List.of(point(2, 1_600));
        RenderedFrame plain = render(frame(lookingDown(), night(dim), MATTE_GREY, List.of()));
        RenderedFrame exposed = render(frame(lookingDown(), night(dim).withExposure(Exposure.fixed(3)), MATTE_GREY, List.of()));
        assertGroundMatches(plain, dim, 1);
        assertGroundMatches(exposed, dim, 8);
    }

    @Test
    void autoExposureBringsTheMeteredGroundToTheTarget() {
        // looking straight down, the metered point is under the camera; 2,500 cd 2 m above it give
        // 625 lux = 1/16 unit: ev = 4, and the grey ground there reads 0.5 x 1/16 x 16 = 0.5
        Lighting lighting = night(List.of(point(2, 2_500)));
        Exposure auto = Exposure.auto(lookingDown(), lighting, 8);
        assertThat(auto.ev()).isCloseTo(4, within(1e-5));
        RenderedFrame rendered = render(frame(lookingDown(), lighting.withExposure(auto), MATTE_GREY, List.of()));
        int c = SIZE / 2;
        assertThat(green(rendered, c, c)).isCloseTo(SrgbReference.encode8(0.5), within(RenderTolerances.SRGB_LEVELS));
        assertGroundMatches(rendered, lighting.lights(), auto.gain());
    }

    @Test
    void aFullyMetallicRoughSurfaceHasNoDiffuseLight() {
        List<LocalLight> light = List.of(point(6, 100_000));
        Material metal = new Material(new Rgb(0.9, 0.6, 0.3), 1.0, 1.0, null);
        Material dielectric = new Material(new Rgb(0.9, 0.6, 0.3), 1.0);
        int c = SIZE / 2;
        RenderedFrame metallic = render(frame(lookingDown(), night(light), MATTE_GREY,
                List.of(box(1, 3, 1, 3, Vec3.ZERO, 0, metal))));
        RenderedFrame matte = render(frame(lookingDown(), night(light), MATTE_GREY,
                List.of(box(1, 3, 1, 3, Vec3.ZERO, 0, dielectric))));
        assertThat(RendererTest.rgbAt(metallic, c, c)).containsExactly(0, 0, 0);
        // 100,000 cd 5 m above the box's top: 0.4 units, times the base colour
        RendererTest.assertSrgb(RendererTest.rgbAt(matte, c, c), 0.4, new Rgb(0.9, 0.6, 0.3));
    }
}
