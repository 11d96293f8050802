package io.synthscene.scenes.parse;

import io.synthscene.scenes.frame.Texture;
import io.synthscene.scenes.sampling.ComponentVectorSampler;
import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;
import io.synthscene.scenes.spec.TextureSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code texture} map (on a group or the ground): {@code kind} (required: checker, stripes,
 * noise or a choice of them), {@code scale_m} (default 0.5), {@code colors} (two colours, default
 * near-white and near-black) and {@code angle_deg} (default 0). Returns null after reporting.
 */
final class TextureSpecReader {
    static final List<String> KEYS = List.of("kind", "scale_m", "colors", "angle_deg");
    static final double DEFAULT_SCALE_METERS = 0.5;

    private final Values values;
    private final SamplerReader samplers;

    TextureSpecReader(Values values) {
        this.values = values;
        this.samplers = new SamplerReader(values);
    }

    TextureSpec read(YamlNode node, String path) {
        MapFields fields = MapFields.open(node, path, values, KEYS);
        if (fields == null) {
            return null;
        }
        YamlNode kindNode = fields.require("kind");
        ScalarSampler kind = kindNode == null ? null : samplers.wordChoice(kindNode, fields.path("kind"), Texture.KINDS);
        ScalarSampler scale = fields.has("scale_m")
                ? samplers.scalar(fields.get("scale_m"), fields.path("scale_m"), Interval.above(0))
                : new ConstantSampler(DEFAULT_SCALE_METERS);
        List<VectorSampler> colors = fields.has("colors") ? colors(fields.get("colors"), fields.path("colors"))
                : List.of(ComponentVectorSampler.constant(0.8, 0.8, 0.8), ComponentVectorSampler.constant(0.05, 0.05, 0.05));
        ScalarSampler angle = fields.has("angle_deg")
                ? samplers.scalar(fields.get("angle_deg"), fields.path("angle_deg"), Interval.ANY)
                : new ConstantSampler(0);
        if (kind == null || scale == null || colors == null || angle == null) {
            return null;
        }
        return new TextureSpec(kind, scale, colors, angle);
    }

    /** {@code [[r, g, b], [r, g, b]]}: exactly two randomizable colours. */
    private List<VectorSampler> colors(YamlNode node, String path) {
        YamlList list = values.list(node, path);
        if (list == null) {
            return null;
        }
        if (list.items().size() != 2) {
            values.problems().add(node, path, "expected 2 colours, got " + list.items().size());
            return null;
        }
        List<VectorSampler> colors = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            colors.add(samplers.vector(list.items().get(i), path + "[" + i + "]", 3, LightingSpecReader.COLOR));
        }
        return colors.contains(null) ? null : colors;
    }
}
