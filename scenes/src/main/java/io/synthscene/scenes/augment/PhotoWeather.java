package io.synthscene.scenes.augment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.synthscene.scenes.augment.AugmentVariant.GroundPlane;
import io.synthscene.scenes.frame.Weather;

/**
 * The rain, snow, night and glare drawn for one variant of one photo (see
 * {@link io.synthscene.scenes.spec.PhotoWeatherSpec} for meanings and units), written beside the
 * other effects into the variant's COCO {@code augment.effects} block. Drawn by
 * {@link PhotoWeatherRandomizer}; plain immutable data. Each part is null when not configured.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhotoWeather(Precipitation weather, Night night, Glare glare) {

    /**
     * Rain and snow with the meanings, ranges and constants of a rendered frame's {@link Weather}.
     *
     * @param rainIntensity       [0, 1], or null for no rain
     * @param snowIntensity       [0, 1], or null for no snow
     * @param snowCover           [0, 1], or null without snow
     * @param exposureTimeSeconds shutter time, seconds: a particle is drawn over the path it falls in it
     * @param groundPlane         the camera the particles are seen from, and the pixels' distances without a depth map
     * @param particleKey         seeds the particles' positions
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Precipitation(@JsonProperty("rain_intensity") Double rainIntensity,
                                @JsonProperty("snow_intensity") Double snowIntensity,
                                @JsonProperty("snow_cover") Double snowCover,
                                @JsonProperty("exposure_time_s") double exposureTimeSeconds,
                                @JsonProperty("ground_plane") GroundPlane groundPlane,
                                @JsonProperty("particle_key") long particleKey) {
        /** The same values as the record a rendered frame carries, for its constants and derived values. */
        @JsonIgnore
        public Weather particles() {
            return new Weather(rainIntensity, snowIntensity, snowCover, exposureTimeSeconds);
        }
    }

    public record Night(@JsonProperty("exposure_ev") double exposureEv,
                        @JsonProperty("blue_shift") double blueShift,
                        @JsonProperty("lamp_threshold") double lampThreshold,
                        @JsonProperty("glow_radius_px") double glowRadiusPx,
                        @JsonProperty("glow_strength") double glowStrength) {
    }

    /** @param sun null: the glare comes from the image's brightest pixels */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Glare(double strength, double radius, double threshold, double[] sun, double veil) {
    }
}
