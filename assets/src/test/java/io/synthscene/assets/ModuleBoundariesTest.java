package io.synthscene.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The assets module holds CPU data only (no GL), and only its importer reads files. */
class ModuleBoundariesTest {
    private static final Path MAIN_SOURCES = Path.of("src/main/java");

    @Test
    void noSourceFileUsesGlEglOrAWindowingLibrary() throws IOException {
        for (Path source : sources()) {
            String text = Files.readString(source);
            assertThat(text).as(source.toString())
                    .doesNotContain("org.lwjgl.opengl").doesNotContain("org.lwjgl.egl").doesNotContain("org.lwjgl.glfw");
        }
    }

    @Test
    void onlyTheImporterTouchesTheFileSystem() throws IOException {
        List<Path> sources = sources();
        assertThat(sources).isNotEmpty();
        for (Path source : sources) {
            if (source.getFileName().toString().equals("MeshFileImporter.java")) {
                continue;
            }
            String text = Files.readString(source);
            assertThat(text).as(source.toString())
                    .doesNotContain("java.nio.file.Files").doesNotContain("java.io.File").doesNotContain("aiImportFile");
        }
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }
}
