package io.synthscene.annotators.export;

import io.synthscene.annotators.AnnotatedFrame;
import java.io.IOException;

/**
 * Writes a dataset's labels in one file format, frame by frame, from annotation records.
 * Created with the folder it writes into (the dataset's root, where {@code images/} is);
 * {@link #addFrame} may be called from several threads; {@link #finish} writes what spans the
 * dataset (class lists, index files) once every frame was added. Every file is written
 * atomically.
 */
public interface DatasetExporter {

    /** The format's name on the command line, e.g. {@code yolo}. */
    String formatName();

    void addFrame(AnnotatedFrame frame) throws IOException;

    void finish() throws IOException;
}
