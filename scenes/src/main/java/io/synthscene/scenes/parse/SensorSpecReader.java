package io.synthscene.scenes.parse;

import io.synthscene.scenes.frame.Sensor;
import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.spec.SensorSpec;
import java.util.List;

/**
 * Reads the optional {@code sensor} section: {@code exposure_ev}, {@code white_balance_k},
 * {@code vignetting}, {@code blur_px}, {@code chromatic_aberration_px} and {@code noise: {gaussian_std, photons_at_white}}, and in a scene
 * {@code jpeg_quality}, every one optional and randomizable.
 */
final class SensorSpecReader {
    static final List<String> KEYS = List.of("exposure_ev", "white_balance_k", "vignetting", "blur_px", "chromatic_aberration_px", "noise");
    /** A scene's sensor also takes {@code jpeg_quality}; an augment config has its own, outside the section. */
    static final List<String> SCENE_KEYS = List.of("exposure_ev", "white_balance_k", "vignetting", "blur_px",
            "chromatic_aberration_px", "noise", "jpeg_quality");
    static final List<String> NOISE_KEYS = List.of("gaussian_std", "photons_at_white");

    private final Values values;
    private final SamplerReader samplers;

    private final boolean withJpegQuality;

    /** The reader of an augment config's {@code sensor} section (no {@code jpeg_quality}). */
    SensorSpecReader(Values values) {
        this(values, false);
    }

    /** @param withJpegQuality whether the section may hold {@code jpeg_quality} (a scene's may) */
    SensorSpecReader(Values values, boolean withJpegQuality) {
        this.values = values;
        this.samplers = new SamplerReader(values);
        this.withJpegQuality = withJpegQuality;
    }

    /** @param node the section, or null when the file has none; returns null when absent or after a problem */
    SensorSpec read(YamlNode node, String path) {
        if (node == null) {
            return null;
        }
        MapFields fields = MapFields.open(node, path, values, withJpegQuality ? SCENE_KEYS : KEYS);
        if (fields == null) {
            return null;
        }
        ScalarSampler exposure = optional(fields, "exposure_ev", Interval.ANY, SensorSpec.ZERO);
        ScalarSampler whiteBalance = optional(fields, "white_balance_k",
                Interval.closed(Sensor.MIN_WHITE_BALANCE_KELVIN, Sensor.MAX_WHITE_BALANCE_KELVIN),
                new ConstantSampler(Sensor.NEUTRAL_KELVIN));
        ScalarSampler vignetting = optional(fields, "vignetting", new Interval(0, false, 1, true), SensorSpec.ZERO);
        ScalarSampler blur = optional(fields, "blur_px", Interval.closed(0, Sensor.MAX_BLUR_PX), SensorSpec.ZERO);
        ScalarSampler aberration = optional(fields, "chromatic_aberration_px", Interval.closed(0, Sensor.MAX_BLUR_PX),
                SensorSpec.ZERO);
        ScalarSampler gaussian = SensorSpec.ZERO;
        ScalarSampler photons = SensorSpec.ZERO;
        if (fields.has("noise")) {
            MapFields noise = MapFields.open(fields.get("noise"), fields.path("noise"), values, NOISE_KEYS);
            if (noise == null) {
                return null;
            }
            gaussian = optional(noise, "gaussian_std", Interval.closed(0, 255), SensorSpec.ZERO);
            photons = optional(noise, "photons_at_white", Interval.atLeast(0), SensorSpec.ZERO);
        }
        ScalarSampler jpegQuality = null;
        boolean jpegOk = true;
        if (fields.has("jpeg_quality")) {
            jpegQuality = jpegQuality(fields.get("jpeg_quality"), fields.path("jpeg_quality"));
            jpegOk = jpegQuality != null;
        }
        if (exposure == null || whiteBalance == null || vignetting == null || blur == null || aberration == null || gaussian == null || photons == null
                || !jpegOk) {
            return null;
        }
        return new SensorSpec(exposure, whiteBalance, vignetting, blur, aberration, photons, gaussian, jpegQuality);
    }

    /** A whole number in [1, 100], or a distribution of whole numbers in it. */
    private ScalarSampler jpegQuality(YamlNode node, String path) {
        ScalarSampler sampler = samplers.scalar(node, path, Interval.closed(Sensor.MIN_JPEG_QUALITY, Sensor.MAX_JPEG_QUALITY));
        if (sampler != null && !sampler.integral()) {
            values.problems().add(node, path, sampler.describe() + " can produce fractions; a JPEG quality is a whole "
                    + "number 1..100: a number, {uniform_int: [a, b]} or {choice: [...]}");
            return null;
        }
        return sampler;
    }

    private ScalarSampler optional(MapFields fields, String key, Interval allowed, ScalarSampler fallback) {
        return fields.has(key) ? samplers.scalar(fields.get(key), fields.path(key), allowed) : fallback;
    }
}
