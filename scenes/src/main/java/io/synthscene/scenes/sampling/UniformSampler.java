package io.synthscene.scenes.sampling;

import java.util.SplittableRandom;

/** {@code {uniform: [min, max]}}: uniform on [min, max); one draw. */
public record UniformSampler(double min, double max) implements ScalarSampler {
    public UniformSampler {
        if (!(min <= max)) {
            throw new IllegalArgumentException("uniform bounds [" + min + ", " + max + "] need min <= max");
        }
    }

    @Override
    public double sample(SplittableRandom random) {
        return min + (max - min) * random.nextDouble();
    }

    @Override
    public double lowest() {
        return min;
    }

    @Override
    public double highest() {
        return max;
    }

    @Override
    public boolean integral() {
        return min == max && min == Math.rint(min);
    }

    @Override
    public String describe() {
        return "{uniform: [" + Numbers.format(min) + ", " + Numbers.format(max) + "]}";
    }
}
