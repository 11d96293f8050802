package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ScalarSampler;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A group's asset as written, with every parameter present: the group's overrides, and the
 * {@link BuiltinAssets} defaults for the rest.
 *
 * @param kind   a built-in kind, or {@code mesh}
 * @param params every parameter of the kind, sorted by name (the order they are drawn in)
 * @param file   for {@code mesh}: absolute, normalised path of the model file; else null
 * @param upAxis for {@code mesh}: {@code y} or {@code z}; else null
 */
public record AssetSpec(String kind, Map<String, ScalarSampler> params, String file, String upAxis) {
    public AssetSpec {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }
}
