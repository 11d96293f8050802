package io.synthscene.scenes;

import static io.synthscene.scenes.SceneProblems.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.Shadows;
import io.synthscene.scenes.randomize.Blackbody;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Sun temperature, shadows and fog: parsing with positions, sampling from their own streams, JSON. */
class LightingAndWeatherTest {
    /** Line numbers in the problem tests refer to this text. */
    private static final String BASE = """
            seed: 3
            frames: 10
            output: {width: 64, height: 48}
            categories:
              - {id: 1, name: car}
            camera:
              position: [{uniform: [-1, 1]}, 1.5, 0]
              hfov_deg: {uniform: [50, 80]}
            lighting:
              sun:
                elevation_deg: {uniform: [5, 70]}
                color: [1, 0.9, 0.8]
              ambient: {intensity: {uniform: [0.2, 0.5]}}
            groups:
              - name: cars
                asset: vehicle
                category: car
                count: {uniform_int: [1, 4]}
                region: {x: [-5, 5], z: [-30, -5]}
                color: [{uniform: [0, 1]}, 0.5, 0.5]
            """;

    private static final String WITH_EVERYTHING = BASE
            .replace("    color: [1, 0.9, 0.8]\n", "    temperature_k: {uniform: [2000, 10000]}\n")
            .replace("  ambient: {intensity: {uniform: [0.2, 0.5]}}\n",
                    "  ambient: {intensity: {uniform: [0.2, 0.5]}}\n  shadows: {map_size: 1024, max_distance_m: 60}\n")
            + "weather:\n  fog: {visibility_m: {choice: [25, 60, 200]}}\n";

    private static Scene scene(String yaml) throws SceneException {
        return SceneLoader.parse(yaml, "scene.yaml", null);
    }

    private static String edit(String from, String to) {
        assertThat(BASE).contains(from);
        return BASE.replace(from, to);
    }

    @Test
    void temperatureShadowsAndFogAreRecordedInTheFrame() throws SceneException {
        Scene scene = scene(WITH_EVERYTHING);
        for (int i = 0; i < 10; i++) {
            Lighting light = scene.sampleFrame(i).lighting();
            assertThat(light.sunTemperatureKelvin()).isBetween(2000.0, 10000.0);
            assertThat(light.sunColor()).isEqualTo(Blackbody.linearSrgb(light.sunTemperatureKelvin()));
            assertThat(light.shadows()).isEqualTo(new Shadows(true, 1024, 60));
            assertThat(light.fogVisibilityMeters()).isIn(25.0, 60.0, 200.0);
        }
        Lighting plain = scene(BASE).sampleFrame(0).lighting();
        assertThat(plain.sunTemperatureKelvin()).isNull();
        assertThat(plain.shadows().enabled()).isFalse();
        assertThat(plain.fogVisibilityMeters()).isNull();
    }

    @Test
    void addingTemperatureShadowsAndFogChangesNoOtherDraw() throws SceneException {
        Scene plain = scene(BASE);
        Scene everything = scene(WITH_EVERYTHING);
        for (int i = 0; i < 10; i++) {
            Frame a = plain.sampleFrame(i);
            Frame b = everything.sampleFrame(i);
            assertThat(b.camera()).isEqualTo(a.camera());
            assertThat(b.ground()).isEqualTo(a.ground());
            assertThat(b.objects()).isEqualTo(a.objects());
            Lighting la = a.lighting();
            Lighting lb = b.lighting();
            assertThat(lb.sunAzimuthDegrees()).isEqualTo(la.sunAzimuthDegrees());
            assertThat(lb.sunElevationDegrees()).isEqualTo(la.sunElevationDegrees());
            assertThat(lb.sunIntensity()).isEqualTo(la.sunIntensity());
            assertThat(lb.ambientIntensity()).isEqualTo(la.ambientIntensity());
            assertThat(lb.ambientColor()).isEqualTo(la.ambientColor());
            assertThat(lb.skyColor()).isEqualTo(la.skyColor());
        }
        // and the new values are themselves random, not constants
        assertThat(java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> everything.sampleFrame(i).lighting().sunTemperatureKelvin()).distinct().count())
                .isGreaterThan(1);
    }

    @Test
    void aFrameWithTemperatureShadowsAndFogSurvivesAJsonRoundTrip() throws SceneException {
        Frame frame = scene(WITH_EVERYTHING).sampleFrame(4);
        byte[] json = FrameJson.toJson(frame);
        assertThat(FrameJson.fromJson(json)).isEqualTo(frame);
        assertThat(new String(json, StandardCharsets.UTF_8))
                .contains("\"sun_temperature_k\"", "\"shadows\"", "\"map_size\" : 1024", "\"max_distance_m\" : 60.0", "\"fog_visibility_m\"");
        Frame plain = scene(BASE).sampleFrame(4);
        assertThat(FrameJson.fromJson(FrameJson.toJson(plain))).isEqualTo(plain);
        assertThat(new String(FrameJson.toJson(plain), StandardCharsets.UTF_8)).contains("\"fog_visibility_m\" : null");
    }

    @Test
    void aFrameWrittenBeforeTemperatureShadowsAndFogReadsWithNone() throws SceneException {
        Frame plain = scene(BASE).sampleFrame(2);
        String json = new String(FrameJson.toJson(plain), StandardCharsets.UTF_8);
        String old = json.replaceAll("(?s),\\s*\"sun_temperature_k\" : null", "")
                .replaceAll("(?s),\\s*\"shadows\" : \\{[^}]*\\}", "")
                .replaceAll("(?s),\\s*\"fog_visibility_m\" : null", "");
        assertThat(old).doesNotContain("sun_temperature_k", "shadows", "fog_visibility_m");
        assertThat(FrameJson.fromJson(old.getBytes(StandardCharsets.UTF_8))).isEqualTo(plain);
    }

    @Test
    void theWholeSceneIsValidAndTheProblemsArePositioned() {
        assertThat(problems(BASE)).isEmpty();
        assertThat(problems(WITH_EVERYTHING)).isEmpty();
        assertThat(problems(edit("    color: [1, 0.9, 0.8]", "    temperature_k: 1000")))
                .containsExactly("scene.yaml:12:20: lighting.sun.temperature_k: 1000 is outside [1667, 25000]");
        assertThat(problems(edit("    color: [1, 0.9, 0.8]", "    color: [1, 0.9, 0.8]\n    temperature_k: 5000")))
                .containsExactly("scene.yaml:13:20: lighting.sun.temperature_k: give the sun a color or a temperature_k, not both");
        assertThat(problems(edit("  ambient: {intensity: {uniform: [0.2, 0.5]}}",
                "  shadows: {enabled: yes please, map_size: 32, max_distance_m: 0}")))
                .containsExactly("scene.yaml:13:22: lighting.shadows.enabled: expected true or false, got the string \"yes please\"",
                        "scene.yaml:13:44: lighting.shadows.map_size: 32 is outside [64, 16384]",
                        "scene.yaml:13:64: lighting.shadows.max_distance_m: 0 must be > 0");
        assertThat(problems(BASE + "weather: {fog: {visibility_m: {uniform: [0, 100]}}}\n"))
                .containsExactly("scene.yaml:21:31: weather.fog.visibility_m: {uniform: [0, 100]} can produce 0, outside (0, inf)");
        assertThat(problems(BASE + "weather: {fog: {visibility: 100}}\n"))
                .containsExactly("scene.yaml:21:16: weather.fog.visibility_m: missing required field 'visibility_m'",
                        "scene.yaml:21:17: weather.fog.visibility: unknown key 'visibility', did you mean 'visibility_m'?");
    }

    @Test
    void blackbodyColoursGoFromRedToBlueWithTheBrightestChannelOne() {
        // D65 lies a little off the Planckian locus (Duv about 0.003, towards green): near white, not exactly
        var daylight = Blackbody.linearSrgb(6504);
        assertThat(daylight.r()).isCloseTo(1.0, within(0.07));
        assertThat(daylight.g()).isCloseTo(1.0, within(0.07));
        assertThat(daylight.b()).isCloseTo(1.0, within(0.07));
        var candle = Blackbody.linearSrgb(2000);
        assertThat(candle.r()).isEqualTo(1.0);
        assertThat(candle.g()).isBetween(0.2, 0.5);
        assertThat(candle.b()).isLessThan(0.1);
        double previous = -1;
        for (double k = 2000; k <= 12000; k += 250) {
            var c = Blackbody.linearSrgb(k);
            assertThat(Math.max(c.r(), Math.max(c.g(), c.b()))).isEqualTo(1.0);
            double blueOverRed = c.b() / c.r();
            assertThat(blueOverRed).as("blue/red at %s K", k).isGreaterThan(previous);
            previous = blueOverRed;
        }
        assertThat(Blackbody.linearSrgb(10000).b()).isEqualTo(1.0);
    }
}
