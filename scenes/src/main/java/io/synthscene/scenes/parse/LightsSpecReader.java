package io.synthscene.scenes.parse;

import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.VectorSampler;
import io.synthscene.scenes.spec.LampSpec;
import io.synthscene.scenes.spec.LightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the optional top-level {@code lights} list: point and spot lights at world positions.
 * {@code type} (point, the default, or spot), {@code position} (required), {@code direction}
 * (spots only, required there), and the {@link LampSpecReader} keys.
 */
final class LightsSpecReader {
    static final List<String> KINDS = List.of("point", "spot");
    static final List<String> KEYS;

    static {
        List<String> keys = new ArrayList<>(List.of("type", "position", "direction"));
        keys.addAll(LampSpecReader.KEYS);
        KEYS = List.copyOf(keys);
    }

    /** A scene light without colour, range or cones: white, 30 m, a 25/35 degree spot. */
    static final LampSpecReader.Defaults DEFAULTS = new LampSpecReader.Defaults(new double[] {1, 1, 1}, null, 30, 25, 35);

    private final Values values;
    private final SamplerReader samplers;
    private final LampSpecReader lamps;

    LightsSpecReader(Values values) {
        this.values = values;
        this.samplers = new SamplerReader(values);
        this.lamps = new LampSpecReader(values);
    }

    /** @param node the list, or null when the file has none; null after problems */
    List<LightSpec> read(YamlNode node, String path) {
        if (node == null) {
            return List.of();
        }
        YamlList list = values.list(node, path);
        if (list == null) {
            return null;
        }
        if (list.items().size() > Lighting.MAX_LOCAL_LIGHTS) {
            values.problems().add(node, path, list.items().size() + " lights, more than " + Lighting.MAX_LOCAL_LIGHTS
                    + " in one frame");
            return null;
        }
        List<LightSpec> lights = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < list.items().size(); i++) {
            LightSpec light = light(list.items().get(i), path + "[" + i + "]");
            valid &= light != null;
            lights.add(light);
        }
        return valid ? lights : null;
    }

    private LightSpec light(YamlNode node, String path) {
        MapFields fields = MapFields.open(node, path, values, KEYS);
        if (fields == null) {
            return null;
        }
        Boolean spot = Boolean.FALSE;
        if (fields.has("type")) {
            String type = values.text(fields.get("type"), fields.path("type"));
            if (type != null && !KINDS.contains(type)) {
                values.problems().add(fields.get("type"), fields.path("type"), "unknown light type '" + YamlScalar.shown(type)
                        + "'" + Suggestions.hint(type, KINDS) + " (point or spot)");
                type = null;
            }
            spot = type == null ? null : Boolean.valueOf(type.equals("spot"));
        }
        YamlNode positionNode = fields.require("position");
        VectorSampler position = positionNode == null ? null
                : samplers.vector(positionNode, fields.path("position"), 3, Interval.ANY);
        if (spot == null) {
            return null;
        }
        VectorSampler direction = null;
        boolean directionValid = true;
        if (spot) {
            YamlNode directionNode = fields.require("direction");
            direction = directionNode == null ? null
                    : samplers.vector(directionNode, fields.path("direction"), 3, Interval.ANY);
            if (direction != null && canBeZero(direction)) {
                values.problems().add(directionNode, fields.path("direction"),
                        "can be [0, 0, 0], which points nowhere: keep one component away from 0");
                direction = null;
            }
            directionValid = direction != null;
        } else if (fields.has("direction")) {
            values.problems().add(fields.entry("direction").line(), fields.entry("direction").column(),
                    fields.path("direction"), "a point light has no direction (make it a spot: type: spot)");
            directionValid = false;
        }
        LampSpec lamp = lamps.read(fields, spot, DEFAULTS);
        if (position == null || !directionValid || lamp == null) {
            return null;
        }
        return new LightSpec(position, direction, lamp);
    }

    /** True when every component's range holds 0, so that a draw could be the zero vector. */
    private static boolean canBeZero(VectorSampler v) {
        for (int i = 0; i < v.size(); i++) {
            if (v.lowest(i) > 0 || v.highest(i) < 0) {
                return false;
            }
        }
        return true;
    }
}
