package io.synthscene.engine;

/** Every tolerance of the render tests, named, in one place. */
final class RenderTolerances {
    /** A mask's bounding box against the analytic projection, pixels (sub-pixel snapping of vertices). */
    static final int BBOX_PIXELS = 1;
    /** Linear depth on a surface against the analytic distance, metres. */
    static final double DEPTH_METERS = 1e-3;
    /** Ground depth against a CPU ray cast, relative to the distance (float interpolation over a large quad). */
    static final double GROUND_DEPTH_RELATIVE = 1e-4;
    /** An 8-bit sRGB channel against the value computed on the CPU. */
    static final int SRGB_LEVELS = 1;

    private RenderTolerances() {
    }
}
