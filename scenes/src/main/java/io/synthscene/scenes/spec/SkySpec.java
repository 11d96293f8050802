package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ScalarSampler;

/**
 * {@code lighting.sky} as written: whether to draw the horizon-to-zenith gradient, and the cloud
 * cover (a distribution in [0, 1]). Made by the lighting reader; sampled by {@code SkyRandomizer}.
 */
public record SkySpec(boolean gradient, ScalarSampler cloudCover) {
}
