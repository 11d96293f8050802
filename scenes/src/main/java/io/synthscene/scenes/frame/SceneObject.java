package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.joml.Matrix4d;

/**
 * One placed object of a frame, fully resolved.
 *
 * <p>{@code instanceId} is the value this object writes into the instance-id pass: 1..n for
 * labelled objects, numbered in the order they appear in the frame, and 0 for scenery (objects
 * of a group without a category), which then reads as background. {@code categoryId} is 0 and
 * {@code category} null for scenery.
 *
 * <p>Pose: the asset's local frame has +Y up and its front facing +Z, with its origin at the
 * centre of its footprint on the ground. The object is scaled uniformly by {@code scale}, turned
 * by yaw about +Y, then pitch about its x axis, then roll about its z axis (degrees), then moved
 * to {@code position}.
 *
 * <p>Materials: a mesh part whose slot is in {@code slotColors} gets that colour (with the
 * part's default roughness, or the object's when the part has no default); a part with a default
 * material of its own keeps it otherwise; every other part (the main slot) takes {@code material}.
 * {@code slotColors} is empty unless the scene's group set {@code colors}.
 *
 * <p>{@code zone} is where on the road layout the object was placed ({@code on:} in the scene), or
 * null for objects placed in a region and for the layout's own pieces.
 *
 * <p>Emission: a part whose slot is in {@code emissiveSlots} glows with that emission (a vehicle's
 * {@code light_front} while its headlights are on, a street lamp's {@code lamp}), whatever its
 * material otherwise. Empty unless the group attached lights to its objects.
 *
 * <p>{@code placement} records how an occluder or a flying distractor was placed ({@code occlude}
 * or {@code flying} in the scene); null (absent from the JSON) for an object placed in its group's
 * region or on a layout zone, and for the layout's own pieces. An object has at most one of
 * {@code zone} and {@code placement}.
 *
 * <p>Model files ({@code asset.kind} {@code mesh}) bring materials of their own: a part with a
 * material declared in the file gets that material (colour, roughness, metalness, and its
 * base-colour image), except for the properties named in {@code materialOverrides}, which come from
 * {@code material}: those the scene's group set explicitly ({@code color}, {@code roughness},
 * {@code metalness}, {@code texture}). An overridden {@code color} or {@code texture} replaces the
 * file's base-colour image too. A file's parts are in slots named after their materials (or the
 * catalog entry's {@code material_slots}); a slot in {@code slotColors} takes that colour, with
 * the part's own roughness and metalness, and drops the part's image. Empty (absent from the JSON) when the group set none of them, and
 * for every built-in asset, whose main slot always takes {@code material}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SceneObject(
        @JsonProperty("instance_id") int instanceId,
        @JsonProperty("category_id") int categoryId,
        String category,
        String group,
        AssetRef asset,
        Vec3 position,
        @JsonProperty("yaw_deg") double yawDegrees,
        @JsonProperty("pitch_deg") double pitchDegrees,
        @JsonProperty("roll_deg") double rollDegrees,
        double scale,
        Material material,
        @JsonProperty("slot_colors") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Rgb> slotColors,
        // the layout zone the object was placed on; absent for objects placed in a region
        PlacedZone zone,
        @JsonProperty("emissive_slots") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Emission> emissiveSlots,
        // how an occluder or a flying distractor was placed; absent for objects placed in a region or on a zone
        Placement placement,
        // the material properties the group set, which replace a model file's own; absent when none
        @JsonProperty("material_overrides") @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedSet<String> materialOverrides) {
    /** What {@code materialOverrides} may name, in the order the DSL documents them. */
    public static final List<String> MATERIAL_PROPERTIES = List.of("color", "roughness", "metalness", "texture");

    public SceneObject {
        slotColors = Collections.unmodifiableSortedMap(new TreeMap<>(slotColors == null ? Map.of() : slotColors));
        emissiveSlots = Collections.unmodifiableSortedMap(new TreeMap<>(emissiveSlots == null ? Map.of() : emissiveSlots));
        materialOverrides = Collections.unmodifiableSortedSet(new TreeSet<>(materialOverrides == null ? Set.of() : materialOverrides));
        for (String property : materialOverrides) {
            if (!MATERIAL_PROPERTIES.contains(property)) {
                throw new IllegalArgumentException("material override " + property + " is not one of " + MATERIAL_PROPERTIES);
            }
        }
    }

    /** An object whose model file's materials, if any, are used as they are (no overrides). */
    public SceneObject(int instanceId, int categoryId, String category, String group, AssetRef asset, Vec3 position,
                       double yawDegrees, double pitchDegrees, double rollDegrees, double scale, Material material,
                       Map<String, Rgb> slotColors, PlacedZone zone, Map<String, Emission> emissiveSlots, Placement placement) {
        this(instanceId, categoryId, category, group, asset, position, yawDegrees, pitchDegrees, rollDegrees, scale, material,
                slotColors, zone, emissiveSlots, placement, null);
    }

    /** An object placed in a region or on a layout zone (no occluder or flying placement). */
    public SceneObject(int instanceId, int categoryId, String category, String group, AssetRef asset, Vec3 position,
                       double yawDegrees, double pitchDegrees, double rollDegrees, double scale, Material material,
                       Map<String, Rgb> slotColors, PlacedZone zone, Map<String, Emission> emissiveSlots) {
        this(instanceId, categoryId, category, group, asset, position, yawDegrees, pitchDegrees, rollDegrees, scale, material,
                slotColors, zone, emissiveSlots, null);
    }

    /** An object placed in its group's region (no layout zone, no recorded placement). */
    public SceneObject(int instanceId, int categoryId, String category, String group, AssetRef asset, Vec3 position,
                       double yawDegrees, double pitchDegrees, double rollDegrees, double scale, Material material,
                       Map<String, Rgb> slotColors, Map<String, Emission> emissiveSlots) {
        this(instanceId, categoryId, category, group, asset, position, yawDegrees, pitchDegrees, rollDegrees, scale, material,
                slotColors, null, emissiveSlots, null);
    }

    /** An object with per-slot colours, placed in a region (no layout zone), with no glowing slots. */
    public SceneObject(int instanceId, int categoryId, String category, String group, AssetRef asset, Vec3 position,
                       double yawDegrees, double pitchDegrees, double rollDegrees, double scale, Material material,
                       Map<String, Rgb> slotColors) {
        this(instanceId, categoryId, category, group, asset, position, yawDegrees, pitchDegrees, rollDegrees, scale, material,
                slotColors, null, Map.of());
    }

    /** An object whose parts take their default materials (no per-slot colours). */
    public SceneObject(int instanceId, int categoryId, String category, String group, AssetRef asset, Vec3 position,
                       double yawDegrees, double pitchDegrees, double rollDegrees, double scale, Material material) {
        this(instanceId, categoryId, category, group, asset, position, yawDegrees, pitchDegrees, rollDegrees, scale, material,
                Map.of(), null, Map.of());
    }

    /** The same object (zone included) with these slots glowing (replacing any before). */
    public SceneObject withEmissiveSlots(Map<String, Emission> slots) {
        return new SceneObject(instanceId, categoryId, category, group, asset, position, yawDegrees, pitchDegrees, rollDegrees,
                scale, material, slotColors, zone, slots, placement, materialOverrides);
    }

    /** The same object with these material properties replacing its model file's own (see the class comment). */
    public SceneObject withMaterialOverrides(Set<String> overrides) {
        return new SceneObject(instanceId, categoryId, category, group, asset, position, yawDegrees, pitchDegrees, rollDegrees,
                scale, material, slotColors, zone, emissiveSlots, placement, new TreeSet<>(overrides));
    }

    /**
     * The material of a mesh part: the slot's colour from {@code slotColors} if the scene set one,
     * else the part's own default (a model file's part: its file material, with the properties in
     * {@code materialOverrides} taken from the object's), else (the main slot, {@code partDefault}
     * null) the object's; glowing when the slot is in {@code emissiveSlots}.
     */
    public Material materialFor(String slot, Material partDefault) {
        Material base = partDefault != null ? overridden(partDefault) : material;
        Rgb color = slotColors.get(slot);
        Material chosen = color != null ? new Material(color, base.roughness(), base.metalness(), base.emission()) : base;
        Emission glow = slot == null ? null : emissiveSlots.get(slot);
        return glow != null ? chosen.withEmission(glow) : chosen;
    }

    /** {@code fileMaterial} with the properties in {@code materialOverrides} taken from {@code material}. */
    private Material overridden(Material fileMaterial) {
        if (materialOverrides.isEmpty()) {
            return fileMaterial;
        }
        return new Material(
                materialOverrides.contains("color") ? material.color() : fileMaterial.color(),
                materialOverrides.contains("roughness") ? material.roughness() : fileMaterial.roughness(),
                materialOverrides.contains("metalness") ? material.metalness() : fileMaterial.metalness(),
                fileMaterial.emission(),
                materialOverrides.contains("texture") ? material.texture() : fileMaterial.texture());
    }

    /**
     * Whether a model file's part keeps its own base-colour image: yes unless the group set
     * {@code color} or {@code texture}, which replace the file's base colour, image included.
     */
    public boolean keepsFileBaseColor() {
        return !materialOverrides.contains("color") && !materialOverrides.contains("texture");
    }

    /**
     * Whether a model file's part in {@code slot} keeps its own base-colour image: as
     * {@link #keepsFileBaseColor()}, and not when the group's {@code colors} names the slot, whose
     * colour replaces the slot's base colour, image included.
     */
    public boolean keepsFileBaseColor(String slot) {
        return keepsFileBaseColor() && !slotColors.containsKey(slot);
    }

    public boolean isLabelled() {
        return instanceId > 0;
    }

    /** Model matrix: object-local coordinates to world coordinates. */
    public Matrix4d modelMatrix() {
        return new Matrix4d()
                .translation(position.x(), position.y(), position.z())
                .rotateY(Math.toRadians(yawDegrees))
                .rotateX(Math.toRadians(pitchDegrees))
                .rotateZ(Math.toRadians(rollDegrees))
                .scale(scale);
    }
}
