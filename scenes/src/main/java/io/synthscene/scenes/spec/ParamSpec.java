package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.ScalarSampler;

/**
 * One shape parameter of a built-in asset kind: its default distribution and the values the
 * assets module can build a mesh from.
 */
public record ParamSpec(String name, ScalarSampler defaultValue, Interval allowed, String description) {
}
