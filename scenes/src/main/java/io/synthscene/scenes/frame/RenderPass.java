package io.synthscene.scenes.frame;

/**
 * A render pass the engine can produce. Annotators declare the passes they need; the renderer
 * runs the union.
 */
public enum RenderPass {
    /** Shaded colour, 8-bit sRGB. May be anti-aliased. */
    COLOR,
    /** Instance id per pixel (32-bit integer), never anti-aliased. 0 = background or scenery. */
    INSTANCE_ID,
    /** Linear depth in metres along the camera's viewing axis; +infinity where nothing was hit. */
    DEPTH,
    /**
     * Per labelled object, the pixels it would cover with nothing else in the scene (its amodal
     * silhouette), inside the image and over a guard band around it; never anti-aliased. See
     * {@link Silhouettes}.
     */
    SILHOUETTES
}
