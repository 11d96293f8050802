package io.synthscene.scenes.parse;

import io.synthscene.scenes.frame.IgnoreThresholds;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.spec.GroupSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code min_visibility} (a number in [0, 1]) and {@code min_visible_pixels} (a whole
 * number >= 0) at the top level and on each group (where they replace the scene's, key by key):
 * fixed thresholds, not distributions, since they decide what a label means rather than what a
 * frame looks like.
 */
final class IgnoreThresholdsReader {
    private final Values values;

    IgnoreThresholdsReader(Values values) {
        this.values = values;
    }

    /** The thresholds read; {@link #resolve} names the groups' once they are known. */
    record Read(IgnoreThresholds.Limits scene, List<IgnoreThresholds.Limits> byGroupIndex) {
        /** @param groups the groups read, in file order (only called when there were no problems) */
        IgnoreThresholds resolve(List<GroupSpec> groups) {
            Map<String, IgnoreThresholds.Limits> named = new LinkedHashMap<>();
            for (int i = 0; i < groups.size() && i < byGroupIndex.size(); i++) {
                if (byGroupIndex.get(i) != null) {
                    named.put(groups.get(i).name(), byGroupIndex.get(i));
                }
            }
            if (scene.equals(IgnoreThresholds.Limits.NONE) && named.isEmpty()) {
                return null;
            }
            return new IgnoreThresholds(scene, named);
        }
    }

    Read read(MapFields top, YamlNode groupsNode) {
        IgnoreThresholds.Limits scene = limits(top);
        List<IgnoreThresholds.Limits> byGroup = new ArrayList<>();
        if (groupsNode instanceof YamlList list) {
            for (int i = 0; i < list.items().size(); i++) {
                IgnoreThresholds.Limits own = null;
                if (list.items().get(i) instanceof YamlMap map
                        && (map.entry("min_visibility") != null || map.entry("min_visible_pixels") != null)) {
                    own = limits(map, "groups[" + i + "]");
                }
                byGroup.add(own);
            }
        }
        return new Read(scene == null ? IgnoreThresholds.Limits.NONE : scene, byGroup);
    }

    private IgnoreThresholds.Limits limits(MapFields fields) {
        return limits(fields.map(), fields.path());
    }

    private IgnoreThresholds.Limits limits(YamlMap map, String path) {
        Double visibility = null;
        Long pixels = null;
        if (map.get("min_visibility") != null) {
            visibility = values.number(map.get("min_visibility"), MapFields.child(path, "min_visibility"),
                    Interval.closed(0, 1));
        }
        if (map.get("min_visible_pixels") != null) {
            pixels = values.integer(map.get("min_visible_pixels"), MapFields.child(path, "min_visible_pixels"),
                    Interval.atLeast(0));
        }
        return new IgnoreThresholds.Limits(visibility, pixels);
    }
}
