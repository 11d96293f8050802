package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ScalarSampler;

/**
 * The {@code lighting.exposure} section as written: a fixed (randomizable) number of stops, or
 * auto exposure limited to {@code maxEv} stops. See {@link io.synthscene.scenes.frame.Exposure}.
 *
 * @param ev    fixed only; null for auto
 * @param maxEv auto only; null for fixed
 */
public record ExposureSpec(boolean auto, ScalarSampler ev, Double maxEv) {
    public ExposureSpec {
        if (auto == (maxEv == null) || auto == (ev != null)) {
            throw new IllegalArgumentException("auto exposure takes max_ev, fixed exposure takes ev");
        }
    }
}
