package io.synthscene.scenes.parse;

import io.synthscene.scenes.Limits;
import io.synthscene.scenes.sampling.ComponentVectorSampler;
import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;
import io.synthscene.scenes.spec.AugmentSpec;
import io.synthscene.scenes.spec.AugmentSpec.AnonymizeSpec;
import io.synthscene.scenes.spec.AugmentSpec.FogSpec;
import io.synthscene.scenes.spec.AugmentSpec.GroundPlaneSpec;
import io.synthscene.scenes.spec.InsertSpec;
import io.synthscene.scenes.spec.PhotoWeatherSpec;
import io.synthscene.scenes.spec.SensorSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads an augment config file's tree into an {@link AugmentSpec}: {@code seed}, and the optional
 * {@code sensor} (the scene file's section, read by the same reader), {@code jpeg_quality},
 * {@code fog}, {@code anonymize}, {@code insert} ({@link InsertSpecReader}), and {@code weather},
 * {@code night} and {@code glare} ({@link PhotoWeatherSpecReader}). Numbers are randomizable with the scene DSL's distributions
 * ({@link SamplerReader}); every problem is reported with its position, and the spec is returned
 * only when there were none.
 */
public final class AugmentSpecReader {
    static final List<String> KEYS = List.of("seed", "sensor", "jpeg_quality", "fog", "anonymize", "insert",
            "weather", "night", "glare");
    static final List<String> FOG_KEYS = List.of("visibility_m", "airlight", "ground_plane");
    static final List<String> GROUND_KEYS = List.of("camera_height_m", "pitch_deg", "hfov_deg", "far_m");
    static final List<String> ANONYMIZE_KEYS = List.of("method", "strength_px");
    /** Light grey haze, linear RGB: used when the fog names no airlight. */
    public static final double[] DEFAULT_AIRLIGHT = {0.8, 0.8, 0.8};
    public static final double DEFAULT_CAMERA_HEIGHT_M = 1.5;
    public static final double DEFAULT_HFOV_DEG = 60;
    public static final double DEFAULT_FAR_M = 1000;
    /** Largest anonymizing blur or block: keeps a typo from asking for a kernel wider than any image. */
    public static final double MAX_STRENGTH_PX = 200;

    private final Values values;
    private final Problems problems;
    private final SamplerReader samplers;

    private AugmentSpecReader(Problems problems) {
        this.problems = problems;
        this.values = new Values(problems);
        this.samplers = new SamplerReader(values);
    }

    /** @return the spec, or null when problems were reported */
    public static AugmentSpec read(YamlNode root, Problems problems) {
        return read(root, problems, Path.of("."), Limits.fromEnvironment());
    }

    /**
     * @param baseDir the config file's folder: paths in {@code insert} (catalog, meshes) are relative to it
     * @param limits  what an asset catalog file is read under
     * @return the spec, or null when problems were reported
     */
    public static AugmentSpec read(YamlNode root, Problems problems, Path baseDir, Limits limits) {
        return new AugmentSpecReader(problems).read(root, baseDir, limits);
    }

    private AugmentSpec read(YamlNode root, Path baseDir, Limits limits) {
        int before = problems.count();
        MapFields top = MapFields.open(root, "", values, KEYS);
        if (top == null) {
            return null;
        }
        YamlNode seedNode = top.require("seed");
        Long seed = seedNode == null ? null : values.integer(seedNode, "seed", Interval.ANY);
        SensorSpec sensor = new SensorSpecReader(values).read(top.get("sensor"), "sensor");
        ScalarSampler jpegQuality = top.has("jpeg_quality") ? jpegQuality(top.get("jpeg_quality")) : null;
        FogSpec fog = top.has("fog") ? fog(top.get("fog")) : null;
        AnonymizeSpec anonymize = top.has("anonymize") ? anonymize(top.get("anonymize")) : AnonymizeSpec.DEFAULT;
        InsertSpec insert = top.has("insert") ? new InsertSpecReader(values).read(top.get("insert"), "insert", baseDir, limits) : null;
        PhotoWeatherSpec weather = new PhotoWeatherSpecReader(values, problems).read(top);
        if (problems.count() > before || seed == null) {
            return null;
        }
        return new AugmentSpec(seed, sensor, jpegQuality, fog, anonymize, insert, weather);
    }

    private ScalarSampler jpegQuality(YamlNode node) {
        ScalarSampler sampler = samplers.scalar(node, "jpeg_quality", Interval.closed(1, 100));
        if (sampler != null && !sampler.integral()) {
            problems.add(node, "jpeg_quality", sampler.describe() + " can produce fractions; a JPEG quality is a whole "
                    + "number 1..100: a number, {uniform_int: [a, b]} or {choice: [...]}");
            return null;
        }
        return sampler;
    }

    private FogSpec fog(YamlNode node) {
        MapFields fog = MapFields.open(node, "fog", values, FOG_KEYS);
        if (fog == null) {
            return null;
        }
        YamlNode visibility = fog.require("visibility_m");
        ScalarSampler visibilityM = visibility == null ? null
                : samplers.scalar(visibility, fog.path("visibility_m"), Interval.above(0));
        VectorSampler airlight = fog.has("airlight")
                ? samplers.vector(fog.get("airlight"), fog.path("airlight"), 3, Interval.closed(0, 1))
                : new ComponentVectorSampler(List.of(new ConstantSampler(DEFAULT_AIRLIGHT[0]),
                        new ConstantSampler(DEFAULT_AIRLIGHT[1]), new ConstantSampler(DEFAULT_AIRLIGHT[2])));
        GroundPlaneSpec ground = groundPlane(fog.get("ground_plane"), fog.path("ground_plane"));
        return visibilityM == null || airlight == null || ground == null ? null : new FogSpec(visibilityM, airlight, ground);
    }

    private GroundPlaneSpec groundPlane(YamlNode node, String path) {
        if (node == null) {
            return new GroundPlaneSpec(new ConstantSampler(DEFAULT_CAMERA_HEIGHT_M), new ConstantSampler(0),
                    new ConstantSampler(DEFAULT_HFOV_DEG), new ConstantSampler(DEFAULT_FAR_M));
        }
        MapFields fields = MapFields.open(node, path, values, GROUND_KEYS);
        if (fields == null) {
            return null;
        }
        ScalarSampler height = optional(fields, "camera_height_m", Interval.above(0), DEFAULT_CAMERA_HEIGHT_M);
        // beyond ±90° the camera looks backwards; a pitch of exactly 90° sees no horizon, which is fine
        ScalarSampler pitch = optional(fields, "pitch_deg", Interval.closed(-90, 90), 0);
        ScalarSampler hfov = optional(fields, "hfov_deg", Interval.open(0, 180), DEFAULT_HFOV_DEG);
        ScalarSampler far = optional(fields, "far_m", Interval.above(0), DEFAULT_FAR_M);
        return height == null || pitch == null || hfov == null || far == null ? null
                : new GroundPlaneSpec(height, pitch, hfov, far);
    }

    private AnonymizeSpec anonymize(YamlNode node) {
        MapFields fields = MapFields.open(node, "anonymize", values, ANONYMIZE_KEYS);
        if (fields == null) {
            return null;
        }
        AnonymizeSpec.Method method = AnonymizeSpec.DEFAULT.method();
        if (fields.has("method")) {
            String text = values.text(fields.get("method"), fields.path("method"));
            if (text == null) {
                return null;
            }
            List<String> names = List.of("blur", "pixelate");
            if (!names.contains(text)) {
                problems.add(fields.get("method"), fields.path("method"), "unknown method '" + YamlScalar.shown(text)
                        + "'" + Suggestions.hint(text, names));
                return null;
            }
            method = AnonymizeSpec.Method.valueOf(text.toUpperCase(Locale.ROOT));
        }
        double strength = AnonymizeSpec.DEFAULT.strengthPx();
        if (fields.has("strength_px")) {
            // one value for the whole run: anonymizing is not a random effect
            Double value = values.number(fields.get("strength_px"), fields.path("strength_px"),
                    new Interval(0, true, MAX_STRENGTH_PX, false));
            if (value == null) {
                return null;
            }
            strength = value;
        }
        return new AnonymizeSpec(method, strength);
    }

    private ScalarSampler optional(MapFields fields, String key, Interval allowed, double fallback) {
        return fields.has(key) ? samplers.scalar(fields.get(key), fields.path(key), allowed) : new ConstantSampler(fallback);
    }
}
