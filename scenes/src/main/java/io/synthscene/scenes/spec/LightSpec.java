package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.VectorSampler;

/**
 * One entry of the scene's {@code lights} list as written: a point or spot light at a
 * (randomizable) world position.
 *
 * @param direction null for a point light; for a spot, a vector the loader has checked can never
 *                  be zero (it is normalised when drawn)
 */
public record LightSpec(VectorSampler position, VectorSampler direction, LampSpec lamp) {
    public LightSpec {
        if ((direction != null) != lamp.isSpot()) {
            throw new IllegalArgumentException("a spot needs a direction, a point light none");
        }
    }
}
