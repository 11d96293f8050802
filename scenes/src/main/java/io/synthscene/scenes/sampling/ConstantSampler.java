package io.synthscene.scenes.sampling;

import java.util.SplittableRandom;

/** A literal number: draws nothing from the generator. */
public record ConstantSampler(double value) implements ScalarSampler {
    @Override
    public double sample(SplittableRandom random) {
        return value;
    }

    @Override
    public double lowest() {
        return value;
    }

    @Override
    public double highest() {
        return value;
    }

    @Override
    public boolean integral() {
        return value == Math.rint(value);
    }

    @Override
    public String describe() {
        return Numbers.format(value);
    }
}
