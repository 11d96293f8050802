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
    /** A blurred step edge against the (truncated, renormalised) Gaussian CDF, 8-bit sRGB levels. */
    static final int BLURRED_EDGE_LEVELS = 2;
    /** The mean of noisy flat grey against the grey, 8-bit levels (9,216 draws: 5 standard errors at std 6). */
    static final double NOISE_MEAN_LEVELS = 0.3;
    /** A sample std against the requested one, relative (9,216 draws: the standard error is under 1 %). */
    static final double NOISE_STD_RELATIVE = 0.1;
    /** A bilinearly resampled line's centre against the formula, pixels (8-bit filter weights, 8-bit levels). */
    static final double CENTROID_PIXELS = 0.1;
    /**
     * The ratio of the ground's linear brightness under a point light at two heights against the
     * inverse-square answer, relative (8-bit levels near linear 0.2 are 0.4 % apart).
     */
    static final double INVERSE_SQUARE_RELATIVE = 0.03;
    /**
     * A shadow ratio of two 8-bit colour draws against sky / (sky + sun), absolute: one sRGB level
     * near linear 0.1-0.3 is 1-3 % of the value.
     */
    static final double SHADOW_RATIO = 0.03;

    /**
     * A motion-blurred edge's length (its 10-90 % rise over 0.8) and centre against the displacement
     * predicted from the camera's motion, pixels (the bilinear taps soften the ends by about a pixel).
     */
    static final double MOTION_BLUR_PIXELS = 1.0;

    /**
     * A sky pixel against Daylight.skyRadiance for the pixel centre's direction, 8-bit sRGB levels:
     * the shader's float pow and its direction from the inverted view-projection against doubles.
     */
    static final int SKY_LEVELS = 2;

    private RenderTolerances() {
    }
}
