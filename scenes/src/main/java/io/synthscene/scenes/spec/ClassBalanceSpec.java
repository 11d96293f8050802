package io.synthscene.scenes.spec;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scene's {@code class_balance}: the share of labelled instances each category should have
 * across the dataset, and the count factor per category that aims for it.
 *
 * @param targetShares by category name, each in (0, 1], summing to 1; every labelled category the groups produce is listed
 * @param countFactors by category name: target share / the share the groups' counts give without balancing.
 *                     Every labelled group's drawn count is multiplied by its category's factor (rounded at random);
 *                     a category only groups with a mean count of 0 place has none (its counts stay as drawn, 0).
 */
public record ClassBalanceSpec(Map<String, Double> targetShares, Map<String, Double> countFactors) {
    public ClassBalanceSpec {
        targetShares = Collections.unmodifiableSortedMap(new TreeMap<>(targetShares));
        countFactors = Collections.unmodifiableSortedMap(new TreeMap<>(countFactors));
    }
}
