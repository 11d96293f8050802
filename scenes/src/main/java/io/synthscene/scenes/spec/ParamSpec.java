package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.ScalarSampler;

/**
 * One shape parameter of a built-in asset kind: its default distribution and the values the
 * assets module can build a mesh from.
 *
 * @param whole true when only whole numbers are allowed (a choice among shapes, a count)
 */
public record ParamSpec(String name, ScalarSampler defaultValue, Interval allowed, String description, boolean whole) {
    public ParamSpec(String name, ScalarSampler defaultValue, Interval allowed, String description) {
        this(name, defaultValue, allowed, description, false);
    }
}
