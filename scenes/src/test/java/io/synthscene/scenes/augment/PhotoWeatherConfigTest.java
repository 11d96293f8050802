package io.synthscene.scenes.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthscene.scenes.AugmentLoader;
import io.synthscene.scenes.SceneException;
import io.synthscene.scenes.frame.Weather;
import io.synthscene.scenes.spec.AugmentSpec;
import io.synthscene.scenes.spec.PhotoWeatherSpec;
import org.junit.jupiter.api.Test;

/**
 * The weather, night and glare sections of the augment config: the scene DSL's distributions,
 * defaults, positioned problems, and draws that leave the other effects' draws alone.
 */
class PhotoWeatherConfigTest {
    private static final String FULL = """
            seed: 11
            fog:
              visibility_m: {uniform: [30, 300]}
              ground_plane: {camera_height_m: 1.2, pitch_deg: {uniform: [-3, 3]}}
            weather:
              rain: {intensity: {uniform: [0.1, 0.6]}}
              snow: {intensity: 0.3, cover: {uniform: [0, 1]}}
              exposure_time_s: {choice: [0.004, 0.033]}
            night: {exposure_ev: {uniform: [-5, -2]}, blue_shift: 0.8, glow_radius_px: 4}
            glare: {strength: {uniform: [0.2, 0.6]}, sun: [0.7, {uniform: [-0.2, 0.3]}], veil: 0.03}
            """;

    @Test
    void aFullConfigReadsEverySectionWithItsDefaults() throws SceneException {
        PhotoWeatherSpec spec = AugmentLoader.parse(FULL, "augment.yaml").weather();
        assertThat(spec.weather().rainIntensity().describe()).isEqualTo("{uniform: [0.1, 0.6]}");
        assertThat(spec.weather().groundPlane()).as("none of its own: the fog's is used").isNull();
        assertThat(spec.night().lampThreshold().sample(null)).isEqualTo(0.8);
        assertThat(spec.night().glowStrength().sample(null)).isEqualTo(1.0);
        assertThat(spec.glare().radius().sample(null)).isEqualTo(0.05);
        assertThat(spec.glare().threshold().sample(null)).isEqualTo(0.9);
    }

    @Test
    void withoutTheSectionsNothingIsDrawn() throws SceneException {
        AugmentSpec spec = AugmentLoader.parse("seed: 3\n", "augment.yaml");
        assertThat(spec.weather()).isEqualTo(PhotoWeatherSpec.NONE);
        assertThat(PhotoWeatherRandomizer.sample(spec, null, 1, 0)).isEqualTo(new PhotoWeather(null, null, null));
    }

    @Test
    void drawsStayInsideTheirDistributionsAndTheWeatherSeesThroughTheFogsCamera() throws SceneException {
        AugmentSpec spec = AugmentLoader.parse(FULL, "augment.yaml");
        for (int image = 1; image <= 200; image++) {
            AugmentVariant variant = AugmentRandomizer.sample(spec, image, 0);
            PhotoWeather drawn = PhotoWeatherRandomizer.sample(spec, variant.fog(), image, 0);
            assertThat(drawn.weather().rainIntensity()).isBetween(0.1, 0.6);
            assertThat(drawn.weather().snowCover()).isBetween(0.0, 1.0);
            assertThat(drawn.weather().exposureTimeSeconds()).isIn(0.004, 0.033);
            assertThat(drawn.weather().groundPlane()).isEqualTo(variant.fog().groundPlane());
            assertThat(drawn.night().exposureEv()).isBetween(-5.0, -2.0);
            assertThat(drawn.glare().sun()[1]).isBetween(-0.2, 0.3);
        }
    }

    @Test
    void withoutFogOrItsOwnGroundPlaneTheWeatherUsesTheDefaultCamera() throws SceneException {
        AugmentSpec spec = AugmentLoader.parse("seed: 1\nweather: {rain: {intensity: 0.2}}\n", "augment.yaml");
        PhotoWeather drawn = PhotoWeatherRandomizer.sample(spec, null, 4, 0);
        assertThat(drawn.weather().groundPlane()).isEqualTo(new AugmentVariant.GroundPlane(1.5, 0, 60, 1000));
        assertThat(drawn.weather().exposureTimeSeconds()).isEqualTo(Weather.DEFAULT_EXPOSURE_TIME_SECONDS);
        assertThat(drawn.weather().snowIntensity()).isNull();
    }

    @Test
    void addingWeatherNightAndGlareLeavesTheOtherDrawsAlone() throws SceneException {
        String without = FULL.substring(0, FULL.indexOf("weather:"));
        AugmentSpec plain = AugmentLoader.parse(without, "augment.yaml");
        AugmentSpec full = AugmentLoader.parse(FULL, "augment.yaml");
        assertThat(AugmentRandomizer.sample(full, 9, 2)).usingRecursiveComparison().isEqualTo(AugmentRandomizer.sample(plain, 9, 2));
        // and the night's draws do not depend on whether there is rain
        AugmentSpec nightOnly = AugmentLoader.parse(FULL.replaceAll("(?s)weather:.*?night:", "night:"), "augment.yaml");
        assertThat(PhotoWeatherRandomizer.sample(nightOnly, null, 9, 2).night())
                .isEqualTo(PhotoWeatherRandomizer.sample(full, null, 9, 2).night());
        assertThat(PhotoWeatherRandomizer.sample(full, null, 9, 2).weather().particleKey())
                .isNotEqualTo(PhotoWeatherRandomizer.sample(full, null, 9, 3).weather().particleKey());
    }

    @Test
    void problemsNameFileLineColumnAndFieldAllAtOnce() {
        String text = """
                seed: 1
                weather:
                  rain: {intensity: 1.5}
                  snwo: {intensity: 0.2}
                  exposure_time_s: 0
                night: {exposure_ev: 2, glow: 3}
                glare: {sun: [0.5, 0.5, 0.5], strenght: 1}
                nigth: {}
                """;
        assertThatThrownBy(() -> AugmentLoader.parse(text, "augment.yaml"))
                .isInstanceOf(SceneException.class)
                .hasMessage(String.join("\n",
                        "augment.yaml:3:21: weather.rain.intensity: 1.5 is outside [0, 1]",
                        "augment.yaml:4:3: weather.snwo: unknown key 'snwo', did you mean 'snow'?",
                        "augment.yaml:5:20: weather.exposure_time_s: 0 is outside (0, 1]",
                        "augment.yaml:6:22: night.exposure_ev: 2 is outside [-12, 0]",
                        "augment.yaml:6:25: night.glow: unknown key 'glow', did you mean 'glow_radius_px'?",
                        "augment.yaml:7:14: glare.sun: expected 2 values, got 3",
                        "augment.yaml:7:31: glare.strenght: unknown key 'strenght', did you mean 'strength'?",
                        "augment.yaml:8:1: nigth: unknown key 'nigth', did you mean 'night'?"));
    }

    @Test
    void aWeatherSectionWithNeitherRainNorSnowIsRefused() {
        assertThatThrownBy(() -> AugmentLoader.parse("seed: 1\nweather:\n  exposure_time_s: 0.01\n", "a.yaml"))
                .hasMessage("a.yaml:3:3: weather: has neither rain nor snow; give at least one (fog is its own section)");
    }
}
