package io.synthscene.scenes.spec;

import io.synthscene.scenes.frame.Category;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;
import java.util.Collections;
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
 * @param metalness    in [0, 1]
 * @param lights       lamps every object carries; null when the group attaches none
 * @param occlude      null unless the group's objects are placed in front of other groups' objects
 *                     (then {@code region} is null)
 * @param flying       null unless the group's objects fly in the camera's view (then
 *                     {@code region} is null)
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
        ScalarSampler metalness,
        AttachedLightsSpec lights,
        OccludeSpec occlude,
        FlyingSpec flying) {

    public GroupSpec {
        slotColors = Collections.unmodifiableSortedMap(new TreeMap<>(slotColors));
    }

    /** A group placed in its region. */
    public GroupSpec(String name, AssetSpec asset, Category category, ScalarSampler count, RegionSpec region,
                     ScalarSampler elevationMeters, ScalarSampler yawDegrees, ScalarSampler pitchDegrees, ScalarSampler rollDegrees,
                     ScalarSampler scale, VectorSampler color, ScalarSampler roughness, double minGapMeters,
                     Map<String, VectorSampler> slotColors, ScalarSampler metalness, AttachedLightsSpec lights) {
        this(name, asset, category, count, region, elevationMeters, yawDegrees, pitchDegrees, rollDegrees, scale, color,
                roughness, minGapMeters, slotColors, metalness, lights, null, null);
    }

    /** A dielectric group (metalness 0) without lights. */
    public GroupSpec(String name, AssetSpec asset, Category category, ScalarSampler count, RegionSpec region,
                     ScalarSampler elevationMeters, ScalarSampler yawDegrees, ScalarSampler pitchDegrees, ScalarSampler rollDegrees,
                     ScalarSampler scale, VectorSampler color, ScalarSampler roughness, double minGapMeters,
                     Map<String, VectorSampler> slotColors) {
        this(name, asset, category, count, region, elevationMeters, yawDegrees, pitchDegrees, rollDegrees, scale, color, roughness,
                minGapMeters, slotColors, new io.synthscene.scenes.sampling.ConstantSampler(0), null);
    }

    /** A group without per-slot colours. */
    public GroupSpec(String name, AssetSpec asset, Category category, ScalarSampler count, RegionSpec region,
                     ScalarSampler elevationMeters, ScalarSampler yawDegrees, ScalarSampler pitchDegrees, ScalarSampler rollDegrees,
                     ScalarSampler scale, VectorSampler color, ScalarSampler roughness, double minGapMeters) {
        this(name, asset, category, count, region, elevationMeters, yawDegrees, pitchDegrees, rollDegrees, scale, color, roughness,
                minGapMeters, Map.of());
    }
}
