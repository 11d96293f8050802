package io.synthscene.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Material;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model file's own materials and base-colour images, read through the importer. */
class FileMaterialsTest {
    private static final Path MODELS = Path.of("/usr/share/assimp/models");
    private static final int[] GREEN = {0, 255, 0};
    private static final int[] RED = {255, 0, 0};
    private static final int[] BLUE = {0, 0, 255};

    @TempDir
    Path dir;

    private final MeshFileImporter importer = new MeshFileImporter();

    private static MeshPart onlyPart(Mesh mesh) {
        assertThat(mesh.parts()).hasSize(1);
        return mesh.parts().get(0);
    }

    /** The uv of the vertex nearest the square's corner (x, y) in the file, after normalisation. */
    private static float[] uvAtCorner(MeshPart part, boolean right, boolean top) {
        int best = -1;
        double bestScore = -Double.MAX_VALUE;
        for (int v = 0; v < part.vertexCount(); v++) {
            double score = (right ? 1 : -1) * part.positions()[3 * v] + (top ? 1 : -1) * part.positions()[3 * v + 1];
            if (score > bestScore) {
                bestScore = score;
                best = v;
            }
        }
        return new float[] {part.uvs()[2 * best], part.uvs()[2 * best + 1]};
    }

    private static void assertHalvesImage(TextureImage image) {
        assertThat(image.width()).isEqualTo(8);
        assertThat(image.height()).isEqualTo(8);
        assertThat(image.rgbAt(3, 0)).as("top row").containsExactly(GREEN);
        assertThat(image.rgbAt(1, 5)).as("left half").containsExactly(RED);
        assertThat(image.rgbAt(6, 5)).as("right half").containsExactly(BLUE);
    }

    @Test
    void gltfBaseColourFactorRoughnessAndMetalnessBecomeThePartsMaterial() throws IOException {
        MeshPart part = onlyPart(importer.load(TexturedModelFiles.gltfColourOnly(dir, new double[] {0.2, 0.4, 0.6}, 0.3, 0.7),
                "y", 1));
        Material material = part.fixedMaterial();
        assertThat(material).isNotNull();
        assertThat(material.color().r()).isCloseTo(0.2, within(1e-6));
        assertThat(material.color().g()).isCloseTo(0.4, within(1e-6));
        assertThat(material.color().b()).isCloseTo(0.6, within(1e-6));
        assertThat(material.roughness()).isCloseTo(0.3, within(1e-6));
        assertThat(material.metalness()).isCloseTo(0.7, within(1e-6));
        assertThat(part.baseColorTexture()).isNull();
    }

    @Test
    void anImageNextToTheGltfIsDecodedAndMappedWithItsTopRowAtVZero() throws IOException {
        Path model = TexturedModelFiles.gltfWithImageFile(dir, "halves.png", TexturedModelFiles.halvesPng(),
                new double[] {1, 0.5, 1});
        MeshPart part = onlyPart(importer.load(model, "y", 1));
        assertHalvesImage(part.baseColorTexture());
        assertThat(part.baseColorTexture().source()).isEqualTo("halves.png");
        assertThat(part.fixedMaterial().color().g()).isCloseTo(0.5, within(1e-6));
        assertThat(uvAtCorner(part, false, true)).containsExactly(new float[] {0, 0}, within(1e-6f));
        assertThat(uvAtCorner(part, true, false)).containsExactly(new float[] {1, 1}, within(1e-6f));
    }

    @Test
    void anImageInADataUriIsDecoded() throws IOException {
        MeshPart part = onlyPart(importer.load(TexturedModelFiles.gltfWithDataUriImage(dir, TexturedModelFiles.halvesPng(),
                new double[] {1, 1, 1}), "y", 1));
        assertHalvesImage(part.baseColorTexture());
        assertThat(part.baseColorTexture().source()).contains("embedded image");
    }

    @Test
    void anImageInAGlbBinaryChunkIsDecoded() throws IOException {
        MeshPart part = onlyPart(importer.load(TexturedModelFiles.glbWithImage(dir, TexturedModelFiles.halvesPng()), "y", 1));
        assertHalvesImage(part.baseColorTexture());
        assertThat(uvAtCorner(part, false, true)).containsExactly(new float[] {0, 0}, within(1e-6f));
    }

    @Test
    void objMaterialLibraryGivesDiffuseColourShininessAsRoughnessAndMapKd() throws IOException {
        Files.write(dir.resolve("halves.png"), TexturedModelFiles.halvesPng());
        MeshPart part = onlyPart(importer.load(TexturedModelFiles.objWithMapKd(dir, "halves.png"), "y", 1));
        Material material = part.fixedMaterial();
        assertThat(material.color().r()).isCloseTo(0.8, within(1e-6));
        assertThat(material.color().b()).isCloseTo(0.6, within(1e-6));
        // Ns 30: the roughness whose highlight exponent 2 / r^4 - 2 is 30
        assertThat(material.roughness()).isCloseTo(Math.pow(2 / 32.0, 0.25), within(1e-6));
        assertHalvesImage(part.baseColorTexture());
        assertThat(uvAtCorner(part, false, true)).containsExactly(new float[] {0, 0}, within(1e-6f));
    }

    @Test
    void aGltfMetallicRoughnessImageScalesTheFactorsByItsMean() throws IOException {
        Files.write(dir.resolve("halves.png"), TexturedModelFiles.halvesPng());
        // glTF: roughness in green, metalness in blue; half the texels (64, 128), half (0, 0)
        Files.write(dir.resolve("mr.png"), TexturedModelFiles.png(4, 4, (x, y) -> x < 2 ? (128 << 8) | 64 : 0));
        String json = TexturedModelFiles.gltfJson("data:application/octet-stream;base64,"
                        + java.util.Base64.getEncoder().encodeToString(TexturedModelFiles.squareBuffer()), 92,
                "{\"uri\":\"halves.png\"}", new double[] {1, 1, 1}, 0.8, 1.0, null)
                .replace("\"baseColorTexture\":{\"index\":0}",
                        "\"baseColorTexture\":{\"index\":0},\"metallicRoughnessTexture\":{\"index\":1}")
                .replace("\"images\":[{\"uri\":\"halves.png\"}],\"textures\":[{\"source\":0}]",
                        "\"images\":[{\"uri\":\"halves.png\"},{\"uri\":\"mr.png\"}],\"textures\":[{\"source\":0},{\"source\":1}]");
        assertThat(json).contains("metallicRoughnessTexture").contains("mr.png");
        Material material = onlyPart(importer.load(ModelFiles.write(dir.resolve("mr.gltf"), json), "y", 1)).fixedMaterial();
        assertThat(material.metalness()).isCloseTo(1.0 * 64 / 255 / 2, within(1e-6));
        assertThat(material.roughness()).isCloseTo(0.8 * 128 / 255 / 2, within(1e-6));
    }

    @Test
    void texturePathsLeavingTheModelsFolderAreRefusedNamingThem() throws IOException {
        Path inner = Files.createDirectories(dir.resolve("model"));
        Files.write(dir.resolve("outside.png"), TexturedModelFiles.halvesPng());
        for (String escape : new String[] {"../outside.png", "sub/../../outside.png", dir.resolve("outside.png").toString(),
                "C:\\textures\\outside.png", "file:///etc/passwd"}) {
            Path model = TexturedModelFiles.objWithMapKd(inner, escape);
            assertThatThrownBy(() -> importer.load(model, "y", 1)).as(escape)
                    .isInstanceOf(AssetLoadException.class)
                    .hasMessageContaining("square.obj")
                    .hasMessageContaining("the texture '")
                    .hasMessageContaining("own folder");
        }
    }

    @Test
    void aSymbolicLinkLeadingOutOfTheModelsFolderIsRefused() throws IOException {
        Path inner = Files.createDirectories(dir.resolve("model"));
        Path outside = Files.write(dir.resolve("outside.png"), TexturedModelFiles.halvesPng());
        Files.createSymbolicLink(inner.resolve("linked.png"), outside);
        Path model = TexturedModelFiles.objWithMapKd(inner, "linked.png");
        assertThatThrownBy(() -> importer.load(model, "y", 1)).isInstanceOf(AssetLoadException.class)
                .hasMessageContaining("linked.png").hasMessageContaining("symbolic link");
    }

    @Test
    void aMissingTextureFileIsNamed() throws IOException {
        Path model = TexturedModelFiles.gltfWithImageFile(dir, "missing.png", null, new double[] {1, 1, 1});
        assertThatThrownBy(() -> importer.load(model, "y", 1)).isInstanceOf(AssetLoadException.class)
                .hasMessageContaining("square.gltf").hasMessageContaining("'missing.png'").hasMessageContaining("no such file");
    }

    @Test
    void anImageOverTheTextureSideLimitIsRefusedNamingTheLimitsVariable() throws IOException {
        Path model = TexturedModelFiles.gltfWithImageFile(dir, "halves.png", TexturedModelFiles.halvesPng(), new double[] {1, 1, 1});
        assertThatThrownBy(() -> new MeshFileImporter(1000, 4).load(model, "y", 1)).isInstanceOf(AssetLoadException.class)
                .hasMessageContaining("halves.png").hasMessageContaining("8x8").hasMessageContaining("SYNTHSCENE_MAX_TEXTURE_SIDE");
        assertThat(new MeshFileImporter(1000, 8).load(model, "y", 1).parts().get(0).baseColorTexture()).isNotNull();
    }

    @Test
    void assimpsOwnTexturedSamplesBringTheirImages() {
        MeshPart box = importer.load(MODELS.resolve("glTF2/BoxTextured-glTF/BoxTextured.gltf"), "y", 1).parts().get(0);
        assertThat(box.baseColorTexture()).isNotNull();
        assertThat(box.baseColorTexture().source()).isEqualTo("CesiumLogoFlat.png");
        Mesh duck = importer.load(MODELS.resolve("Collada/duck.dae"), "y", 1);
        TextureImage duckImage = duck.parts().get(0).baseColorTexture();
        assertThat(duckImage).as("a TGA, which OpenCV does not read").isNotNull();
        assertThat(duckImage.source()).isEqualTo("duckCM.tga");
        MeshPart embedded = importer.load(MODELS.resolve("glTF2/BoxTextured-glTF-Binary/BoxTextured.glb"), "y", 1).parts().get(0);
        assertThat(embedded.baseColorTexture().width()).isEqualTo(box.baseColorTexture().width());
        assertThat(embedded.baseColorTexture().rgb()).isEqualTo(box.baseColorTexture().rgb());
    }
}
