package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Resolved lighting of a frame: a directional sun, a hemisphere of sky light above and ground
 * bounce below (see {@link Daylight}), the sky behind everything, sun shadows and fog.
 *
 * <p>The sun's azimuth is measured in degrees from world -Z (the default view direction) towards
 * +X, i.e. clockwise seen from above; elevation in degrees above the horizon. Intensities are
 * unitless multipliers of the colours. {@code ambientColor} x {@code ambientIntensity} and
 * {@code skyColor} are the sky's light and colour with the sun at the zenith; {@link Daylight}
 * derives the values at the frame's sun elevation.
 *
 * @param sunTemperatureKelvin the colour temperature {@code sunColor} was computed from, or null
 *                             when the scene gave the colour directly (recorded for audits)
 * @param fogVisibilityMeters  meteorological visibility of a uniform fog (Koschmieder), or null
 *                             for a clear atmosphere
 */
public record Lighting(
        @JsonProperty("sun_azimuth_deg") double sunAzimuthDegrees,
        @JsonProperty("sun_elevation_deg") double sunElevationDegrees,
        @JsonProperty("sun_intensity") double sunIntensity,
        @JsonProperty("sun_color") Rgb sunColor,
        @JsonProperty("sun_temperature_k") Double sunTemperatureKelvin,
        @JsonProperty("ambient_intensity") double ambientIntensity,
        @JsonProperty("ambient_color") Rgb ambientColor,
        @JsonProperty("sky_color") Rgb skyColor,
        Shadows shadows,
        @JsonProperty("fog_visibility_m") Double fogVisibilityMeters) {

    @JsonCreator
    public Lighting {
        shadows = shadows == null ? Shadows.OFF : shadows;
        if (fogVisibilityMeters != null && !(fogVisibilityMeters > 0)) {
            throw new IllegalArgumentException("fog visibility " + fogVisibilityMeters + " m is not positive");
        }
        Objects.requireNonNull(sunColor, "sunColor");
    }

    /** Sun, ambient and sky only: no temperature recorded, no shadows, no fog. */
    public Lighting(double sunAzimuthDegrees, double sunElevationDegrees, double sunIntensity, Rgb sunColor,
                    double ambientIntensity, Rgb ambientColor, Rgb skyColor) {
        this(sunAzimuthDegrees, sunElevationDegrees, sunIntensity, sunColor, null, ambientIntensity, ambientColor,
                skyColor, Shadows.OFF, null);
    }

    public Lighting withShadows(Shadows newShadows) {
        return new Lighting(sunAzimuthDegrees, sunElevationDegrees, sunIntensity, sunColor, sunTemperatureKelvin,
                ambientIntensity, ambientColor, skyColor, newShadows, fogVisibilityMeters);
    }

    /** @param visibilityMeters null for no fog */
    public Lighting withFog(Double visibilityMeters) {
        return new Lighting(sunAzimuthDegrees, sunElevationDegrees, sunIntensity, sunColor, sunTemperatureKelvin,
                ambientIntensity, ambientColor, skyColor, shadows, visibilityMeters);
    }

    /** Unit vector from the ground towards the sun, in world space. */
    public Vec3 directionToSun() {
        double az = Math.toRadians(sunAzimuthDegrees);
        double el = Math.toRadians(sunElevationDegrees);
        double horizontal = Math.cos(el);
        return new Vec3(horizontal * Math.sin(az), Math.sin(el), -horizontal * Math.cos(az));
    }
}
