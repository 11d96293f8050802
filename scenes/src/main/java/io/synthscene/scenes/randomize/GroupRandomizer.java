package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.LocalLight;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Vec3;
import io.synthscene.scenes.layout.ZoneArea;
import io.synthscene.scenes.random.FrameRandom;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;
import io.synthscene.scenes.spec.AssetOption;
import io.synthscene.scenes.spec.AssetSpec;
import io.synthscene.scenes.spec.GroupSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Draws the objects of one group for one frame and places them among those already placed.
 *
 * <p>Streams (all from {@link FrameRandom}, so a group's draws never depend on another group's):
 * <ul>
 *   <li>{@code group/<name>}: the count.
 *   <li>{@code group/<name>/<k>}: the look of object k (0-based): asset parameters in name order,
 *       scale, elevation, yaw, pitch, roll, colour, roughness, the slot colours in slot-name order,
 *       then metalness (last, so that giving one changes no earlier draw).
 *   <li>{@code group/<name>/<k>/asset}: for a group with {@code choice_tag}, which catalog entry
 *       object k is (one uniform, weighted by the entries' weights).
 *   <li>{@code group/<name>/<k>/place}: up to {@link ObjectPlacer#MAX_TRIES} tries for object k (see there).
 *   <li>{@code group/<name>/<k>/lights}: object k's lamps, when the group has a {@code lights}
 *       option (see {@link AttachedLightRandomizer}).
 *   <li>{@code group/<name>/<k>/occlude}: instead of {@code place}, for a group with {@code occlude}
 *       (see {@link OccluderRandomizer}).
 *   <li>{@code group/<name>/<k>/fly}: instead of {@code place}, for a group with {@code flying}
 *       (see {@link FlyingRandomizer}).
 *   <li>{@code group/<name>/balance}: with a class balance, the rounding of the balanced count.
 * </ul>
 * Keeping placement in its own stream means a rejected try never shifts the look of an object;
 * only the position depends on what else is in the frame.
 */
final class GroupRandomizer {
    private GroupRandomizer() {
    }

    /**
     * As {@link #place(GroupSpec, long, int, Camera, List, List, double, List, List, int, List, Map)} for one camera,
     * not counting the objects it could not place.
     */
    static int place(GroupSpec group, long seed, int frameIndex, Camera camera, List<ZoneArea> areas, double countFactor,
                     List<SceneObject> objects, List<Footprint> occupied, int nextInstanceId, List<LocalLight> lights) {
        return place(group, seed, frameIndex, camera, List.of(camera), areas, countFactor, objects, occupied, nextInstanceId,
                lights, new java.util.HashMap<>());
    }

    /**
     * Adds the placed objects of {@code group} to {@code objects} and their footprints to
     * {@code occupied}; labelled objects get the next instance ids from {@code nextInstanceId}; the
     * lights the group attaches to them go into {@code lights}, in object order.
     *
     * @param areas       the group's zone rectangles on the layout; null for a group placed in its region
     * @param countFactor what the class balance multiplies the drawn count by; 1 without one
     * @param camera      the camera, or a rig's pose
     * @param viewers     the cameras that see the frame: the camera, or each camera of a rig
     * @param unplaced    gets the number of objects of the group that could not be placed (the placer found no
     *                    free place in {@link ObjectPlacer#MAX_TRIES} tries, an occluder no target or slide, a
     *                    flying object no place in view), under the group's name; nothing when all were placed
     * @return the next free instance id
     */
    static int place(GroupSpec group, long seed, int frameIndex, Camera camera, List<Camera> viewers, List<ZoneArea> areas,
                     double countFactor,
                     List<SceneObject> objects, List<Footprint> occupied, int nextInstanceId, List<LocalLight> lights,
                     Map<String, Integer> unplaced) {
        String stream = "group/" + group.name();
        long count = (long) group.count().sample(FrameRandom.stream(seed, frameIndex, stream));
        if (countFactor != 1) {
            count = balanced(count, countFactor, FrameRandom.stream(seed, frameIndex, stream + "/balance"));
        }
        int instanceId = nextInstanceId;
        for (int k = 0; k < count; k++) {
            SplittableRandom look = FrameRandom.stream(seed, frameIndex, stream + "/" + k);
            AssetSpec assetSpec = group.asset();
            ScalarSampler scaleSampler = group.scale();
            if (!group.assetOptions().isEmpty()) {
                // its own stream: the choice shifts none of the look's draws
                AssetOption option = choose(group.assetOptions(),
                        FrameRandom.stream(seed, frameIndex, stream + "/" + k + "/asset"));
                assetSpec = option.asset();
                scaleSampler = option.scale();
            }
            AssetRef asset = asset(assetSpec, look);
            double scale = scaleSampler.sample(look);
            double elevation = group.elevationMeters().sample(look);
            double yaw = group.yawDegrees().sample(look);
            double pitch = group.pitchDegrees().sample(look);
            double roll = group.rollDegrees().sample(look);
            Material material = new Material(Colors.rgb(group.color(), look), group.roughness().sample(look));
            Map<String, Rgb> slotColors = new TreeMap<>();
            for (Map.Entry<String, VectorSampler> slot : group.slotColors().entrySet()) {
                slotColors.put(slot.getKey(), Colors.rgb(slot.getValue(), look));
            }
            double metalness = group.metalness().sample(look);
            if (metalness != 0) {
                material = new Material(material.color(), material.roughness(), metalness, null);
            }
            if (group.texture() != null) {
                // its own stream: giving a texture changes no other draw
                material = material.withTexture(TextureRandomizer.sample(group.texture(),
                        FrameRandom.stream(seed, frameIndex, stream + "/" + k + "/texture")));
            }
            boolean labelled = group.category() != null;
            SceneObject object = new SceneObject(
                    labelled ? instanceId : 0,
                    labelled ? group.category().id() : 0,
                    labelled ? group.category().name() : null,
                    group.name(),
                    asset,
                    new Vec3(0, elevation, 0),
                    yaw, pitch, roll, scale, material, slotColors);
            if (group.occlude() != null) {
                object = OccluderRandomizer.place(object, group.occlude(), camera, objects,
                        FrameRandom.stream(seed, frameIndex, stream + "/" + k + "/occlude"));
            } else if (group.flying() != null) {
                object = FlyingRandomizer.place(object, group.flying(), camera,
                        FrameRandom.stream(seed, frameIndex, stream + "/" + k + "/fly"));
            } else {
                // in the region or on the group's zone of the layout
                Footprint footprint = Footprint.of(asset, scale, 0, elevation, 0, yaw, group.minGapMeters());
                ObjectPlacer.Place place = ObjectPlacer.find(footprint, group.region(), areas, group.placement(), camera,
                        viewers, occupied, FrameRandom.stream(seed, frameIndex, stream + "/" + k + "/place"));
                if (place != null) {
                    Footprint placed = place.footprint();
                    occupied.add(placed);
                    object = new SceneObject(object.instanceId(), object.categoryId(), object.category(), group.name(),
                            asset, new Vec3(placed.x(), placed.bottom(), placed.z()), yaw + place.zoneYawDegrees(), pitch,
                            roll, scale, material, slotColors, place.zone(), Map.of());
                } else {
                    object = null;
                }
            }
            if (object == null) {
                // dropped from the frame, never silently: the frame records it and the run warns
                unplaced.merge(group.name(), 1, Integer::sum);
                continue;
            }
            if (labelled) {
                instanceId++;
            }
            if (asset.file() != null && !group.materialOverrides().isEmpty()) {
                object = object.withMaterialOverrides(group.materialOverrides());
            }
            if (group.lights() != null) {
                AttachedLightRandomizer.Lit lit = AttachedLightRandomizer.light(group.lights(), object, k,
                        FrameRandom.stream(seed, frameIndex, stream + "/" + k + "/lights"));
                object = lit.object();
                lights.addAll(lit.lights());
            }
            objects.add(object);
        }
        return instanceId;
    }

    private static AssetRef asset(AssetSpec spec, SplittableRandom random) {
        Map<String, Double> params = new TreeMap<>();
        for (Map.Entry<String, ScalarSampler> param : spec.params().entrySet()) {
            params.put(param.getKey(), param.getValue().sample(random));
        }
        return new AssetRef(spec.kind(), params, spec.file(), spec.upAxis(), spec.materialSlots(), spec.keypoints());
    }

    /** One option, with probability proportional to its weight (one uniform draw). */
    static AssetOption choose(List<AssetOption> options, SplittableRandom random) {
        double total = 0;
        for (AssetOption option : options) {
            total += option.weight();
        }
        double u = random.nextDouble() * total;
        AssetOption last = null;
        for (AssetOption option : options) {
            if (option.weight() > 0) {
                last = option;
                if (u < option.weight()) {
                    return option;
                }
                u -= option.weight();
            }
        }
        return last; // rounding at the top end
    }

    /**
     * {@code count} times {@code factor}, rounded down or up at random so that its mean is exactly
     * the mean count times the factor: the class balance's aim holds over the dataset, and each
     * frame's count depends on its own draws alone.
     */
    static long balanced(long count, double factor, SplittableRandom random) {
        double scaled = count * factor;
        long whole = (long) Math.floor(scaled);
        return whole + (random.nextDouble() < scaled - whole ? 1 : 0);
    }
}
