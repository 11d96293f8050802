package io.synthscene.scenes.parse;

import io.synthscene.scenes.frame.Category;
import io.synthscene.scenes.sampling.ChoiceSampler;
import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.PoissonSampler;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.UniformIntSampler;
import io.synthscene.scenes.spec.ClassBalanceSpec;
import io.synthscene.scenes.spec.GroupSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@code class_balance: {category: share, ...}} and works out the count factor of each
 * category: its target share over the share the groups' mean counts give it. The shares must name
 * every category some labelled group produces, only those, and sum to 1 (within
 * {@value #SUM_TOLERANCE}).
 */
final class ClassBalanceSpecReader {
    static final double SUM_TOLERANCE = 1e-6;

    private final Values values;

    ClassBalanceSpecReader(Values values) {
        this.values = values;
    }

    /** @param node the section, or null when there is none (then null, and no problem) */
    ClassBalanceSpec read(YamlNode node, String path, List<Category> categories, List<GroupSpec> groups) {
        if (node == null) {
            return null;
        }
        YamlMap map = values.map(node, path);
        if (map == null) {
            return null;
        }
        Map<String, Double> meanCounts = new TreeMap<>();
        for (GroupSpec group : groups) {
            if (group.category() != null) {
                meanCounts.merge(group.category().name(), mean(group.count()), Double::sum);
            }
        }
        List<String> names = categories.stream().map(Category::name).toList();
        Map<String, Double> shares = new TreeMap<>();
        boolean valid = true;
        for (YamlMap.Entry entry : map.entries()) {
            String at = path + "." + entry.key();
            Double share = values.number(entry.value(), at, new Interval(0, true, 1, false));
            if (!names.contains(entry.key())) {
                values.problems().add(entry.line(), entry.column(), at, "unknown category '" + YamlScalar.shown(entry.key()) + "'"
                        + Suggestions.hint(entry.key(), names));
                valid = false;
            } else if (meanCounts.getOrDefault(entry.key(), 0.0) == 0) {
                values.problems().add(entry.line(), entry.column(), at, "no group places any '" + entry.key()
                        + "' (on average), so no count can be scaled towards its share");
                valid = false;
            }
            if (share == null) {
                valid = false;
            } else {
                shares.put(entry.key(), share);
            }
        }
        if (!valid) {
            return null;
        }
        for (String category : meanCounts.keySet()) {
            if (!shares.containsKey(category) && meanCounts.get(category) > 0) {
                values.problems().add(map, path, "'" + category + "' is placed by a group but has no share: list every labelled category");
                valid = false;
            }
        }
        double sum = shares.values().stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            values.problems().add(map, path, "shares sum to " + io.synthscene.scenes.sampling.Numbers.format(sum) + ", not 1");
            valid = false;
        }
        if (!valid) {
            return null;
        }
        double total = meanCounts.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> factors = new TreeMap<>();
        shares.forEach((category, share) -> factors.put(category, share / (meanCounts.get(category) / total)));
        return new ClassBalanceSpec(shares, factors);
    }

    /** The mean of a count; counts are constants, uniform_int, poisson or choices of whole numbers. */
    static double mean(ScalarSampler count) {
        if (count instanceof ConstantSampler c) {
            return c.value();
        } else if (count instanceof UniformIntSampler u) {
            return (u.min() + (double) u.max()) / 2;
        } else if (count instanceof PoissonSampler p) {
            return p.lambda();
        } else if (count instanceof ChoiceSampler c) {
            List<Double> weights = c.index().weights();
            double sum = 0;
            double weighted = 0;
            for (int i = 0; i < weights.size(); i++) {
                sum += weights.get(i);
                weighted += weights.get(i) * c.values().get(i);
            }
            return weighted / sum;
        }
        throw new IllegalArgumentException("not a count: " + count.describe());
    }
}
