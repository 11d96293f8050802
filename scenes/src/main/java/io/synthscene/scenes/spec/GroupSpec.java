package io.synthscene.scenes.spec;

import io.synthscene.scenes.frame.Category;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One object group as written: how many objects, where, in which pose and look.
 *
 * @param category     the label of every object of the group; null for scenery (instance id 0)
 * @param count        whole numbers in [0, 10000]
 * @param elevationMeters y of each object's origin
 * @param color        linear RGB, every component in [0, 1]
 * @param minGapMeters how far apart footprint circles must stay (see the README: placement)
 * @param slotColors   colours of named material slots (not the main one), by slot name, sorted;
 *                     empty when the group sets none
 * @param region       where origins are drawn; null when the placement names a zone of the layout, or the
 *                     group occludes or flies
 * @param placement    zone, distance range and visibility; {@link PlacementSpec#REGION_ONLY} for a plain region
 *                     and for a group that occludes or flies
 * @param metalness    in [0, 1]
 * @param lights       lamps every object carries; null when the group attaches none
 * @param occlude      null unless the group's objects are placed in front of other groups' objects
 *                     (then {@code region} and the zone are null)
 * @param flying       null unless the group's objects fly in the camera's view (then
 *                     {@code region} and the zone are null)
 * @param texture      null for the main slot's plain colour; else the pattern that replaces it
 * @param assetOptions empty for a group with one asset ({@code asset}); else the catalog entries
 *                     each object draws one of ({@code choice_tag}), and {@code asset} is the first
 * @param materialOverrides which of {@code color}, {@code roughness}, {@code metalness} and {@code texture}
 *                     the group set explicitly: on a model file they replace the file's own materials
 *                     (see {@code SceneObject}); empty when it set none
 * @param sourcePositions where the group's values are written in the scene file, by key relative to
 *                     the group ({@code asset}, {@code colors.<slot>}), for the checks that can only
 *                     run once model files are loaded (their slots, the keypoints of a category);
 *                     empty for a group built by hand
 *
 * <p>A group is placed in exactly one way: in its {@code region}, on a zone of the layout
 * ({@code placement.zone()}), in front of a target ({@code occlude}) or in the view ({@code flying}).
 */
public record GroupSpec(
        String name,
        AssetSpec asset,
        Category category,
        ScalarSampler count,
        RegionSpec region,
        ScalarSampler elevationMeters,
        ScalarSampler yawDegrees,
        ScalarSampler pitchDegrees,
        ScalarSampler rollDegrees,
        ScalarSampler scale,
        VectorSampler color,
        ScalarSampler roughness,
        double minGapMeters,
        Map<String, VectorSampler> slotColors,
        PlacementSpec placement,
        ScalarSampler metalness,
        AttachedLightsSpec lights,
        OccludeSpec occlude,
        FlyingSpec flying,
        TextureSpec texture,
        List<AssetOption> assetOptions,
        java.util.Set<String> materialOverrides,
        Map<String, io.synthscene.scenes.SourcePosition> sourcePositions) {

    public GroupSpec {
        sourcePositions = sourcePositions == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(sourcePositions));
        assetOptions = assetOptions == null ? List.of() : List.copyOf(assetOptions);
        materialOverrides = materialOverrides == null ? java.util.Set.of()
                : Collections.unmodifiableSortedSet(new java.util.TreeSet<>(materialOverrides));
        slotColors = Collections.unmodifiableSortedMap(new TreeMap<>(slotColors));
        placement = placement == null ? PlacementSpec.REGION_ONLY : placement;
        int ways = (region != null ? 1 : 0) + (placement.zone() != null ? 1 : 0) + (occlude != null ? 1 : 0)
                + (flying != null ? 1 : 0);
        if (ways != 1) {
            throw new IllegalArgumentException("group " + name + " must be placed in exactly one way (region, zone, occlude"
                    + " or flying), not " + ways);
        }
        if ((occlude != null || flying != null) && !placement.equals(PlacementSpec.REGION_ONLY)) {
            throw new IllegalArgumentException("group " + name + " occludes or flies: it has no distance range or visibility");
        }
    }

    /** Where the group names {@code slot} in its {@code colors}; null when unknown. */
    public io.synthscene.scenes.SourcePosition slotColorPosition(String slot) {
        return sourcePositions.get("colors." + slot);
    }

    /** Where the group's {@code asset} is written; null when unknown. */
    public io.synthscene.scenes.SourcePosition assetPosition() {
        return sourcePositions.get("asset");
    }

    /** A group read without source positions (built by hand). */
    public GroupSpec(String name, AssetSpec asset, Category category, ScalarSampler count, RegionSpec region,
                     ScalarSampler elevationMeters, ScalarSampler yawDegrees, ScalarSampler pitchDegrees, ScalarSampler rollDegrees,
                     ScalarSampler scale, VectorSampler color, ScalarSampler roughness, double minGapMeters,
                     Map<String, VectorSampler> slotColors, PlacementSpec placement, ScalarSampler metalness,
                     AttachedLightsSpec lights, OccludeSpec occlude, FlyingSpec flying, TextureSpec texture,
                     List<AssetOption> assetOptions, java.util.Set<String> materialOverrides) {
        this(name, asset, category, count, region, elevationMeters, yawDegrees, pitchDegrees, rollDegrees, scale, color, roughness,
                minGapMeters, slotColors, placement, metalness, lights, occlude, flying, texture, assetOptions, materialOverrides,
                null);
    }

    /** A group whose material properties do not override a model file's own. */
    public GroupSpec(String name, AssetSpec asset, Category category, ScalarSampler count, RegionSpec region,
                     ScalarSampler elevationMeters, ScalarSampler yawDegrees, ScalarSampler pitchDegrees, ScalarSampler rollDegrees,
                     ScalarSampler scale, VectorSampler color, ScalarSampler roughness, double minGapMeters,
                     Map<String, VectorSampler> slotColors, PlacementSpec placement, ScalarSampler metalness,
                     AttachedLightsSpec lights, OccludeSpec occlude, FlyingSpec flying, TextureSpec texture,
                     List<AssetOption> assetOptions) {
        this(name, asset, category, count, region, elevationMeters, yawDegrees, pitchDegrees, rollDegrees, scale, color, roughness,
                minGapMeters, slotColors, placement, metalness, lights, occlude, flying, texture, assetOptions, null);
    }

    /** A group with one asset (no catalog choice). */
    public GroupSpec(String name, AssetSpec asset, Category category, ScalarSampler count, RegionSpec region,
                     ScalarSampler elevationMeters, ScalarSampler yawDegrees, ScalarSampler pitchDegrees, ScalarSampler rollDegrees,
                     ScalarSampler scale, VectorSampler color, ScalarSampler roughness, double minGapMeters,
                     Map<String, VectorSampler> slotColors, PlacementSpec placement, ScalarSampler metalness,
                     AttachedLightsSpec lights, OccludeSpec occlude, FlyingSpec flying, TextureSpec texture) {
        this(name, asset, category, count, region, elevationMeters, yawDegrees, pitchDegrees, rollDegrees, scale, color, roughness,
                minGapMeters, slotColors, placement, metalness, lights, occlude, flying, texture, List.of());
    }

    /** Every asset an object of the group can have: {@code asset}, or each option's. */
    public List<AssetSpec> possibleAssets() {
        return assetOptions.isEmpty() ? Collections.singletonList(asset) : assetOptions.stream().map(AssetOption::asset).toList();
    }

    /** A group without a texture. */
    public GroupSpec(String name, AssetSpec asset, Category category, ScalarSampler count, RegionSpec region,
                     ScalarSampler elevationMeters, ScalarSampler yawDegrees, ScalarSampler pitchDegrees, ScalarSampler rollDegrees,
                     ScalarSampler scale, VectorSampler color, ScalarSampler roughness, double minGapMeters,
                     Map<String, VectorSampler> slotColors, PlacementSpec placement, ScalarSampler metalness,
                     AttachedLightsSpec lights, OccludeSpec occlude, FlyingSpec flying) {
        this(name, asset, category, count, region, elevationMeters, yawDegrees, pitchDegrees, rollDegrees, scale, color, roughness,
                minGapMeters, slotColors, placement, metalness, lights, occlude, flying, null);
    }

    /** A dielectric group (metalness 0) without lights, placed where {@code placement} says. */
    public GroupSpec(String name, AssetSpec asset, Category category, ScalarSampler count, RegionSpec region,
                     ScalarSampler elevationMeters, ScalarSampler yawDegrees, ScalarSampler pitchDegrees, ScalarSampler rollDegrees,
                     ScalarSampler scale, VectorSampler color, ScalarSampler roughness, double minGapMeters,
                     Map<String, VectorSampler> slotColors, PlacementSpec placement) {
        this(name, asset, category, count, region, elevationMeters, yawDegrees, pitchDegrees, rollDegrees, scale, color, roughness,
                minGapMeters, slotColors, placement, new io.synthscene.scenes.sampling.ConstantSampler(0), null);
    }

    /** A group placed in its region or on a zone (neither occluding nor flying). */
    public GroupSpec(String name, AssetSpec asset, Category category, ScalarSampler count, RegionSpec region,
                     ScalarSampler elevationMeters, ScalarSampler yawDegrees, ScalarSampler pitchDegrees, ScalarSampler rollDegrees,
                     ScalarSampler scale, VectorSampler color, ScalarSampler roughness, double minGapMeters,
                     Map<String, VectorSampler> slotColors, PlacementSpec placement, ScalarSampler metalness,
                     AttachedLightsSpec lights) {
        this(name, asset, category, count, region, elevationMeters, yawDegrees, pitchDegrees, rollDegrees, scale, color, roughness,
                minGapMeters, slotColors, placement, metalness, lights, null, null);
    }

    /** A group placed in its region only, with this metalness and these lamps. */
    public GroupSpec(String name, AssetSpec asset, Category category, ScalarSampler count, RegionSpec region,
                     ScalarSampler elevationMeters, ScalarSampler yawDegrees, ScalarSampler pitchDegrees, ScalarSampler rollDegrees,
                     ScalarSampler scale, VectorSampler color, ScalarSampler roughness, double minGapMeters,
                     Map<String, VectorSampler> slotColors, ScalarSampler metalness, AttachedLightsSpec lights) {
        this(name, asset, category, count, region, elevationMeters, yawDegrees, pitchDegrees, rollDegrees, scale, color, roughness,
                minGapMeters, slotColors, PlacementSpec.REGION_ONLY, metalness, lights);
    }

    /** A dielectric group (metalness 0) without lights, placed in its region only. */
    public GroupSpec(String name, AssetSpec asset, Category category, ScalarSampler count, RegionSpec region,
                     ScalarSampler elevationMeters, ScalarSampler yawDegrees, ScalarSampler pitchDegrees, ScalarSampler rollDegrees,
                     ScalarSampler scale, VectorSampler color, ScalarSampler roughness, double minGapMeters,
                     Map<String, VectorSampler> slotColors) {
        this(name, asset, category, count, region, elevationMeters, yawDegrees, pitchDegrees, rollDegrees, scale, color, roughness,
                minGapMeters, slotColors, PlacementSpec.REGION_ONLY);
    }

    /** A group without per-slot colours. */
    public GroupSpec(String name, AssetSpec asset, Category category, ScalarSampler count, RegionSpec region,
                     ScalarSampler elevationMeters, ScalarSampler yawDegrees, ScalarSampler pitchDegrees, ScalarSampler rollDegrees,
                     ScalarSampler scale, VectorSampler color, ScalarSampler roughness, double minGapMeters) {
        this(name, asset, category, count, region, elevationMeters, yawDegrees, pitchDegrees, rollDegrees, scale, color, roughness,
                minGapMeters, Map.of());
    }
}
