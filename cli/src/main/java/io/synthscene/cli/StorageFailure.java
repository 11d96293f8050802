package io.synthscene.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.Locale;

/**
 * Recognises the failures of a write that are the storage's doing, not a bug: a full disk, an
 * exceeded quota, a file system that became read-only, a file larger than the process may write.
 * The JDK gives them as {@link IOException}s carrying the operating system's words (strerror), so
 * the words are what is matched; what is printed is the OS's own text.
 *
 * <p>Stateless; used by {@link RenderCommand} to stop a run with a message instead of an internal-error report.
 */
final class StorageFailure {
    private static final String[] OS_WORDS = {
        "no space left on device", "disk quota exceeded", "read-only file system", "file too large"};

    private StorageFailure() {
    }

    /** The operating system's words for the first storage failure in {@code e}'s causes, or null when there is none. */
    static String reason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (!(cause instanceof IOException)) {
                continue;
            }
            String words = cause instanceof FileSystemException fs ? fs.getReason() : cause.getMessage();
            if (words == null) {
                continue;
            }
            String lower = words.toLowerCase(Locale.ROOT);
            for (String known : OS_WORDS) {
                if (lower.contains(known)) {
                    return words;
                }
            }
        }
        return null;
    }
}
