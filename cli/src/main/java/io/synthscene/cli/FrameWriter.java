package io.synthscene.cli;

import io.synthscene.annotators.AtomicFiles;
import io.synthscene.annotators.ImageEncoder;
import io.synthscene.annotators.InstanceAnnotation;
import io.synthscene.annotators.InstanceAnnotator;
import io.synthscene.scenes.FrameJson;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.RenderedFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The per-frame work after rendering, run on a worker thread: annotate, encode, write the frame's
 * files (each atomically). Returns the annotations for the dataset-wide COCO file.
 *
 * <p>The frame JSON is written last, after the image and the mask: a frame is done exactly when
 * its {@code frames/NNNNNN.json} is in place, which is what {@code --resume} and {@code merge}
 * rely on ({@link InterruptedRun}).
 */
final class FrameWriter {
    private final DatasetLayout layout;
    private final RenderSettings settings;
    private final InstanceAnnotator annotator = new InstanceAnnotator();
    private final ImageEncoder encoder = new ImageEncoder();

    FrameWriter(DatasetLayout layout, RenderSettings settings) {
        this.layout = layout;
        this.settings = settings;
    }

    /** What one written frame contributes to the COCO file. */
    record WrittenFrame(int index, String imageFileName, int width, int height, List<InstanceAnnotation> annotations) {
    }

    WrittenFrame write(Frame frame, RenderedFrame rendered) {
        int index = frame.index();
        List<InstanceAnnotation> annotations = annotator.annotate(frame, rendered);
        try {
            AtomicFiles.write(layout.image(index, settings.imageFormat()),
                    encoder.encodeColor(rendered, settings.imageFormat(), settings.jpegQuality()));
            AtomicFiles.write(layout.instanceMask(index),
                    encoder.encodeInstanceMask(rendered.instanceIds(), rendered.width(), rendered.height()));
            // last: its presence marks the frame done
            AtomicFiles.write(layout.frameJson(index), FrameJson.toJson(frame));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write frame " + index, e);
        }
        return new WrittenFrame(index, DatasetLayout.imageFileName(index, settings.imageFormat()),
                rendered.width(), rendered.height(), annotations);
    }
}
