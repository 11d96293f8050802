package io.synthscene.scenes.parse;

import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.spec.WeatherSpec;
import java.util.List;

/** Reads the optional {@code weather} section: {@code fog: {visibility_m: scalar > 0}}. */
final class WeatherSpecReader {
    static final List<String> KEYS = List.of("fog");
    static final List<String> FOG_KEYS = List.of("visibility_m");

    private final Values values;
    private final SamplerReader samplers;

    WeatherSpecReader(Values values) {
        this.values = values;
        this.samplers = new SamplerReader(values);
    }

    /** @param node the section, or null when the file has none; returns null after reporting a problem */
    WeatherSpec read(YamlNode node, String path) {
        if (node == null) {
            return WeatherSpec.CLEAR;
        }
        MapFields fields = MapFields.open(node, path, values, KEYS);
        if (fields == null) {
            return null;
        }
        if (!fields.has("fog")) {
            return WeatherSpec.CLEAR;
        }
        MapFields fog = MapFields.open(fields.get("fog"), fields.path("fog"), values, FOG_KEYS);
        if (fog == null) {
            return null;
        }
        YamlNode visibility = fog.require("visibility_m");
        if (visibility == null) {
            return null;
        }
        ScalarSampler sampler = samplers.scalar(visibility, fog.path("visibility_m"), Interval.above(0));
        return sampler == null ? null : new WeatherSpec(sampler);
    }
}
