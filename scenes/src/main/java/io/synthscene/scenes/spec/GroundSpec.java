package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;

/**
 * The ground square as written: side length in metres, colour (linear RGB), roughness and an
 * optional texture (null: a plain colour).
 */
public record GroundSpec(ScalarSampler sizeMeters, VectorSampler color, ScalarSampler roughness, TextureSpec texture) {

    /** An untextured ground. */
    public GroundSpec(ScalarSampler sizeMeters, VectorSampler color, ScalarSampler roughness) {
        this(sizeMeters, color, roughness, null);
    }
}
