package io.synthscene.scenes.sampling;

import java.util.SplittableRandom;

/**
 * A randomizable vector (a position, a colour): either one randomizable number per component, or
 * a choice among whole vectors. Immutable.
 */
public sealed interface VectorSampler permits ComponentVectorSampler, ChoiceVectorSampler {
    /** Number of components every sample has. */
    int size();

    double[] sample(SplittableRandom random);

    /** Lowest value component {@code i} can take. */
    double lowest(int i);

    /** Highest value component {@code i} can take. */
    double highest(int i);
}
