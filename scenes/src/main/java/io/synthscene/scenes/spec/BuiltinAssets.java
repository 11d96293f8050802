package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ChoiceSampler;
import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.UniformIntSampler;
import io.synthscene.scenes.sampling.UniformSampler;
import io.synthscene.scenes.sampling.WeightedIndex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The asset kinds a scene can name and the parameters each takes (the keys of
 * {@link io.synthscene.scenes.frame.AssetRef#params()}), with default distributions that give
 * plausible variety when a group overrides nothing. Lengths in metres, angles in degrees.
 */
public final class BuiltinAssets {
    public static final String MESH = "mesh";
    /** Model file extensions a mesh asset may use. */
    public static final List<String> MESH_EXTENSIONS = List.of(".obj", ".gltf", ".glb", ".fbx", ".ply", ".stl", ".dae");

    private static final Interval LENGTH = Interval.above(0);
    private static final Interval RATIO = Interval.open(0, 1);
    private static final Interval UNIT = Interval.closed(0, 1);
    private static final Interval PHASE = Interval.closed(-75, 75);

    private static final List<String> VEHICLE_SLOTS = List.of("body", "glass", "tyre", "rim", "light_front", "light_rear");

    private static final List<String> PERSON_SLOTS = List.of("shirt", "skin", "trousers", "shoes", "hair");

    private static final Map<String, List<ParamSpec>> KINDS = new LinkedHashMap<>();
    private static final Map<String, List<String>> SLOTS = new LinkedHashMap<>();
    private static final Map<String, String> CATEGORIES = new LinkedHashMap<>();

    static {
        declarePrimitives();
        declareVehicles();
        declareTwoWheelers();
        declarePeople();
        declareFurniture();
        declareSurroundings();
        declareAnimals();
        kind(MESH, "", List.of(), List.of(
                param("size_m", fixed(1), LENGTH, "longest side of the model's bounding box after normalisation")));
    }

    private BuiltinAssets() {
    }

    private static void declarePrimitives() {
        kind("box", "", List.of("body"), List.of(
                param("width_m", fixed(1), LENGTH, "size along x"),
                param("height_m", fixed(1), LENGTH, "size along y"),
                param("length_m", fixed(1), LENGTH, "size along z")));
        kind("sphere", "", List.of("body"), List.of(
                param("radius_m", fixed(0.5), LENGTH, "radius; the sphere rests on its origin")));
        kind("cylinder", "", List.of("body"), List.of(
                param("radius_m", fixed(0.5), LENGTH, "radius"),
                param("height_m", fixed(1), LENGTH, "height; the axis is vertical")));
        kind("plane", "", List.of("body"), List.of(
                param("width_m", fixed(1), LENGTH, "size along x"),
                param("length_m", fixed(1), LENGTH, "size along z")));
    }

    private static void declareVehicles() {
        // vehicle: the original kind, a sedan with wider defaults; kept so older scenes still load.
        car("vehicle", "car", uniform(3.8, 5.2), uniform(1.7, 2.0), uniform(1.4, 1.9), uniform(0.3, 0.38),
                uniform(0.45, 0.62), uniform(-0.12, 0.05), uniform(0.36, 0.48), uniform(0.15, 0.3));
        car("sedan", "car", uniform(4.3, 5.0), uniform(1.75, 1.9), uniform(1.4, 1.5), uniform(0.31, 0.35),
                uniform(0.42, 0.5), uniform(-0.08, -0.02), uniform(0.38, 0.44), uniform(0.25, 0.35));
        car("hatchback", "car", uniform(3.7, 4.3), uniform(1.68, 1.8), uniform(1.42, 1.55), uniform(0.29, 0.33),
                uniform(0.5, 0.56), uniform(-0.2, -0.16), uniform(0.4, 0.46), uniform(0.25, 0.33));
        car("suv", "car", uniform(4.4, 4.9), uniform(1.85, 2.0), uniform(1.65, 1.85), uniform(0.36, 0.4),
                uniform(0.5, 0.56), uniform(-0.18, -0.14), uniform(0.36, 0.42), uniform(0.2, 0.28));
        car("van", "car", uniform(4.8, 5.5), uniform(1.9, 2.05), uniform(1.9, 2.3), uniform(0.33, 0.37),
                uniform(0.78, 0.84), uniform(-0.06, -0.04), uniform(0.5, 0.56), uniform(0.18, 0.24));
        car("pickup", "car", uniform(5.0, 5.5), uniform(1.85, 2.0), uniform(1.75, 1.9), uniform(0.37, 0.4),
                uniform(0.3, 0.34), uniform(0.0, 0.04), uniform(0.36, 0.42), uniform(0.3, 0.4));
        List<String> truckSlots = new java.util.ArrayList<>(VEHICLE_SLOTS);
        truckSlots.add("cargo");
        kind("truck", "truck", truckSlots, List.of(
                param("length_m", uniform(6.5, 9.5), LENGTH, "bumper to bumper, along z"),
                param("width_m", uniform(2.3, 2.5), LENGTH, "along x"),
                param("height_m", uniform(3.0, 3.8), LENGTH, "ground to the top of the box body"),
                param("wheel_radius_m", uniform(0.45, 0.52), LENGTH, "wheel radius; at most height / 2 and length / 5"),
                param("cab_length_ratio", uniform(0.2, 0.26), Interval.closed(0.1, 0.5), "cab length / length"),
                param("cab_height_ratio", uniform(0.72, 0.85), Interval.closed(0.5, 1), "cab height / height")));
        kind("bus", "bus", VEHICLE_SLOTS, List.of(
                param("length_m", uniform(10, 13), LENGTH, "bumper to bumper, along z"),
                param("width_m", uniform(2.45, 2.55), LENGTH, "along x"),
                param("height_m", uniform(2.9, 3.3), LENGTH, "ground to roof"),
                param("wheel_radius_m", uniform(0.48, 0.52), LENGTH, "wheel radius; at most height / 2 and length / 5"),
                whole("window_bays", new UniformIntSampler(5, 8), Interval.closed(2, 20), "side windows per side")));
    }

    private static void car(String kind, String category, ScalarSampler length, ScalarSampler width, ScalarSampler height,
                            ScalarSampler wheel, ScalarSampler cabinLength, ScalarSampler cabinOffset, ScalarSampler cabinHeight,
                            ScalarSampler rake) {
        kind(kind, category, VEHICLE_SLOTS, List.of(
                param("length_m", length, LENGTH, "bumper to bumper, along z"),
                param("width_m", width, LENGTH, "along x"),
                param("height_m", height, LENGTH, "ground to roof"),
                param("wheel_radius_m", wheel, LENGTH, "wheel radius; at most height / 2 and length / 5"),
                param("cabin_length_ratio", cabinLength, RATIO, "cabin (greenhouse) length / length"),
                param("cabin_offset_ratio", cabinOffset, Interval.closed(-0.5, 0.5),
                        "cabin centre shift along +z as a fraction of length; negative = towards the rear"),
                param("cabin_height_ratio", cabinHeight, RATIO, "cabin height above the belt line / height"),
                param("windscreen_rake_ratio", rake, Interval.closed(0, 0.6), "horizontal run of the windscreen / cabin length")));
    }

    private static void declareTwoWheelers() {
        List<String> bicycleSlots = new java.util.ArrayList<>(List.of("body", "tyre", "rim", "seat"));
        bicycleSlots.addAll(PERSON_SLOTS);
        kind("bicycle", "cyclist", bicycleSlots, List.of(
                param("wheel_radius_m", uniform(0.32, 0.36), Interval.closed(0.15, 0.5), "outer radius of the tyres"),
                param("wheelbase_m", uniform(0.98, 1.1), Interval.closed(0.36, 2.5), "axle to axle; at least 2.4 wheel radii"),
                whole("rider", fixed(1), Interval.closed(0, 1), "1 = a seated rider (shirt, skin... slots), 0 = none"),
                param("rider_height_m", uniform(1.55, 1.95), Interval.closed(1.2, 2.1), "the rider's standing height; sizes the saddle"),
                param("skin_tone", uniform(0, 1), UNIT, "the rider's skin, 0 light .. 1 dark"),
                param("crank_phase_deg", uniform(0, 360), Interval.ANY, "pedal crank angle")));
        List<String> motorcycleSlots = new java.util.ArrayList<>(List.of("body", "tyre", "rim", "seat", "engine", "light_front",
                "light_rear"));
        motorcycleSlots.addAll(PERSON_SLOTS);
        kind("motorcycle", "motorcyclist", motorcycleSlots, List.of(
                param("wheel_radius_m", uniform(0.29, 0.33), Interval.closed(0.15, 0.5), "outer radius of the tyres"),
                param("wheelbase_m", uniform(1.35, 1.55), Interval.closed(0.36, 2.5), "axle to axle; at least 2.4 wheel radii"),
                whole("rider", fixed(1), Interval.closed(0, 1), "1 = a seated rider (shirt, skin... slots), 0 = none"),
                param("rider_height_m", uniform(1.6, 1.95), Interval.closed(1.2, 2.1), "the rider's standing height"),
                param("skin_tone", uniform(0, 1), UNIT, "the rider's skin, 0 light .. 1 dark")));
    }

    private static void declarePeople() {
        person("pedestrian", uniform(1.5, 1.95), uniform(0.22, 0.27), uniform(0.45, 0.5), uniform(0.06, 0.07));
        person("child", uniform(0.95, 1.4), uniform(0.2, 0.24), uniform(0.4, 0.45), uniform(0.075, 0.085));
    }

    private static void person(String kind, ScalarSampler height, ScalarSampler shoulders, ScalarSampler legs, ScalarSampler head) {
        kind(kind, "pedestrian", PERSON_SLOTS, List.of(
                param("height_m", height, LENGTH, "standing height, soles to the top of the hair"),
                param("shoulder_width_ratio", shoulders, RATIO, "shoulder width / height"),
                param("leg_length_ratio", legs, RATIO, "hip height / height"),
                param("head_radius_ratio", head, Interval.open(0, 0.5), "head radius / height"),
                whole("pose", new ChoiceSampler(List.of(0.0, 1.0, 2.0), new WeightedIndex(List.of(1.0, 3.0, 1.0))),
                        Interval.closed(0, 2), "0 standing, 1 walking, 2 running"),
                param("gait_phase_deg", uniform(0, 360), Interval.ANY, "where in the stride cycle (walking, running)"),
                param("arm_swing_deg", uniform(-8, 8), PHASE, "extra swing of the arms, added to the pose"),
                param("leg_stride_deg", uniform(-5, 5), PHASE, "extra swing of the legs, added to the pose"),
                param("skin_tone", uniform(0, 1), UNIT, "0 light .. 1 dark (the skin slot's default)"),
                param("trousers_shade", uniform(0.05, 0.6), UNIT, "grey level of the trousers (the trousers slot's default)")));
    }

    private static void declareFurniture() {
        kind("traffic_cone", "traffic_cone", List.of("body", "stripe", "base"), List.of(
                param("height_m", uniform(0.5, 0.75), LENGTH, "ground to tip")));
        kind("barrier", "barrier", List.of("body", "stripe", "frame"), List.of(
                param("width_m", uniform(1.2, 2.0), LENGTH, "board length, along x"),
                param("height_m", uniform(0.9, 1.1), LENGTH, "ground to the top board")));
        kind("bollard", "bollard", List.of("body", "stripe"), List.of(
                param("height_m", uniform(0.8, 1.1), LENGTH, "ground to the top of the cap"),
                param("radius_m", uniform(0.06, 0.12), LENGTH, "radius; at most height / 2")));
        kind("pole", "pole", List.of("body"), List.of(
                param("height_m", uniform(2.5, 6), LENGTH, "height"),
                param("radius_m", uniform(0.04, 0.08), LENGTH, "radius")));
        kind("street_lamp", "street_lamp", List.of("body", "lamp"), List.of(
                param("height_m", uniform(5, 9), LENGTH, "ground to the top of the lamp head"),
                param("arm_length_m", uniform(0.8, 2.0), LENGTH, "how far the arm reaches forward (+z)")));
        kind("traffic_sign", "traffic_sign", List.of("plate", "back", "pole"), List.of(
                param("height_m", uniform(2.0, 2.8), Interval.closed(0.5, 10), "ground to the top of the plate"),
                param("plate_size_m", uniform(0.6, 0.9), Interval.closed(0.1, 1), "plate width"),
                whole("plate_shape", new UniformIntSampler(0, 3), Interval.closed(0, 3), "0 octagon, 1 triangle, 2 circle, 3 diamond")));
        kind("traffic_light", "traffic_light", List.of("housing", "pole", "light_red", "light_amber", "light_green"), List.of(
                param("height_m", uniform(2.6, 4), Interval.closed(1.5, 10), "ground to the top of the housing")));
        kind("bench", "bench", List.of("body", "frame"), List.of(
                param("length_m", uniform(1.5, 2.2), Interval.closed(0.8, 5), "along x")));
        kind("bin", "bin", List.of("body", "lid"), List.of(
                param("height_m", uniform(0.8, 1.1), Interval.closed(0.3, 3), "ground to the top of the lid"),
                param("radius_m", uniform(0.25, 0.35), Interval.closed(0.1, 1), "radius of the top rim")));
    }

    /** Scenery: usually placed without a category (not labelled), or as building / vegetation. */
    private static void declareSurroundings() {
        kind("building", "building", List.of("facade", "window", "door", "roof"), List.of(
                param("width_m", uniform(8, 20), Interval.atLeast(3), "front (+z) facade length, along x, without ledge or relief"),
                param("depth_m", uniform(8, 16), Interval.atLeast(3), "side facade length, along z"),
                whole("storeys", new UniformIntSampler(2, 6), Interval.closed(1, 200), "storeys; wall height = storeys x storey_height_m"),
                param("storey_height_m", uniform(2.9, 3.4), Interval.closed(2.2, 10), "floor to floor"),
                param("window_spacing_m", uniform(2.4, 3.6), Interval.closed(1.2, 20),
                        "target bay width: each facade has floor(length / spacing) windows per storey, at least one"),
                whole("window_style", new UniformIntSampler(0, 1), Interval.closed(0, 1),
                        "0 inset (piers and bands 0.15 m proud), 1 protruding (panes, sills and lintels proud of the wall)"),
                whole("roof_ledge", new UniformIntSampler(0, 1), Interval.closed(0, 1), "1 = a roof ledge overhanging by 0.35 m")));
        kind("tree", "vegetation", List.of("foliage", "trunk"), List.of(
                param("height_m", uniform(5, 10), LENGTH, "ground to the top of the crown"),
                param("crown_radius_m", uniform(1.2, 2.2), LENGTH, "horizontal reach of the crown; at most 0.45 height_m"),
                whole("conifer", new ChoiceSampler(List.of(0.0, 1.0), new WeightedIndex(List.of(3.0, 1.0))), Interval.closed(0, 1),
                        "0 broadleaf (a crown of overlapping spheres), 1 conifer (three stacked cones)"),
                param("crown_variant", uniform(0, 1), UNIT, "turns and counts the crown's lobes: varies the silhouette")));
        kind("bush", "vegetation", List.of("foliage"), List.of(
                param("width_m", uniform(1.0, 2.2), LENGTH, "size along x; at least height_m"),
                param("height_m", uniform(0.5, 1.0), LENGTH, "ground to the top"),
                param("variant", uniform(0, 1), UNIT, "counts, sizes and staggers the lobes: varies the silhouette")));
    }

    /**
     * Four-legged animals for "an animal on the road", with the 20 Animal-Pose keypoints. Sizes: a
     * medium to large dog, a roe to white-tailed deer.
     */
    private static void declareAnimals() {
        animal("dog", List.of("fur", "nose", "eye"), uniform(0.75, 1.15), uniform(0.45, 0.7), List.of());
        animal("deer", List.of("fur", "nose", "eye", "hoof", "antler"), uniform(1.45, 1.85), uniform(0.85, 1.05), List.of(
                whole("antlers", new ChoiceSampler(List.of(0.0, 1.0), new WeightedIndex(List.of(1.0, 1.0))), Interval.closed(0, 1),
                        "1 = a buck's antlers (slot antler), 0 = none")));
    }

    private static void animal(String kind, List<String> slots, ScalarSampler length, ScalarSampler shoulderHeight,
                               List<ParamSpec> extra) {
        List<ParamSpec> params = new java.util.ArrayList<>(List.of(
                param("length_m", length, LENGTH, "rump to the tip of the nose, head straight, along z; at least"
                        + " the neck, head and half the shoulder height"),
                param("shoulder_height_m", shoulderHeight, LENGTH, "ground to the withers"),
                param("head_turn_deg", uniform(-30, 30), Interval.closed(-90, 90), "neck and head turned about the vertical,"
                        + " positive towards the animal's left (+x)"),
                whole("pose", new ChoiceSampler(List.of(0.0, 1.0), new WeightedIndex(List.of(1.0, 2.0))), Interval.closed(0, 1),
                        "0 standing, 1 trotting"),
                param("gait_phase_deg", uniform(0, 360), Interval.ANY, "where in the trot (pose 1)")));
        params.addAll(extra);
        kind(kind, "animal", slots, params);
    }

    private static void kind(String kind, String category, List<String> slots, List<ParamSpec> params) {
        KINDS.put(kind, params);
        SLOTS.put(kind, List.copyOf(slots));
        CATEGORIES.put(kind, category);
    }

    /** Every kind name, {@code mesh} included, in a fixed order. */
    public static Set<String> kinds() {
        return KINDS.keySet();
    }

    /** Kinds that need no file: everything but {@code mesh}. */
    public static List<String> proceduralKinds() {
        return KINDS.keySet().stream().filter(k -> !k.equals(MESH)).toList();
    }

    public static boolean isKind(String kind) {
        return KINDS.containsKey(kind);
    }

    /** The parameters of a kind, in declaration order. */
    public static List<ParamSpec> params(String kind) {
        List<ParamSpec> params = KINDS.get(kind);
        if (params == null) {
            throw new IllegalArgumentException("unknown asset kind " + kind);
        }
        return params;
    }

    public static List<String> paramNames(String kind) {
        return params(kind).stream().map(ParamSpec::name).toList();
    }

    /**
     * The material slots of a kind, main slot first: the main slot takes the group's
     * {@code color}, the others their defaults unless the group's {@code colors} names them.
     * Empty for {@code mesh} (a model file's parts all take {@code color}).
     */
    public static List<String> slots(String kind) {
        params(kind);
        return SLOTS.get(kind);
    }

    /** The category a group of this kind would typically use (a suggestion for docs and listings); empty for shapes. */
    public static String suggestedCategory(String kind) {
        params(kind);
        return CATEGORIES.get(kind);
    }

    private static ParamSpec param(String name, ScalarSampler defaultValue, Interval allowed, String description) {
        return new ParamSpec(name, defaultValue, allowed, description);
    }

    private static ParamSpec whole(String name, ScalarSampler defaultValue, Interval allowed, String description) {
        return new ParamSpec(name, defaultValue, allowed, description, true);
    }

    private static ScalarSampler fixed(double value) {
        return new ConstantSampler(value);
    }

    private static ScalarSampler uniform(double min, double max) {
        return new UniformSampler(min, max);
    }
}
