package io.synthscene.scenes.parse;

import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;
import io.synthscene.scenes.spec.LayoutSpec;
import io.synthscene.scenes.spec.LayoutSpec.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the optional {@code layout} section: the kind of road and its sizes. The cross-section
 * ({@link LayoutSpec#RANDOM_SIZES}: lane, parking and sidewalk widths, kerb height) may be
 * distributions, drawn per frame; the other sizes are plain numbers. Surface colours may be
 * distributions. Keys that belong to another kind are errors, as are sizes that cannot be built
 * (a bend tighter than the road is wide, a junction behind the camera), checked for the widest
 * road the distributions can draw.
 */
final class LayoutSpecReader {
    static final List<String> KEYS = List.of("kind", "lanes_per_direction", "lane_width_m", "parking_width_m",
            "kerb_height_m", "sidewalk_width_m", "arm_length_m", "junction_distance_m", "curve_radius_m", "curve_angle_deg",
            "curve_start_m", "crossings", "crossing_at_m", "centre_line", "colors");
    private static final List<String> JUNCTION_KEYS = List.of("junction_distance_m");
    private static final List<String> CURVE_KEYS = List.of("curve_radius_m", "curve_angle_deg", "curve_start_m");
    private static final List<String> NO_JUNCTION_KEYS = List.of("crossing_at_m");
    /** Space kept between the junction's near corner and the origin, and at the far end of a road. */
    static final double CLEARANCE_METERS = 5;

    private final Values values;
    private final SamplerReader samplers;

    LayoutSpecReader(Values values) {
        this.values = values;
        this.samplers = new SamplerReader(values);
    }

    /** @param node the section, or null when the file has none (then null, and no problem) */
    LayoutSpec read(YamlNode node, String path) {
        if (node == null) {
            return null;
        }
        MapFields fields = MapFields.open(node, path, values, KEYS);
        if (fields == null) {
            return null;
        }
        int before = values.problems().count();
        YamlNode kindNode = fields.require("kind");
        Kind kind = kindNode == null ? null : kind(kindNode, fields.path("kind"));
        if (kind != null) {
            misplaced(fields, kind != Kind.T_JUNCTION && kind != Kind.FOUR_WAY, JUNCTION_KEYS, "t_junction and four_way");
            misplaced(fields, kind != Kind.CURVE, CURVE_KEYS, "curve");
            misplaced(fields, kind == Kind.T_JUNCTION || kind == Kind.FOUR_WAY, NO_JUNCTION_KEYS, "straight and curve");
        }
        Long lanes = fields.has("lanes_per_direction")
                ? values.integer(fields.get("lanes_per_direction"), fields.path("lanes_per_direction"), Interval.closed(1, 4)) : Long.valueOf(1);
        Map<String, ScalarSampler> randomSizes = new TreeMap<>();
        Double laneWidth = size(fields, "lane_width_m", Interval.closed(2, 6), 3.5, randomSizes);
        Double parking = size(fields, "parking_width_m", Interval.closed(0, 4), 0, randomSizes);
        Double kerb = size(fields, "kerb_height_m", Interval.closed(0.05, 0.4), 0.15, randomSizes);
        Double sidewalk = size(fields, "sidewalk_width_m", Interval.closed(1.5, 10), 3, randomSizes);
        Double arm = number(fields, "arm_length_m", Interval.closed(20, 1000), 80);
        Double junction = number(fields, "junction_distance_m", Interval.atLeast(0), 30);
        Double radius = number(fields, "curve_radius_m", Interval.above(0), 40);
        Double angle = number(fields, "curve_angle_deg", Interval.closed(-180, 180), 60);
        Double curveStart = number(fields, "curve_start_m", Interval.atLeast(0), 25);
        Double crossingAt = number(fields, "crossing_at_m", Interval.atLeast(0), 20);
        Boolean crossings = fields.has("crossings") ? values.bool(fields.get("crossings"), fields.path("crossings")) : Boolean.TRUE;
        Boolean solid = fields.has("centre_line") ? centreLine(fields.get("centre_line"), fields.path("centre_line")) : Boolean.FALSE;
        Map<String, VectorSampler> colors = fields.has("colors") ? colors(fields.get("colors"), fields.path("colors")) : Map.of();
        if (values.problems().count() > before || kind == null || colors == null) {
            return null;
        }
        LayoutSpec spec = new LayoutSpec(kind, lanes.intValue(), laneWidth, parking, kerb, sidewalk, arm, junction, radius, angle,
                curveStart, crossings, crossingAt, solid, colors, randomSizes);
        return buildable(spec, fields) ? spec : null;
    }

    /** Checks between sizes: each problem at the key whose value the user would change. */
    private boolean buildable(LayoutSpec spec, MapFields fields) {
        int before = values.problems().count();
        double half = spec.halfWidthMeters();
        switch (spec.kind()) {
            case T_JUNCTION, FOUR_WAY -> {
                if (spec.junctionDistanceMeters() < half + CLEARANCE_METERS) {
                    problem(fields, "junction_distance_m", "junction_distance_m " + fmt(spec.junctionDistanceMeters())
                            + " puts the junction's corners within " + fmt(CLEARANCE_METERS) + " m of the origin: need at least "
                            + fmtUp(half + CLEARANCE_METERS) + " (the road's half width with sidewalks is " + fmt(half)
                            + (spec.hasRandomSizes() ? " at its widest" : "") + ")");
                }
            }
            case CURVE -> {
                if (spec.curveRadiusMeters() <= half) {
                    problem(fields, "curve_radius_m", "curve_radius_m " + fmt(spec.curveRadiusMeters())
                            + " is not more than the road's half width with sidewalks, " + fmt(half)
                            + (spec.hasRandomSizes() ? " at its widest" : "") + ": the inside of the bend would fold over");
                }
                if (spec.curveAngleDegrees() == 0) {
                    problem(fields, "curve_angle_deg", "a curve must turn: 0 is a straight road (kind: straight)");
                }
                double bendEnd = spec.curveStartMeters() + spec.curveRadiusMeters() * Math.toRadians(Math.abs(spec.curveAngleDegrees()));
                if (bendEnd > spec.armLengthMeters() - CLEARANCE_METERS) {
                    problem(fields, "arm_length_m", "arm_length_m " + fmt(spec.armLengthMeters()) + " ends inside the bend, which ends "
                            + fmt(bendEnd) + " m ahead: need at least " + fmtUp(bendEnd + CLEARANCE_METERS));
                }
                crossingFits(spec, fields);
            }
            case STRAIGHT -> crossingFits(spec, fields);
        }
        return values.problems().count() == before;
    }

    private void crossingFits(LayoutSpec spec, MapFields fields) {
        double end = spec.crossingAtMeters() + io.synthscene.scenes.layout.LayoutPieces.CROSSING_LENGTH_METERS + CLEARANCE_METERS;
        if (spec.crossings() && end > spec.armLengthMeters()) {
            problem(fields, "crossing_at_m", "crossing_at_m " + fmt(spec.crossingAtMeters()) + " puts the crossing past the road's end at "
                    + fmt(spec.armLengthMeters()) + " m: need at most " + fmt(spec.armLengthMeters() - end + spec.crossingAtMeters()));
        }
    }

    private void problem(MapFields fields, String key, String message) {
        YamlNode at = fields.has(key) ? fields.get(key) : fields.map();
        values.problems().add(at, fields.path(key), message);
    }

    /** Metres to a tenth, enough to fix a size by; {@code up} rounds a bound the user must reach upwards. */
    private static String fmt(double v) {
        return io.synthscene.scenes.sampling.Numbers.format(Math.round(v * 10) / 10.0);
    }

    private static String fmtUp(double v) {
        return io.synthscene.scenes.sampling.Numbers.format(Math.ceil(v * 10 - 1e-9) / 10.0);
    }

    private void misplaced(MapFields fields, boolean wrongKind, List<String> keys, String kinds) {
        if (!wrongKind) {
            return;
        }
        for (String key : keys) {
            YamlMap.Entry entry = fields.entry(key);
            if (entry != null) {
                values.problems().add(entry.line(), entry.column(), fields.path(key), "'" + key + "' is only for kind " + kinds);
            }
        }
    }

    private Kind kind(YamlNode node, String path) {
        String text = values.text(node, path);
        if (text == null) {
            return null;
        }
        List<String> keys = Arrays.stream(Kind.values()).map(Kind::key).toList();
        for (Kind kind : Kind.values()) {
            if (kind.key().equals(text)) {
                return kind;
            }
        }
        values.problems().add(node, path, "unknown layout kind '" + YamlScalar.shown(text) + "'" + Suggestions.hint(text, keys));
        return null;
    }

    private Boolean centreLine(YamlNode node, String path) {
        String text = values.text(node, path);
        if (text == null) {
            return null;
        }
        if (!text.equals("solid") && !text.equals("dashed")) {
            values.problems().add(node, path, "centre_line must be solid or dashed, got '" + YamlScalar.shown(text) + "'"
                    + Suggestions.hint(text, List.of("solid", "dashed")));
            return null;
        }
        return text.equals("solid");
    }

    /**
     * A cross-section size: a number, or a distribution (recorded in {@code random}) whose largest
     * value is returned, so the checks between sizes hold for every road a frame can draw.
     */
    private Double size(MapFields fields, String key, Interval allowed, double fallback, Map<String, ScalarSampler> random) {
        if (!fields.has(key)) {
            return fallback;
        }
        ScalarSampler sampler = samplers.scalar(fields.get(key), fields.path(key), allowed);
        if (sampler == null) {
            return null;
        }
        if (sampler instanceof ConstantSampler) {
            return sampler.highest();
        }
        random.put(key, sampler);
        return sampler.highest();
    }

    private Double number(MapFields fields, String key, Interval allowed, double fallback) {
        return fields.has(key) ? values.number(fields.get(key), fields.path(key), allowed) : Double.valueOf(fallback);
    }

    private Map<String, VectorSampler> colors(YamlNode node, String path) {
        YamlMap map = values.map(node, path);
        if (map == null) {
            return null;
        }
        Map<String, VectorSampler> colors = new TreeMap<>();
        boolean valid = true;
        for (YamlMap.Entry entry : map.entries()) {
            String at = path + "." + entry.key();
            if (!LayoutSpec.SURFACES.contains(entry.key())) {
                values.problems().add(entry.line(), entry.column(), at, "unknown key '" + YamlScalar.shown(entry.key()) + "'"
                        + Suggestions.hint(entry.key(), LayoutSpec.SURFACES));
                valid = false;
                continue;
            }
            VectorSampler color = samplers.vector(entry.value(), at, 3, LightingSpecReader.COLOR);
            valid &= color != null;
            if (color != null) {
                colors.put(entry.key(), color);
            }
        }
        return valid ? colors : null;
    }
}
