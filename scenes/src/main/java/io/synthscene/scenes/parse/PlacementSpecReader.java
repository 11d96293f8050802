package io.synthscene.scenes.parse;

import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.spec.LayoutSpec;
import io.synthscene.scenes.spec.PlacementSpec;
import io.synthscene.scenes.spec.ZoneSpec;
import io.synthscene.scenes.spec.ZoneSpec.Zone;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a group's placement keys: {@code on} (a zone of the scene's layout, instead of
 * {@code region}), {@code arm}, {@code lane}, {@code distance_m} and {@code visible_from_camera}.
 * The zone is checked against the layout: it must exist, name arms the layout has and a lane
 * within its lanes per direction, and offer room ({@code parking} needs a parking strip,
 * {@code crossing} crossings).
 */
final class PlacementSpecReader {
    private final Values values;
    private final LayoutSpec layout;
    private final boolean layoutBroken;

    /** @param layoutBroken the layout section was given but has problems (reported there): zones are not checked against it */
    PlacementSpecReader(Values values, LayoutSpec layout, boolean layoutBroken) {
        this.values = values;
        this.layout = layout;
        this.layoutBroken = layoutBroken;
    }

    /** The placement, or null after reporting a problem. */
    PlacementSpec read(MapFields fields) {
        int before = values.problems().count();
        ZoneSpec zone = null;
        if (fields.has("on")) {
            zone = zone(fields);
        } else {
            for (String key : List.of("arm", "lane")) {
                YamlMap.Entry entry = fields.entry(key);
                if (entry != null) {
                    values.problems().add(entry.line(), entry.column(), fields.path(key), "'" + key + "' needs 'on' (a zone of the layout)");
                }
            }
        }
        double[] distance = fields.has("distance_m") ? distance(fields.get("distance_m"), fields.path("distance_m"))
                : new double[] {0, Double.POSITIVE_INFINITY};
        Boolean visible = fields.has("visible_from_camera")
                ? values.bool(fields.get("visible_from_camera"), fields.path("visible_from_camera")) : Boolean.FALSE;
        if (values.problems().count() > before || distance == null || visible == null) {
            return null;
        }
        return new PlacementSpec(zone, distance[0], distance[1], visible);
    }

    private ZoneSpec zone(MapFields fields) {
        YamlNode node = fields.get("on");
        String path = fields.path("on");
        YamlMap.Entry region = fields.entry("region");
        if (region != null) {
            values.problems().add(region.line(), region.column(), fields.path("region"),
                    "give 'region' or 'on', not both: 'on' places the group on the layout");
        }
        String text = values.text(node, path);
        if (text == null) {
            return null;
        }
        List<String> keys = Arrays.stream(Zone.values()).map(Zone::key).toList();
        Zone zone = Arrays.stream(Zone.values()).filter(z -> z.key().equals(text)).findFirst().orElse(null);
        if (zone == null) {
            values.problems().add(node, path, "unknown zone '" + YamlScalar.shown(text) + "'" + Suggestions.hint(text, keys));
            return null;
        }
        if (layout == null && layoutBroken) {
            // the scene is refused for its layout's problems; nothing here to check the zone against
            return new ZoneSpec(zone, List.of(), null);
        }
        if (layout == null) {
            values.problems().add(node, path, "'on: " + text + "' needs a layout section: the zones are parts of the road layout");
            return null;
        }
        if (zone == Zone.PARKING && layout.parkingWidthMeters() == 0) {
            values.problems().add(node, path, "the layout has no parking strips: set layout.parking_width_m");
            return null;
        }
        if (zone == Zone.CROSSING && !layout.crossings()) {
            values.problems().add(node, path, "the layout has no crossings (layout.crossings is false)");
            return null;
        }
        List<String> arms = fields.has("arm") ? arms(fields.get("arm"), fields.path("arm")) : layout.kind().arms();
        Integer lane = fields.has("lane") ? lane(fields, zone) : null;
        if (arms == null || (fields.has("lane") && lane == null)) {
            return null;
        }
        return new ZoneSpec(zone, arms, lane);
    }

    /** {@code arm: east} or {@code arm: [south, north]}: arms of the layout, in the layout's order. */
    private List<String> arms(YamlNode node, String path) {
        List<YamlNode> items = node instanceof YamlList list ? list.items() : List.of(node);
        if (items.isEmpty()) {
            values.problems().add(node, path, "name at least one arm (omit arm for all of them)");
            return null;
        }
        List<String> known = layout.kind().arms();
        List<String> named = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < items.size(); i++) {
            String at = node instanceof YamlList ? path + "[" + i + "]" : path;
            String text = values.text(items.get(i), at);
            if (text == null) {
                valid = false;
            } else if (!known.contains(text)) {
                values.problems().add(items.get(i), at, "layout " + layout.kind().key() + " has no arm '" + YamlScalar.shown(text) + "'"
                        + Suggestions.hint(text, known));
                valid = false;
            } else {
                named.add(text);
            }
        }
        return valid ? known.stream().filter(named::contains).toList() : null;
    }

    private Integer lane(MapFields fields, Zone zone) {
        YamlNode node = fields.get("lane");
        String path = fields.path("lane");
        if (!zone.isLane()) {
            values.problems().add(node, path, "'lane' is only for on: lane and on: oncoming_lane");
            return null;
        }
        Long lane = values.integer(node, path, Interval.closed(1, layout.lanesPerDirection()));
        return lane == null ? null : lane.intValue();
    }

    /** {@code [min, max]}, metres, 0 <= min <= max. */
    private double[] distance(YamlNode node, String path) {
        YamlList list = values.list(node, path);
        if (list == null) {
            return null;
        }
        if (list.items().size() != 2) {
            values.problems().add(node, path, "expected [min, max], got " + list.items().size() + " values");
            return null;
        }
        Double min = values.number(list.items().get(0), path + "[0]", Interval.atLeast(0));
        Double max = values.number(list.items().get(1), path + "[1]", Interval.atLeast(0));
        if (min == null || max == null) {
            return null;
        }
        if (min > max) {
            values.problems().add(node, path, "[" + io.synthscene.scenes.sampling.Numbers.format(min) + ", "
                    + io.synthscene.scenes.sampling.Numbers.format(max) + "] is reversed: need min <= max");
            return null;
        }
        return new double[] {min, max};
    }
}
