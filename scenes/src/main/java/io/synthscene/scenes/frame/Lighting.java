package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
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
 * @param lights               point and spot lights: the scene's own, then those attached to
 *                             objects, in object order; at most {@link #MAX_LOCAL_LIGHTS}; written
 *                             to the frame JSON only when there are some
 * @param exposure             the scene exposure applied in the colour pass before the 8-bit
 *                             encoding, or null for none (written only when present)
 * @param sky                  the sky drawn behind the scene (gradient, clouds), or null for the
 *                             one-colour horizon sky (written only when present)
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
        @JsonProperty("fog_visibility_m") Double fogVisibilityMeters,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<LocalLight> lights,
        @JsonInclude(JsonInclude.Include.NON_NULL) Exposure exposure,
        @JsonInclude(JsonInclude.Include.NON_NULL) Sky sky) {

    /**
     * Most point and spot lights in one frame. The colour pass loops over all of them in every
     * pixel (they live in a shader storage buffer, which has no small fixed size), so this bounds
     * the cost of a frame rather than any GL limit; the scene loader refuses a scene that could
     * exceed it.
     */
    public static final int MAX_LOCAL_LIGHTS = 1024;

    @JsonCreator
    public Lighting {
        shadows = shadows == null ? Shadows.OFF : shadows;
        lights = lights == null ? List.of() : List.copyOf(lights);
        if (lights.size() > MAX_LOCAL_LIGHTS) {
            throw new IllegalArgumentException(lights.size() + " local lights, more than " + MAX_LOCAL_LIGHTS);
        }
        if (fogVisibilityMeters != null && !(fogVisibilityMeters > 0)) {
            throw new IllegalArgumentException("fog visibility " + fogVisibilityMeters + " m is not positive");
        }
        Objects.requireNonNull(sunColor, "sunColor");
    }

    /** No sky: the one-colour horizon sky behind everything. */
    public Lighting(double sunAzimuthDegrees, double sunElevationDegrees, double sunIntensity, Rgb sunColor,
                    Double sunTemperatureKelvin, double ambientIntensity, Rgb ambientColor, Rgb skyColor, Shadows shadows,
                    Double fogVisibilityMeters, List<LocalLight> lights, Exposure exposure) {
        this(sunAzimuthDegrees, sunElevationDegrees, sunIntensity, sunColor, sunTemperatureKelvin, ambientIntensity,
                ambientColor, skyColor, shadows, fogVisibilityMeters, lights, exposure, null);
    }

    /** No local lights, no scene exposure. */
    public Lighting(double sunAzimuthDegrees, double sunElevationDegrees, double sunIntensity, Rgb sunColor,
                    Double sunTemperatureKelvin, double ambientIntensity, Rgb ambientColor, Rgb skyColor, Shadows shadows,
                    Double fogVisibilityMeters) {
        this(sunAzimuthDegrees, sunElevationDegrees, sunIntensity, sunColor, sunTemperatureKelvin, ambientIntensity,
                ambientColor, skyColor, shadows, fogVisibilityMeters, List.of(), null);
    }

    /** Sun, ambient and sky only: no temperature recorded, no shadows, no fog. */
    public Lighting(double sunAzimuthDegrees, double sunElevationDegrees, double sunIntensity, Rgb sunColor,
                    double ambientIntensity, Rgb ambientColor, Rgb skyColor) {
        this(sunAzimuthDegrees, sunElevationDegrees, sunIntensity, sunColor, null, ambientIntensity, ambientColor,
                skyColor, Shadows.OFF, null);
    }

    public Lighting withShadows(Shadows newShadows) {
        return new Lighting(sunAzimuthDegrees, sunElevationDegrees, sunIntensity, sunColor, sunTemperatureKelvin,
                ambientIntensity, ambientColor, skyColor, newShadows, fogVisibilityMeters, lights, exposure, sky);
    }

    /** @param visibilityMeters null for no fog */
    public Lighting withFog(Double visibilityMeters) {
        return new Lighting(sunAzimuthDegrees, sunElevationDegrees, sunIntensity, sunColor, sunTemperatureKelvin,
                ambientIntensity, ambientColor, skyColor, shadows, visibilityMeters, lights, exposure, sky);
    }

    public Lighting withLights(List<LocalLight> newLights) {
        return new Lighting(sunAzimuthDegrees, sunElevationDegrees, sunIntensity, sunColor, sunTemperatureKelvin,
                ambientIntensity, ambientColor, skyColor, shadows, fogVisibilityMeters, newLights, exposure, sky);
    }

    /** @param newExposure null for none */
    public Lighting withExposure(Exposure newExposure) {
        return new Lighting(sunAzimuthDegrees, sunElevationDegrees, sunIntensity, sunColor, sunTemperatureKelvin,
                ambientIntensity, ambientColor, skyColor, shadows, fogVisibilityMeters, lights, newExposure, sky);
    }

    /** @param newSky null for the one-colour horizon sky */
    public Lighting withSky(Sky newSky) {
        return new Lighting(sunAzimuthDegrees, sunElevationDegrees, sunIntensity, sunColor, sunTemperatureKelvin,
                ambientIntensity, ambientColor, skyColor, shadows, fogVisibilityMeters, lights, exposure, newSky);
    }

    /** Linear gain of the scene exposure: 2^ev, 1 without one. */
    public double exposureGain() {
        return exposure == null ? 1 : exposure.gain();
    }

    /** Unit vector from the ground towards the sun, in world space. */
    public Vec3 directionToSun() {
        double az = Math.toRadians(sunAzimuthDegrees);
        double el = Math.toRadians(sunElevationDegrees);
        double horizontal = Math.cos(el);
        return new Vec3(horizontal * Math.sin(az), Math.sin(el), -horizontal * Math.cos(az));
    }
}
