package io.synthscene.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Declarations a file cannot hold are refused before Assimp allocates for them. */
class DeclaredCountsTest {
    @TempDir
    Path dir;

    private static byte[] withFirstChunkLength(byte[] glb, int length) {
        byte[] changed = glb.clone();
        ByteBuffer.wrap(changed).order(ByteOrder.LITTLE_ENDIAN).putInt(12, length);
        return changed;
    }

    @Test
    void aGlbWhoseFirstChunkIsLongerThanTheFileIsRefusedBeforeAssimpAllocatesIt() throws IOException {
        byte[] glb = Files.readAllBytes(ModelFiles.glbBox(dir, 1, 1, 1));
        DeclaredCounts.check(Path.of("box.glb"), glb, glb.length); // the real one passes

        for (int length : new int[] {Integer.MAX_VALUE, -16, glb.length - 19}) {
            byte[] lying = withFirstChunkLength(glb, length);
            assertThatThrownBy(() -> DeclaredCounts.check(Path.of("box.glb"), lying, lying.length))
                    .isInstanceOf(AssetLoadException.class)
                    .hasMessageContaining("the binary glTF's first chunk declares " + Integer.toUnsignedString(length)
                            + " bytes, more than the " + (glb.length - 20) + " bytes left in a file of " + glb.length + " bytes");
        }
        byte[] exact = withFirstChunkLength(glb, glb.length - 20);
        DeclaredCounts.check(Path.of("box.glb"), exact, exact.length); // a chunk up to the end is not a lie
    }

    @Test
    void theGlbCheckGoesByTheMagicInGltfFilesToo() throws IOException {
        byte[] lying = withFirstChunkLength(Files.readAllBytes(ModelFiles.glbBox(dir, 1, 1, 1)), Integer.MAX_VALUE);
        assertThat(DeclaredCounts.applies(Path.of("x.gltf"))).isTrue();
        assertThat(DeclaredCounts.applies(Path.of("x.GLB"))).isTrue();
        assertThat(DeclaredCounts.applies(Path.of("x.obj"))).isFalse();
        assertThatThrownBy(() -> DeclaredCounts.check(Path.of("x.gltf"), lying, lying.length))
                .isInstanceOf(AssetLoadException.class).hasMessageContaining("first chunk declares 2147483647 bytes");
    }

    @Test
    void throughTheImporterTheLyingGlbIsRefusedQuickly() throws IOException {
        byte[] lying = withFirstChunkLength(Files.readAllBytes(ModelFiles.glbBox(dir, 1, 1, 1)), -16);
        Path file = Files.write(dir.resolve("lying.glb"), lying);
        long start = System.nanoTime();
        assertThatThrownBy(() -> new MeshFileImporter().read(file))
                .isInstanceOf(AssetLoadException.class).hasMessageContaining("declares 4294967280 bytes");
        // Before the check Assimp spent 40 s and 4.2 GB on this file; now Assimp never sees it.
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
    }
}
