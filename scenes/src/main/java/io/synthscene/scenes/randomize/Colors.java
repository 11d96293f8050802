package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.Vec3;
import io.synthscene.scenes.sampling.VectorSampler;
import java.util.SplittableRandom;

/** Draws of 3-vectors as the frame types that hold them. */
final class Colors {
    private Colors() {
    }

    static Rgb rgb(VectorSampler sampler, SplittableRandom random) {
        double[] c = sampler.sample(random);
        return new Rgb(c[0], c[1], c[2]);
    }

    static Vec3 vec3(VectorSampler sampler, SplittableRandom random) {
        double[] v = sampler.sample(random);
        return new Vec3(v[0], v[1], v[2]);
    }
}
