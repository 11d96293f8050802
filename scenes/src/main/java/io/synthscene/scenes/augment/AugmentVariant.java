package io.synthscene.scenes.augment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.synthscene.scenes.frame.Sensor;

/**
 * Every randomized value of one augmented variant of one photo, resolved: what was done to it,
 * written into the output COCO image entry so that a variant can be audited and made again.
 * Drawn by {@link AugmentRandomizer}; plain immutable data.
 *
 * @param sensor      null when the config has no sensor
 * @param jpegQuality null when the image is written as PNG
 * @param fog         null when the config has no fog
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AugmentVariant(Sensor sensor, @JsonProperty("jpeg_quality") Integer jpegQuality, Fog fog) {

    /**
     * @param visibilityM   meteorological visibility, metres; extinction β = 3.912 / visibilityM per metre
     * @param airlight      linear RGB in [0, 1]
     * @param groundPlane   the camera assumed where the image has no depth map
     */
    public record Fog(@JsonProperty("visibility_m") double visibilityM, double[] airlight,
                      @JsonProperty("ground_plane") GroundPlane groundPlane) {
        /** Koschmieder: contrast falls to 2 % (ln 50 ≈ 3.912) at the visibility distance. */
        public double extinctionPerMeter() {
            return 3.912 / visibilityM;
        }
    }

    /** See {@link io.synthscene.scenes.spec.AugmentSpec.GroundPlaneSpec} for meanings and units. */
    public record GroundPlane(@JsonProperty("camera_height_m") double cameraHeightM,
                              @JsonProperty("pitch_deg") double pitchDeg,
                              @JsonProperty("hfov_deg") double hfovDeg,
                              @JsonProperty("far_m") double farM) {
    }
}
