package io.synthscene.engine;

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
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Vec3;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real renders on this machine's llvmpipe, checked against answers worked out on the CPU: boxes
 * project to known rectangles, depth equals known distances, flat materials read back as known
 * sRGB values.
 */
class RendererTest {
    static final int WIDTH = 160;
    static final int HEIGHT = 120;
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

    /**
     * Level camera 1.5 m up at z = 10 looking along -Z; a 2 x 1 x 1 box floating at x -0.7..1.3,
     * y 0.8..1.8, z -0.5..0.5, off-centre both ways so that a mirrored image would not pass.
     */
    static Frame headOnBox(double yawDegrees) {
        Camera camera = camera(new Vec3(0, 1.5, 10), 0, 0, 50, WIDTH, HEIGHT);
        SceneObject box = box(1, 2, 1, 1, new Vec3(0.3, 0.8, 0), yawDegrees, GREY);
        return frame(camera, TestFrames.ambientOnly(new Rgb(1, 1, 1), 0.5), ground(200), List.of(box));
    }

    @Test
    void autoPicksLlvmpipeOnThisMachine() {
        assertThat(renderer.isHardware()).isFalse();
        assertThat(renderer.deviceName()).contains("llvmpipe");
    }

    @Test
    void headOnBoxMaskIsTheSolidRectangleOfItsProjectedCorners() {
        Frame frame = headOnBox(0);
        RenderedFrame rendered = renderer.render(frame, Set.of(RenderPass.INSTANCE_ID));

        PinholeProjection pinhole = new PinholeProjection(frame.camera());
        double[] extent = pinhole.projectedExtent(-0.7, 0.8, -0.5, 1.3, 1.8, 0.5);
        int[] expected = PinholeProjection.pixelsCovered(extent[0], extent[1], extent[2], extent[3]);
        Mask mask = Mask.of(rendered, 1);

        assertThat(mask.bbox()).satisfies(box -> {
            for (int i = 0; i < 4; i++) {
                assertThat(box[i]).as("bbox[%d]", i).isCloseTo(expected[i], within(RenderTolerances.BBOX_PIXELS));
            }
        });
        assertThat(mask.count()).as("a head-on box face is a solid rectangle").isEqualTo(mask.bboxArea());
        assertThat(distinctIds(rendered)).containsExactly(0, 1);
    }

    @Test
    void turnedBoxMaskBboxMatchesItsProjectedCorners() {
        Frame frame = headOnBox(30);
        RenderedFrame rendered = renderer.render(frame, Set.of(RenderPass.INSTANCE_ID));

        SceneObject box = frame.objects().get(0);
        Matrix4d model = box.modelMatrix();
        PinholeProjection pinhole = new PinholeProjection(frame.camera());
        double uMin = Double.MAX_VALUE, vMin = Double.MAX_VALUE, uMax = -Double.MAX_VALUE, vMax = -Double.MAX_VALUE;
        for (double x : new double[] {-1, 1}) {
            for (double y : new double[] {0, 1}) {
                for (double z : new double[] {-0.5, 0.5}) {
                    Vector3d world = model.transformPosition(new Vector3d(x, y, z));
                    double[] uv = pinhole.project(new Vec3(world.x, world.y, world.z));
                    uMin = Math.min(uMin, uv[0]);
                    vMin = Math.min(vMin, uv[1]);
                    uMax = Math.max(uMax, uv[0]);
                    vMax = Math.max(vMax, uv[1]);
                }
            }
        }
        int[] expected = PinholeProjection.pixelsCovered(uMin, vMin, uMax, vMax);
        int[] actual = Mask.of(rendered, 1).bbox();
        for (int i = 0; i < 4; i++) {
            assertThat(actual[i]).as("bbox[%d]", i).isCloseTo(expected[i], within(RenderTolerances.BBOX_PIXELS));
        }
    }

    @Test
    void nearerBoxHidesExactlyTheOverlapOfTheFartherOne() {
        // Camera at (0, 1, 10) lies within both boxes' x and y ranges, so each silhouette is its
        // front face: far box 1 (x -1..1, y 0..2, front at z 0.25), near box 2 (x -1.1..0.1,
        // y -0.2..2.2, front at z 4.25) hides the left part of box 1.
        Camera camera = camera(new Vec3(0, 1, 10), 0, 0, 50, WIDTH, HEIGHT);
        SceneObject far = box(1, 2, 2, 0.5, new Vec3(0, 0, 0), 0, GREY);
        SceneObject near = box(2, 1.2, 2.4, 0.5, new Vec3(-0.5, -0.2, 4), 0, GREY);
        Frame frame = frame(camera, TestFrames.ambientOnly(new Rgb(1, 1, 1), 0.5), ground(200), List.of(far, near));
        RenderedFrame rendered = renderer.render(frame, Set.of(RenderPass.INSTANCE_ID, RenderPass.DEPTH));

        PinholeProjection pinhole = new PinholeProjection(camera);
        int[] farRect = covered(pinhole, -1, 0, 0.25, 1, 2);
        int[] nearRect = covered(pinhole, -1.1, -0.2, 4.25, 0.1, 2.2);
        int expectedVisible = 0;
        for (int y = farRect[1]; y <= farRect[3]; y++) {
            for (int x = farRect[0]; x <= farRect[2]; x++) {
                boolean hidden = x >= nearRect[0] && x <= nearRect[2] && y >= nearRect[1] && y <= nearRect[3];
                expectedVisible += hidden ? 0 : 1;
            }
        }
        int visibleWidth = farRect[2] - nearRect[2];
        int visibleHeight = farRect[3] - farRect[1] + 1;
        int borderTolerance = 2 * (visibleWidth + visibleHeight);

        Mask farMask = Mask.of(rendered, 1);
        assertThat(expectedVisible).as("the setup hides part, not all, of box 1").isBetween(100, Mask.areaOf(farRect) - 100);
        assertThat(farMask.count()).isCloseTo(expectedVisible, within(borderTolerance));
        assertThat(farMask.bbox()[0]).isCloseTo(nearRect[2] + 1, within(RenderTolerances.BBOX_PIXELS));
        // and the depth pass agrees with the id pass about who is in front
        int nearPixel = (nearRect[1] + nearRect[3]) / 2 * WIDTH + (nearRect[0] + nearRect[2]) / 2;
        int farPixel = (farRect[1] + farRect[3]) / 2 * WIDTH + (nearRect[2] + farRect[2]) / 2;
        assertThat(rendered.instanceIds()[nearPixel]).isEqualTo(2);
        assertThat((double) rendered.depthMeters()[nearPixel]).isCloseTo(5.75, within(RenderTolerances.DEPTH_METERS));
        assertThat(rendered.instanceIds()[farPixel]).isEqualTo(1);
        assertThat((double) rendered.depthMeters()[farPixel]).isCloseTo(9.75, within(RenderTolerances.DEPTH_METERS));
    }

    private static int[] covered(PinholeProjection pinhole, double x0, double y0, double z, double x1, double y1) {
        double[] extent = pinhole.projectedExtent(x0, y0, z, x1, y1, z);
        return PinholeProjection.pixelsCovered(extent[0], extent[1], extent[2], extent[3]);
    }

    @Test
    void depthOnAHeadOnFaceIsItsDistanceAlongTheViewingAxisAndSkyIsInfinite() {
        Frame frame = headOnBox(0);
        RenderedFrame rendered = renderer.render(frame, Set.of(RenderPass.INSTANCE_ID, RenderPass.DEPTH));
        PinholeProjection pinhole = new PinholeProjection(frame.camera());
        int[] face = Mask.of(rendered, 1).bbox();
        int checkedFace = 0;
        int checkedSky = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                float depth = rendered.depthMeters()[y * WIDTH + x];
                boolean inFaceInterior = x > face[0] && x < face[2] && y > face[1] && y < face[3];
                if (inFaceInterior) {
                    assertThat((double) depth).as("depth at %d,%d", x, y).isCloseTo(9.5, within(RenderTolerances.DEPTH_METERS));
                    checkedFace++;
                } else if (rendered.instanceIdAt(x, y) == 0 && pinhole.groundDepthAt(x, y) == Double.POSITIVE_INFINITY) {
                    assertThat(depth).as("sky depth at %d,%d", x, y).isEqualTo(Float.POSITIVE_INFINITY);
                    checkedSky++;
                }
            }
        }
        assertThat(checkedFace).isGreaterThan(100);
        assertThat(checkedSky).isGreaterThan(WIDTH * 20);
    }

    @Test
    void groundDepthMatchesARayCastFromACameraLookingDown() {
        Camera camera = camera(new Vec3(1, 3, -2), 20, -35, 60, WIDTH, HEIGHT);
        Frame frame = frame(camera, TestFrames.ambientOnly(new Rgb(1, 1, 1), 0.5), ground(200), List.of());
        RenderedFrame rendered = renderer.render(frame, Set.of(RenderPass.DEPTH));
        PinholeProjection pinhole = new PinholeProjection(camera);
        double worst = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double expected = pinhole.groundDepthAt(x, y);
                assertThat(expected).as("the whole view is ground").isLessThan(50);
                double actual = rendered.depthMeters()[y * WIDTH + x];
                assertThat(actual).as("ground depth at %d,%d", x, y)
                        .isCloseTo(expected, within(expected * RenderTolerances.GROUND_DEPTH_RELATIVE));
                worst = Math.max(worst, Math.abs(actual - expected) / expected);
            }
        }
        assertThat(worst).isLessThan(RenderTolerances.GROUND_DEPTH_RELATIVE);
    }

    @Test
    void flatGreyLitOnlyByAmbientReadsBackAsTheExpectedSrgb() {
        Rgb ambient = new Rgb(1.0, 0.8, 0.6);
        double intensity = 0.6;
        Camera camera = camera(new Vec3(0, 1.5, 10), 0, 0, 50, WIDTH, HEIGHT);
        SceneObject box = box(1, 2, 1, 1, new Vec3(0.3, 1.0, 0), 0, GREY);
        Frame frame = frame(camera, TestFrames.ambientOnly(ambient, intensity), ground(200), List.of(box));
        RenderedFrame rendered = renderer.render(frame, Set.of(RenderPass.COLOR, RenderPass.INSTANCE_ID));
        PinholeProjection pinhole = new PinholeProjection(camera);

        // Box front face: normal +Z, half sky light (ambient x intensity), half ground bounce (the
        // ground's albedo x the sky light it receives, no sun).
        Rgb g = TestFrames.GROUND.color();
        int[] face = Mask.of(rendered, 1).bbox();
        int[] faceRgb = rgbAt(rendered, (face[0] + face[2]) / 2, (face[1] + face[3]) / 2);
        assertSrgb(faceRgb, 0.5 * intensity, new Rgb(ambient.r() * (1 + g.r()) / 2, ambient.g() * (1 + g.g()) / 2,
                ambient.b() * (1 + g.b()) / 2));

        // Ground below the box: normal +Y, all sky light.
        int groundY = HEIGHT - 5;
        assertThat(pinhole.groundDepthAt(WIDTH / 2, groundY)).isLessThan(50);
        int[] groundRgb = rgbAt(rendered, WIDTH / 2, groundY);
        assertThat(groundRgb[0]).isCloseTo(SrgbReference.encode8(g.r() * ambient.r() * intensity), within(RenderTolerances.SRGB_LEVELS));
        assertThat(groundRgb[1]).isCloseTo(SrgbReference.encode8(g.g() * ambient.g() * intensity), within(RenderTolerances.SRGB_LEVELS));
        assertThat(groundRgb[2]).isCloseTo(SrgbReference.encode8(g.b() * ambient.b() * intensity), within(RenderTolerances.SRGB_LEVELS));

        // Sky: the clear colour, sRGB-encoded.
        int[] skyRgb = rgbAt(rendered, 2, 2);
        assertThat(rendered.instanceIdAt(2, 2)).isZero();
        assertThat(skyRgb[0]).isCloseTo(SrgbReference.encode8(TestFrames.SKY.r()), within(RenderTolerances.SRGB_LEVELS));
        assertThat(skyRgb[1]).isCloseTo(SrgbReference.encode8(TestFrames.SKY.g()), within(RenderTolerances.SRGB_LEVELS));
        assertThat(skyRgb[2]).isCloseTo(SrgbReference.encode8(TestFrames.SKY.b()), within(RenderTolerances.SRGB_LEVELS));
    }

    @Test
    void sunAddsBaseColourTimesSunTimesCosineOfItsElevationOnTheGround() {
        Camera camera = camera(new Vec3(0, 3, 0), 0, -60, 40, WIDTH, HEIGHT);
        double ambient = 0.2;
        double sun = 0.8;
        Frame frame = frame(camera, TestFrames.sunAndAmbient(135, 30, sun, ambient), ground(200), List.of());
        RenderedFrame rendered = renderer.render(frame, Set.of(RenderPass.COLOR));
        // Ground normal +Y; the sun 30 degrees above the horizon: n.l = sin 30 = 0.5; roughness 1: no
        // highlight. The sky light (white ambient) is dimmed for a sun 30 degrees high (Daylight).
        Rgb g = TestFrames.GROUND.color();
        double light = ambient * Daylight.skyBrightness(30) + sun * 0.5;
        int[] rgb = rgbAt(rendered, WIDTH / 2, HEIGHT / 2);
        assertThat(rgb[0]).isCloseTo(SrgbReference.encode8(g.r() * light), within(RenderTolerances.SRGB_LEVELS));
        assertThat(rgb[1]).isCloseTo(SrgbReference.encode8(g.g() * light), within(RenderTolerances.SRGB_LEVELS));
        assertThat(rgb[2]).isCloseTo(SrgbReference.encode8(g.b() * light), within(RenderTolerances.SRGB_LEVELS));
    }

    @Test
    void renderingTheSameFrameTwiceGivesIdenticalBytes() {
        Frame frame = headOnBox(30);
        RenderedFrame first = renderer.render(frame, ALL);
        RenderedFrame second = renderer.render(frame, ALL);
        assertThat(second.rgb()).isEqualTo(first.rgb());
        assertThat(second.instanceIds()).isEqualTo(first.instanceIds());
        assertThat(second.depthMeters()).isEqualTo(first.depthMeters());
    }

    @Test
    void onlyThePassesAskedForAreRendered() {
        Frame frame = headOnBox(0);
        RenderedFrame idsOnly = renderer.render(frame, Set.of(RenderPass.INSTANCE_ID));
        assertThat(idsOnly.rgb()).isNull();
        assertThat(idsOnly.depthMeters()).isNull();
        assertThat(idsOnly.instanceIds()).hasSize(WIDTH * HEIGHT);

        RenderedFrame colourOnly = renderer.render(frame, Set.of(RenderPass.COLOR));
        assertThat(colourOnly.instanceIds()).isNull();
        assertThat(colourOnly.depthMeters()).isNull();
        assertThat(colourOnly.rgb()).hasSize(WIDTH * HEIGHT * 3);
        assertThat(colourOnly.device()).contains("llvmpipe");
        assertThat(colourOnly.index()).isEqualTo(frame.index());
    }

    @Test
    void scenerySharesIdZeroWithTheBackground() {
        Camera camera = camera(new Vec3(0, 1.5, 10), 0, 0, 50, WIDTH, HEIGHT);
        SceneObject scenery = box(0, 1, 1, 1, new Vec3(-2, 1, 0), 0, GREY);
        SceneObject labelled = box(1, 1, 1, 1, new Vec3(2, 1, 0), 0, GREY);
        Frame frame = frame(camera, TestFrames.ambientOnly(new Rgb(1, 1, 1), 0.5), ground(200), List.of(scenery, labelled));
        RenderedFrame rendered = renderer.render(frame, ALL);
        assertThat(distinctIds(rendered)).containsExactly(0, 1);
        // but the scenery box is drawn: it has depth, and colour different from the sky
        PinholeProjection pinhole = new PinholeProjection(camera);
        double[] centre = pinhole.project(new Vec3(-2, 1.5, 0.5));
        int x = (int) centre[0];
        int y = (int) centre[1];
        assertThat((double) rendered.depthMeters()[y * WIDTH + x]).isCloseTo(9.5, within(RenderTolerances.DEPTH_METERS));
    }

    @Test
    void aFrameWithoutGroundAfterOneWithGroundShowsOnlySkyAroundTheBox() {
        renderer.render(headOnBox(0), Set.of(RenderPass.DEPTH));
        Frame withoutGround = new Frame(1, 1234L, headOnBox(0).camera(), headOnBox(0).lighting(), null,
                TestFrames.CATEGORIES, headOnBox(0).objects());
        RenderedFrame rendered = renderer.render(withoutGround, Set.of(RenderPass.INSTANCE_ID, RenderPass.DEPTH));
        int bottomLeft = (HEIGHT - 1) * WIDTH;
        assertThat(rendered.instanceIds()[bottomLeft]).isZero();
        assertThat(rendered.depthMeters()[bottomLeft]).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(Mask.of(rendered, 1).count()).isPositive();
    }

    static Set<Integer> distinctIds(RenderedFrame rendered) {
        Set<Integer> ids = new TreeSet<>();
        for (int id : rendered.instanceIds()) {
            ids.add(id);
        }
        return ids;
    }

    static int[] rgbAt(RenderedFrame rendered, int x, int y) {
        int i = (y * rendered.width() + x) * 3;
        byte[] rgb = rendered.rgb();
        return new int[] {rgb[i] & 0xFF, rgb[i + 1] & 0xFF, rgb[i + 2] & 0xFF};
    }

    static void assertSrgb(int[] actual, double linearScale, Rgb tint) {
        assertThat(actual[0]).isCloseTo(SrgbReference.encode8(linearScale * tint.r()), within(RenderTolerances.SRGB_LEVELS));
        assertThat(actual[1]).isCloseTo(SrgbReference.encode8(linearScale * tint.g()), within(RenderTolerances.SRGB_LEVELS));
        assertThat(actual[2]).isCloseTo(SrgbReference.encode8(linearScale * tint.b()), within(RenderTolerances.SRGB_LEVELS));
    }
}
