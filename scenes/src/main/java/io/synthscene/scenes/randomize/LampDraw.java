package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.LocalLight;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.Vec3;
import io.synthscene.scenes.spec.LampSpec;
import java.util.SplittableRandom;

/**
 * What one draw of a {@link LampSpec} gave: colour (and the temperature it came from), intensity,
 * range and cones. Drawn in this order: colour or temperature, intensity, range, inner cone,
 * outer cone (the cones for spots only). Placed as many times as the lamp has places (a vehicle's
 * two headlights share one draw).
 */
record LampDraw(Rgb color, Double temperatureKelvin, double intensityCandela, double rangeMeters,
                Double innerConeDegrees, Double outerConeDegrees) {

    static LampDraw sample(LampSpec spec, SplittableRandom random) {
        Rgb color;
        Double kelvin = null;
        if (spec.color() != null) {
            color = Colors.rgb(spec.color(), random);
        } else {
            kelvin = spec.temperatureKelvin().sample(random);
            color = Blackbody.linearSrgb(kelvin);
        }
        double intensity = spec.intensityCandela().sample(random);
        double range = spec.rangeMeters().sample(random);
        Double inner = spec.isSpot() ? spec.innerConeDegrees().sample(random) : null;
        Double outer = spec.isSpot() ? spec.outerConeDegrees().sample(random) : null;
        return new LampDraw(color, kelvin, intensity, range, inner, outer);
    }

    /** This lamp at {@code position}, pointing along {@code direction} (unit; ignored for a point light). */
    LocalLight at(String source, Vec3 position, Vec3 direction) {
        boolean spot = outerConeDegrees != null;
        return new LocalLight(spot ? LocalLight.Kind.SPOT : LocalLight.Kind.POINT, source, position, spot ? direction : null,
                color, temperatureKelvin, intensityCandela, rangeMeters, innerConeDegrees, outerConeDegrees);
    }
}
