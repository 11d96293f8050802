package io.synthscene.scenes.frame;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The road layout a frame was built on, as recorded in {@code frames/NNNNNN.json}: its kind
 * ({@code straight}, {@code curve}, {@code t_junction}, {@code four_way}) and every size it was
 * built with (metres, degrees; flags as 0 or 1), sorted by name. The pieces themselves are
 * ordinary scenery objects of the frame (groups {@code layout/...}). Made by the layout
 * randomizer; immutable.
 */
public record RoadLayout(String kind, Map<String, Double> params) {
    public RoadLayout {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }
}
