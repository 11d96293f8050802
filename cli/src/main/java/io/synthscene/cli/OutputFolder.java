package io.synthscene.cli;

import io.synthscene.annotators.AtomicFiles;
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
 * Then the run's {@link RunRecord} is written, before the first frame. {@code --resume} continues
 * in a folder that has both; on a missing or empty folder it starts afresh, so a batch job may
 * always pass {@code --resume}, first attempt or retry. {@code --resume} and {@code --overwrite}
 * together are refused: one keeps the frames, the other deletes them.
 */
final class OutputFolder {
    static final String MARKER = ".synthscene-dataset";

    private final Path root;
    private final boolean overwrite;
    private final boolean resuming;

    private OutputFolder(Path root, boolean overwrite, boolean resuming) {
        this.root = root;
        this.overwrite = overwrite;
        this.resuming = resuming;
    }

    /** Checks that {@code root} may be written; throws {@link UserInputException} if not. Writes nothing. */
    static OutputFolder check(Path root, boolean overwrite) {
        return check(root, overwrite, false);
    }

    /**
     * Checks that {@code root} may be written, or continued when {@code resume}; throws
     * {@link UserInputException} if not. Writes nothing.
     */
    static OutputFolder check(Path root, boolean overwrite, boolean resume) {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new UserInputException("--out " + root + " exists and is not a folder");
        }
        requireWritable(root);
        if (resume && overwrite) {
            throw new UserInputException("--resume keeps the frames already in --out and --overwrite deletes them: pass one of them");
        }
        if (resume && !isEmptyOrMissing(root)) {
            if (!Files.exists(root.resolve(MARKER))) {
                throw new UserInputException("--out " + root + " was not written by synthscene; nothing to resume there");
            }
            if (!Files.exists(root.resolve(RunRecord.FILE_NAME)) && holdsOnlyTheMarker(root)) {
                // killed between writing the marker and the run record: nothing was rendered yet
                return new OutputFolder(root, true, false);
            }
            if (!Files.exists(root.resolve(RunRecord.FILE_NAME))) {
                throw new UserInputException("--out " + root + " has no run record (" + RunRecord.FILE_NAME
                        + "): it was not written by a render of this version, so it cannot be resumed (use --overwrite to start again)");
            }
            return new OutputFolder(root, false, true);
        }
        if (!isEmptyOrMissing(root)) {
            if (!overwrite) {
                throw new UserInputException("--out " + root + " is not empty (pass --overwrite to replace a dataset there)");
            }
            if (!Files.exists(root.resolve(MARKER))) {
                throw new UserInputException("--out " + root + " is not empty and was not written by synthscene; refusing to overwrite it");
            }
        }
        return new OutputFolder(root, overwrite, false);
    }

    /**
     * Checks that {@code root}, or the nearest folder above it that exists (the missing folders are
     * created, as {@code mkdir -p} would), can be written, so that a bad path is refused before
     * anything is rendered. {@link Files#isWritable} asks the OS (access(2)): a read-only file
     * system is refused even for root; a folder merely without write permission is not, for root.
     */
    private static void requireWritable(Path root) {
        Path existing = root.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        String above = existing.equals(root.toAbsolutePath().normalize()) ? "" : " (the nearest part of it that exists)";
        if (!Files.isDirectory(existing)) {
            throw new UserInputException("--out " + root + ": " + existing + " is a file, not a folder, so no folder can be made under it");
        }
        if (!Files.isWritable(existing)) {
            throw new UserInputException("--out " + root + ": cannot write in " + existing + above
                    + " (no write permission, or a read-only file system)");
        }
    }

    /** True when the folder holds a run to continue ({@code --resume} on a folder that has one). */
    boolean resuming() {
        return resuming;
    }

    Path runRecordFile() {
        return root.resolve(RunRecord.FILE_NAME);
    }

    /** Empties a previous dataset if asked to, creates the folder and marks it as ours; keeps a run being resumed. */
    void create() {
        if (resuming) {
            return;
        }
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

    /** True when the only files under {@code root} are the marker and temporary files of {@link AtomicFiles}. */
    private static boolean holdsOnlyTheMarker(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .allMatch(file -> file.equals(root.resolve(MARKER)) || AtomicFiles.isTemporaryFile(file));
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
