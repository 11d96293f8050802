package io.synthscene.scenes.sampling;

import java.util.SplittableRandom;

/**
 * A randomizable number as the scene file wrote it: a literal or a distribution. Immutable; the
 * generator is passed in, never held, so one sampler serves every frame and thread.
 *
 * <p>{@link #lowest()} and {@link #highest()} bound every value the sampler can produce (they may
 * be infinite); the loader checks them against the range a field accepts, so a sampled value is
 * never out of range and nothing is ever clamped.
 */
public sealed interface ScalarSampler
        permits ConstantSampler, UniformSampler, NormalSampler, ChoiceSampler, UniformIntSampler, PoissonSampler {

    double sample(SplittableRandom random);

    double lowest();

    double highest();

    /** True when every value this sampler can produce is a whole number. */
    boolean integral();

    /** The sampler as the scene file would write it, for messages: {@code {uniform: [0, 1.5]}}. */
    String describe();
}
