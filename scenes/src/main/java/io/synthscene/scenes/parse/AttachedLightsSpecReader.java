package io.synthscene.scenes.parse;

import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.spec.AttachedLightsSpec;
import io.synthscene.scenes.spec.AttachedLightsSpec.AttachedLamp;
import io.synthscene.scenes.spec.BuiltinAssets;
import io.synthscene.scenes.spec.LampSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a group's {@code lights} option: {@code probability} (share of objects with their lights
 * on, default 1) and the lamps the group's asset kind has: {@code headlights} and
 * {@code tail_lights} on built-in vehicles, {@code lamp} on street lamps. Each lamp takes the
 * {@link LampSpecReader} keys (all optional: the defaults below) and {@code emission}, the
 * strength its lamp surfaces glow with.
 */
final class AttachedLightsSpecReader {
    static final List<String> KEYS = List.of("probability", "headlights", "tail_lights", "lamp");
    static final List<String> LAMP_KEYS;

    static {
        List<String> keys = new ArrayList<>(LampSpecReader.KEYS);
        keys.add("emission");
        LAMP_KEYS = List.copyOf(keys);
    }

    /** Low beams: warm white, about 15,000 cd on the axis, a 10/30 degree cone. */
    static final LampSpecReader.Defaults HEADLIGHTS = new LampSpecReader.Defaults(new double[] {1, 0.93, 0.8}, 15_000.0, 60, 10, 30);
    /** Tail lights (not brake lights): red, about 15 cd, wide. */
    static final LampSpecReader.Defaults TAIL_LIGHTS = new LampSpecReader.Defaults(new double[] {1, 0, 0}, 15.0, 8, 30, 80);
    /** A street lamp: warm white, about 3,000 cd straight down, wide. */
    static final LampSpecReader.Defaults STREET_LAMP = new LampSpecReader.Defaults(new double[] {1, 0.85, 0.65}, 3_000.0, 35, 45, 75);
    static final double HEADLIGHT_EMISSION = 10;
    static final double TAIL_LIGHT_EMISSION = 2;
    static final double STREET_LAMP_EMISSION = 10;

    private final Values values;
    private final SamplerReader samplers;
    private final LampSpecReader lamps;

    AttachedLightsSpecReader(Values values) {
        this.values = values;
        this.samplers = new SamplerReader(values);
        this.lamps = new LampSpecReader(values);
    }

    /** Built-in kinds with front and rear lamps and a known box: cars, trucks, buses. */
    static boolean hasVehicleLamps(String kind) {
        return BuiltinAssets.slots(kind).contains("light_front")
                && BuiltinAssets.paramNames(kind).containsAll(List.of("length_m", "width_m", "height_m"));
    }

    static boolean hasStreetLampHead(String kind) {
        return BuiltinAssets.slots(kind).contains("lamp") && BuiltinAssets.paramNames(kind).contains("arm_length_m");
    }

    /**
     * @param kind the group's asset kind, or null when the asset itself was wrong (then only the
     *             section's own shape is checked)
     * @return the spec, or null after problems
     */
    AttachedLightsSpec read(YamlNode node, String path, String kind) {
        MapFields fields = MapFields.open(node, path, values, KEYS);
        if (fields == null) {
            return null;
        }
        ScalarSampler probability = fields.has("probability")
                ? samplers.scalar(fields.get("probability"), fields.path("probability"), Interval.closed(0, 1))
                : new ConstantSampler(1);
        boolean valid = probability != null;
        AttachedLamp head = null;
        AttachedLamp tail = null;
        AttachedLamp street = null;
        if (fields.has("headlights")) {
            valid &= fits(fields, "headlights", kind, kind == null || hasVehicleLamps(kind), "a built-in car, truck or bus");
            head = lamp(fields, "headlights", HEADLIGHTS, HEADLIGHT_EMISSION);
            valid &= head != null;
        }
        if (fields.has("tail_lights")) {
            valid &= fits(fields, "tail_lights", kind, kind == null || hasVehicleLamps(kind), "a built-in car, truck or bus");
            tail = lamp(fields, "tail_lights", TAIL_LIGHTS, TAIL_LIGHT_EMISSION);
            valid &= tail != null;
        }
        if (fields.has("lamp")) {
            valid &= fits(fields, "lamp", kind, kind == null || hasStreetLampHead(kind), "street_lamp");
            street = lamp(fields, "lamp", STREET_LAMP, STREET_LAMP_EMISSION);
            valid &= street != null;
        }
        if (valid && head == null && tail == null && street == null) {
            values.problems().add(node, path, "no lamp given: add headlights or tail_lights (vehicles) or lamp (street_lamp)");
            valid = false;
        }
        return valid ? new AttachedLightsSpec(probability, head, tail, street) : null;
    }

    /** Lights per object at most, for the frame's light limit. */
    static int lightsPerObject(AttachedLightsSpec spec) {
        return (spec.headlights() != null ? 2 : 0) + (spec.tailLights() != null ? 2 : 0) + (spec.streetLamp() != null ? 1 : 0);
    }

    private boolean fits(MapFields fields, String key, String kind, boolean fits, String needs) {
        if (!fits) {
            YamlMap.Entry at = fields.entry(key);
            values.problems().add(at.line(), at.column(), fields.path(key), "the group's asset '" + kind + "' has no " + key
                    + " (only " + needs + " has)");
        }
        return fits;
    }

    private AttachedLamp lamp(MapFields parent, String key, LampSpecReader.Defaults defaults, double emission) {
        MapFields fields = MapFields.open(parent.get(key), parent.path(key), values, LAMP_KEYS);
        if (fields == null) {
            return null;
        }
        LampSpec lamp = lamps.read(fields, true, defaults);
        ScalarSampler strength = fields.has("emission")
                ? samplers.scalar(fields.get("emission"), fields.path("emission"), Interval.atLeast(0))
                : new ConstantSampler(emission);
        return lamp == null || strength == null ? null : new AttachedLamp(lamp, strength);
    }
}
