package io.synthscene.scenes.parse;

import io.synthscene.scenes.SourcePosition;
import io.synthscene.scenes.frame.ModelKeypoint;
import io.synthscene.scenes.spec.AssetSpec;
import io.synthscene.scenes.spec.BuiltinAssets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The keys of an asset catalog entry that only a model file takes:
 * <ul>
 *   <li>{@code material_slots: {paint: [CarPaint, Body_mat], glass: [Windows]}}: slot names (letters,
 *       digits and {@code _}) to one or more of the file's material names, matched exactly. A
 *       material is in one slot at most. Whether the file has those materials is known only when
 *       it is loaded; each name's position is kept for that message.
 *   <li>{@code keypoints: {nose: [x, y, z], ...}}: named points in the file's own coordinates.
 * </ul>
 * Used by {@link AssetCatalogReader}; reports problems at their line and column in the catalog.
 */
final class ModelFileEntryReader {
    /** What a slot name may be made of: what the importer makes of a material name, too. */
    static final Pattern SLOT_NAME = Pattern.compile("[A-Za-z0-9_]+");

    private final Values values;

    ModelFileEntryReader(Values values) {
        this.values = values;
    }

    /**
     * {@code asset} with the entry's material slots and keypoints; {@code asset} itself when it
     * gives none; null when they have problems (reported).
     */
    AssetSpec withSlotsAndKeypoints(AssetSpec asset, MapFields fields) {
        boolean file = asset.kind().equals(BuiltinAssets.MESH);
        boolean valid = true;
        for (String key : List.of("material_slots", "keypoints")) {
            if (fields.has(key) && !file) {
                YamlMap.Entry entry = fields.entry(key);
                values.problems().add(entry.line(), entry.column(), fields.path(key), key + " is for model files (file:);"
                        + " a built-in kind has its own (synthscene assets list shows them)");
                valid = false;
            }
        }
        if (!valid || !fields.has("material_slots") && !fields.has("keypoints")) {
            return valid ? asset : null;
        }
        Map<String, List<String>> slots = new LinkedHashMap<>();
        Map<String, SourcePosition> positions = new LinkedHashMap<>();
        if (fields.has("material_slots")) {
            valid = materialSlots(fields.get("material_slots"), fields.path("material_slots"), slots, positions);
        }
        List<ModelKeypoint> keypoints = fields.has("keypoints")
                ? keypoints(fields.get("keypoints"), fields.path("keypoints")) : List.of();
        if (!valid || keypoints == null) {
            return null;
        }
        return new AssetSpec(asset.kind(), asset.params(), asset.file(), asset.upAxis(), slots, keypoints, positions);
    }

    private boolean materialSlots(YamlNode node, String path, Map<String, List<String>> slots,
                                  Map<String, SourcePosition> positions) {
        YamlMap map = values.map(node, path);
        if (map == null) {
            return false;
        }
        if (map.entries().isEmpty()) {
            values.problems().add(node, path, "give at least one slot: {slot: [material name, ...]}");
            return false;
        }
        boolean valid = true;
        Map<String, String> slotOf = new HashMap<>();
        for (YamlMap.Entry entry : map.entries()) {
            String at = path + "." + entry.key();
            if (!SLOT_NAME.matcher(entry.key()).matches()) {
                values.problems().add(entry.line(), entry.column(), at, "slot name '" + YamlScalar.shown(entry.key())
                        + "' may hold only letters, digits and _");
                valid = false;
                continue;
            }
            List<YamlNode> items = entry.value() instanceof YamlList list ? list.items() : List.of(entry.value());
            if (items.isEmpty()) {
                values.problems().add(entry.value(), at, "name at least one of the file's materials: [name, ...]");
                valid = false;
                continue;
            }
            List<String> materials = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String itemPath = entry.value() instanceof YamlList ? at + "[" + i + "]" : at;
                YamlNode item = items.get(i);
                String material = values.text(item, itemPath);
                if (material == null) {
                    valid = false;
                } else if (material.isEmpty()) {
                    values.problems().add(item, itemPath, "a material name cannot be empty");
                    valid = false;
                } else if (slotOf.containsKey(material)) {
                    values.problems().add(item, itemPath, "material '" + YamlScalar.shown(material) + "' is already in slot '"
                            + slotOf.get(material) + "'; a material goes in one slot");
                    valid = false;
                } else {
                    slotOf.put(material, entry.key());
                    materials.add(material);
                    positions.put(material, values.problems().position(item.line(), item.column(), itemPath));
                }
            }
            slots.put(entry.key(), materials);
        }
        return valid;
    }

    /** {@code {name: [x, y, z], ...}}; null when any is invalid (reported). */
    private List<ModelKeypoint> keypoints(YamlNode node, String path) {
        YamlMap map = values.map(node, path);
        if (map == null) {
            return null;
        }
        boolean valid = true;
        List<ModelKeypoint> keypoints = new ArrayList<>();
        for (YamlMap.Entry entry : map.entries()) {
            String at = path + "." + entry.key();
            if (entry.key().isBlank()) {
                values.problems().add(entry.line(), entry.column(), at, "a keypoint needs a name");
                valid = false;
                continue;
            }
            if (!(entry.value() instanceof YamlList list) || list.items().size() != 3) {
                String got = entry.value() instanceof YamlList list ? list.items().size() + " values" : entry.value().describe();
                values.problems().add(entry.value(), at, "a keypoint is [x, y, z] in the model file's coordinates, got " + got);
                valid = false;
                continue;
            }
            Double[] xyz = new Double[3];
            for (int i = 0; i < 3; i++) {
                xyz[i] = values.number(list.items().get(i), at + "[" + i + "]");
            }
            if (xyz[0] == null || xyz[1] == null || xyz[2] == null) {
                valid = false;
                continue;
            }
            keypoints.add(new ModelKeypoint(entry.key(), xyz[0], xyz[1], xyz[2]));
        }
        return valid ? keypoints : null;
    }
}
