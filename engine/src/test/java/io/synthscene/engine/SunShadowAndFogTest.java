package io.synthscene.engine;

import static io.synthscene.engine.RendererTest.rgbAt;
import static io.synthscene.engine.TestFrames.GROUND;
import static io.synthscene.engine.TestFrames.GREY;
import static io.synthscene.engine.TestFrames.box;
import static io.synthscene.engine.TestFrames.camera;
import static io.synthscene.engine.TestFrames.frame;
import static io.synthscene.engine.TestFrames.ground;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Daylight;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Shadows;
import io.synthscene.scenes.frame.Vec3;
import io.synthscene.scenes.frame.Material;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sun shadows and fog on llvmpipe, against answers worked out on the CPU: a box's shadow on the
 * ground is where the sun's rays through its corners land, and there the ground loses exactly the
 * sun's contribution; fog follows Koschmieder's law with the distance from the camera.
 */
class SunShadowAndFogTest {
    static final int WIDTH = 160;
    static final int HEIGHT = 120;
    static final Shadows SHADOWS = Shadows.on(2048);
    static final Set<RenderPass> ALL = EnumSet.allOf(RenderPass.class);

    static Renderer renderer;

    @BeforeAll
    static void open() {
        renderer = Renderer.open(DevicePreference.AUTO, WIDTH, HEIGHT, 1, TestFrames.BOXES);
    }

    @AfterAll
    static void close() {
        renderer.close();
    }

    /** White sun from +X (azimuth 90) at {@code elevation}, white sky light 0.3. */
    static Lighting sunFromPlusX(double elevationDegrees, Shadows shadows) {
        return new Lighting(90, elevationDegrees, 1.0, new Rgb(1, 1, 1), 0.3, new Rgb(1, 1, 1), TestFrames.SKY)
                .withShadows(shadows);
    }

    /** 12 m up and 12 m back (+Z), looking down 45 degrees at the origin. */
    static Camera lookingDownAtTheOrigin() {
        return camera(new Vec3(0, 12, 12), 0, -45, 60, WIDTH, HEIGHT);
    }

    static int[] pixelOf(Camera camera, Vec3 world) {
        double[] uv = new PinholeProjection(camera).project(world);
        return new int[] {(int) Math.floor(uv[0]), (int) Math.floor(uv[1])};
    }

    static int[] rgbOf(RenderedFrame rendered, Camera camera, Vec3 world) {
        int[] p = pixelOf(camera, world);
        return rgbAt(rendered, p[0], p[1]);
    }

    static void assertLinearRgb(int[] actual, double r, double g, double b) {
        assertThat(actual[0]).isCloseTo(SrgbReference.encode8(r), within(RenderTolerances.SRGB_LEVELS));
        assertThat(actual[1]).isCloseTo(SrgbReference.encode8(g), within(RenderTolerances.SRGB_LEVELS));
        assertThat(actual[2]).isCloseTo(SrgbReference.encode8(b), within(RenderTolerances.SRGB_LEVELS));
    }

    static void assertSameWithin(int[] actual, int[] expected, int levels) {
        for (int c = 0; c < 3; c++) {
            assertThat(actual[c]).isCloseTo(expected[c], within(levels));
        }
    }

    @Test
    void groundInsideABoxsShadowLosesExactlyTheSunsContributionAndGroundOutsideIsUnchanged() {
        // A 2 m cube on the origin (x, z in [-1, 1]); the sun 45 degrees up from +X: the shadow on
        // the ground is x in [-3, -1], z in [-1, 1].
        Camera camera = lookingDownAtTheOrigin();
        SceneObject cube = box(1, 2, 2, 2, new Vec3(0, 0, 0), 0, GREY);
        Lighting withShadows = sunFromPlusX(45, SHADOWS);
        RenderedFrame shadowed = renderer.render(frame(camera, withShadows, ground(200), List.of(cube)), ALL);
        RenderedFrame unshadowed = renderer.render(frame(camera, sunFromPlusX(45, Shadows.OFF), ground(200), List.of(cube)), ALL);
        RenderedFrame noBox = renderer.render(frame(camera, withShadows, ground(200), List.of()), ALL);

        Rgb g = GROUND.color();
        double sky = Daylight.skyLight(withShadows).x();
        double sun = Math.sin(Math.toRadians(45));
        for (Vec3 inShadow : List.of(new Vec3(-2, 0, 0), new Vec3(-2.6, 0, 0.6), new Vec3(-1.3, 0, -0.6))) {
            assertLinearRgb(rgbOf(shadowed, camera, inShadow), g.r() * sky, g.g() * sky, g.b() * sky);
            assertLinearRgb(rgbOf(unshadowed, camera, inShadow), g.r() * (sky + sun), g.g() * (sky + sun), g.b() * (sky + sun));
            assertLinearRgb(rgbOf(noBox, camera, inShadow), g.r() * (sky + sun), g.g() * (sky + sun), g.b() * (sky + sun));
        }
        for (Vec3 outside : List.of(new Vec3(2.5, 0, 0), new Vec3(-2, 0, 2.5), new Vec3(-4, 0, 0), new Vec3(0, 0, 3))) {
            assertSameWithin(rgbOf(shadowed, camera, outside), rgbOf(noBox, camera, outside), RenderTolerances.SRGB_LEVELS);
            assertLinearRgb(rgbOf(shadowed, camera, outside), g.r() * (sky + sun), g.g() * (sky + sun), g.b() * (sky + sun));
        }
    }

    @Test
    void aBoxOutOfViewBetweenTheSunAndTheGroundStillCastsIntoTheView() {
        // A 3 x 12 x 2 tower behind the camera (z in [19, 21]); the sun behind it, 30 degrees up:
        // its shadow reaches forward to z = 19 - 12 / tan 30 = -1.8, under the camera's gaze.
        Camera camera = lookingDownAtTheOrigin();
        SceneObject tower = box(1, 3, 12, 2, new Vec3(0, 0, 20), 0, GREY);
        Lighting light = new Lighting(180, 30, 1.0, new Rgb(1, 1, 1), null, 0.3, new Rgb(1, 1, 1), TestFrames.SKY,
                SHADOWS, null);
        RenderedFrame rendered = renderer.render(frame(camera, light, ground(200), List.of(tower)), ALL);
        assertThat(Mask.of(rendered, 1).count()).as("the tower is out of view").isZero();
        Rgb g = GROUND.color();
        double sky = Daylight.skyLight(light).x();
        double sun = Math.sin(Math.toRadians(30));
        for (Vec3 inShadow : List.of(new Vec3(0, 0, 2), new Vec3(0.8, 0, 5), new Vec3(-0.8, 0, 6))) {
            assertLinearRgb(rgbOf(rendered, camera, inShadow), g.r() * sky, g.g() * sky, g.b() * sky);
        }
        assertLinearRgb(rgbOf(rendered, camera, new Vec3(4, 0, 4)), g.r() * (sky + sun), g.g() * (sky + sun), g.b() * (sky + sun));
    }

    @Test
    void aSunBelowTheHorizonLightsNothing() {
        // Sun behind the camera (+Z), 10 degrees below the horizon: the cube's +Z face, which the
        // camera sees, would face it, but the ground is in the way.
        Camera camera = lookingDownAtTheOrigin();
        SceneObject cube = box(1, 2, 2, 2, new Vec3(0, 0, 0), 0, GREY);
        Lighting below = new Lighting(180, -10, 1, new Rgb(1, 1, 1), null, 0.3, new Rgb(1, 1, 1), TestFrames.SKY, SHADOWS, null);
        Lighting dark = new Lighting(180, -10, 0, new Rgb(1, 1, 1), null, 0.3, new Rgb(1, 1, 1), TestFrames.SKY, SHADOWS, null);
        RenderedFrame a = renderer.render(frame(camera, below, ground(200), List.of(cube)), Set.of(RenderPass.COLOR));
        RenderedFrame b = renderer.render(frame(camera, dark, ground(200), List.of(cube)), Set.of(RenderPass.COLOR));
        assertThat(a.rgb()).isEqualTo(b.rgb());
    }

    @Test
    void theShadowTouchesTheBoxWithoutAGap() {
        // No peter-panning: ground 0.25 m from the shaded wall's foot is already in full shadow.
        Camera camera = lookingDownAtTheOrigin();
        SceneObject cube = box(1, 2, 2, 2, new Vec3(0, 0, 0), 0, GREY);
        for (double elevation : new double[] {20, 45, 70}) {
            Lighting light = sunFromPlusX(elevation, SHADOWS);
            RenderedFrame shadowed = renderer.render(frame(camera, light, ground(200), List.of(cube)), Set.of(RenderPass.COLOR));
            double sky = Daylight.skyLight(light).x();
            Rgb g = GROUND.color();
            assertThat(rgbOf(shadowed, camera, new Vec3(-1.25, 0, 0))).as("at %s degrees", elevation)
                    .satisfies(rgb -> assertLinearRgb(rgb, g.r() * sky, g.g() * sky, g.b() * sky));
        }
    }

    @Test
    void aLitFlatTopAndTheLitGroundShowNoAcne() {
        // A 6 x 1 x 6 slab: its top (y = 1) casts depth into the map and receives from it.
        Camera camera = camera(new Vec3(0, 14, 8), 0, -60, 60, WIDTH, HEIGHT);
        SceneObject slab = box(1, 6, 1, 6, new Vec3(0, 0, 0), 0, new Material(new Rgb(0.5, 0.5, 0.5), 1.0));
        for (double elevation : new double[] {10, 30, 60, 85}) {
            Frame with = frame(camera, sunFromPlusX(elevation, SHADOWS), ground(200), List.of(slab));
            Frame without = frame(camera, sunFromPlusX(elevation, Shadows.OFF), ground(200), List.of(slab));
            RenderedFrame shadowed = renderer.render(with, ALL);
            RenderedFrame reference = renderer.render(without, ALL);
            int[] bbox = Mask.of(shadowed, 1).bbox();
            int checked = 0;
            int groundChecked = 0;
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    boolean slabInterior = x > bbox[0] + 2 && x < bbox[2] - 2 && y > bbox[1] + 2 && y < bbox[3] - 2
                            && isTop(camera, shadowed, x, y);
                    // ground on the sunny side (+X) and in front (+Z) of the slab is never shaded
                    boolean sunnyGround = shadowed.instanceIdAt(x, y) == 0 && shadowed.depthMeters()[y * WIDTH + x] < 100
                            && pointAt(camera, shadowed, x, y).x() > 3.3;
                    if (slabInterior || sunnyGround) {
                        int[] a = rgbAt(shadowed, x, y);
                        int[] b = rgbAt(reference, x, y);
                        for (int c = 0; c < 3; c++) {
                            assertThat(a[c]).as("pixel (%d, %d) at %s degrees", x, y, elevation)
                                    .isCloseTo(b[c], within(RenderTolerances.SRGB_LEVELS));
                        }
                        if (slabInterior) {
                            checked++;
                        } else {
                            groundChecked++;
                        }
                    }
                }
            }
            assertThat(checked).isGreaterThan(200);
            assertThat(groundChecked).isGreaterThan(200);
        }
    }

    /** The slab's top face at y = 1: depth matches the plane y = 1 (side faces are steeper). */
    private static boolean isTop(Camera camera, RenderedFrame rendered, int x, int y) {
        return rendered.instanceIdAt(x, y) == 1 && Math.abs(pointAt(camera, rendered, x, y).y() - 1) < 0.02;
    }

    /** The world point a pixel centre sees, from the depth pass (distance along the viewing axis). */
    static Vec3 pointAt(Camera camera, RenderedFrame rendered, int x, int y) {
        double depth = rendered.depthMeters()[y * rendered.width() + x];
        double[][] k = camera.intrinsics();
        double cx = (x + 0.5 - k[0][2]) / k[0][0] * depth;
        double cy = (y + 0.5 - k[1][2]) / k[1][1] * depth;
        double[][] m = camera.cameraToWorld();
        return new Vec3(m[0][0] * cx + m[0][1] * cy + m[0][2] * depth + m[0][3],
                m[1][0] * cx + m[1][1] * cy + m[1][2] * depth + m[1][3],
                m[2][0] * cx + m[2][1] * cy + m[2][2] * depth + m[2][3]);
    }

    @Test
    void shadowsAndFogChangeNeitherIdsNorDepth() {
        Camera camera = lookingDownAtTheOrigin();
        List<SceneObject> boxes = List.of(box(1, 2, 2, 2, new Vec3(0, 0, 0), 0, GREY),
                box(2, 1, 3, 1, new Vec3(-2.5, 0, 0), 20, GREY));
        RenderedFrame plain = renderer.render(frame(camera, sunFromPlusX(30, Shadows.OFF), ground(200), boxes), ALL);
        RenderedFrame dressed = renderer.render(frame(camera, sunFromPlusX(30, SHADOWS).withFog(30.0), ground(200), boxes), ALL);
        assertThat(dressed.instanceIds()).isEqualTo(plain.instanceIds());
        assertThat(dressed.depthMeters()).isEqualTo(plain.depthMeters());
        assertThat(dressed.rgb()).isNotEqualTo(plain.rgb());
    }

    @Test
    void foggedGroundMovesTowardsTheAirlightMonotonicallyWithDistance() {
        Camera camera = camera(new Vec3(0, 1.5, 0), 0, -8, 60, WIDTH, HEIGHT);
        Lighting clear = sunFromPlusX(40, Shadows.OFF);
        Lighting fog = clear.withFog(60.0);
        RenderedFrame fogged = renderer.render(frame(camera, fog, ground(400), List.of()), ALL);
        RenderedFrame fogFree = renderer.render(frame(camera, clear, ground(400), List.of()), ALL);
        Rgb airlight = Daylight.horizonSky(fog);
        int[] a = {SrgbReference.encode8(airlight.r()), SrgbReference.encode8(airlight.g()), SrgbReference.encode8(airlight.b())};
        double beta = 3.912 / 60.0;

        // Up the centre column from the bottom: the ground gets farther, its colour nearer the airlight.
        int x = WIDTH / 2;
        double previousDistance = 0;
        int previousGap = Integer.MAX_VALUE;
        int groundRows = 0;
        for (int y = HEIGHT - 1; y >= 0 && fogged.depthMeters()[y * WIDTH + x] < 1000; y--) {
            Vec3 p = pointAt(camera, fogged, x, y);
            double distance = Math.sqrt(Math.pow(p.x() - 0, 2) + Math.pow(p.y() - 1.5, 2) + Math.pow(p.z() - 0, 2));
            assertThat(distance).isGreaterThan(previousDistance);
            int[] rgb = rgbAt(fogged, x, y);
            int gap = Math.abs(rgb[0] - a[0]) + Math.abs(rgb[1] - a[1]) + Math.abs(rgb[2] - a[2]);
            assertThat(gap).as("row %d at %.1f m", y, distance).isLessThanOrEqualTo(previousGap);
            // and the value is Koschmieder's: J t + A (1 - t), J the fog-free ground
            double t = Math.exp(-beta * distance);
            int[] j = rgbAt(fogFree, x, y);
            double[] jLinear = {SrgbReference.decode8(j[0]), SrgbReference.decode8(j[1]), SrgbReference.decode8(j[2])};
            assertLinearRgb(rgb, jLinear[0] * t + airlight.r() * (1 - t), jLinear[1] * t + airlight.g() * (1 - t),
                    jLinear[2] * t + airlight.b() * (1 - t));
            previousDistance = distance;
            previousGap = gap;
            groundRows++;
        }
        assertThat(groundRows).isGreaterThan(30);
        // the first rows (about 10 m away) are far from the airlight, the last (hundreds of metres) on it
        assertThat(previousGap).isLessThanOrEqualTo(3);
        int[] sky = rgbAt(fogged, x, 0);
        assertThat(fogged.depthMeters()[x]).isEqualTo(Float.POSITIVE_INFINITY);
        assertSameWithin(sky, a, RenderTolerances.SRGB_LEVELS);
    }

    @Test
    void fogWithAVisibilityFarBeyondTheSceneChangesNoPixelByMoreThanOneLevel() {
        Camera camera = lookingDownAtTheOrigin();
        List<SceneObject> boxes = List.of(box(1, 2, 2, 2, new Vec3(0, 0, 0), 0, GREY));
        Lighting clear = sunFromPlusX(30, SHADOWS);
        RenderedFrame fogFree = renderer.render(frame(camera, clear, ground(200), boxes), Set.of(RenderPass.COLOR));
        RenderedFrame farFog = renderer.render(frame(camera, clear.withFog(1e7), ground(200), boxes), Set.of(RenderPass.COLOR));
        byte[] a = fogFree.rgb();
        byte[] b = farFog.rgb();
        for (int i = 0; i < a.length; i++) {
            assertThat(Math.abs((a[i] & 0xFF) - (b[i] & 0xFF))).as("byte %d", i).isLessThanOrEqualTo(RenderTolerances.SRGB_LEVELS);
        }
    }
}
