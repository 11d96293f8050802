package io.synthscene.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.assets.Mesh;
import io.synthscene.assets.MeshSource;
import io.synthscene.assets.Primitives;
import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Ground;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Texture;
import io.synthscene.scenes.frame.Vec3;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Textures evaluated in the shader, with answers known in advance. Under white ambient light only
 * the shading of a pixel is linear in its base colour, so a textured pixel must read exactly the
 * bytes of the same pixel rendered untextured in the colour the pattern asks for there.
 *
 * <p>The panel: a 4 x 4 x 0.5 m box, its front face at local z = 0.25 facing the camera 2 m away
 * (camera at z = 2.25, 90° field of view, 64 x 64): the face fills the image exactly, 16 pixels a
 * metre, image row 0 at y = +2.
 */
class TextureRenderTest {
    private static final int SIZE = 64;
    private static final Rgb RED = new Rgb(0.8, 0.1, 0.1);
    private static final Rgb BLUE = new Rgb(0.1, 0.1, 0.8);
    private static final MeshSource PANEL = asset -> new Mesh("panel", List.of(
            Primitives.box("body", -2, -2, -0.25f, 2, 2, 0.25f, null)));

    private static Frame panel(Material material, double x) {
        SceneObject panel = new SceneObject(1, 1, "box", "panels", AssetRef.procedural("panel", Map.of()), new Vec3(x, 0, 0),
                0, 0, 0, 1, material);
        return new Frame(0, 0, TestFrames.camera(new Vec3(0, 0, 2.25), 0, 0, 90, SIZE, SIZE),
                TestFrames.ambientOnly(new Rgb(1, 1, 1), 1.0), null, TestFrames.CATEGORIES, List.of(panel));
    }

    private static Material textured(String kind, double scaleMeters, double angleDegrees) {
        return new Material(new Rgb(0.5, 0.5, 0.5), 1.0).withTexture(new Texture(kind, scaleMeters, List.of(RED, BLUE), angleDegrees));
    }

    private static int[] rgbAt(RenderedFrame frame, int x, int y) {
        int at = (y * frame.width() + x) * 3;
        return new int[] {frame.rgb()[at] & 0xff, frame.rgb()[at + 1] & 0xff, frame.rgb()[at + 2] & 0xff};
    }

    private static RenderedFrame color(Renderer renderer, Frame frame) {
        return renderer.render(frame, Set.of(RenderPass.COLOR));
    }

    @Test
    void aCheckerOnAFlatFaceAlternatesTheTwoColoursInSquaresOfTheAskedSide() {
        try (Renderer renderer = Renderer.open(DevicePreference.CPU, SIZE, SIZE, 1, PANEL)) {
            RenderedFrame red = color(renderer, panel(new Material(RED, 1.0), 0));
            RenderedFrame blue = color(renderer, panel(new Material(BLUE, 1.0), 0));
            assertThat(rgbAt(red, 32, 32)).isNotEqualTo(rgbAt(blue, 32, 32));
            RenderedFrame checker = color(renderer, panel(textured(Texture.CHECKER, 0.5, 0), 0));
            // square (i, j), i from the left and j from the top, spans pixels 8i..8i+7 and 8j..8j+7;
            // floor(x / 0.5) + floor(y / 0.5) + floor(0.25 / 0.5) = (i - 4) + (3 - j) + 0
            for (int j = 0; j < 8; j++) {
                for (int i = 0; i < 8; i++) {
                    RenderedFrame expected = (i + j + 1) % 2 == 0 ? red : blue;
                    for (int[] d : new int[][] {{1, 1}, {4, 4}, {6, 2}}) {
                        int x = 8 * i + d[0];
                        int y = 8 * j + d[1];
                        assertThat(rgbAt(checker, x, y)).as("square %d, %d at pixel %d, %d", i, j, x, y)
                                .isEqualTo(rgbAt(expected, x, y));
                    }
                }
            }
        }
    }

    @Test
    void theCheckerMovesWithTheObjectAndScalesWithIt() {
        try (Renderer renderer = Renderer.open(DevicePreference.CPU, SIZE, SIZE, 1, PANEL)) {
            RenderedFrame still = color(renderer, panel(textured(Texture.CHECKER, 0.5, 0), 0));
            // moved one square (0.5 m, 8 pixels) to the right: the pattern goes with it
            RenderedFrame moved = color(renderer, panel(textured(Texture.CHECKER, 0.5, 0), 0.5));
            for (int y = 4; y < SIZE; y += 8) {
                for (int x = 12; x < SIZE; x += 8) {
                    assertThat(rgbAt(moved, x, y)).as("pixel %d, %d", x, y).isEqualTo(rgbAt(still, x - 8, y));
                }
            }
            // a world-fixed pattern would flip colour here instead
            assertThat(rgbAt(moved, 12, 4)).isNotEqualTo(rgbAt(still, 12, 4));
        }
    }

    @Test
    void stripesOnTheGroundRunAlongTheAskedAngle() {
        double angle = 30;
        double stripe = 0.5;
        Camera camera = TestFrames.camera(new Vec3(0, 5, 0), 0, -89, 90, SIZE, SIZE);
        PinholeProjection projection = new PinholeProjection(camera);
        try (Renderer renderer = Renderer.open(DevicePreference.CPU, SIZE, SIZE, 1, TestFrames.BOXES)) {
            RenderedFrame red = color(renderer, groundFrame(camera, new Material(RED, 1.0)));
            RenderedFrame blue = color(renderer, groundFrame(camera, new Material(BLUE, 1.0)));
            RenderedFrame stripes = color(renderer, groundFrame(camera, textured(Texture.STRIPES, stripe, angle)));
            double a = Math.toRadians(angle);
            double[] along = {Math.cos(a), -Math.sin(a)};   // r, (x, z)
            double[] across = {Math.sin(a), Math.cos(a)};   // n, (x, z)
            int checked = 0;
            for (int m = -3; m <= 3; m++) {
                for (double t = -2; t <= 2; t += 0.5) {
                    // the middle of stripe m: p . n = (m + 0.5) s, anywhere along r
                    double x = t * along[0] + (m + 0.5) * stripe * across[0];
                    double z = t * along[1] + (m + 0.5) * stripe * across[1];
                    double[] uv = projection.project(new Vec3(x, 0, z));
                    int px = (int) Math.floor(uv[0]);
                    int py = (int) Math.floor(uv[1]);
                    if (px < 0 || py < 0 || px >= SIZE || py >= SIZE) {
                        continue;
                    }
                    RenderedFrame expected = Math.floorMod(m, 2) == 0 ? red : blue;
                    assertThat(rgbAt(stripes, px, py)).as("stripe %d, %.1f m along", m, t).isEqualTo(rgbAt(expected, px, py));
                    checked++;
                }
            }
            assertThat(checked).isGreaterThan(30);
        }
    }

    private static Frame groundFrame(Camera camera, Material material) {
        return TestFrames.frame(camera, TestFrames.ambientOnly(new Rgb(1, 1, 1), 1.0), new Ground(50, material), List.of());
    }

    @Test
    void noiseIsDeterministicVariedAndWithinTheTwoColours() {
        try (Renderer renderer = Renderer.open(DevicePreference.CPU, SIZE, SIZE, 1, PANEL)) {
            RenderedFrame red = color(renderer, panel(new Material(RED, 1.0), 0));
            RenderedFrame blue = color(renderer, panel(new Material(BLUE, 1.0), 0));
            RenderedFrame noise = color(renderer, panel(textured(Texture.NOISE, 0.5, 0), 0));
            RenderedFrame again = color(renderer, panel(textured(Texture.NOISE, 0.5, 0), 0));
            assertThat(again.rgb()).isEqualTo(noise.rgb());
            Set<Integer> reds = new HashSet<>();
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    int[] n = rgbAt(noise, x, y);
                    int[] r = rgbAt(red, x, y);
                    int[] b = rgbAt(blue, x, y);
                    for (int c = 0; c < 3; c++) {
                        assertThat(n[c]).as("pixel %d, %d channel %d", x, y, c)
                                .isBetween(Math.min(r[c], b[c]) - 1, Math.max(r[c], b[c]) + 1);
                    }
                    reds.add(n[0]);
                }
            }
            assertThat(reds).as("distinct red levels").hasSizeGreaterThan(20);
        }
    }

    @Test
    void aTextureLeavesInstanceIdsAndDepthByteIdentical() {
        Set<RenderPass> labels = Set.of(RenderPass.COLOR, RenderPass.INSTANCE_ID, RenderPass.DEPTH);
        try (Renderer renderer = Renderer.open(DevicePreference.CPU, SIZE, SIZE, 1, PANEL)) {
            Frame plain = panel(new Material(RED, 1.0), 0.3);
            for (String kind : Texture.KINDS) {
                Frame textured = panel(textured(kind, 0.37, 20), 0.3);
                RenderedFrame a = renderer.render(plain, labels);
                RenderedFrame b = renderer.render(textured, labels);
                assertThat(b.instanceIds()).as(kind).isEqualTo(a.instanceIds());
                assertThat(Arrays.equals(b.depthMeters(), a.depthMeters())).as(kind).isTrue();
                assertThat(Arrays.stream(a.instanceIds()).filter(id -> id == 1).count()).isGreaterThan(1000);
            }
        }
    }
}
