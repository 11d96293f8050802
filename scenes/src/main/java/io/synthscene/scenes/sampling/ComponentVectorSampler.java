package io.synthscene.scenes.sampling;

import java.util.List;
import java.util.SplittableRandom;

/** {@code [x, y, z]} where each component is a randomizable number, drawn in order. */
public record ComponentVectorSampler(List<ScalarSampler> components) implements VectorSampler {
    public ComponentVectorSampler {
        components = List.copyOf(components);
    }

    public static ComponentVectorSampler constant(double... values) {
        return new ComponentVectorSampler(java.util.Arrays.stream(values)
                .<ScalarSampler>mapToObj(ConstantSampler::new).toList());
    }

    @Override
    public int size() {
        return components.size();
    }

    @Override
    public double[] sample(SplittableRandom random) {
        double[] values = new double[components.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = components.get(i).sample(random);
        }
        return values;
    }

    @Override
    public double lowest(int i) {
        return components.get(i).lowest();
    }

    @Override
    public double highest(int i) {
        return components.get(i).highest();
    }
}
