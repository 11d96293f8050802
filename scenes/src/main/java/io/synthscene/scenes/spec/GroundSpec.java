package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;

/** The ground square as written: side length in metres, colour (linear RGB) and roughness. */
public record GroundSpec(ScalarSampler sizeMeters, VectorSampler color, ScalarSampler roughness) {
}
