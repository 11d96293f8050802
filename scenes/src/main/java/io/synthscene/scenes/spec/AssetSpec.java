package io.synthscene.scenes.spec;

import io.synthscene.scenes.SourcePosition;
import io.synthscene.scenes.frame.ModelKeypoint;
import io.synthscene.scenes.sampling.ScalarSampler;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
 * @param materialSlots for a catalog entry's model file: slot name to the file's material names
 *                      it gathers ({@code material_slots}), in the order written; else empty
 * @param keypoints     for a catalog entry's model file: its named points in the file's own
 *                      coordinates, in the order written; else empty
 * @param materialPositions where each material name of {@code materialSlots} is written, for the
 *                      message when the model file has no such material (known only once it is loaded)
 */
public record AssetSpec(String kind, Map<String, ScalarSampler> params, String file, String upAxis,
                        Map<String, List<String>> materialSlots, List<ModelKeypoint> keypoints,
                        Map<String, SourcePosition> materialPositions) {
    public AssetSpec {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
        Map<String, List<String>> slots = new LinkedHashMap<>();
        if (materialSlots != null) {
            materialSlots.forEach((slot, materials) -> slots.put(slot, List.copyOf(materials)));
        }
        materialSlots = Collections.unmodifiableMap(slots);
        keypoints = keypoints == null ? List.of() : List.copyOf(keypoints);
        materialPositions = materialPositions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(materialPositions));
    }

    /** A built-in asset, or a model file with no material slots or keypoints of its own. */
    public AssetSpec(String kind, Map<String, ScalarSampler> params, String file, String upAxis) {
        this(kind, params, file, upAxis, null, null, null);
    }
}
