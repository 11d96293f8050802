package io.synthscene.scenes.parse;

import io.synthscene.scenes.frame.LocalLight;
import io.synthscene.scenes.sampling.ComponentVectorSampler;
import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;
import io.synthscene.scenes.spec.LampSpec;
import java.util.List;

/**
 * Reads what a light gives off, the keys scene lights and attached lamps share: {@code color} or
 * {@code temperature_k}, {@code intensity_cd}, {@code range_m} and, for spots,
 * {@code inner_cone_deg} and {@code outer_cone_deg}. The caller opens the map (with its own keys
 * besides these) and knows whether the light is a spot.
 */
final class LampSpecReader {
    static final List<String> KEYS = List.of("color", "temperature_k", "intensity_cd", "range_m", "inner_cone_deg",
            "outer_cone_deg");
    static final Interval CONE_DEG = Interval.closed(0, LocalLight.MAX_CONE_DEGREES);

    /** Defaults of one kind of lamp; a null intensity makes {@code intensity_cd} required. */
    record Defaults(double[] color, Double intensityCandela, double rangeMeters, double innerConeDegrees,
                    double outerConeDegrees) {
    }

    private final Values values;
    private final SamplerReader samplers;

    LampSpecReader(Values values) {
        this.values = values;
        this.samplers = new SamplerReader(values);
    }

    /** @return the lamp, or null after reporting problems */
    LampSpec read(MapFields fields, boolean spot, Defaults defaults) {
        VectorSampler color = null;
        ScalarSampler temperature = null;
        boolean colorValid = true;
        if (fields.has("temperature_k")) {
            if (fields.has("color")) {
                values.problems().add(fields.get("temperature_k"), fields.path("temperature_k"),
                        "give a light a color or a temperature_k, not both");
                colorValid = false;
            } else {
                temperature = samplers.scalar(fields.get("temperature_k"), fields.path("temperature_k"),
                        LightingSpecReader.TEMPERATURE_K);
                colorValid = temperature != null;
            }
        } else if (fields.has("color")) {
            color = samplers.vector(fields.get("color"), fields.path("color"), 3, LightingSpecReader.COLOR);
            colorValid = color != null;
        } else {
            color = ComponentVectorSampler.constant(defaults.color()[0], defaults.color()[1], defaults.color()[2]);
        }
        ScalarSampler intensity;
        if (defaults.intensityCandela() == null) {
            YamlNode node = fields.require("intensity_cd");
            intensity = node == null ? null : samplers.scalar(node, fields.path("intensity_cd"), Interval.atLeast(0));
        } else {
            intensity = scalar(fields, "intensity_cd", Interval.atLeast(0), defaults.intensityCandela());
        }
        ScalarSampler range = scalar(fields, "range_m", Interval.above(0), defaults.rangeMeters());
        ScalarSampler inner = null;
        ScalarSampler outer = null;
        boolean conesValid = true;
        if (spot) {
            inner = scalar(fields, "inner_cone_deg", CONE_DEG, defaults.innerConeDegrees());
            outer = scalar(fields, "outer_cone_deg", CONE_DEG, defaults.outerConeDegrees());
            if (inner != null && outer != null && inner.highest() > outer.lowest()) {
                // every draw must keep inner <= outer: nothing is ever clamped
                String key = fields.has("inner_cone_deg") ? "inner_cone_deg" : "outer_cone_deg";
                values.problems().add(fields.get(key), fields.path(key), "inner_cone_deg can reach "
                        + io.synthscene.scenes.sampling.Numbers.format(inner.highest()) + " but outer_cone_deg can be as low as "
                        + io.synthscene.scenes.sampling.Numbers.format(outer.lowest()) + ": need inner <= outer");
                conesValid = false;
            }
        } else {
            for (String key : List.of("inner_cone_deg", "outer_cone_deg")) {
                if (fields.has(key)) {
                    values.problems().add(fields.entry(key).line(), fields.entry(key).column(), fields.path(key),
                            "a point light has no cone (make it a spot: type: spot)");
                    conesValid = false;
                }
            }
        }
        if (!colorValid || intensity == null || range == null || (spot && (inner == null || outer == null)) || !conesValid) {
            return null;
        }
        return new LampSpec(color, temperature, intensity, range, inner, outer);
    }

    private ScalarSampler scalar(MapFields fields, String key, Interval allowed, double fallback) {
        return fields.has(key) ? samplers.scalar(fields.get(key), fields.path(key), allowed) : new ConstantSampler(fallback);
    }
}
