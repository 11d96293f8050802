package io.synthscene.annotators;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts a file at a new path without copying its bytes when it can: a hard link when the file
 * system allows it, a copy otherwise (and from then on, since the next file is most likely on the
 * same file systems). Used where a dataset's files reappear in another folder (merge, export,
 * KITTI's image_2/). One instance per operation; not thread-safe.
 */
public final class FileLinker {
    private boolean linking = true;
    private int linked;
    private int copied;

    public void linkOrCopy(Path source, Path target) throws IOException {
        if (linking) {
            try {
                Files.createLink(target, source);
                linked++;
                return;
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (Files.exists(target)) {
                    throw e;
                }
                linking = false; // another file system, or one without hard links
            }
        }
        Files.copy(source, target);
        copied++;
    }

    /** As {@link #linkOrCopy}, creating the target's folder, when the source exists; else nothing. */
    public void linkOrCopyIfPresent(Path source, Path target) throws IOException {
        if (Files.exists(source)) {
            Files.createDirectories(target.getParent());
            linkOrCopy(source, target);
        }
    }

    public int linked() {
        return linked;
    }

    public int copied() {
        return copied;
    }
}
