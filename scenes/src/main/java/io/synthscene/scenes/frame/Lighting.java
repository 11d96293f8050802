package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Resolved lighting of a frame: a directional sun plus a uniform ambient term.
 *
 * <p>The sun's azimuth is measured in degrees from world -Z (the default view direction) towards
 * +X, i.e. clockwise seen from above; elevation in degrees above the horizon. Intensities are
 * unitless multipliers of the colours.
 */
public record Lighting(
        @JsonProperty("sun_azimuth_deg") double sunAzimuthDegrees,
        @JsonProperty("sun_elevation_deg") double sunElevationDegrees,
        @JsonProperty("sun_intensity") double sunIntensity,
        @JsonProperty("sun_color") Rgb sunColor,
        @JsonProperty("ambient_intensity") double ambientIntensity,
        @JsonProperty("ambient_color") Rgb ambientColor,
        @JsonProperty("sky_color") Rgb skyColor) {

    /** Unit vector from the ground towards the sun, in world space. */
    public Vec3 directionToSun() {
        double az = Math.toRadians(sunAzimuthDegrees);
        double el = Math.toRadians(sunElevationDegrees);
        double horizontal = Math.cos(el);
        return new Vec3(horizontal * Math.sin(az), Math.sin(el), -horizontal * Math.cos(az));
    }
}
