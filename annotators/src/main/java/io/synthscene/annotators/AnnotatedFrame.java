package io.synthscene.annotators;

import java.util.List;

/**
 * What one image contributes to a dataset's label files: its frame index, the name of its colour
 * image under {@code images/}, its size and camera, its annotation records and, when rendered with
 * silhouettes, what became of its labelled objects ({@code occlusionStats}, else null). Made by the render
 * pipeline after a frame is written (or read back from a frame's files on resume, merge and
 * export); consumed by {@link CocoDatasetWriter} and the exporters — never a parsed COCO file.
 * Kept small (no {@code Frame}): a batch holds one per image until its label files are written.
 *
 * <p>A frame seen by a camera rig gives one image per camera: {@code cameraName} is the camera's
 * name (null for a frame without a rig), {@code cameraIndex} its place in the rig of
 * {@code cameraCount} cameras (0 of 1 without a rig). Images are numbered by {@link #viewIndex()}.
 */
public record AnnotatedFrame(int index, String imageFileName, int width, int height, ImageCamera camera,
                             List<InstanceAnnotation> annotations, OcclusionStats occlusionStats, String cameraName,
                             int cameraIndex, int cameraCount) {

    public AnnotatedFrame {
        annotations = List.copyOf(annotations);
        if (cameraCount < 1 || cameraIndex < 0 || cameraIndex >= cameraCount) {
            throw new IllegalArgumentException("frame " + index + ": camera " + cameraIndex + " of " + cameraCount);
        }
        if (cameraName == null && cameraCount > 1) {
            throw new IllegalArgumentException("frame " + index + ": the cameras of a rig need their names");
        }
    }

    /** The one image of a frame without a rig. */
    public AnnotatedFrame(int index, String imageFileName, int width, int height, ImageCamera camera,
                          List<InstanceAnnotation> annotations, OcclusionStats occlusionStats) {
        this(index, imageFileName, width, height, camera, annotations, occlusionStats, null, 0, 1);
    }

    /** A frame without occlusion data (no SILHOUETTES pass, or read back from masks alone). */
    public AnnotatedFrame(int index, String imageFileName, int width, int height, ImageCamera camera,
                          List<InstanceAnnotation> annotations) {
        this(index, imageFileName, width, height, camera, annotations, null);
    }

    /** The image's file name without its extension, e.g. {@code 000042} or {@code 000042_front}. */
    public String stem() {
        int dot = imageFileName.lastIndexOf('.');
        return dot < 0 ? imageFileName : imageFileName.substring(0, dot);
    }

    /**
     * The image's number in its dataset: {@code index x cameraCount + cameraIndex}, the frame index
     * without a rig. COCO's image id is this + 1.
     */
    public long viewIndex() {
        return (long) index * cameraCount + cameraIndex;
    }
}
