package io.synthscene.scenes.parse;

import io.synthscene.scenes.frame.Exposure;
import io.synthscene.scenes.frame.Shadows;
import io.synthscene.scenes.randomize.Blackbody;
import io.synthscene.scenes.sampling.ComponentVectorSampler;
import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;
import io.synthscene.scenes.spec.ExposureSpec;
import io.synthscene.scenes.spec.LightSpec;
import io.synthscene.scenes.spec.LightingSpec;
import io.synthscene.scenes.spec.SkySpec;
import java.util.List;

/** Reads the optional {@code lighting} section; every key has a default (see the README). */
final class LightingSpecReader {
    static final List<String> KEYS = List.of("sun", "ambient", "sky_color", "sky", "shadows", "exposure");
    static final List<String> SKY_KEYS = List.of("gradient", "cloud_cover");
    static final List<String> EXPOSURE_KEYS = List.of("mode", "ev", "max_ev");
    static final List<String> EXPOSURE_MODES = List.of("fixed", "auto");
    static final Interval EXPOSURE_EV = Interval.closed(-Exposure.MAX_ABS_EV, Exposure.MAX_ABS_EV);
    static final List<String> SUN_KEYS = List.of("azimuth_deg", "elevation_deg", "intensity", "color", "temperature_k");
    static final List<String> AMBIENT_KEYS = List.of("intensity", "color");
    static final List<String> SHADOW_KEYS = List.of("enabled", "map_size", "max_distance_m");
    static final Interval COLOR = Interval.closed(0, 1);
    static final Interval TEMPERATURE_K = Interval.closed(Blackbody.MIN_KELVIN, Blackbody.MAX_KELVIN);
    /** Shadow map side in texels: below 64 a shadow is a blur, above 16384 beyond most devices. */
    static final Interval SHADOW_MAP_SIZE = Interval.closed(64, 16384);

    private final Values values;
    private final SamplerReader samplers;

    LightingSpecReader(Values values) {
        this.values = values;
        this.samplers = new SamplerReader(values);
    }

    /**
     * @param node   the section, or null when the file has none
     * @param lights the scene's {@code lights}, read beforehand (null after problems there)
     */
    LightingSpec read(YamlNode node, String path, List<LightSpec> lights) {
        MapFields fields = node == null ? null : MapFields.open(node, path, values, KEYS);
        if (node != null && fields == null) {
            return null;
        }
        MapFields sun = section(fields, "sun", SUN_KEYS);
        MapFields ambient = section(fields, "ambient", AMBIENT_KEYS);
        ScalarSampler azimuth = scalar(sun, "azimuth_deg", Interval.ANY, 30);
        ScalarSampler elevation = scalar(sun, "elevation_deg", Interval.closed(-90, 90), 50);
        ScalarSampler sunIntensity = scalar(sun, "intensity", Interval.atLeast(0), 2.5);
        VectorSampler sunColor = null;
        ScalarSampler temperature = null;
        if (sun != null && sun.has("temperature_k")) {
            if (sun.has("color")) {
                values.problems().add(sun.get("temperature_k"), sun.path("temperature_k"),
                        "give the sun a color or a temperature_k, not both");
            } else {
                temperature = samplers.scalar(sun.get("temperature_k"), sun.path("temperature_k"), TEMPERATURE_K);
            }
        } else {
            sunColor = color(sun, "color", 1, 0.96, 0.9);
        }
        ScalarSampler ambientIntensity = scalar(ambient, "intensity", Interval.atLeast(0), 0.35);
        VectorSampler ambientColor = color(ambient, "color", 0.55, 0.65, 0.85);
        VectorSampler sky = color(fields, "sky_color", 0.52, 0.68, 0.9);
        Shadows shadows = shadows(fields);
        boolean exposureGiven = fields != null && fields.has("exposure");
        ExposureSpec exposure = exposureGiven ? exposure(fields.get("exposure"), fields.path("exposure")) : null;
        boolean skyGiven = fields != null && fields.has("sky");
        SkySpec drawnSky = skyGiven ? sky(fields.get("sky"), fields.path("sky")) : null;
        if (azimuth == null || elevation == null || sunIntensity == null || (sunColor == null && temperature == null)
                || ambientIntensity == null || ambientColor == null || sky == null || shadows == null || lights == null
                || (exposureGiven && exposure == null) || (skyGiven && drawnSky == null)) {
            return null;
        }
        return new LightingSpec(azimuth, elevation, sunIntensity, sunColor, temperature, ambientIntensity, ambientColor,
                sky, shadows, lights, exposure, drawnSky);
    }

    /** {@code sky: {gradient, cloud_cover}}: gradient defaults to true, cloud_cover (randomizable, [0, 1]) to 0. */
    private SkySpec sky(YamlNode node, String path) {
        MapFields fields = MapFields.open(node, path, values, SKY_KEYS);
        if (fields == null) {
            return null;
        }
        Boolean gradient = fields.has("gradient") ? values.bool(fields.get("gradient"), fields.path("gradient")) : Boolean.TRUE;
        ScalarSampler cover = scalar(fields, "cloud_cover", Interval.closed(0, 1), 0);
        return gradient == null || cover == null ? null : new SkySpec(gradient, cover);
    }

    /**
     * {@code exposure: {mode: fixed, ev}} (ev randomizable, default 0) or
     * {@code {mode: auto, max_ev}} (default {@value Exposure#DEFAULT_MAX_EV}); mode defaults to fixed.
     */
    private ExposureSpec exposure(YamlNode node, String path) {
        MapFields fields = MapFields.open(node, path, values, EXPOSURE_KEYS);
        if (fields == null) {
            return null;
        }
        String mode = "fixed";
        if (fields.has("mode")) {
            mode = values.text(fields.get("mode"), fields.path("mode"));
            if (mode != null && !EXPOSURE_MODES.contains(mode)) {
                values.problems().add(fields.get("mode"), fields.path("mode"), "unknown exposure mode '" + YamlScalar.shown(mode)
                        + "'" + Suggestions.hint(mode, EXPOSURE_MODES) + " (fixed or auto)");
                mode = null;
            }
        }
        if (mode == null) {
            return null;
        }
        boolean auto = mode.equals("auto");
        String wrongKey = auto ? "ev" : "max_ev";
        if (fields.has(wrongKey)) {
            YamlMap.Entry at = fields.entry(wrongKey);
            values.problems().add(at.line(), at.column(), fields.path(wrongKey), auto
                    ? "auto exposure chooses ev itself (limit it with max_ev, or use mode: fixed)"
                    : "max_ev limits auto exposure (add mode: auto, or give ev)");
            return null;
        }
        if (auto) {
            Double maxEv = fields.has("max_ev")
                    ? values.number(fields.get("max_ev"), fields.path("max_ev"), Interval.closed(0, Exposure.MAX_ABS_EV))
                    : Double.valueOf(Exposure.DEFAULT_MAX_EV);
            return maxEv == null ? null : new ExposureSpec(true, null, maxEv);
        }
        ScalarSampler ev = fields.has("ev") ? samplers.scalar(fields.get("ev"), fields.path("ev"), EXPOSURE_EV)
                : new ConstantSampler(0);
        return ev == null ? null : new ExposureSpec(false, ev, null);
    }

    /** {@code shadows: {enabled, map_size, max_distance_m}}: off when absent; a section without {@code enabled} turns them on. */
    private Shadows shadows(MapFields parent) {
        MapFields fields = section(parent, "shadows", SHADOW_KEYS);
        if (fields == null) {
            return parent != null && parent.has("shadows") ? null : Shadows.OFF;
        }
        Boolean enabled = fields.has("enabled") ? values.bool(fields.get("enabled"), fields.path("enabled")) : Boolean.TRUE;
        Long size = fields.has("map_size")
                ? values.integer(fields.get("map_size"), fields.path("map_size"), SHADOW_MAP_SIZE)
                : Long.valueOf(Shadows.DEFAULT_MAP_SIZE);
        Double reach = fields.has("max_distance_m")
                ? values.number(fields.get("max_distance_m"), fields.path("max_distance_m"), Interval.above(0))
                : Double.valueOf(Shadows.DEFAULT_MAX_DISTANCE_METERS);
        return enabled == null || size == null || reach == null ? null : new Shadows(enabled, size.intValue(), reach);
    }

    /** A sub-map, or null when absent (defaults then apply); reports one that is not a map. */
    private MapFields section(MapFields parent, String key, List<String> keys) {
        if (parent == null || !parent.has(key)) {
            return null;
        }
        return MapFields.open(parent.get(key), parent.path(key), values, keys);
    }

    private ScalarSampler scalar(MapFields fields, String key, Interval allowed, double fallback) {
        if (fields == null || !fields.has(key)) {
            return new ConstantSampler(fallback);
        }
        return samplers.scalar(fields.get(key), fields.path(key), allowed);
    }

    private VectorSampler color(MapFields fields, String key, double r, double g, double b) {
        if (fields == null || !fields.has(key)) {
            return ComponentVectorSampler.constant(r, g, b);
        }
        return samplers.vector(fields.get(key), fields.path(key), 3, COLOR);
    }
}
