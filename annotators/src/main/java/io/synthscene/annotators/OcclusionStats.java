package io.synthscene.annotators;

/**
 * What became of a frame's labelled objects, from its SILHOUETTES pass. Created by
 * {@link OcclusionAnnotator}; written into the COCO image entry.
 *
 * @param labelled     labelled objects of the frame
 * @param annotated    those with at least one visible pixel (they have a COCO annotation)
 * @param hidden       those whose silhouette reaches into the image but which are entirely hidden
 *                     behind other objects, scenery or the ground (no annotation)
 * @param outsideImage those whose silhouette has no pixel inside the image: beside, behind or
 *                     beyond the camera's view (no annotation)
 */
public record OcclusionStats(int labelled, int annotated, int hidden, int outsideImage) {
    public OcclusionStats {
        if (labelled < 0 || annotated < 0 || hidden < 0 || outsideImage < 0 || annotated + hidden + outsideImage != labelled) {
            throw new IllegalArgumentException("annotated " + annotated + " + hidden " + hidden + " + outside "
                    + outsideImage + " must be labelled " + labelled);
        }
    }
}
