package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;
import java.util.List;

/**
 * A texture as written on a group or the ground (see {@link io.synthscene.scenes.frame.Texture}).
 *
 * @param kind   draws an index into {@link io.synthscene.scenes.frame.Texture#KINDS}
 * @param colors exactly two colours, each linear RGB in [0, 1]
 */
public record TextureSpec(ScalarSampler kind, ScalarSampler scaleMeters, List<VectorSampler> colors,
                          ScalarSampler angleDegrees) {
    public TextureSpec {
        colors = List.copyOf(colors);
        if (colors.size() != 2) {
            throw new IllegalArgumentException("a texture has two colours, not " + colors.size());
        }
    }
}
