package io.synthscene.engine;

import static io.synthscene.engine.TestFrames.GREY;
import static io.synthscene.engine.TestFrames.box;
import static io.synthscene.engine.TestFrames.camera;
import static io.synthscene.engine.TestFrames.frame;
import static io.synthscene.engine.TestFrames.ground;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Silhouette;
import io.synthscene.scenes.frame.SilhouetteMask;
import io.synthscene.scenes.frame.Silhouettes;
import io.synthscene.scenes.frame.Vec3;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SILHOUETTES pass on llvmpipe: each labelled object's silhouette is exactly the id mask it
 * has when rendered alone, contains its visible pixels, and reaches into the guard band where the
 * projection says it should.
 */
class SilhouettePassTest {
    static final int WIDTH = 160;
    static final int HEIGHT = 120;

    static Renderer renderer;

    @BeforeAll
    static void open() {
        renderer = Renderer.open(DevicePreference.AUTO, WIDTH, HEIGHT, 1, TestFrames.BOXES);
    }

    @AfterAll
    static void close() {
        renderer.close();
    }

    static final Camera CAMERA = camera(new Vec3(0, 1, 10), 0, 0, 50, WIDTH, HEIGHT);

    static Frame frameOf(List<SceneObject> objects, boolean withGround) {
        return frame(CAMERA, TestFrames.ambientOnly(new Rgb(1, 1, 1), 0.5), withGround ? ground(200) : null, objects);
    }

    /** Box 1 far, box 2 nearer and hiding its left part, scenery (id 0) in front of both, the ground under all. */
    static List<SceneObject> clutter() {
        return List.of(
                box(1, 2, 2, 0.5, new Vec3(0, 0, 0), 0, GREY),
                box(2, 1.2, 2.4, 0.5, new Vec3(-0.5, -0.2, 4), 20, GREY),
                box(0, 0.6, 0.6, 0.3, new Vec3(0.6, 0.7, 6), 0, GREY));
    }

    @Test
    void eachSilhouetteIsTheIdMaskOfItsObjectRenderedAlone() {
        RenderedFrame all = renderer.render(frameOf(clutter(), true), Set.of(RenderPass.INSTANCE_ID, RenderPass.SILHOUETTES));
        for (SceneObject object : clutter()) {
            if (!object.isLabelled()) {
                continue;
            }
            RenderedFrame alone = renderer.render(frameOf(List.of(object), false), Set.of(RenderPass.INSTANCE_ID));
            Silhouette silhouette = silhouetteOf(all.silhouettes(), object.instanceId());
            int differences = 0;
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    boolean expected = alone.instanceIdAt(x, y) == object.instanceId();
                    differences += expected != silhouette.inImage().covers(x, y) ? 1 : 0;
                }
            }
            assertThat(differences).as("pixels where instance %d's silhouette differs from its lone render",
                    object.instanceId()).isZero();
            assertThat(silhouette.guardBand()).as("inside the image: no guard-band draw").isSameAs(silhouette.inImage());
        }
    }

    @Test
    void everyVisiblePixelLiesInItsObjectsSilhouette() {
        RenderedFrame all = renderer.render(frameOf(clutter(), true), Set.of(RenderPass.INSTANCE_ID, RenderPass.SILHOUETTES));
        int visible = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int id = all.instanceIdAt(x, y);
                if (id != 0) {
                    visible++;
                    assertThat(silhouetteOf(all.silhouettes(), id).inImage().covers(x, y))
                            .as("pixel (%d, %d) of instance %d", x, y, id).isTrue();
                }
            }
        }
        long hiddenOfBox1 = silhouetteOf(all.silhouettes(), 1).inImage().pixelCount() - Mask.of(all, 1).count();
        assertThat(visible).isPositive();
        assertThat(hiddenOfBox1).as("box 1 is partly hidden by box 2").isPositive();
    }

    @Test
    void boxHalfOutsideTheLeftEdgeReachesIntoTheGuardBandAsProjected() {
        // A thin panel (2 cm deep, so its side adds less than a pixel), front face at z = 0.01,
        // 9.99 m away: u = 80 + f * x / 9.99 with f = 80 / tan(25 deg); x from -6 to -3.4 gives u
        // from about -23 to 22.
        SceneObject box = box(1, 2.6, 1.2, 0.02, new Vec3(-4.7, 0.4, 0), 0, GREY);
        Frame frame = frameOf(List.of(box), false);
        RenderedFrame rendered = renderer.render(frame, Set.of(RenderPass.SILHOUETTES));
        Silhouettes silhouettes = rendered.silhouettes();
        Silhouette silhouette = silhouetteOf(silhouettes, 1);

        double[] extent = new PinholeProjection(CAMERA).projectedExtent(-6, 0.4, 0.01, -3.4, 1.6, 0.01);
        int[] expected = PinholeProjection.pixelsCovered(extent[0], extent[1], extent[2], extent[3]);
        assertThat(expected[0]).as("the setup puts the box across the left edge").isNegative();
        SilhouetteMask guard = silhouette.guardBand();
        int[] actual = {guard.x(), guard.y(), guard.x() + guard.width() - 1, guard.y() + guard.height() - 1};
        for (int i = 0; i < 4; i++) {
            assertThat(actual[i]).as("guard-band bbox[%d]", i).isCloseTo(expected[i], within(RenderTolerances.BBOX_PIXELS));
        }
        assertThat(guard.pixelCount()).as("a head-on face is a solid rectangle").isEqualTo((long) guard.width() * guard.height());
        assertThat(silhouette.inImage().x()).isZero();
        assertThat(guard.pixelCountInside(WIDTH, HEIGHT)).isEqualTo(silhouette.inImage().pixelCount());
        assertThat(silhouettes.reachesGuardBandEdge(guard, WIDTH, HEIGHT)).isFalse();
        assertThat(silhouettes.guardMarginX()).isEqualTo(WIDTH / 2);
        assertThat(silhouettes.guardMarginY()).isEqualTo(HEIGHT / 2);
    }

    @Test
    void boxBeyondTheImageButInsideTheGuardBandHasOnlyAGuardBandSilhouette() {
        // y 5..6, seen from below: v from about -28 to -7, above the top edge, within the 60-pixel margin.
        SceneObject box = box(1, 1, 1, 0.5, new Vec3(0, 5, 0), 0, GREY);
        RenderedFrame rendered = renderer.render(frameOf(List.of(box), false), Set.of(RenderPass.SILHOUETTES));
        Silhouette silhouette = silhouetteOf(rendered.silhouettes(), 1);
        assertThat(silhouette.inImage().isEmpty()).isTrue();
        assertThat(silhouette.guardBand().pixelCount()).isPositive();
        assertThat(silhouette.guardBand().y() + silhouette.guardBand().height()).isLessThanOrEqualTo(0);
    }

    @Test
    void boxLargerThanTheGuardBandTouchesItsEdge() {
        SceneObject wall = box(1, 40, 1, 0.5, new Vec3(0, 0.5, 0), 0, GREY);
        RenderedFrame rendered = renderer.render(frameOf(List.of(wall), false), Set.of(RenderPass.SILHOUETTES));
        Silhouettes silhouettes = rendered.silhouettes();
        SilhouetteMask guard = silhouetteOf(silhouettes, 1).guardBand();
        assertThat(guard.x()).isEqualTo(-silhouettes.guardMarginX());
        assertThat(guard.width()).isEqualTo(WIDTH + 2 * silhouettes.guardMarginX());
        assertThat(silhouettes.reachesGuardBandEdge(guard, WIDTH, HEIGHT)).isTrue();
    }

    @Test
    void boxReachingBehindTheCameraIsExactInsideTheImageAndTouchesTheGuardBandEdge() {
        // A wall 1.5 m left of the camera from z = -5 to z = 15 (the camera is at z = 10): some
        // corners are behind the camera, so the scissor is the whole viewport and near-plane
        // clipping decides what is drawn.
        SceneObject wall = box(1, 0.2, 2, 20, new Vec3(-1.5, 0, 5), 0, GREY);
        RenderedFrame rendered = renderer.render(frameOf(List.of(wall), false), Set.of(RenderPass.SILHOUETTES));
        RenderedFrame alone = renderer.render(frameOf(List.of(wall), false), Set.of(RenderPass.INSTANCE_ID));
        Silhouette silhouette = silhouetteOf(rendered.silhouettes(), 1);
        int differences = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                differences += (alone.instanceIdAt(x, y) == 1) != silhouette.inImage().covers(x, y) ? 1 : 0;
            }
        }
        assertThat(differences).isZero();
        assertThat(silhouette.inImage().pixelCount()).isPositive();
        assertThat(rendered.silhouettes().reachesGuardBandEdge(silhouette.guardBand(), WIDTH, HEIGHT)).isTrue();
    }

    @Test
    void silhouettesAreRenderedOnlyWhenAskedForAndAreDeterministic() {
        Frame frame = frameOf(clutter(), true);
        assertThat(renderer.render(frame, Set.of(RenderPass.INSTANCE_ID)).silhouettes()).isNull();
        RenderedFrame first = renderer.render(frame, Set.of(RenderPass.SILHOUETTES));
        RenderedFrame second = renderer.render(frame, Set.of(RenderPass.SILHOUETTES, RenderPass.COLOR));
        assertThat(first.instanceIds()).isNull();
        assertThat(first.silhouettes().byInstance()).extracting(Silhouette::instanceId).containsExactly(1, 2);
        for (int i = 0; i < 2; i++) {
            SilhouetteMask a = first.silhouettes().byInstance().get(i).inImage();
            SilhouetteMask b = second.silhouettes().byInstance().get(i).inImage();
            assertThat(new int[] {a.x(), a.y(), a.width(), a.height()}).containsExactly(b.x(), b.y(), b.width(), b.height());
            assertThat(a.covered()).isEqualTo(b.covered());
        }
    }

    @Test
    void asynchronousRenderCarriesTheSameSilhouettes() {
        Frame frame = frameOf(clutter(), true);
        RenderedFrame direct = renderer.render(frame, Set.of(RenderPass.INSTANCE_ID, RenderPass.SILHOUETTES));
        renderer.startRender(frame, Set.of(RenderPass.INSTANCE_ID, RenderPass.SILHOUETTES));
        RenderedFrame collected = renderer.collectRender();
        assertThat(collected.instanceIds()).isEqualTo(direct.instanceIds());
        for (int i = 0; i < 2; i++) {
            assertThat(collected.silhouettes().byInstance().get(i).inImage().covered())
                    .isEqualTo(direct.silhouettes().byInstance().get(i).inImage().covered());
        }
    }

    static Silhouette silhouetteOf(Silhouettes silhouettes, int instanceId) {
        return silhouettes.byInstance().stream().filter(s -> s.instanceId() == instanceId).findFirst().orElseThrow();
    }
}
