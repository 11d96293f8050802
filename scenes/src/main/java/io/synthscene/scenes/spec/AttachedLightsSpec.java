package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ScalarSampler;

/**
 * A group's {@code lights} option as written: lamps every object of the group carries, placed
 * from the asset's shape parameters (see {@code LampMounts} in the randomizers). Vehicles carry
 * {@code headlights} (two spots looking forward) and {@code tailLights} (two spots looking
 * backward); a street lamp carries {@code streetLamp} (one spot looking down from its head).
 * Absent lamps are null; the loader has checked that the group's asset kind has them.
 *
 * @param probability the share of the group's objects whose lights are on, in [0, 1]
 */
public record AttachedLightsSpec(
        ScalarSampler probability,
        AttachedLamp headlights,
        AttachedLamp tailLights,
        AttachedLamp streetLamp) {

    /**
     * One kind of lamp on an object: the light it gives, and how strongly the lamp's own surfaces
     * glow while it is on.
     *
     * @param emissionStrength the lamp slot's emission strength (its colour is the light's)
     */
    public record AttachedLamp(LampSpec lamp, ScalarSampler emissionStrength) {
    }
}
