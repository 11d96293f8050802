package io.synthscene.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files a model names (glTF buffers and images, OBJ material libraries) must stay in its folder. */
class ExternalReferencesTest {
    @TempDir
    Path dir;

    private final MeshFileImporter importer = new MeshFileImporter();

    @Test
    void aGltfBufferBesideTheModelOrEmbeddedIsRead() throws IOException {
        assertThat(importer.load(ModelFiles.gltfBoxWithExternalBin(dir, 1, 1, 1), "y", 1).parts()).isNotEmpty();
        assertThat(importer.load(ModelFiles.gltfBoxEmbedded(dir, "e.gltf", 1, 1, 1, null), "y", 1).parts()).isNotEmpty();
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("sub/box.bin"), ModelFiles.boxBuffer(1, 1, 1));
        Path nested = Files.writeString(dir.resolve("nested.gltf"), ModelFiles.gltfBoxJson(1, 1, 1, "sub/box.bin", null));
        assertThat(importer.load(nested, "y", 1).parts()).isNotEmpty();
    }

    @Test
    void aGltfBufferThatClimbsOutIsAbsoluteOrHasASchemeIsRefusedBeforeAssimpOpensIt() throws IOException {
        for (String uri : new String[] {"../../../../etc/passwd", "/etc/passwd", "sub/../../x.bin", "file:///etc/passwd",
                "http://example.com/box.bin", "..\\\\..\\\\x.bin"}) {
            Path model = Files.writeString(dir.resolve("bad.gltf"), ModelFiles.gltfBoxJson(1, 1, 1, uri, null));
            assertThatThrownBy(() -> importer.load(model, "y", 1)).as(uri)
                    .isInstanceOf(AssetLoadException.class)
                    .hasMessageContaining("bad.gltf").hasMessageContaining("must lie in its own folder");
        }
    }

    @Test
    void aGlbWhoseJsonNamesAFileOutsideIsRefused() throws IOException {
        Path glb = ModelFiles.glbBox(dir, 1, 1, 1);
        assertThat(importer.load(glb, "y", 1).parts()).as("the plain GLB reads").isNotEmpty();
        byte[] bytes = Files.readAllBytes(glb);
        String plain = "{\"byteLength\":168}";
        String climbing = "{\"uri\":\"../a\",\"byteLength\":168}";
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).replace(plain, climbing);
        // The JSON chunk grows by the difference; the check reads it by its declared length.
        Path bad = dir.resolve("bad.glb");
        byte[] patched = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int jsonLength = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(12);
        java.nio.ByteBuffer.wrap(patched).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(12, jsonLength + climbing.length() - plain.length());
        Files.write(bad, patched);
        assertThatThrownBy(() -> importer.load(bad, "y", 1)).isInstanceOf(AssetLoadException.class)
                .hasMessageContaining("'../a'").hasMessageContaining("must lie in its own folder");
    }

    @Test
    void anObjMaterialLibraryOutsideTheFolderIsRefused() throws IOException {
        Path box = ModelFiles.objBox(dir, "box.obj", 1, 1, 1);
        Path bad = Files.writeString(dir.resolve("lib.obj"), "mtllib ../../secret.mtl\n" + Files.readString(box));
        assertThatThrownBy(() -> importer.load(bad, "y", 1)).isInstanceOf(AssetLoadException.class)
                .hasMessageContaining("'../../secret.mtl'").hasMessageContaining("must lie in its own folder");
    }
}
