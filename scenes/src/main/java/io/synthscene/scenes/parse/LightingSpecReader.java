package io.synthscene.scenes.parse;

import io.synthscene.scenes.frame.Shadows;
import io.synthscene.scenes.randomize.Blackbody;
import io.synthscene.scenes.sampling.ComponentVectorSampler;
import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;
import io.synthscene.scenes.spec.LightingSpec;
import java.util.List;

/** Reads the optional {@code lighting} section; every key has a default (see the README). */
final class LightingSpecReader {
    static final List<String> KEYS = List.of("sun", "ambient", "sky_color", "shadows");
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

    /** @param node the section, or null when the file has none */
    LightingSpec read(YamlNode node, String path) {
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
        if (azimuth == null || elevation == null || sunIntensity == null || (sunColor == null && temperature == null)
                || ambientIntensity == null || ambientColor == null || sky == null || shadows == null) {
            return null;
        }
        return new LightingSpec(azimuth, elevation, sunIntensity, sunColor, temperature, ambientIntensity, ambientColor,
                sky, shadows);
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
