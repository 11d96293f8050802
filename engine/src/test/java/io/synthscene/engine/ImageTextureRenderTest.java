package io.synthscene.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.assets.Mesh;
import io.synthscene.assets.MeshPart;
import io.synthscene.assets.MeshSource;
import io.synthscene.assets.TextureImage;
import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Vec3;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A model file's materials and base-colour images in the shaded pass, with answers known in
 * advance. Under white ambient light alone, with no ground, a surface facing sideways gets half the
 * sky light (shaded.frag: mix(groundBounce, skyLight, 0.5 + 0.5 n.y)); at intensity 2 its linear
 * colour is its base colour, so its sRGB bytes are the base colour encoded.
 *
 * <p>The panel: a 4 x 4 m square at z = 0.25 facing the camera 2 m away (camera at z = 2.25, 90°
 * field of view, 64 x 64): it fills the image exactly, 16 pixels a metre, image row 0 at y = +2.
 * A 64 x 64 image on it puts one texel on each pixel, texel centres on pixel centres, so sampling
 * (trilinear, level 0 at one texel a pixel) returns each texel exactly.
 */
class ImageTextureRenderTest {
    private static final int SIZE = 64;

    /** Texel (x, y): red 4x, green 4y, blue by a checker of 8-texel squares; never two rows or columns alike. */
    private static TextureImage pattern() {
        byte[] rgb = new byte[SIZE * SIZE * 3];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int at = (y * SIZE + x) * 3;
                rgb[at] = (byte) (4 * x);
                rgb[at + 1] = (byte) (4 * y);
                rgb[at + 2] = (byte) (((x / 8 + y / 8) % 2) * 200 + 20);
            }
        }
        return new TextureImage("pattern.png", SIZE, SIZE, rgb);
    }

    /** The square, counter-clockwise seen from +z, uvs in the image convention (v = 0 at the top edge). */
    private static MeshPart square(Material fileMaterial, TextureImage image) {
        float[] positions = {-2, -2, 0.25f, 2, -2, 0.25f, 2, 2, 0.25f, -2, 2, 0.25f};
        float[] normals = {0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1};
        float[] uvs = {0, 1, 1, 1, 1, 0, 0, 0};
        return new MeshPart("body", positions, normals, new int[] {0, 1, 2, 0, 2, 3}, fileMaterial,
                image == null ? null : uvs, image);
    }

    private static MeshSource source(MeshPart part) {
        return asset -> new Mesh("square", List.of(part));
    }

    private static Frame frame(SceneObject object) {
        return new Frame(0, 0, TestFrames.camera(new Vec3(0, 0, 2.25), 0, 0, 90, SIZE, SIZE),
                TestFrames.ambientOnly(new Rgb(1, 1, 1), 2.0), null, TestFrames.CATEGORIES, List.of(object));
    }

    private static SceneObject object(Material material) {
        return new SceneObject(1, 1, "box", "models", new AssetRef("mesh", Map.of("size_m", 4.0), "/models/square.gltf", "y"),
                Vec3.ZERO, 0, 0, 0, 1, material);
    }

    private static int[] rgbAt(RenderedFrame frame, int x, int y) {
        int at = (y * frame.width() + x) * 3;
        return new int[] {frame.rgb()[at] & 0xff, frame.rgb()[at + 1] & 0xff, frame.rgb()[at + 2] & 0xff};
    }

    private static RenderedFrame render(MeshPart part, SceneObject object, Set<RenderPass> passes) {
        try (Renderer renderer = Renderer.open(DevicePreference.CPU, SIZE, SIZE, 1, source(part))) {
            return renderer.render(frame(object), passes);
        }
    }

    @Test
    void everyPixelShowsItsTexelWithTheImagesTopRowAtTheTop() {
        TextureImage image = pattern();
        RenderedFrame frame = render(square(new Material(new Rgb(1, 1, 1), 1.0), image),
                object(new Material(new Rgb(0.5, 0.5, 0.5), 1.0)), Set.of(RenderPass.COLOR));
        int worst = 0;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int[] got = rgbAt(frame, x, y);
                int[] texel = image.rgbAt(x, y);
                for (int c = 0; c < 3; c++) {
                    worst = Math.max(worst, Math.abs(got[c] - texel[c]));
                }
            }
        }
        assertThat(worst).as("largest difference of a pixel from its texel, 8-bit levels").isLessThanOrEqualTo(RenderTolerances.SRGB_LEVELS);
    }

    @Test
    void theFilesBaseColourFactorMultipliesTheImageInLinearLight() {
        TextureImage image = pattern();
        RenderedFrame frame = render(square(new Material(new Rgb(1, 0.25, 1), 1.0), image),
                object(new Material(new Rgb(0.5, 0.5, 0.5), 1.0)), Set.of(RenderPass.COLOR));
        for (int[] p : new int[][] {{5, 60}, {40, 33}, {63, 63}}) {
            int expected = SrgbReference.encode8(0.25 * SrgbReference.decode8(image.rgbAt(p[0], p[1])[1]));
            assertThat(rgbAt(frame, p[0], p[1])[1]).as("green at %d, %d", p[0], p[1])
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(RenderTolerances.SRGB_LEVELS));
            assertThat(rgbAt(frame, p[0], p[1])[0]).isCloseTo(image.rgbAt(p[0], p[1])[0],
                    org.assertj.core.data.Offset.offset(RenderTolerances.SRGB_LEVELS));
        }
    }

    @Test
    void theFilesMaterialColourIsDrawnUnlessTheGroupOverridesIt() {
        Rgb fileColour = new Rgb(0.2, 0.5, 0.8);
        Rgb groupColour = new Rgb(0.7, 0.1, 0.1);
        MeshPart part = square(new Material(fileColour, 1.0), null);
        RenderedFrame file = render(part, object(new Material(groupColour, 1.0)), Set.of(RenderPass.COLOR));
        assertThat(rgbAt(file, 32, 32)).containsExactly(SrgbReference.encode8(0.2), SrgbReference.encode8(0.5),
                SrgbReference.encode8(0.8));
        RenderedFrame overridden = render(part, object(new Material(groupColour, 1.0)).withMaterialOverrides(Set.of("color")),
                Set.of(RenderPass.COLOR));
        assertThat(rgbAt(overridden, 32, 32)).containsExactly(SrgbReference.encode8(0.7), SrgbReference.encode8(0.1),
                SrgbReference.encode8(0.1));
        // a part without a file material takes the object's colour, as before
        RenderedFrame plain = render(square(null, null), object(new Material(groupColour, 1.0)), Set.of(RenderPass.COLOR));
        assertThat(rgbAt(plain, 32, 32)).containsExactly(rgbAt(overridden, 32, 32));
    }

    @Test
    void aGroupColourReplacesTheImageToo() {
        Rgb groupColour = new Rgb(0.7, 0.1, 0.1);
        RenderedFrame frame = render(square(new Material(new Rgb(1, 1, 1), 1.0), pattern()),
                object(new Material(groupColour, 1.0)).withMaterialOverrides(Set.of("color")), Set.of(RenderPass.COLOR));
        for (int[] p : new int[][] {{1, 1}, {32, 32}, {60, 10}}) {
            assertThat(rgbAt(frame, p[0], p[1])).containsExactly(SrgbReference.encode8(0.7), SrgbReference.encode8(0.1),
                    SrgbReference.encode8(0.1));
        }
    }

    @Test
    void texturesLeaveInstanceIdsAndDepthExactlyAsTheyWere() {
        Set<RenderPass> labels = Set.of(RenderPass.INSTANCE_ID, RenderPass.DEPTH);
        RenderedFrame textured = render(square(new Material(new Rgb(1, 1, 1), 1.0), pattern()),
                object(new Material(new Rgb(0.5, 0.5, 0.5), 1.0)), labels);
        RenderedFrame plain = render(square(null, null), object(new Material(new Rgb(0.5, 0.5, 0.5), 1.0)), labels);
        assertThat(textured.instanceIds()).isEqualTo(plain.instanceIds());
        assertThat(textured.depthMeters()).isEqualTo(plain.depthMeters());
        assertThat(java.util.Arrays.stream(textured.instanceIds()).filter(id -> id == 1).count()).isEqualTo(SIZE * SIZE);
    }
}
