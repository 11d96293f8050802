package io.synthscene.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * The folder a dataset is written to. Checked before anything is rendered, created only once the
 * scene and the device are known to be good, so that bad input leaves nothing behind.
 *
 * <p>A folder we write is marked with {@value #MARKER} at once, so that {@code --overwrite} only
 * ever empties folders that synthscene itself made (or empty ones), never a user's other files.
 */
final class OutputFolder {
    static final String MARKER = ".synthscene-dataset";

    private final Path root;
    private final boolean overwrite;

    private OutputFolder(Path root, boolean overwrite) {
        this.root = root;
        this.overwrite = overwrite;
    }

    /** Checks that {@code root} may be written; throws {@link UserInputException} if not. Writes nothing. */
    static OutputFolder check(Path root, boolean overwrite) {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new UserInputException("--out " + root + " exists and is not a folder");
        }
        if (!isEmptyOrMissing(root)) {
            if (!overwrite) {
                throw new UserInputException("--out " + root + " is not empty (pass --overwrite to replace a dataset there)");
            }
            if (!Files.exists(root.resolve(MARKER))) {
                throw new UserInputException("--out " + root + " is not empty and was not written by synthscene; refusing to overwrite it");
            }
        }
        return new OutputFolder(root, overwrite);
    }

    /** Empties a previous dataset if asked to, creates the folder and marks it as ours. */
    void create() {
        try {
            if (overwrite && Files.exists(root.resolve(MARKER))) {
                deleteContents(root);
            }
            Files.createDirectories(root);
            Files.write(root.resolve(MARKER), new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root, e);
        }
    }

    Path root() {
        return root;
    }

    private static boolean isEmptyOrMissing(Path root) {
        if (!Files.exists(root)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
    }

    private static void deleteContents(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                if (!dir.equals(root)) {
                    Files.delete(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
