package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.UniformSampler;
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
    public static final List<String> MESH_EXTENSIONS = List.of(".obj", ".gltf", ".glb", ".fbx", ".ply", ".stl");

    private static final Interval LENGTH = Interval.above(0);
    private static final Interval RATIO = Interval.open(0, 1);
    private static final Interval UNIT = Interval.closed(0, 1);
    private static final Interval PHASE = Interval.closed(-90, 90);

    private static final Map<String, List<ParamSpec>> KINDS = declareKinds();

    private BuiltinAssets() {
    }

    private static Map<String, List<ParamSpec>> declareKinds() {
        Map<String, List<ParamSpec>> kinds = new LinkedHashMap<>();
        kinds.put("box", List.of(
                param("width_m", fixed(1), LENGTH, "size along x"),
                param("height_m", fixed(1), LENGTH, "size along y"),
                param("length_m", fixed(1), LENGTH, "size along z")));
        kinds.put("sphere", List.of(
                param("radius_m", fixed(0.5), LENGTH, "radius; the sphere rests on its origin")));
        kinds.put("cylinder", List.of(
                param("radius_m", fixed(0.5), LENGTH, "radius"),
                param("height_m", fixed(1), LENGTH, "height; the axis is vertical")));
        kinds.put("plane", List.of(
                param("width_m", fixed(1), LENGTH, "size along x"),
                param("length_m", fixed(1), LENGTH, "size along z")));
        kinds.put("vehicle", List.of(
                param("length_m", uniform(3.8, 5.2), LENGTH, "bumper to bumper, along z"),
                param("width_m", uniform(1.7, 2.0), LENGTH, "along x"),
                param("height_m", uniform(1.4, 1.9), LENGTH, "ground to roof"),
                param("cabin_length_ratio", uniform(0.45, 0.62), RATIO, "cabin length / length"),
                param("cabin_offset_ratio", uniform(-0.12, 0.05), Interval.closed(-0.5, 0.5),
                        "cabin centre shift along +z as a fraction of length; negative = towards the rear"),
                param("cabin_height_ratio", uniform(0.36, 0.48), RATIO, "cabin height / total height"),
                param("wheel_radius_m", uniform(0.3, 0.38), LENGTH, "wheel radius")));
        kinds.put("pedestrian", List.of(
                param("height_m", uniform(1.5, 1.95), LENGTH, "standing height"),
                param("shoulder_width_ratio", uniform(0.22, 0.27), RATIO, "shoulder width / height"),
                param("leg_length_ratio", uniform(0.45, 0.5), RATIO, "leg length / height"),
                param("head_radius_ratio", uniform(0.06, 0.07), Interval.open(0, 0.5), "head radius / height"),
                param("arm_swing_deg", uniform(-30, 30), PHASE, "walking phase of the arms"),
                param("leg_stride_deg", uniform(-30, 30), PHASE, "walking phase of the legs"),
                param("skin_tone", uniform(0, 1), UNIT, "0 light .. 1 dark"),
                param("trousers_shade", uniform(0.05, 0.6), UNIT, "grey level of the trousers")));
        kinds.put(MESH, List.of(
                param("size_m", fixed(1), LENGTH, "longest side of the model's bounding box after normalisation")));
        return kinds;
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

    private static ParamSpec param(String name, ScalarSampler defaultValue, Interval allowed, String description) {
        return new ParamSpec(name, defaultValue, allowed, description);
    }

    private static ScalarSampler fixed(double value) {
        return new ConstantSampler(value);
    }

    private static ScalarSampler uniform(double min, double max) {
        return new UniformSampler(min, max);
    }
}
