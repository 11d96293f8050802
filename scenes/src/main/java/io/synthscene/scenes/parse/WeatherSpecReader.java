package io.synthscene.scenes.parse;

import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.spec.WeatherSpec;
import java.util.List;

/**
 * Reads the optional {@code weather} section: {@code fog: {visibility_m: scalar > 0}},
 * {@code rain: {intensity: scalar in [0, 1]}}, {@code snow: {intensity: scalar in [0, 1],
 * cover: scalar in [0, 1] (default 0.5)}} and {@code exposure_time_s: scalar in (0, 1]}.
 */
final class WeatherSpecReader {
    static final List<String> KEYS = List.of("fog", "rain", "snow", "exposure_time_s");
    static final List<String> FOG_KEYS = List.of("visibility_m");
    static final List<String> RAIN_KEYS = List.of("intensity");
    static final List<String> SNOW_KEYS = List.of("intensity", "cover");
    static final double DEFAULT_SNOW_COVER = 0.5;

    private static final Interval UNIT = Interval.closed(0, 1);

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
        boolean failed = false;
        ScalarSampler fog = null;
        if (fields.has("fog")) {
            fog = required(fields, "fog", FOG_KEYS, "visibility_m", Interval.above(0));
            failed = fog == null;
        }
        ScalarSampler rain = null;
        if (fields.has("rain")) {
            rain = required(fields, "rain", RAIN_KEYS, "intensity", UNIT);
            failed |= rain == null;
        }
        ScalarSampler snow = null;
        ScalarSampler cover = null;
        if (fields.has("snow")) {
            // opened once, so that an unknown key is reported once
            MapFields snowFields = MapFields.open(fields.get("snow"), fields.path("snow"), values, SNOW_KEYS);
            if (snowFields != null) {
                YamlNode intensity = snowFields.require("intensity");
                snow = intensity == null ? null : samplers.scalar(intensity, snowFields.path("intensity"), UNIT);
                cover = snowFields.has("cover")
                        ? samplers.scalar(snowFields.get("cover"), snowFields.path("cover"), UNIT)
                        : new ConstantSampler(DEFAULT_SNOW_COVER);
            }
            failed |= snow == null || cover == null;
        }
        ScalarSampler exposure = null;
        if (fields.has("exposure_time_s")) {
            exposure = samplers.scalar(fields.get("exposure_time_s"), fields.path("exposure_time_s"),
                    new Interval(0, true, 1, false));
            failed |= exposure == null;
        }
        return failed ? null : new WeatherSpec(fog, rain, snow, cover, exposure);
    }

    /** The scalar {@code field} of the sub-section {@code key}, which must be there; null after reporting. */
    private ScalarSampler required(MapFields fields, String key, List<String> keys, String field, Interval allowed) {
        MapFields section = MapFields.open(fields.get(key), fields.path(key), values, keys);
        if (section == null) {
            return null;
        }
        YamlNode value = section.require(field);
        return value == null ? null : samplers.scalar(value, section.path(field), allowed);
    }
}
