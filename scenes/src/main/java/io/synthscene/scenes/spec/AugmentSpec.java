package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;

/**
 * An augment config file as written (the {@code --config} of {@code synthscene augment}): which
 * effects to apply to real photos, each randomizable with the scene DSL's distributions. Made by
 * the augment loader; immutable.
 *
 * @param seed        every drawn value depends on (seed, source image id, variant) only
 * @param sensor      the camera sensor, exactly as a scene's {@code sensor} section; null for none
 * @param jpegQuality JPEG quality 1..100 the images are written at; null writes lossless PNG
 * @param fog         null for no fog
 * @param anonymize   how {@code --anonymize} hides regions; {@link AnonymizeSpec#DEFAULT} when absent
 * @param insert      rendered objects composited into the photos; null for none
 * @param weather     rain, snow, night and glare; {@link PhotoWeatherSpec#NONE} when the config has none
 */
public record AugmentSpec(long seed, SensorSpec sensor, ScalarSampler jpegQuality, FogSpec fog, AnonymizeSpec anonymize,
                          InsertSpec insert, PhotoWeatherSpec weather) {

    /**
     * Fog on a photo: Koschmieder's law with a per-pixel distance.
     *
     * @param visibilityM meteorological visibility in metres (extinction β = 3.912 / visibility)
     * @param airlight    the fog's colour, linear RGB, each in [0, 1]
     * @param groundPlane where an image has no depth map: the camera over a flat ground
     */
    public record FogSpec(ScalarSampler visibilityM, VectorSampler airlight, GroundPlaneSpec groundPlane) {
    }

    /**
     * A camera over flat ground, for the distance of each pixel when no depth map is given.
     *
     * @param cameraHeightM height of the camera above the ground, metres (> 0)
     * @param pitchDeg      downward tilt of the viewing axis, degrees (0 = level, positive looks down)
     * @param hfovDeg       horizontal field of view, degrees, in (0, 180)
     * @param farM          distance given to pixels on or above the horizon, and the most any pixel gets
     */
    public record GroundPlaneSpec(ScalarSampler cameraHeightM, ScalarSampler pitchDeg, ScalarSampler hfovDeg,
                                  ScalarSampler farM) {
    }

    /**
     * @param method     how labelled regions are hidden
     * @param strengthPx Gaussian standard deviation (blur) or block side (pixelate), in pixels
     */
    public record AnonymizeSpec(Method method, double strengthPx) {
        public static final AnonymizeSpec DEFAULT = new AnonymizeSpec(Method.BLUR, 12);

        public enum Method { BLUR, PIXELATE }
    }
}
