package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.ScalarSampler;

/**
 * The {@code sensor} section as written; null in {@link SceneSpec} when the scene has none (the
 * colour image is then written as rendered). Meanings and units as in
 * {@link io.synthscene.scenes.frame.Sensor}. {@code jpegQuality} is null without
 * {@code jpeg_quality}; it only ever draws whole numbers in [1, 100].
 */
public record SensorSpec(
        ScalarSampler exposureEv,
        ScalarSampler whiteBalanceK,
        ScalarSampler vignetting,
        ScalarSampler blurPx,
        ScalarSampler chromaticAberrationPx,
        ScalarSampler photonsAtWhite,
        ScalarSampler gaussianStdLevels,
        ScalarSampler jpegQuality) {
    public static final ScalarSampler ZERO = new ConstantSampler(0);

    /** A sensor without {@code jpeg_quality}: images are written as the render command's options say. */
    public SensorSpec(ScalarSampler exposureEv, ScalarSampler whiteBalanceK, ScalarSampler vignetting,
            ScalarSampler blurPx, ScalarSampler chromaticAberrationPx, ScalarSampler photonsAtWhite,
            ScalarSampler gaussianStdLevels) {
        this(exposureEv, whiteBalanceK, vignetting, blurPx, chromaticAberrationPx, photonsAtWhite, gaussianStdLevels,
                null);
    }
}
