package io.synthscene.scenes.parse;

import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;
import io.synthscene.scenes.spec.AugmentSpec.GroundPlaneSpec;
import io.synthscene.scenes.spec.PhotoWeatherSpec;
import io.synthscene.scenes.spec.PhotoWeatherSpec.GlareSpec;
import io.synthscene.scenes.spec.PhotoWeatherSpec.NightSpec;
import io.synthscene.scenes.spec.PhotoWeatherSpec.PrecipitationSpec;
import java.util.List;

/**
 * Reads the {@code weather}, {@code night} and {@code glare} sections of an augment config (see
 * {@link PhotoWeatherSpec}); called by {@link AugmentSpecReader}, which owns the top level. Every
 * number may be a scene-DSL distribution; problems are reported with their positions, and a part is
 * null after a problem in it.
 */
final class PhotoWeatherSpecReader {
    static final List<String> KEYS = List.of("weather", "night", "glare");
    static final List<String> WEATHER_KEYS = List.of("rain", "snow", "exposure_time_s", "ground_plane");
    static final List<String> RAIN_KEYS = List.of("intensity");
    static final List<String> SNOW_KEYS = List.of("intensity", "cover");
    static final List<String> NIGHT_KEYS = List.of("exposure_ev", "blue_shift", "lamp_threshold", "glow_radius_px",
            "glow_strength");
    static final List<String> GLARE_KEYS = List.of("strength", "radius", "threshold", "sun", "veil");
    /** Defaults, as documented in the README's augment section. */
    static final double DEFAULT_SNOW_COVER = 0.5;
    static final double DEFAULT_NIGHT_EV = -3;
    static final double DEFAULT_BLUE_SHIFT = 0.6;
    static final double DEFAULT_LAMP_THRESHOLD = 0.8;
    static final double DEFAULT_GLOW_RADIUS_PX = 6;
    static final double DEFAULT_GLOW_STRENGTH = 1;
    static final double DEFAULT_GLARE_STRENGTH = 0.5;
    static final double DEFAULT_GLARE_RADIUS = 0.05;
    static final double DEFAULT_GLARE_THRESHOLD = 0.9;
    static final double DEFAULT_VEIL = 0.02;
    /** Most stops night grading may take away: 2^-12 leaves a white pixel below one 8-bit level. */
    static final double MAX_NIGHT_STOPS = 12;
    /** Largest glow: keeps a typo from asking for a blur far wider than any photo. */
    static final double MAX_GLOW_RADIUS_PX = 200;

    private static final Interval UNIT = Interval.closed(0, 1);
    private static final Interval POSITIVE_UNIT = new Interval(0, true, 1, false);

    private final Values values;
    private final Problems problems;
    private final SamplerReader samplers;

    PhotoWeatherSpecReader(Values values, Problems problems) {
        this.values = values;
        this.problems = problems;
        this.samplers = new SamplerReader(values);
    }

    /** @return the sections read; a section with a problem is null, and the problem is reported */
    PhotoWeatherSpec read(MapFields top) {
        PrecipitationSpec weather = top.has("weather") ? weather(top.get("weather")) : null;
        NightSpec night = top.has("night") ? night(top.get("night")) : null;
        GlareSpec glare = top.has("glare") ? glare(top.get("glare")) : null;
        return new PhotoWeatherSpec(weather, night, glare);
    }

    private PrecipitationSpec weather(YamlNode node) {
        int before = problems.count();
        MapFields fields = MapFields.open(node, "weather", values, WEATHER_KEYS);
        if (fields == null) {
            return null;
        }
        ScalarSampler rain = null;
        if (fields.has("rain")) {
            MapFields section = MapFields.open(fields.get("rain"), fields.path("rain"), values, RAIN_KEYS);
            YamlNode intensity = section == null ? null : section.require("intensity");
            rain = intensity == null ? null : samplers.scalar(intensity, section.path("intensity"), UNIT);
        }
        ScalarSampler snow = null;
        ScalarSampler cover = null;
        if (fields.has("snow")) {
            MapFields section = MapFields.open(fields.get("snow"), fields.path("snow"), values, SNOW_KEYS);
            if (section != null) {
                YamlNode intensity = section.require("intensity");
                snow = intensity == null ? null : samplers.scalar(intensity, section.path("intensity"), UNIT);
                cover = optional(section, "cover", UNIT, DEFAULT_SNOW_COVER);
            }
        }
        if (!fields.has("rain") && !fields.has("snow") && problems.count() == before) {
            problems.add(node, "weather", "has neither rain nor snow; give at least one (fog is its own section)");
        }
        ScalarSampler exposure = fields.has("exposure_time_s")
                ? samplers.scalar(fields.get("exposure_time_s"), fields.path("exposure_time_s"), new Interval(0, true, 1, false))
                : null;
        GroundPlaneSpec ground = fields.has("ground_plane") ? groundPlane(fields.get("ground_plane"), fields.path("ground_plane")) : null;
        return problems.count() > before ? null : new PrecipitationSpec(rain, snow, cover, exposure, ground);
    }

    private NightSpec night(YamlNode node) {
        int before = problems.count();
        MapFields fields = MapFields.open(node, "night", values, NIGHT_KEYS);
        if (fields == null) {
            return null;
        }
        NightSpec night = new NightSpec(
                optional(fields, "exposure_ev", Interval.closed(-MAX_NIGHT_STOPS, 0), DEFAULT_NIGHT_EV),
                optional(fields, "blue_shift", UNIT, DEFAULT_BLUE_SHIFT),
                optional(fields, "lamp_threshold", POSITIVE_UNIT, DEFAULT_LAMP_THRESHOLD),
                optional(fields, "glow_radius_px", Interval.closed(0, MAX_GLOW_RADIUS_PX), DEFAULT_GLOW_RADIUS_PX),
                optional(fields, "glow_strength", Interval.atLeast(0), DEFAULT_GLOW_STRENGTH));
        return problems.count() > before ? null : night;
    }

    private GlareSpec glare(YamlNode node) {
        int before = problems.count();
        MapFields fields = MapFields.open(node, "glare", values, GLARE_KEYS);
        if (fields == null) {
            return null;
        }
        // the sun may be off the frame (its glare still reaches in), but not absurdly far
        VectorSampler sun = fields.has("sun") ? samplers.vector(fields.get("sun"), fields.path("sun"), 2, Interval.closed(-1, 2)) : null;
        GlareSpec glare = new GlareSpec(
                optional(fields, "strength", Interval.atLeast(0), DEFAULT_GLARE_STRENGTH),
                optional(fields, "radius", POSITIVE_UNIT, DEFAULT_GLARE_RADIUS),
                optional(fields, "threshold", POSITIVE_UNIT, DEFAULT_GLARE_THRESHOLD),
                sun,
                optional(fields, "veil", UNIT, DEFAULT_VEIL));
        return problems.count() > before ? null : glare;
    }

    /** The camera over flat ground, keys and defaults as the fog's {@code ground_plane}. */
    private GroundPlaneSpec groundPlane(YamlNode node, String path) {
        MapFields fields = MapFields.open(node, path, values, AugmentSpecReader.GROUND_KEYS);
        if (fields == null) {
            return null;
        }
        ScalarSampler height = optional(fields, "camera_height_m", Interval.above(0), AugmentSpecReader.DEFAULT_CAMERA_HEIGHT_M);
        ScalarSampler pitch = optional(fields, "pitch_deg", Interval.closed(-90, 90), 0);
        ScalarSampler hfov = optional(fields, "hfov_deg", Interval.open(0, 180), AugmentSpecReader.DEFAULT_HFOV_DEG);
        ScalarSampler far = optional(fields, "far_m", Interval.above(0), AugmentSpecReader.DEFAULT_FAR_M);
        return height == null || pitch == null || hfov == null || far == null ? null
                : new GroundPlaneSpec(height, pitch, hfov, far);
    }

    private ScalarSampler optional(MapFields fields, String key, Interval allowed, double fallback) {
        return fields.has(key) ? samplers.scalar(fields.get(key), fields.path(key), allowed) : new ConstantSampler(fallback);
    }
}
