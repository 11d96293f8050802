package io.synthscene.scenes.parse;

import io.synthscene.scenes.Limits;
import io.synthscene.scenes.layout.LayoutPieces;
import io.synthscene.scenes.layout.RoadNetwork;
import io.synthscene.scenes.spec.GroupSpec;
import io.synthscene.scenes.spec.SceneSpec;
import io.synthscene.scenes.sampling.PoissonSampler;
import io.synthscene.scenes.sampling.ScalarSampler;

/**
 * Checks a scene against the {@link Limits} of this run: frames, image size and objects per
 * frame. Works on the YAML tree, beside the section readers, so that a scene with a typo and too
 * many objects gets both problems at once; values the readers reject (not whole numbers, out of
 * their own range) are left to them. Each problem says which setting lifts the limit.
 */
public final class LimitChecks {
    private final Limits limits;
    private final Problems problems;

    private LimitChecks(Limits limits, Problems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    public static void check(YamlNode root, Problems problems, Limits limits) {
        if (root instanceof YamlMap map) {
            LimitChecks checks = new LimitChecks(limits, problems);
            checks.frames(map.get("frames"));
            checks.imageSize(map.get("output"));
            checks.objects(map.get("groups"));
        }
    }

    private void frames(YamlNode node) {
        Long frames = wholeNumber(node);
        if (frames != null && frames > limits.maxFrames()) {
            problems.add(node, "frames", frames + " frames is more than " + limits.maxFrames() + " "
                    + Limits.howToRaise(Limits.Setting.MAX_FRAMES));
        }
    }

    private void imageSize(YamlNode node) {
        if (!(node instanceof YamlMap output)) {
            return;
        }
        Long width = side(output.get("width"), "output.width");
        Long height = side(output.get("height"), "output.height");
        if (width != null && height != null && width <= limits.maxImageSide() && height <= limits.maxImageSide()
                && width * height > limits.maxImagePixels()) {
            problems.add(output, "output", width + " x " + height + " is " + width * height + " pixels, more than "
                    + limits.maxImagePixels() + " " + Limits.howToRaise(Limits.Setting.MAX_IMAGE_PIXELS));
        }
    }

    private Long side(YamlNode node, String path) {
        Long side = wholeNumber(node);
        if (side != null && side > limits.maxImageSide()) {
            problems.add(node, path, side + " pixels is more than " + limits.maxImageSide() + " "
                    + Limits.howToRaise(Limits.Setting.MAX_IMAGE_SIDE));
        }
        return side;
    }

    /** The sum over groups of the most objects each group's count can draw. */
    private void objects(YamlNode node) {
        if (!(node instanceof YamlList groups)) {
            return;
        }
        double total = 0;
        for (YamlNode group : groups.items()) {
            if (!(group instanceof YamlMap map)) {
                continue;
            }
            YamlNode count = map.get("count");
            total += count == null ? 1 : most(count);
        }
        if (total > limits.maxObjectsPerFrame()) {
            problems.add(groups, "groups", "the groups can place up to " + (long) total
                    + " objects in one frame, more than " + limits.maxObjectsPerFrame() + " "
                    + Limits.howToRaise(Limits.Setting.MAX_OBJECTS_PER_FRAME));
        }
    }

    /**
     * The objects-per-frame limit once the scene is read: the layout's pieces are objects too, and
     * a class balance multiplies counts. Only for a scene whose text passed {@link #check} (so the
     * problem is not reported twice); {@code root} is where the problem is reported.
     */
    public static void checkResolved(SceneSpec spec, YamlNode root, Problems problems, Limits limits) {
        double total = spec.layout() == null ? 0 : LayoutPieces.of(new RoadNetwork(spec.layout())).size();
        for (GroupSpec group : spec.groups()) {
            double factor = spec.classBalance() == null || group.category() == null
                    ? 1 : spec.classBalance().countFactors().getOrDefault(group.category().name(), 1.0);
            total += Math.ceil(most(group.count()) * factor);
        }
        if (total > limits.maxObjectsPerFrame()) {
            problems.add(root, "", "the layout's pieces and the groups (with class_balance's factors) can place up to " + (long) total
                    + " objects in one frame, more than " + limits.maxObjectsPerFrame() + " "
                    + Limits.howToRaise(Limits.Setting.MAX_OBJECTS_PER_FRAME));
        }
    }

    /** The most objects a count can draw; 0 for a count the group reader rejects (it reports it). */
    private static double most(YamlNode count) {
        ScalarSampler sampler = new SamplerReader(new Values(new Problems(""))).count(count, "");
        return sampler == null ? 0 : most(sampler);
    }

    private static double most(ScalarSampler sampler) {
        if (sampler instanceof PoissonSampler poisson) {
            double lambda = poisson.lambda();
            return Math.ceil(lambda + 10 * Math.sqrt(lambda) + 10);
        }
        return sampler.highest();
    }

    private static Long wholeNumber(YamlNode node) {
        if (node instanceof YamlScalar scalar && scalar.kind() == YamlScalar.Kind.INTEGER
                && scalar.number() instanceof java.math.BigInteger value && value.bitLength() <= 63) {
            return value.longValue();
        }
        return null;
    }
}
