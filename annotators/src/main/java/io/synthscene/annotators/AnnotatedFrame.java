package io.synthscene.annotators;

import java.util.List;

/**
 * What one frame contributes to a dataset's label files: its index, the name of its colour image
 * under {@code images/}, its size and camera, its annotation records and, when rendered with
 * silhouettes, what became of its labelled objects ({@code occlusionStats}, else null). Made by the render
 * pipeline after a frame is written (or read back from a frame's files on resume, merge and
 * export); consumed by {@link CocoDatasetWriter} and the exporters — never a parsed COCO file.
 * Kept small (no {@code Frame}): a batch holds one per frame until its label files are written.
 */
public record AnnotatedFrame(int index, String imageFileName, int width, int height, ImageCamera camera,
                             List<InstanceAnnotation> annotations, OcclusionStats occlusionStats) {

    public AnnotatedFrame {
        annotations = List.copyOf(annotations);
    }

    /** A frame without occlusion data (no SILHOUETTES pass, or read back from masks alone). */
    public AnnotatedFrame(int index, String imageFileName, int width, int height, ImageCamera camera,
                          List<InstanceAnnotation> annotations) {
        this(index, imageFileName, width, height, camera, annotations, null);
    }

    /** The image's file name without its extension, e.g. {@code 000042}. */
    public String stem() {
        int dot = imageFileName.lastIndexOf('.');
        return dot < 0 ? imageFileName : imageFileName.substring(0, dot);
    }
}
