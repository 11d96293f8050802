package io.synthscene.scenes;

import io.synthscene.scenes.parse.AugmentSpecReader;
import io.synthscene.scenes.parse.Problems;
import io.synthscene.scenes.parse.YamlNode;
import io.synthscene.scenes.parse.YamlTreeReader;
import io.synthscene.scenes.spec.AugmentSpec;
import java.nio.file.Path;

/**
 * Reads an augment config file ({@code synthscene augment --config}) as {@link SceneLoader} reads
 * a scene file: bounded, strict UTF-8, YAML with positions, every problem reported as
 * {@code file:line:column: field: message} in one {@link SceneException}.
 */
public final class AugmentLoader {
    private AugmentLoader() {
    }

    /** The config and the SHA-256 of its bytes (for provenance). */
    public record Loaded(AugmentSpec spec, String sha256) {
    }

    public static Loaded load(Path file) throws SceneException {
        Limits limits = Limits.fromEnvironment();
        Path absolute = file.toAbsolutePath().normalize();
        String name = absolute.getFileName() == null ? absolute.toString() : absolute.getFileName().toString();
        byte[] bytes = SceneLoader.readBounded(absolute, name, limits.maxSceneBytes());
        Path folder = absolute.getParent() == null ? Path.of(".") : absolute.getParent();
        return new Loaded(spec(SceneLoader.decodeUtf8(bytes, name), name, limits, folder), SceneLoader.sha256(bytes));
    }

    /** Parses config text (for tests); problems are reported under {@code fileNameForMessages}. */
    public static AugmentSpec parse(String yamlText, String fileNameForMessages) throws SceneException {
        return spec(yamlText, fileNameForMessages, Limits.fromEnvironment(), Path.of("."));
    }

    /** @param baseDir the folder paths in the config are relative to */
    private static AugmentSpec spec(String text, String name, Limits limits, Path baseDir) throws SceneException {
        Problems problems = new Problems(name, limits.maxProblemsShown());
        YamlNode root = YamlTreeReader.read(text, problems, limits);
        AugmentSpec spec = AugmentSpecReader.read(root, problems, baseDir, limits);
        problems.throwIfAny();
        return spec;
    }
}
