package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.ScalarSampler;

/**
 * The {@code sensor} section as written; null in {@link SceneSpec} when the scene has none (the
 * colour image is then written as rendered). Meanings and units as in
 * {@link io.synthscene.scenes.frame.Sensor}.
 */
public record SensorSpec(
        ScalarSampler exposureEv,
        ScalarSampler whiteBalanceK,
        ScalarSampler vignetting,
        ScalarSampler blurPx,
        ScalarSampler chromaticAberrationPx,
        ScalarSampler photonsAtWhite,
        ScalarSampler gaussianStdLevels) {
    public static final ScalarSampler ZERO = new ConstantSampler(0);
}
