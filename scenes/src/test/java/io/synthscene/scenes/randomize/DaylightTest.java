package io.synthscene.scenes.randomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Daylight;
import io.synthscene.scenes.frame.Ground;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.Vec3;
import org.junit.jupiter.api.Test;

class DaylightTest {
    private static final Rgb SKY = new Rgb(0.5, 0.7, 0.9);
    private static final Rgb WARM_SUN = Blackbody.linearSrgb(2500);

    private static Lighting sunAt(double elevationDegrees) {
        return new Lighting(0, elevationDegrees, 2, WARM_SUN, 0.4, new Rgb(0.6, 0.7, 0.8), SKY);
    }

    @Test
    void withTheSunAtTheZenithTheSkyIsExactlyTheSceneSkyColour() {
        assertThat(Daylight.horizonSky(sunAt(90))).isEqualTo(SKY);
        Vec3 light = Daylight.skyLight(sunAt(90));
        assertThat(light.x()).isCloseTo(0.4 * 0.6, within(1e-12));
        assertThat(light.z()).isCloseTo(0.4 * 0.8, within(1e-12));
    }

    @Test
    void theSkyGetsDarkerAndWarmerAsTheSunSinks() {
        double previousBrightness = Double.POSITIVE_INFINITY;
        double previousRedOverBlue = 0;
        for (double e : new double[] {90, 70, 45, 20, 5, 0, -6, -18}) {
            Rgb sky = Daylight.horizonSky(sunAt(e));
            double brightness = sky.r() + sky.g() + sky.b();
            assertThat(brightness).as("at %s deg", e).isLessThan(previousBrightness);
            assertThat(brightness).isGreaterThanOrEqualTo(0);
            previousBrightness = brightness;
            if (e >= 0) {
                assertThat(sky.r() / sky.b()).as("at %s deg", e).isGreaterThan(previousRedOverBlue - 1e-12);
                previousRedOverBlue = sky.r() / sky.b();
            }
        }
        assertThat(Daylight.skyBrightness(-18)).isZero();
        assertThat(Daylight.skyBrightness(0)).isCloseTo(0.1, within(1e-12));
        assertThat(Daylight.horizonWarmth(45)).isZero();
        assertThat(Daylight.horizonWarmth(0)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void groundBounceIsTheGroundAlbedoTimesTheLightItReceives() {
        Lighting light = new Lighting(0, 30, 2, new Rgb(1, 1, 1), 0.5, new Rgb(1, 1, 1), SKY);
        Ground ground = new Ground(100, new Material(new Rgb(0.2, 0.4, 0.1), 1));
        double sky = 0.5 * Daylight.skyBrightness(30);
        Vec3 bounce = Daylight.groundBounce(light, ground);
        assertThat(bounce.x()).isCloseTo(0.2 * (sky + 2 * 0.5), within(1e-12));
        assertThat(bounce.y()).isCloseTo(0.4 * (sky + 2 * 0.5), within(1e-12));
        assertThat(Daylight.groundBounce(light, null)).isEqualTo(Vec3.ZERO);
    }
}
