package io.synthscene.assets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which material slot each material of a model file fills: the slot that the catalog entry's
 * {@code material_slots} puts it in (material names matched exactly), else its own name made a
 * slot name ({@link #slotName}). Parts without a file material are in {@link MeshFileImporter#SLOT}.
 * Pure; used by {@link MeshFileImporter}.
 */
public final class MaterialSlotNames {
    /** One material of a file, by its name in the file, and the slot it fills by default. */
    public record Material(String name, String slot) {
    }

    private MaterialSlotNames() {
    }

    /**
     * A material name as a slot name: every run of characters other than ASCII letters, digits and
     * {@code _} becomes one {@code _} ({@code Wall-out} gives {@code Wall_out}, {@code Material.001}
     * gives {@code Material_001}); a material without a name is {@code material_<index>}. Two
     * materials whose names give the same slot name share that slot.
     *
     * @param index the material's index in the file, from 0
     */
    public static String slotName(String materialName, int index) {
        String name = materialName == null ? "" : materialName.replaceAll("[^A-Za-z0-9_]+", "_");
        return name.isEmpty() ? "material_" + index : name;
    }

    /**
     * @param names         the file's material names by index, null for Assimp's made-up default material
     * @param materialSlots slot name to the material names it gathers
     * @return the slot of each material, by index
     * @throws UnknownMaterialsException when {@code materialSlots} names a material that the file lacks
     */
    static String[] slots(Path file, String[] names, Map<String, List<String>> materialSlots) {
        List<String> known = Arrays.stream(names).filter(Objects::nonNull).toList();
        Map<String, String> slotOf = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        materialSlots.forEach((slot, materials) -> {
            for (String material : materials) {
                slotOf.put(material, slot);
                if (!known.contains(material)) {
                    unknown.add(material);
                }
            }
        });
        if (!unknown.isEmpty()) {
            throw new UnknownMaterialsException(file, unknown, known);
        }
        String[] slots = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            slots[i] = names[i] == null ? MeshFileImporter.SLOT
                    : slotOf.getOrDefault(names[i], slotName(names[i], i));
        }
        return slots;
    }
}
