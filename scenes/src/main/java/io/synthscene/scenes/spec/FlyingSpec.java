package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ScalarSampler;

/**
 * A group's {@code flying} option as written: every object of the group floats at a random place
 * in the camera's view, above the ground, in a uniformly random orientation.
 *
 * @param depthMeters values > 0: distance along the camera's viewing axis
 */
public record FlyingSpec(ScalarSampler depthMeters) {
}
