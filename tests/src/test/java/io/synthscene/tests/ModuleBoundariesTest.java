package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layout honest (see the style guide): only the engine touches GL/EGL, the annotators
 * never do, and nothing but the annotators and the assets' texture decoder (model files' images)
 * uses OpenCV. A plain scan of the main sources' imports.
 */
class ModuleBoundariesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern GL_IMPORT = Pattern.compile("^import (static )?org\\.lwjgl\\.(opengl|egl)\\.", Pattern.MULTILINE);
    private static final Pattern OPENCV_IMPORT = Pattern.compile("^import (static )?org\\.(bytedeco|opencv)\\.", Pattern.MULTILINE);
    private static final Pattern OPENCV_JAVA_IMPORT = Pattern.compile("^import (static )?org\\.opencv\\.", Pattern.MULTILINE);

    @Test
    void onlyTheEngineImportsOpenGlOrEgl() throws IOException {
        assertThat(filesImporting(GL_IMPORT)).allSatisfy(file -> assertThat(file).startsWith("engine/"));
    }

    @Test
    void onlyTheAnnotatorsAndTheTextureDecoderUseOpenCvAndNeverThroughOpenCvJava() throws IOException {
        assertThat(filesImporting(OPENCV_IMPORT)).allSatisfy(file -> assertThat(file).satisfiesAnyOf(
                f -> assertThat(f).startsWith("annotators/"),
                f -> assertThat(f).isEqualTo("assets/src/main/java/io/synthscene/assets/TextureDecoder.java")));
        assertThat(filesImporting(OPENCV_JAVA_IMPORT)).isEmpty();
    }

    @Test
    void theScanSeesTheSources() throws IOException {
        // Guards the two tests above against passing because they found no files at all.
        assertThat(filesImporting(GL_IMPORT)).anySatisfy(file -> assertThat(file).startsWith("engine/"));
        assertThat(filesImporting(OPENCV_IMPORT)).anySatisfy(file -> assertThat(file).startsWith("annotators/"));
    }

    private static List<String> filesImporting(Pattern importPattern) throws IOException {
        List<String> matches = new ArrayList<>();
        for (String module : List.of("scenes", "assets", "engine", "annotators", "cli")) {
            Path sources = ROOT.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    if (importPattern.matcher(Files.readString(file)).find()) {
                        matches.add(ROOT.relativize(file).toString().replace('\\', '/'));
                    }
                }
            }
        }
        return matches;
    }
}
