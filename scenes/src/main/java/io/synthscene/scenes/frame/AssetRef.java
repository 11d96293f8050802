package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which mesh an object uses, fully resolved: enough for the assets module to build the exact same
 * mesh again.
 *
 * <ul>
 *   <li>{@code kind}: a built-in procedural asset ({@code box}, {@code sphere}, {@code cylinder},
 *       {@code plane}, {@code vehicle}, {@code pedestrian}) or {@code mesh} for a file.
 *   <li>{@code params}: the asset's shape parameters, every one resolved (e.g. a vehicle's length,
 *       width, height in metres). Sorted by name so that the JSON is stable.
 *   <li>{@code file}, {@code upAxis}: for {@code mesh} only, the absolute path of the model file
 *       and which of its axes is up ({@code y} or {@code z}); its size is normalised by
 *       {@code params.size_m} (the longest side of its bounding box).
 * </ul>
 * Two equal refs (record equality: every component, parameters compared as numbers) build
 * identical meshes, so the mesh caches key by the ref itself: no key string to format on the
 * GL thread for every object of every frame.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssetRef(
        String kind,
        Map<String, Double> params,
        String file,
        @JsonProperty("up_axis") String upAxis) {

    public AssetRef {
        Objects.requireNonNull(kind, "kind");
        params = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(params == null ? Map.of() : params));
    }

    public static AssetRef procedural(String kind, Map<String, Double> params) {
        return new AssetRef(kind, params, null, null);
    }

    /** A parameter that the asset requires; fails with the asset's name if it is missing. */
    public double param(String name) {
        Double value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("asset " + kind + " has no parameter " + name);
        }
        return value;
    }

}
