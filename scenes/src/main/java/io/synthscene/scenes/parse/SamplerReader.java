package io.synthscene.scenes.parse;

import io.synthscene.scenes.sampling.ChoiceSampler;
import io.synthscene.scenes.sampling.ChoiceVectorSampler;
import io.synthscene.scenes.sampling.ComponentVectorSampler;
import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.NormalSampler;
import io.synthscene.scenes.sampling.Numbers;
import io.synthscene.scenes.sampling.PoissonSampler;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.UniformIntSampler;
import io.synthscene.scenes.sampling.UniformSampler;
import io.synthscene.scenes.sampling.VectorSampler;
import io.synthscene.scenes.sampling.WeightedIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads randomizable numbers and vectors: a literal, or a one-key map naming a distribution.
 * Checks the shape of each distribution and that every value it can produce lies in the range the
 * field accepts, so that sampling never has to clamp. Returns null after reporting a problem.
 */
public final class SamplerReader {
    public static final List<String> DISTRIBUTIONS = List.of("uniform", "normal", "choice", "uniform_int", "poisson");
    /** Largest count a group may draw: keeps a typo from asking for a billion objects. */
    public static final int MAX_COUNT = 10_000;
    private static final String FORMS = "a number or a one-key map {uniform: [a, b]}, {normal: {mean, std}}, "
            + "{choice: [...]}, {uniform_int: [a, b]} or {poisson: lambda}";

    private final Values values;
    private final Problems problems;

    public SamplerReader(Values values) {
        this.values = values;
        this.problems = values.problems();
    }

    /** A randomizable number whose every possible value lies in {@code allowed}. */
    public ScalarSampler scalar(YamlNode node, String path, Interval allowed) {
        ScalarSampler sampler = anyScalar(node, path);
        return sampler != null && inRange(sampler, node, path, allowed) ? sampler : null;
    }

    /** A randomizable whole number in [0, {@link #MAX_COUNT}]: an object count. */
    public ScalarSampler count(YamlNode node, String path) {
        ScalarSampler sampler = anyScalar(node, path);
        if (sampler == null) {
            return null;
        }
        if (!sampler.integral()) {
            String what = sampler instanceof ConstantSampler c ? Numbers.format(c.value()) + " is not a whole number"
                    : sampler.describe() + " can produce fractions";
            problems.add(node, path, what + "; a count is a whole number, {uniform_int: [a, b]}, {poisson: lambda} "
                    + "or {choice: [...]} of whole numbers");
            return null;
        }
        Interval allowed = sampler instanceof PoissonSampler ? Interval.atLeast(0) : Interval.closed(0, MAX_COUNT);
        return inRange(sampler, node, path, allowed) ? sampler : null;
    }

    /**
     * A randomizable vector of {@code size} components, each in {@code allowed}: a list of
     * randomizable numbers, or {@code {choice: [[...], ...]}} of whole vectors.
     */
    public VectorSampler vector(YamlNode node, String path, int size, Interval allowed) {
        if (node instanceof YamlList list) {
            if (list.items().size() != size) {
                problems.add(node, path, "expected " + size + " values, got " + list.items().size());
                return null;
            }
            List<ScalarSampler> components = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                components.add(scalar(list.items().get(i), path + "[" + i + "]", allowed));
            }
            return components.contains(null) ? null : new ComponentVectorSampler(components);
        }
        if (node instanceof YamlMap map && map.entries().size() == 1 && map.entries().get(0).key().equals("choice")) {
            return vectorChoice(map.entries().get(0).value(), path + ".choice", size, allowed);
        }
        problems.add(node, path, "expected a list of " + size + " values (each a number or a distribution) "
                + "or {choice: [[...], ...]}, got " + node.describe());
        return null;
    }

    private ScalarSampler anyScalar(YamlNode node, String path) {
        if (node instanceof YamlScalar scalar && scalar.isNumber()) {
            Double value = values.number(node, path);
            return value == null ? null : new ConstantSampler(value);
        }
        if (!(node instanceof YamlMap map)) {
            problems.add(node, path, "expected " + FORMS + ", got " + node.describe());
            return null;
        }
        if (map.entries().size() != 1) {
            problems.add(node, path, "a distribution is a map with exactly one key (" + String.join(", ", DISTRIBUTIONS)
                    + "), got " + (map.entries().isEmpty() ? "none" : map.entries().size() + " keys"));
            return null;
        }
        YamlMap.Entry entry = map.entries().get(0);
        String at = path + "." + entry.key();
        YamlNode body = entry.value();
        return switch (entry.key()) {
            case "uniform" -> uniform(body, at);
            case "normal" -> normal(body, at);
            case "choice" -> choice(body, at);
            case "uniform_int" -> uniformInt(body, at);
            case "poisson" -> poisson(body, at);
            default -> {
                problems.add(entry.line(), entry.column(), path, "unknown distribution '" + entry.key() + "'"
                        + Suggestions.hint(entry.key(), DISTRIBUTIONS));
                yield null;
            }
        };
    }

    private ScalarSampler uniform(YamlNode body, String path) {
        double[] bounds = pair(body, path, "uniform");
        if (bounds == null) {
            return null;
        }
        if (bounds[0] > bounds[1]) {
            problems.add(body, path, "bounds [" + Numbers.format(bounds[0]) + ", " + Numbers.format(bounds[1])
                    + "] are reversed: need a <= b");
            return null;
        }
        if (!Double.isFinite(bounds[1] - bounds[0])) {
            // a draw is a + (b - a) * u: an infinite width would give infinities
            problems.add(body, path, "bounds [" + Numbers.format(bounds[0]) + ", " + Numbers.format(bounds[1])
                    + "] are too far apart: b - a must be a finite number");
            return null;
        }
        return new UniformSampler(bounds[0], bounds[1]);
    }

    private ScalarSampler uniformInt(YamlNode body, String path) {
        YamlList list = values.list(body, path);
        if (list == null) {
            return null;
        }
        if (list.items().size() != 2) {
            problems.add(body, path, "uniform_int takes [a, b], got " + list.items().size() + " values");
            return null;
        }
        Long a = values.integer(list.items().get(0), path + "[0]", Interval.ANY);
        Long b = values.integer(list.items().get(1), path + "[1]", Interval.ANY);
        if (a == null || b == null) {
            return null;
        }
        if (a > b) {
            problems.add(body, path, "bounds [" + a + ", " + b + "] are reversed: need a <= b");
            return null;
        }
        return new UniformIntSampler(a, b);
    }

    private double[] pair(YamlNode body, String path, String name) {
        YamlList list = values.list(body, path);
        if (list == null) {
            return null;
        }
        if (list.items().size() != 2) {
            problems.add(body, path, name + " takes [a, b], got " + list.items().size() + " values");
            return null;
        }
        Double a = values.number(list.items().get(0), path + "[0]");
        Double b = values.number(list.items().get(1), path + "[1]");
        return a == null || b == null ? null : new double[] {a, b};
    }

    private ScalarSampler normal(YamlNode body, String path) {
        MapFields fields = MapFields.open(body, path, values, List.of("mean", "std", "min", "max"));
        if (fields == null) {
            return null;
        }
        YamlNode meanNode = fields.require("mean");
        YamlNode stdNode = fields.require("std");
        Double mean = meanNode == null ? null : values.number(meanNode, fields.path("mean"));
        Double std = stdNode == null ? null : values.number(stdNode, fields.path("std"), Interval.atLeast(0));
        Double min = fields.has("min") ? values.number(fields.get("min"), fields.path("min")) : Double.valueOf(Double.NEGATIVE_INFINITY);
        Double max = fields.has("max") ? values.number(fields.get("max"), fields.path("max")) : Double.valueOf(Double.POSITIVE_INFINITY);
        if (mean == null || std == null || min == null || max == null) {
            return null;
        }
        if (min > max) {
            problems.add(fields.get("min"), fields.path("min"), "min " + Numbers.format(min) + " is above max "
                    + Numbers.format(max));
            return null;
        }
        double inside = NormalSampler.massInside(mean, std, min, max);
        if (inside < NormalSampler.MIN_MASS_INSIDE) {
            problems.add(body, path, "[min, max] = [" + Numbers.format(min) + ", " + Numbers.format(max)
                    + "] holds only " + String.format(java.util.Locale.ROOT, "%.2g", 100 * inside)
                    + " % of normal(mean " + Numbers.format(mean) + ", std " + Numbers.format(std)
                    + "); need at least 0.1 %: move the bounds towards the mean or widen std");
            return null;
        }
        return new NormalSampler(mean, std, min, max);
    }

    private ScalarSampler poisson(YamlNode body, String path) {
        Double lambda = values.number(body, path, Interval.closed(0, PoissonSampler.MAX_LAMBDA));
        return lambda == null ? null : new PoissonSampler(lambda);
    }

    private ScalarSampler choice(YamlNode body, String path) {
        ChoiceNodes choice = choiceNodes(body, path);
        if (choice == null) {
            return null;
        }
        List<Double> numbers = new ArrayList<>();
        for (int i = 0; i < choice.values().size(); i++) {
            numbers.add(values.number(choice.values().get(i), choice.valuesPath() + "[" + i + "]"));
        }
        return numbers.contains(null) ? null : new ChoiceSampler(numbers, choice.index());
    }

    private VectorSampler vectorChoice(YamlNode body, String path, int size, Interval allowed) {
        ChoiceNodes choice = choiceNodes(body, path);
        if (choice == null) {
            return null;
        }
        List<List<Double>> vectors = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < choice.values().size(); i++) {
            String at = choice.valuesPath() + "[" + i + "]";
            YamlNode item = choice.values().get(i);
            YamlList list = values.list(item, at);
            if (list == null) {
                valid = false;
                continue;
            }
            if (list.items().size() != size) {
                problems.add(item, at, "expected " + size + " values, got " + list.items().size());
                valid = false;
                continue;
            }
            List<Double> vector = new ArrayList<>();
            for (int c = 0; c < size; c++) {
                Double v = values.number(list.items().get(c), at + "[" + c + "]", allowed);
                valid &= v != null;
                vector.add(v);
            }
            vectors.add(vector);
        }
        return valid ? new ChoiceVectorSampler(vectors, choice.index()) : null;
    }

    /**
     * One of {@code words}, written as the word itself or {@code {choice: [word, ...]}} (weights
     * allowed): a sampler of the chosen word's index in {@code words}.
     */
    public ScalarSampler wordChoice(YamlNode node, String path, List<String> words) {
        if (node instanceof YamlMap map && map.entries().size() == 1 && map.entries().get(0).key().equals("choice")) {
            ChoiceNodes choice = choiceNodes(map.entries().get(0).value(), path + ".choice");
            if (choice == null) {
                return null;
            }
            List<Double> indexes = new ArrayList<>();
            for (int i = 0; i < choice.values().size(); i++) {
                Integer index = word(choice.values().get(i), choice.valuesPath() + "[" + i + "]", words);
                indexes.add(index == null ? null : index.doubleValue());
            }
            return indexes.contains(null) ? null : new ChoiceSampler(indexes, choice.index());
        }
        if (!(node instanceof YamlScalar)) {
            problems.add(node, path, "expected one of " + String.join(", ", words) + " or {choice: [...]} of them, got "
                    + node.describe());
            return null;
        }
        Integer index = word(node, path, words);
        return index == null ? null : new ConstantSampler(index);
    }

    private Integer word(YamlNode node, String path, List<String> words) {
        String text = values.text(node, path);
        if (text == null) {
            return null;
        }
        int index = words.indexOf(text);
        if (index < 0) {
            problems.add(node, path, "unknown '" + text + "'" + Suggestions.hint(text, words));
            return null;
        }
        return index;
    }

    /** The values of a choice and how to pick among them, before the values are read. */
    private record ChoiceNodes(List<YamlNode> values, String valuesPath, WeightedIndex index) {
    }

    /** {@code [v, ...]} or {@code {values: [...], weights: [...]}}. */
    private ChoiceNodes choiceNodes(YamlNode body, String path) {
        if (body instanceof YamlList list) {
            if (list.items().isEmpty()) {
                problems.add(body, path, "choice needs at least one value");
                return null;
            }
            return new ChoiceNodes(list.items(), path, WeightedIndex.equal(list.items().size()));
        }
        if (!(body instanceof YamlMap)) {
            problems.add(body, path, "expected a list of values or {values: [...], weights: [...]}, got " + body.describe());
            return null;
        }
        MapFields fields = MapFields.open(body, path, values, List.of("values", "weights"));
        YamlNode valuesNode = fields.require("values");
        YamlList valueList = valuesNode == null ? null : values.list(valuesNode, fields.path("values"));
        if (valueList == null) {
            return null;
        }
        if (valueList.items().isEmpty()) {
            problems.add(valuesNode, fields.path("values"), "choice needs at least one value");
            return null;
        }
        if (!fields.has("weights")) {
            return new ChoiceNodes(valueList.items(), fields.path("values"), WeightedIndex.equal(valueList.items().size()));
        }
        List<Double> weights = weights(fields.get("weights"), fields.path("weights"), valueList.items().size());
        return weights == null ? null : new ChoiceNodes(valueList.items(), fields.path("values"), new WeightedIndex(weights));
    }

    private List<Double> weights(YamlNode node, String path, int valueCount) {
        YamlList list = values.list(node, path);
        if (list == null) {
            return null;
        }
        if (list.items().size() != valueCount) {
            problems.add(node, path, list.items().size() + " weights for " + valueCount + " values");
            return null;
        }
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < valueCount; i++) {
            weights.add(values.number(list.items().get(i), path + "[" + i + "]", Interval.atLeast(0)));
        }
        if (weights.contains(null)) {
            return null;
        }
        if (weights.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            problems.add(node, path, "weights sum to 0; at least one must be > 0");
            return null;
        }
        if (!Double.isFinite(weights.stream().mapToDouble(Double::doubleValue).sum())) {
            problems.add(node, path, "weights sum to more than the largest number; scale them down");
            return null;
        }
        return weights;
    }

    /** Reports, at the value, a sampler that could produce a value outside {@code allowed}. */
    private boolean inRange(ScalarSampler sampler, YamlNode node, String path, Interval allowed) {
        if (sampler instanceof ConstantSampler c) {
            if (!allowed.contains(c.value())) {
                problems.add(node, path, Values.outside(c.value(), allowed));
                return false;
            }
            return true;
        }
        double low = sampler.lowest();
        double high = sampler.highest();
        if (allowed.hasFiniteMin() && !allowed.contains(low)) {
            problems.add(node, path, reach(sampler, low, "min", allowed));
            return false;
        }
        if (allowed.hasFiniteMax() && !allowed.contains(high)) {
            problems.add(node, path, reach(sampler, high, "max", allowed));
            return false;
        }
        return true;
    }

    private static String reach(ScalarSampler sampler, double value, String bound, Interval allowed) {
        if (Double.isInfinite(value)) {
            return sampler.describe() + " has no " + bound + ", so it can produce values outside " + allowed
                    + (sampler instanceof NormalSampler ? "; give " + bound + " inside " + allowed : "");
        }
        return sampler.describe() + " can produce " + Numbers.format(value) + ", outside " + allowed;
    }
}
