package io.synthscene.annotators;

import io.synthscene.scenes.frame.Category;
import java.util.List;

/**
 * What a {@link CocoDatasetWriter} with RLE masks was given: its categories, its {@code info} and
 * one {@link AnnotatedFrame} per image, ordered by frame index (annotations by instance id).
 * Created by {@link SynthsceneCocoReader}; {@link #writer()} hands them to a new writer, which
 * writes the file they were read from again, byte for byte.
 */
public record CocoRecords(CocoInfo info, List<Category> categories, List<AnnotatedFrame> frames) {

    public CocoRecords {
        categories = List.copyOf(categories);
        frames = List.copyOf(frames);
    }

    /** A new writer (RLE masks) holding every frame of these records. */
    public CocoDatasetWriter writer() {
        CocoDatasetWriter writer = new CocoDatasetWriter(categories, info, MaskFormat.RLE);
        frames.forEach(writer::add);
        return writer;
    }
}
