package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.annotators.InstanceAnnotation;
import io.synthscene.annotators.InstanceAnnotator;
import io.synthscene.annotators.OcclusionAnnotator;
import io.synthscene.assets.AssetLibrary;
import io.synthscene.engine.DevicePreference;
import io.synthscene.engine.Renderer;
import io.synthscene.scenes.SceneLoader;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.SceneObject;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An occluder asked to cover a share c of its target gives the target a recorded visibility (from
 * the exact silhouette pass, {@link OcclusionAnnotator}) of 1 - c, rendered for real on llvmpipe.
 *
 * <p>The case where the guarantee holds: box-like target and occluder, the occluder's image spanning
 * the target's rows. Camera 1 m up at the origin, level, looking along -Z, 256 x 192 pixels, 50
 * degrees across (f = 274.5 px). Target: a panel 4 m wide, 2 m high, 2 cm deep, 10 m ahead: 110
 * columns (u 73 to 183) by 55 rows. Occluder: a panel 6 m wide and 4 m high halfway: its image runs
 * from the ground to above the image, so it hides whole columns of the target.
 */
class OccluderVisibilityTest {
    /**
     * Visible columns over all columns, each count off by at most one column where an edge cuts a
     * pixel (the occluder's edge, and the target's own width): 2 columns in 110, 0.018, rounded up.
     */
    private static final double VISIBILITY_TOLERANCE = 0.02;
    private static final int WIDTH = 256;
    private static final int HEIGHT = 192;

    private static Renderer renderer;

    @BeforeAll
    static void open() {
        renderer = Renderer.open(DevicePreference.AUTO, WIDTH, HEIGHT, 1, new AssetLibrary());
    }

    @AfterAll
    static void close() {
        renderer.close();
    }

    private static String scene(long seed, double coverage) {
        return """
                seed: %d
                frames: 1
                output: {width: 256, height: 192}
                categories:
                  - {id: 1, name: panel}
                camera: {position: [0, 1, 0], hfov_deg: 50, far_m: 100}
                groups:
                  - name: targets
                    asset: {kind: box, params: {width_m: 4, height_m: 2, length_m: 0.02}}
                    category: panel
                    region: {x: [0, 0], z: [-10, -10]}
                  - name: walls
                    asset: {kind: box, params: {width_m: 6, height_m: 4, length_m: 0.02}}
                    occlude: {targets: [targets], coverage: %s, distance_fraction: 0.5}
                """.formatted(seed, coverage);
    }

    /** Seeds until the occluder has come from either side at least once (the side is drawn). */
    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95}) // at 1 nothing is visible: no annotation
    void anOccluderAskedToCoverShareCLeavesItsTargetVisibilityOneMinusC(double coverage) throws Exception {
        Set<String> sides = new HashSet<>();
        for (long seed = 1; seed <= 20 && sides.size() < 2; seed++) {
            Frame frame = SceneLoader.parse(scene(seed, coverage), "occluded.yaml", null).sampleFrame(0);
            SceneObject wall = frame.objects().get(1);
            assertThat(wall.placement().coverage()).isEqualTo(coverage);
            sides.add(wall.placement().side());
            List<InstanceAnnotation> annotations = annotate(frame);
            assertThat(annotations).hasSize(1);
            assertThat(annotations.get(0).occlusion().visibility()).as("seed %d, side %s", seed, wall.placement().side())
                    .isCloseTo(1 - coverage, within(VISIBILITY_TOLERANCE));
        }
        assertThat(sides).containsExactlyInAnyOrder("left", "right");
    }

    private static List<InstanceAnnotation> annotate(Frame frame) {
        RenderedFrame rendered = renderer.render(frame, EnumSet.of(RenderPass.INSTANCE_ID, RenderPass.SILHOUETTES));
        return new OcclusionAnnotator().annotate(frame, rendered, new InstanceAnnotator().annotate(frame, rendered)).annotations();
    }
}
