package io.synthscene.scenes.sampling;

import java.util.SplittableRandom;

/** {@code {uniform_int: [min, max]}}: a whole number in [min, max], both ends included; one draw. */
public record UniformIntSampler(long min, long max) implements ScalarSampler {
    public UniformIntSampler {
        if (min > max) {
            throw new IllegalArgumentException("uniform_int bounds [" + min + ", " + max + "] need min <= max");
        }
    }

    @Override
    public double sample(SplittableRandom random) {
        return min + random.nextLong(max - min + 1);
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
        return true;
    }

    @Override
    public String describe() {
        return "{uniform_int: [" + min + ", " + max + "]}";
    }
}
