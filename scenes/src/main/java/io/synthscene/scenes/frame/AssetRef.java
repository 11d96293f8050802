package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
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
 *   <li>{@code materialSlots}: for {@code mesh} only, the catalog entry's {@code material_slots}:
 *       slot name to the file's material names it gathers, in the order written; the file's other
 *       materials keep slots of their own names. Empty (absent from the JSON) when none.
 *   <li>{@code keypoints}: for {@code mesh} only, the catalog entry's keypoints in the file's own
 *       coordinates ({@link ModelKeypoint}), in the order written. Empty (absent) when none.
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
        @JsonProperty("up_axis") String upAxis,
        @JsonProperty("material_slots") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<String>> materialSlots,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ModelKeypoint> keypoints) {

    public AssetRef {
        Objects.requireNonNull(kind, "kind");
        params = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(params == null ? Map.of() : params));
        Map<String, List<String>> slots = new LinkedHashMap<>();
        if (materialSlots != null) {
            materialSlots.forEach((slot, materials) -> slots.put(slot, List.copyOf(materials)));
        }
        materialSlots = java.util.Collections.unmodifiableMap(slots);
        keypoints = keypoints == null ? List.of() : List.copyOf(keypoints);
    }

    /** A built-in asset, or a model file without material slots or keypoints of its catalog entry. */
    public AssetRef(String kind, Map<String, Double> params, String file, String upAxis) {
        this(kind, params, file, upAxis, null, null);
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
