package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.Ground;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Texture;
import io.synthscene.scenes.random.FrameRandom;
import io.synthscene.scenes.spec.GroundSpec;
import java.util.SplittableRandom;

/**
 * Draws the ground of a frame, in this order: size, colour, roughness; a texture from its own
 * stream ({@code ground/texture}).
 */
public final class GroundRandomizer {
    private GroundRandomizer() {
    }

    /** The ground of frame {@code frameIndex}: the {@code ground} stream, and {@code ground/texture} for a texture. */
    public static Ground sample(GroundSpec spec, long seed, long frameIndex) {
        Ground ground = sample(spec, FrameRandom.stream(seed, frameIndex, "ground"));
        if (spec.texture() == null) {
            return ground;
        }
        Texture texture = TextureRandomizer.sample(spec.texture(), FrameRandom.stream(seed, frameIndex, "ground/texture"));
        return new Ground(ground.sizeMeters(), ground.material().withTexture(texture));
    }

    public static Ground sample(GroundSpec spec, SplittableRandom random) {
        double size = spec.sizeMeters().sample(random);
        return new Ground(size, new Material(Colors.rgb(spec.color(), random), spec.roughness().sample(random)));
    }
}
