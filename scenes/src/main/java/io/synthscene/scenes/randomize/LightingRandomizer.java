package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.spec.LightingSpec;
import java.util.SplittableRandom;

/**
 * Draws the lighting of a frame. From the {@code lighting} stream, in this order: sun azimuth,
 * elevation, intensity, colour (when the scene gives a colour), then ambient intensity, colour,
 * then sky colour. A sun temperature is drawn from its own stream, so giving one leaves every
 * other lighting draw as it was. Shadows are not random.
 */
public final class LightingRandomizer {
    private LightingRandomizer() {
    }

    /**
     * @param random            the {@code lighting} stream
     * @param temperatureRandom the {@code lighting/sun_temperature} stream
     */
    public static Lighting sample(LightingSpec spec, SplittableRandom random, SplittableRandom temperatureRandom) {
        double azimuth = spec.sunAzimuthDegrees().sample(random);
        double elevation = spec.sunElevationDegrees().sample(random);
        double intensity = spec.sunIntensity().sample(random);
        Rgb sunColor;
        Double kelvin = null;
        if (spec.sunColor() != null) {
            sunColor = Colors.rgb(spec.sunColor(), random);
        } else {
            kelvin = spec.sunTemperatureKelvin().sample(temperatureRandom);
            sunColor = Blackbody.linearSrgb(kelvin);
        }
        return new Lighting(azimuth, elevation, intensity, sunColor, kelvin,
                spec.ambientIntensity().sample(random),
                Colors.rgb(spec.ambientColor(), random),
                Colors.rgb(spec.skyColor(), random),
                spec.shadows(),
                null);
    }
}
