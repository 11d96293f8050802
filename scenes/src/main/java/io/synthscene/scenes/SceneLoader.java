package io.synthscene.scenes;

import io.synthscene.scenes.parse.LimitChecks;
import io.synthscene.scenes.parse.Problems;
import io.synthscene.scenes.parse.SceneSpecReader;
import io.synthscene.scenes.parse.YamlNode;
import io.synthscene.scenes.parse.YamlTreeReader;
import io.synthscene.scenes.spec.SceneSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reads a scene file, checks all of it and returns a {@link Scene}, or throws a
 * {@link SceneException} listing every problem with file, line, column and field. Nothing else
 * escapes for a bad file: hostile input (huge, binary, deeply nested, alias bombs) is refused
 * under the {@link Limits} in force.
 */
public final class SceneLoader {
    private SceneLoader() {
    }

    /** Loads a UTF-8 scene file under the {@link Limits#fromEnvironment() limits in force}. */
    public static Scene load(Path file) throws SceneException {
        return load(file, Limits.fromEnvironment());
    }

    /**
     * Loads a UTF-8 scene file; mesh paths in it are relative to its folder. A file that cannot be
     * read (missing, a folder, too large) is one problem without a position; bytes that are not
     * UTF-8 are reported at their line and column.
     */
    public static Scene load(Path file, Limits limits) throws SceneException {
        Path absolute = file.toAbsolutePath().normalize();
        String name = absolute.getFileName() == null ? absolute.toString() : absolute.getFileName().toString();
        byte[] bytes = readBounded(absolute, name, limits.maxSceneBytes());
        String text = decodeUtf8(bytes, name);
        return new Scene(absolute, sha256(bytes), spec(text, name, absolute.getParent(), limits));
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
        return parse(yamlText, fileNameForMessages, baseDirForRelativeFiles, Limits.fromEnvironment());
    }

    /** {@link #parse(String, String, Path)} under the given limits. */
    public static Scene parse(String yamlText, String fileNameForMessages, Path baseDirForRelativeFiles, Limits limits)
            throws SceneException {
        SceneSpec spec = spec(yamlText, fileNameForMessages, baseDirForRelativeFiles, limits);
        return new Scene(null, sha256(yamlText.getBytes(StandardCharsets.UTF_8)), spec);
    }

    private static SceneSpec spec(String text, String name, Path baseDir, Limits limits) throws SceneException {
        Problems problems = new Problems(name, limits.maxProblemsShown());
        YamlNode root = YamlTreeReader.read(text, problems, limits);
        SceneSpec spec = SceneSpecReader.read(root, problems, baseDir, limits);
        LimitChecks.check(root, problems, limits);
        if (spec != null && problems.isEmpty()) {
            LimitChecks.checkResolved(spec, root, problems, limits);
        }
        problems.throwIfAny();
        return spec;
    }

    /** The file's bytes; a missing file, a folder or a file over the size limit is refused unread. Shared with the augment loader. */
    static byte[] readBounded(Path file, String name, long maxBytes) throws SceneException {
        String problem;
        try {
            if (Files.isDirectory(file)) {
                problem = "cannot read " + file + ": it is a folder, not a scene file";
            } else if (!Files.exists(file)) {
                problem = "cannot read " + file + ": no such file";
            } else if (Files.size(file) > maxBytes) {
                problem = file + " is " + Files.size(file) + " bytes, more than " + maxBytes + " "
                        + Limits.howToRaise(Limits.Setting.MAX_SCENE_BYTES);
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    // read one byte past the limit: the file may have grown since its size was asked
                    byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
                    if (bytes.length <= maxBytes) {
                        return bytes;
                    }
                    problem = file + " is more than " + maxBytes + " bytes "
                            + Limits.howToRaise(Limits.Setting.MAX_SCENE_BYTES);
                }
            }
        } catch (AccessDeniedException e) {
            problem = "cannot read " + file + ": permission denied";
        } catch (IOException e) {
            problem = "cannot read " + file + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        throw new SceneException(List.of(new SceneProblem(name, 0, 0, "", problem)));
    }

    /** Strict UTF-8; the first malformed byte is reported at its line and column (in characters). */
    static String decodeUtf8(byte[] bytes, String name) throws SceneException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (!result.isError()) {
            return out.flip().toString();
        }
        out.flip();
        int line = 1;
        int column = 1;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == out.length() || out.charAt(i + 1) != '\n')) {
                line++;
                column = 1;
            } else if (c != '\r') {
                column++;
            }
        }
        String message = String.format(Locale.ROOT, "is not UTF-8 text: byte 0x%02X cannot start or continue a character"
                + " (save the file as UTF-8)", bytes[in.position()] & 0xFF);
        throw new SceneException(List.of(new SceneProblem(name, line, column, "", message)));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
