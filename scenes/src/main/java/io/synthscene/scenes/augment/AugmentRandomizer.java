package io.synthscene.scenes.augment;

import io.synthscene.scenes.random.FrameRandom;
import io.synthscene.scenes.randomize.SensorRandomizer;
import io.synthscene.scenes.spec.AugmentSpec;
import io.synthscene.scenes.spec.AugmentSpec.GroundPlaneSpec;
import java.util.SplittableRandom;

/**
 * Draws the effects of one variant of one photo. The generator of each concern is
 * {@link FrameRandom#stream}(config seed, source image id, "augment/v{variant}/{concern}"), so a
 * variant depends on (seed, source image id, variant) alone: not on the order of the images in
 * the COCO file, on which other images are there, or on how many variants are asked for; and
 * adding an effect to the config leaves the draws of the others unchanged.
 */
public final class AugmentRandomizer {
    private AugmentRandomizer() {
    }

    public static AugmentVariant sample(AugmentSpec spec, long sourceImageId, int variant) {
        Integer quality = spec.jpegQuality() == null ? null
                : (int) Math.round(spec.jpegQuality().sample(stream(spec, sourceImageId, variant, "jpeg")));
        AugmentVariant.Fog fog = null;
        if (spec.fog() != null) {
            SplittableRandom random = stream(spec, sourceImageId, variant, "fog");
            double visibility = spec.fog().visibilityM().sample(random);
            double[] airlight = spec.fog().airlight().sample(random);
            GroundPlaneSpec g = spec.fog().groundPlane();
            fog = new AugmentVariant.Fog(visibility, airlight, new AugmentVariant.GroundPlane(
                    g.cameraHeightM().sample(random), g.pitchDeg().sample(random), g.hfovDeg().sample(random),
                    g.farM().sample(random)));
        }
        return new AugmentVariant(SensorRandomizer.sample(spec.sensor(), stream(spec, sourceImageId, variant, "sensor")),
                quality, fog);
    }

    /**
     * The seed the sensor's noise is keyed by for this variant (the engine draws its noise key
     * from (this seed, frame 0)): distinct per (config seed, image, variant).
     */
    public static long noiseSeed(AugmentSpec spec, long sourceImageId, int variant) {
        return stream(spec, sourceImageId, variant, "sensor/noise").nextLong();
    }

    static SplittableRandom stream(AugmentSpec spec, long sourceImageId, int variant, String concern) {
        return FrameRandom.stream(spec.seed(), sourceImageId, "augment/v" + variant + "/" + concern);
    }
}
