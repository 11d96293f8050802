package io.synthscene.scenes.sampling;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Picks an index in [0, n) with probability proportional to its weight; one draw. Equal weights
 * when the scene file gives none.
 */
public final class WeightedIndex {
    private final double[] cumulative;
    private final List<Double> weights;

    public WeightedIndex(List<Double> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("no weights");
        }
        this.weights = List.copyOf(weights);
        cumulative = new double[weights.size()];
        double sum = 0;
        for (int i = 0; i < weights.size(); i++) {
            double w = weights.get(i);
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("weight " + w + " must be finite and >= 0");
            }
            sum += w;
            cumulative[i] = sum;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights sum to " + sum + ", need > 0");
        }
    }

    public static WeightedIndex equal(int count) {
        return new WeightedIndex(java.util.Collections.nCopies(count, 1.0));
    }

    public int size() {
        return cumulative.length;
    }

    public List<Double> weights() {
        return weights;
    }

    public boolean isEqual() {
        return weights.stream().distinct().count() == 1;
    }

    public int pick(SplittableRandom random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return lastWithWeight();
    }

    /** Rounding can leave u at the very top; the answer is then the last index that can be chosen. */
    private int lastWithWeight() {
        for (int i = weights.size() - 1; i >= 0; i--) {
            if (weights.get(i) > 0) {
                return i;
            }
        }
        throw new IllegalStateException("no positive weight");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeightedIndex w && w.weights.equals(weights);
    }

    @Override
    public int hashCode() {
        return weights.hashCode();
    }
}
