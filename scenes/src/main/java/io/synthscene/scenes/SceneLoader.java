package io.synthscene.scenes;

import io.synthscene.scenes.parse.Problems;
import io.synthscene.scenes.parse.SceneSpecReader;
import io.synthscene.scenes.parse.YamlNode;
import io.synthscene.scenes.parse.YamlTreeReader;
import io.synthscene.scenes.spec.SceneSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a scene file, checks all of it and returns a {@link Scene}, or throws a
 * {@link SceneException} listing every problem with file, line, column and field.
 */
public final class SceneLoader {
    private SceneLoader() {
    }

    /** Loads a UTF-8 scene file; mesh paths in it are relative to its folder. */
    public static Scene load(Path file) throws SceneException {
        Path absolute = file.toAbsolutePath().normalize();
        String name = absolute.getFileName() == null ? absolute.toString() : absolute.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(absolute);
        } catch (IOException e) {
            throw new SceneException(List.of(new SceneProblem(name, 0, 0, "", "cannot read " + absolute + ": " + e)));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SceneException(List.of(new SceneProblem(name, 0, 0, "", "is not UTF-8 text")));
        }
        return new Scene(absolute, sha256(bytes), spec(text, name, absolute.getParent()));
    }

    /**
     * Parses scene text (for tests and tools). {@link Scene#file()} is null and
     * {@link Scene#sha256()} is that of the text's UTF-8 bytes.
     *
     * @param fileNameForMessages the name problems are reported under
     * @param baseDirForRelativeFiles folder relative mesh paths are resolved against; null for the
     *                                working directory
     */
    public static Scene parse(String yamlText, String fileNameForMessages, Path baseDirForRelativeFiles)
            throws SceneException {
        SceneSpec spec = spec(yamlText, fileNameForMessages, baseDirForRelativeFiles);
        return new Scene(null, sha256(yamlText.getBytes(StandardCharsets.UTF_8)), spec);
    }

    private static SceneSpec spec(String text, String name, Path baseDir) throws SceneException {
        Problems problems = new Problems(name);
        YamlNode root = YamlTreeReader.read(text, problems);
        SceneSpec spec = SceneSpecReader.read(root, problems, baseDir);
        problems.throwIfAny();
        return spec;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
