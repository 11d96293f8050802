package io.synthscene.scenes.sampling;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/** {@code {choice: [v...]}} or {@code {choice: {values: [...], weights: [...]}}}: one draw. */
public record ChoiceSampler(List<Double> values, WeightedIndex index) implements ScalarSampler {
    public ChoiceSampler {
        values = List.copyOf(values);
        if (values.size() != index.size()) {
            throw new IllegalArgumentException(values.size() + " values but " + index.size() + " weights");
        }
    }

    @Override
    public double sample(SplittableRandom random) {
        return values.get(index.pick(random));
    }

    @Override
    public double lowest() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    @Override
    public double highest() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    @Override
    public boolean integral() {
        return values.stream().allMatch(v -> v == Math.rint(v));
    }

    @Override
    public String describe() {
        String listed = values.stream().map(Numbers::format).collect(Collectors.joining(", "));
        if (index.isEqual()) {
            return "{choice: [" + listed + "]}";
        }
        return "{choice: {values: [" + listed + "], weights: ["
                + index.weights().stream().map(Numbers::format).collect(Collectors.joining(", ")) + "]}}";
    }
}
