package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
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
        PlacedZone zone) {

    /** An object placed in a region (no layout zone). */
    public SceneObject(int instanceId, int categoryId, String category, String group, AssetRef asset, Vec3 position,
                       double yawDegrees, double pitchDegrees, double rollDegrees, double scale, Material material,
                       Map<String, Rgb> slotColors) {
        this(instanceId, categoryId, category, group, asset, position, yawDegrees, pitchDegrees, rollDegrees, scale, material,
                slotColors, null);
    }

    public SceneObject {
        slotColors = Collections.unmodifiableSortedMap(new TreeMap<>(slotColors == null ? Map.of() : slotColors));
    }

    /** An object whose parts take their default materials (no per-slot colours). */
    public SceneObject(int instanceId, int categoryId, String category, String group, AssetRef asset, Vec3 position,
                       double yawDegrees, double pitchDegrees, double rollDegrees, double scale, Material material) {
        this(instanceId, categoryId, category, group, asset, position, yawDegrees, pitchDegrees, rollDegrees, scale, material,
                Map.of());
    }

    /**
     * The material of a mesh part: the slot's colour from {@code slotColors} if the scene set one,
     * else the part's own default, else (the main slot, {@code partDefault} null) the object's.
     */
    public Material materialFor(String slot, Material partDefault) {
        Rgb color = slotColors.get(slot);
        if (color != null) {
            return new Material(color, partDefault != null ? partDefault.roughness() : material.roughness());
        }
        return partDefault != null ? partDefault : material;
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
