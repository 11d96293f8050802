package io.synthscene.scenes.parse;

import io.synthscene.scenes.sampling.ComponentVectorSampler;
import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;
import io.synthscene.scenes.spec.GroundSpec;
import io.synthscene.scenes.spec.TextureSpec;
import java.util.List;

/** Reads the optional {@code ground} section: size_m (default 200), color, roughness, texture. */
final class GroundSpecReader {
    static final List<String> KEYS = List.of("size_m", "color", "roughness", "texture");
    static final double DEFAULT_SIZE_METERS = 200;

    private final Values values;
    private final SamplerReader samplers;

    GroundSpecReader(Values values) {
        this.values = values;
        this.samplers = new SamplerReader(values);
    }

    /** @param node the section, or null when the file has none */
    GroundSpec read(YamlNode node, String path) {
        MapFields fields = node == null ? null : MapFields.open(node, path, values, KEYS);
        if (node != null && fields == null) {
            return null;
        }
        ScalarSampler size = fields != null && fields.has("size_m")
                ? samplers.scalar(fields.get("size_m"), fields.path("size_m"), Interval.above(0))
                : new ConstantSampler(DEFAULT_SIZE_METERS);
        VectorSampler color = fields != null && fields.has("color")
                ? samplers.vector(fields.get("color"), fields.path("color"), 3, LightingSpecReader.COLOR)
                : ComponentVectorSampler.constant(0.3, 0.3, 0.3);
        ScalarSampler roughness = fields != null && fields.has("roughness")
                ? samplers.scalar(fields.get("roughness"), fields.path("roughness"), Interval.closed(0, 1))
                : new ConstantSampler(0.9);
        TextureSpec texture = fields != null && fields.has("texture")
                ? new TextureSpecReader(values).read(fields.get("texture"), fields.path("texture")) : null;
        boolean textureValid = fields == null || !fields.has("texture") || texture != null;
        return size == null || color == null || roughness == null || !textureValid ? null
                : new GroundSpec(size, color, roughness, texture);
    }
}
