package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.Ground;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.spec.GroundSpec;
import java.util.SplittableRandom;

/** Draws the ground of a frame, in this order: size, colour, roughness. */
public final class GroundRandomizer {
    private GroundRandomizer() {
    }

    public static Ground sample(GroundSpec spec, SplittableRandom random) {
        double size = spec.sizeMeters().sample(random);
        return new Ground(size, new Material(Colors.rgb(spec.color(), random), spec.roughness().sample(random)));
    }
}
