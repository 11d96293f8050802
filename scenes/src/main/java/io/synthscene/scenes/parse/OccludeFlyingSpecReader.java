package io.synthscene.scenes.parse;

import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.spec.FlyingSpec;
import io.synthscene.scenes.spec.OccludeSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a group's {@code occlude} and {@code flying} options, the two ways of placing a group's
 * objects relative to the camera's view rather than in a region or on a zone of the layout (those
 * are read by {@link PlacementSpecReader}). Target names must name groups earlier in the file: groups are
 * placed in file order, so only those are in the frame when the occluders are placed.
 */
final class OccludeFlyingSpecReader {
    static final List<String> OCCLUDE_KEYS = List.of("targets", "coverage", "distance_fraction");
    static final List<String> FLYING_KEYS = List.of("depth_m");
    /** Where along the camera to target line an occluder stands when the scene does not say. */
    static final double DEFAULT_DISTANCE_FRACTION = 0.5;

    private final Values values;
    private final SamplerReader samplers;

    OccludeFlyingSpecReader(Values values) {
        this.values = values;
        this.samplers = new SamplerReader(values);
    }

    /** {@code occlude: {targets: [cars], coverage: ..., distance_fraction: ...}}; null after reporting. */
    OccludeSpec occlude(YamlNode node, String path, List<String> earlierGroups) {
        MapFields fields = MapFields.open(node, path, values, OCCLUDE_KEYS);
        if (fields == null) {
            return null;
        }
        List<String> targets = targets(fields, earlierGroups);
        YamlNode coverageNode = fields.require("coverage");
        ScalarSampler coverage = coverageNode == null ? null
                : samplers.scalar(coverageNode, fields.path("coverage"), Interval.closed(0, 1));
        ScalarSampler fraction = fields.has("distance_fraction")
                ? samplers.scalar(fields.get("distance_fraction"), fields.path("distance_fraction"), Interval.open(0, 1))
                : new ConstantSampler(DEFAULT_DISTANCE_FRACTION);
        if (targets == null || coverage == null || fraction == null) {
            return null;
        }
        return new OccludeSpec(targets, coverage, fraction);
    }

    /** {@code flying: {depth_m: ...}}; null after reporting. */
    FlyingSpec flying(YamlNode node, String path) {
        MapFields fields = MapFields.open(node, path, values, FLYING_KEYS);
        if (fields == null) {
            return null;
        }
        YamlNode depthNode = fields.require("depth_m");
        ScalarSampler depth = depthNode == null ? null
                : samplers.scalar(depthNode, fields.path("depth_m"), Interval.above(0));
        return depth == null ? null : new FlyingSpec(depth);
    }

    private List<String> targets(MapFields fields, List<String> earlierGroups) {
        YamlNode node = fields.require("targets");
        if (node == null) {
            return null;
        }
        String path = fields.path("targets");
        YamlList list = values.list(node, path);
        if (list == null) {
            return null;
        }
        if (list.items().isEmpty()) {
            values.problems().add(node, path, "name at least one group");
            return null;
        }
        List<String> targets = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String itemPath = path + "[" + i + "]";
            String name = values.text(item, itemPath);
            if (name == null) {
                valid = false;
            } else if (!earlierGroups.contains(name)) {
                values.problems().add(item, itemPath, "'" + YamlScalar.shown(name) + "' is not a group before this one"
                        + Suggestions.hint(name, earlierGroups) + " (targets must be placed first: list them earlier)");
                valid = false;
            } else {
                targets.add(name);
            }
        }
        return valid ? targets : null;
    }
}
