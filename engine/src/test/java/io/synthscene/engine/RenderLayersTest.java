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
import io.synthscene.scenes.frame.Ground;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.RenderedLayers;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Shadows;
import io.synthscene.scenes.frame.Vec3;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Renderer#renderLayers} on llvmpipe: a 2 m cube on the origin seen from 12 m up and back,
 * the sun 45° up from +X, so its shadow on the ground is x in [-3, -1], z in [-1, 1] (as in
 * {@link SunShadowAndFogTest}). The layers show the cube alone over nothing; the shadow layer is
 * sky / (sky + sun) in the shadow and exactly 1 elsewhere.
 */
class RenderLayersTest {
    static final int WIDTH = 160;
    static final int HEIGHT = 120;

    static Frame cubeFrame() {
        Camera camera = camera(new Vec3(0, 12, 12), 0, -45, 60, WIDTH, HEIGHT);
        Lighting light = new Lighting(90, 45, 1.0, new Rgb(1, 1, 1), 0.3, new Rgb(1, 1, 1), TestFrames.SKY)
                .withShadows(Shadows.on(2048));
        SceneObject cube = box(1, 2, 2, 2, new Vec3(0, 0, 0), 0, GREY);
        return frame(camera, light, ground(200), List.of(cube));
    }

    @Test
    void idsDepthAndColourAreTheCubeAloneAndTheShadowLayerIsTheSunsShare() {
        Frame frame = cubeFrame();
        try (Renderer renderer = Renderer.open(DevicePreference.AUTO, WIDTH, HEIGHT, 1, TestFrames.BOXES)) {
            RenderedLayers layers = renderer.renderLayers(frame);
            Frame alone = new Frame(0, frame.sceneSeed(), frame.camera(), frame.lighting(), new Ground(0, TestFrames.GROUND),
                    frame.categories(), frame.objects());
            RenderedFrame reference = renderer.render(alone, EnumSet.of(RenderPass.COLOR, RenderPass.INSTANCE_ID, RenderPass.DEPTH));
            assertThat(layers.instanceIds()).isEqualTo(reference.instanceIds());
            assertThat(layers.depthMeters()).isEqualTo(reference.depthMeters());
            int covered = 0;
            for (int p = 0; p < WIDTH * HEIGHT; p++) {
                boolean cube = layers.instanceIds()[p] == 1;
                // one sample: the coverage is the id pass, and the colour is the colour pass there, nothing elsewhere
                assertThat(layers.coverage()[p] & 0xFF).isEqualTo(cube ? 255 : 0);
                for (int c = 0; c < 3; c++) {
                    assertThat(layers.rgb()[3 * p + c]).isEqualTo(cube ? reference.rgb()[3 * p + c] : 0);
                }
                covered += cube ? 1 : 0;
            }
            assertThat(covered).as("the cube fills some 400 pixels").isGreaterThan(300);

            double sky = Daylight.skyLight(frame.lighting()).x();
            double sun = Math.sin(Math.toRadians(45));
            for (Vec3 inShadow : List.of(new Vec3(-2, 0, 0), new Vec3(-2.6, 0, 0.6), new Vec3(-1.3, 0, -0.6))) {
                int p = pixel(frame.camera(), inShadow);
                for (int c = 0; c < 3; c++) {
                    assertThat((double) layers.shadowRatio()[3 * p + c]).isCloseTo(sky / (sky + sun),
                            within(RenderTolerances.SHADOW_RATIO));
                }
            }
            for (Vec3 outside : List.of(new Vec3(2.5, 0, 0), new Vec3(-2, 0, 2.5), new Vec3(-4, 0, 0), new Vec3(0, 0, 3))) {
                int p = pixel(frame.camera(), outside);
                assertThat(layers.shadowRatio()[3 * p]).isEqualTo(1f);
            }
            // above the horizon, sky in both draws
            assertThat(layers.shadowRatio()[0]).isEqualTo(1f);
        }
    }

    @Test
    void withMultisamplesOnlyTheEdgesArePartlyCoveredAndTheColourIsPremultiplied() {
        try (Renderer renderer = Renderer.open(DevicePreference.AUTO, WIDTH, HEIGHT, 4, TestFrames.BOXES)) {
            RenderedLayers layers = renderer.renderLayers(cubeFrame());
            int partial = 0;
            for (int p = 0; p < WIDTH * HEIGHT; p++) {
                int a = layers.coverage()[p] & 0xFF;
                partial += a > 0 && a < 255 ? 1 : 0;
                for (int c = 0; c < 3; c++) {
                    assertThat(layers.rgb()[3 * p + c] & 0xFF).isLessThanOrEqualTo(a);
                }
                if (layers.instanceIds()[p] == 1) {
                    assertThat(a).as("a pixel whose centre the cube covers").isPositive();
                }
            }
            assertThat(partial).as("anti-aliased edge pixels").isGreaterThan(20);
            int centre = pixel(cubeFrame().camera(), new Vec3(0, 1, 1));
            assertThat(layers.coverage()[centre] & 0xFF).isEqualTo(255);
        }
    }

    private static int pixel(Camera camera, Vec3 world) {
        double[] uv = new PinholeProjection(camera).project(world);
        return (int) Math.floor(uv[1]) * WIDTH + (int) Math.floor(uv[0]);
    }
}
