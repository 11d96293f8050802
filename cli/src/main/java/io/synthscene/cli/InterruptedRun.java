package io.synthscene.cli;

import io.synthscene.annotators.AtomicFiles;
import io.synthscene.annotators.ImageFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * The state a run was left in when its process died, and the tidying before it continues.
 *
 * <p>A frame is done when its frame JSON is in place: the JSON is written last, after the image and
 * the mask of each of its cameras, each atomically (see {@link FrameWriter}). A frame with some files but no JSON was
 * cut short: its files are deleted and it is rendered again. Temporary files of
 * {@link AtomicFiles} ({@code .NAME.tmp-RANDOM}) are what a kill during a write leaves; they are
 * deleted too.
 */
final class InterruptedRun {
    /** Frames of the run found done, by frame index, and what was removed. */
    record Tidied(BitSet doneFrames, int partialFramesRemoved, int temporaryFilesRemoved) {
    }

    private InterruptedRun() {
    }

    /**
     * Tidies frames {@code first .. end - 1} of the folder and returns which of them are done.
     *
     * @param cameras the scene's camera names ({@code Scene.cameraNames()}: a list holding null without a rig)
     */
    static Tidied tidy(DatasetLayout layout, ImageFormat format, int first, int end, List<String> cameras) {
        try {
            int temporary = deleteTemporaryFiles(layout.root());
            BitSet done = new BitSet();
            int partial = 0;
            for (int index = first; index < end; index++) {
                List<Path> files = new java.util.ArrayList<>();
                for (String camera : cameras) {
                    files.add(layout.image(index, camera, format));
                    files.add(layout.instanceMask(index, camera));
                }
                files.add(layout.frameJson(index));
                if (files.stream().allMatch(Files::isRegularFile)) {
                    done.set(index);
                } else if (files.stream().anyMatch(Files::exists)) {
                    partial++;
                    for (Path file : files) {
                        Files.deleteIfExists(file);
                    }
                }
            }
            return new Tidied(done, partial, temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + layout.root() + " for --resume", e);
        }
    }

    private static int deleteTemporaryFiles(Path root) throws IOException {
        List<Path> temporary;
        try (Stream<Path> files = Files.walk(root)) {
            temporary = files.filter(Files::isRegularFile).filter(AtomicFiles::isTemporaryFile).toList();
        }
        for (Path file : temporary) {
            Files.deleteIfExists(file);
        }
        return temporary.size();
    }
}
