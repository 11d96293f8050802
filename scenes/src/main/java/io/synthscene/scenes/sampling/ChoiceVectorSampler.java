package io.synthscene.scenes.sampling;

import java.util.List;
import java.util.SplittableRandom;

/** {@code {choice: [[...], [...]]}} (optionally weighted): one whole vector per draw. */
public record ChoiceVectorSampler(List<List<Double>> values, WeightedIndex index) implements VectorSampler {
    public ChoiceVectorSampler {
        values = values.stream().map(List::copyOf).toList();
        if (values.isEmpty() || values.size() != index.size()) {
            throw new IllegalArgumentException(values.size() + " vectors but " + index.size() + " weights");
        }
        int size = values.get(0).size();
        if (values.stream().anyMatch(v -> v.size() != size)) {
            throw new IllegalArgumentException("vectors of different lengths");
        }
    }

    @Override
    public int size() {
        return values.get(0).size();
    }

    @Override
    public double[] sample(SplittableRandom random) {
        return values.get(index.pick(random)).stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public double lowest(int i) {
        return values.stream().mapToDouble(v -> v.get(i)).min().orElseThrow();
    }

    @Override
    public double highest(int i) {
        return values.stream().mapToDouble(v -> v.get(i)).max().orElseThrow();
    }
}
