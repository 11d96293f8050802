package io.synthscene.scenes;

import static io.synthscene.scenes.SceneProblems.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Weather;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Rain and snow in the DSL: parsing with positions, their own streams, the frame's JSON. */
class PrecipitationTest {
    /** Line numbers in the problem tests refer to this text; the weather section starts on line 18. */
    private static final String BASE = """
            seed: 5
            frames: 10
            output: {width: 64, height: 48}
            categories:
              - {id: 1, name: car}
            camera:
              position: [{uniform: [-1, 1]}, 1.5, 0]
              hfov_deg: {uniform: [50, 80]}
            groups:
              - name: cars
                asset: vehicle
                category: car
                count: {uniform_int: [1, 4]}
                region: {x: [-5, 5], z: [-30, -5]}
                color: [{uniform: [0, 1]}, 0.5, 0.5]
            """;
    private static final String FOG = "weather:\n  fog: {visibility_m: {uniform: [50, 500]}}\n";
    private static final String WET = FOG + "  rain: {intensity: {uniform: [0.2, 1]}}\n"
            + "  snow: {intensity: {uniform: [0, 0.5]}, cover: {choice: [0.25, 0.75]}}\n  exposure_time_s: {choice: [0.01, 0.04]}\n";

    private static Scene scene(String yaml) throws SceneException {
        return SceneLoader.parse(yaml, "scene.yaml", null);
    }

    @Test
    void rainAndSnowAreDrawnIntoTheFrameWithinTheirRanges() throws SceneException {
        Scene wet = scene(BASE + WET);
        for (int i = 0; i < 10; i++) {
            Weather weather = wet.sampleFrame(i).weather();
            assertThat(weather.rainIntensity()).isBetween(0.2, 1.0);
            assertThat(weather.snowIntensity()).isBetween(0.0, 0.5);
            assertThat(weather.snowCover()).isIn(0.25, 0.75);
            assertThat(weather.exposureTimeSeconds()).isIn(0.01, 0.04);
        }
        assertThat(IntStream.range(0, 10).mapToObj(i -> wet.sampleFrame(i).weather().rainIntensity()).distinct().count())
                .isGreaterThan(1);
    }

    @Test
    void withoutRainOrSnowTheFrameHasNoWeatherAndSnowCoverAndExposureHaveDefaults() throws SceneException {
        assertThat(scene(BASE + FOG).sampleFrame(0).weather()).isNull();
        Weather snow = scene(BASE + "weather: {snow: {intensity: 0.3}}\n").sampleFrame(0).weather();
        assertThat(snow).isEqualTo(new Weather(null, 0.3, 0.5, Weather.DEFAULT_EXPOSURE_TIME_SECONDS));
        assertThat(snow.wetness()).isZero();
        assertThat(new Weather(0.1, null, null, 0.01).wetness()).isEqualTo(0.4);
        assertThat(new Weather(0.5, null, null, 0.01).rainStreaks()).isEqualTo(Weather.MAX_RAIN_STREAKS / 2);
    }

    @Test
    void addingRainAndSnowChangesNoOtherDraw() throws SceneException {
        Scene foggy = scene(BASE + FOG);
        Scene wet = scene(BASE + WET);
        for (int i = 0; i < 10; i++) {
            Frame a = foggy.sampleFrame(i);
            Frame b = wet.sampleFrame(i);
            assertThat(b.withWeather(null)).isEqualTo(a);
        }
    }

    @Test
    void aFrameWithWeatherSurvivesAJsonRoundTripAndOneWithoutWritesNone() throws SceneException {
        Frame frame = scene(BASE + WET).sampleFrame(3);
        byte[] json = FrameJson.toJson(frame);
        assertThat(FrameJson.fromJson(json)).isEqualTo(frame);
        assertThat(new String(json, StandardCharsets.UTF_8))
                .contains("\"weather\"", "\"rain_intensity\"", "\"snow_intensity\"", "\"snow_cover\"", "\"exposure_time_s\"");
        Frame snowOnly = scene(BASE + "weather: {snow: {intensity: 0.3}}\n").sampleFrame(3);
        assertThat(new String(FrameJson.toJson(snowOnly), StandardCharsets.UTF_8)).doesNotContain("rain_intensity");
        assertThat(FrameJson.fromJson(FrameJson.toJson(snowOnly))).isEqualTo(snowOnly);
        Frame clear = scene(BASE).sampleFrame(3);
        assertThat(new String(FrameJson.toJson(clear), StandardCharsets.UTF_8)).doesNotContain("\"weather\"");
    }

    @Test
    void mistakesInRainAndSnowArePositioned() {
        assertThat(problems(BASE + WET)).isEmpty();
        assertThat(problems(BASE + "weather: {rain: {intensity: 1.5}}\n"))
                .containsExactly("scene.yaml:16:29: weather.rain.intensity: 1.5 is outside [0, 1]");
        assertThat(problems(BASE + "weather: {rain: {intensty: 0.5}}\n"))
                .containsExactly("scene.yaml:16:17: weather.rain.intensity: missing required field 'intensity'",
                        "scene.yaml:16:18: weather.rain.intensty: unknown key 'intensty', did you mean 'intensity'?");
        assertThat(problems(BASE + "weather: {snow: {intensity: 0.5, cover: {uniform: [0.5, 2]}}}\n"))
                .containsExactly("scene.yaml:16:41: weather.snow.cover: {uniform: [0.5, 2]} can produce 2, outside [0, 1]");
        assertThat(problems(BASE + "weather: {snow: {intensity: 0.5}, exposure_time_s: 0}\n"))
                .containsExactly("scene.yaml:16:52: weather.exposure_time_s: 0 is outside (0, 1]");
    }
}
