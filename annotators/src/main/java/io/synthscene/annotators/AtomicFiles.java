package io.synthscene.annotators;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader, or a run resumed after a crash, sees either the old content or
 * the whole new content, never a part: the bytes go to a hidden temporary file in the target's
 * folder ({@code .NAME.tmp-RANDOM}; same folder, so the same file system), which is then renamed
 * over the target atomically. On any failure the temporary file is deleted and the target is
 * left as it was.
 *
 * <p>Not synced to disk: this protects against the process dying, not against power loss.
 */
public final class AtomicFiles {

    /** Writes a file's content to a stream; the stream is closed by {@link AtomicFiles}. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final java.util.regex.Pattern TEMPORARY_NAME = java.util.regex.Pattern.compile("\\..+\\.tmp-[0-9a-z]+");

    private AtomicFiles() {
    }

    /**
     * Whether {@code file} is named like a temporary file of this class ({@code .NAME.tmp-RANDOM}):
     * left behind only when the process died between creating and renaming it, so a resumed run may
     * delete it.
     */
    public static boolean isTemporaryFile(Path file) {
        Path name = file.getFileName();
        return name != null && TEMPORARY_NAME.matcher(name.toString()).matches();
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Streams the content, for files too large to build in memory first (COCO of a big batch). */
    public static void write(Path target, ContentWriter content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temporary = createTemporarySibling(absolute);
        try {
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), 1 << 16)) {
                content.writeTo(out);
            }
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static Path createTemporarySibling(Path target) throws IOException {
        Path folder = target.getParent();
        String name = target.getFileName().toString();
        // Files.createTempFile would make the file owner-only (0600); datasets are meant to be shared.
        while (true) {
            String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            Path temporary = folder.resolve("." + name + ".tmp-" + random);
            try {
                return Files.createFile(temporary);
            } catch (FileAlreadyExistsException taken) {
                // another writer drew the same name: draw again
            }
        }
    }
}
