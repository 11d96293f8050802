package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ScalarSampler;
import java.util.List;

/**
 * A group's {@code occlude} option as written: every object of the group stands between the
 * camera and an object of the target groups, sideways so that it covers about {@code coverage} of
 * the target's image width.
 *
 * @param targets          names of groups earlier in the file, at least one
 * @param coverage         values in [0, 1]
 * @param distanceFraction values in (0, 1): where along the camera to target line the occluder's
 *                         origin lies (0 at the camera, 1 at the target)
 */
public record OccludeSpec(List<String> targets, ScalarSampler coverage, ScalarSampler distanceFraction) {
    public OccludeSpec {
        targets = List.copyOf(targets);
    }
}
