package io.synthscene.scenes;

import static io.synthscene.scenes.SceneProblems.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Exposure;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.LocalLight;
import io.synthscene.scenes.frame.LocalLighting;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.Shadows;
import io.synthscene.scenes.frame.Vec3;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scene exposure (fixed and auto, with answers worked out by hand) and the local lights' falloff and cones on the CPU. */
class ExposureAndLocalLightingTest {
    private static final Rgb WHITE = new Rgb(1, 1, 1);
    private static final Vec3 UP = new Vec3(0, 1, 0);

    private static LocalLight point(Vec3 at, double candela, double rangeMeters) {
        return new LocalLight(LocalLight.Kind.POINT, "test", at, null, WHITE, null, candela, rangeMeters, null, null);
    }

    /** Sun 30 degrees below the horizon: no sun and (below -18 degrees) no sky light at all. */
    private static Lighting night(List<LocalLight> lights) {
        return new Lighting(0, -30, 2, WHITE, null, 0.35, WHITE, WHITE, Shadows.OFF, null, lights, null);
    }

    /** At 2 m height looking 45 degrees down: the optical axis meets the ground 2 m ahead, at (0, 0, -2). */
    private static Camera camera() {
        return new Camera(new Vec3(0, 2, 0), 0, -45, 0, 60, 0.1, 500, 64, 48);
    }

    @Test
    void pointLightFallsOffWithTheSquareOfTheDistanceWellInsideItsRange() {
        LocalLight light = point(new Vec3(0, 10, 0), 10_000, 1000);
        double at1 = LocalLighting.irradiance(light, new Vec3(0, 9, 0), UP).y();
        double at2 = LocalLighting.irradiance(light, new Vec3(0, 8, 0), UP).y();
        // 10,000 cd at 1 m: 10,000 lux, one render unit
        assertThat(at1).isCloseTo(1.0, within(1e-9));
        assertThat(at1 / at2).isCloseTo(4.0, within(1e-6));
        assertThat(LocalLighting.irradiance(light, new Vec3(0, 11, 0), UP).y()).as("the surface faces away").isZero();
    }

    @Test
    void theRangeCutsTheLightOffSmoothly() {
        assertThat(LocalLighting.window(0, 10)).isEqualTo(1);
        assertThat(LocalLighting.window(2.5, 10)).isGreaterThan(0.99);
        assertThat(LocalLighting.window(5, 10)).isCloseTo(0.8789, within(1e-4)); // (1 - 1/16)^2
        assertThat(LocalLighting.window(10, 10)).isZero();
        LocalLight light = point(new Vec3(0, 10, 0), 10_000, 5);
        assertThat(LocalLighting.irradiance(light, new Vec3(0, 5, 0), UP).y()).isZero();
    }

    @Test
    void aSpotLightsInsideItsConeAndNotOutside() {
        LocalLight spot = new LocalLight(LocalLight.Kind.SPOT, "test", new Vec3(0, 4, 0), new Vec3(0, -1, 0), WHITE, null,
                10_000, 100, 20.0, 30.0);
        double inside = LocalLighting.irradiance(spot, new Vec3(4 * Math.tan(Math.toRadians(10)), 0, 0), UP).y();
        double edge = LocalLighting.irradiance(spot, new Vec3(4 * Math.tan(Math.toRadians(25)), 0, 0), UP).y();
        double outside = LocalLighting.irradiance(spot, new Vec3(4 * Math.tan(Math.toRadians(35)), 0, 0), UP).y();
        LocalLight asPoint = point(new Vec3(0, 4, 0), 10_000, 100);
        assertThat(inside).isCloseTo(LocalLighting.irradiance(asPoint, new Vec3(4 * Math.tan(Math.toRadians(10)), 0, 0), UP).y(),
                within(1e-12));
        assertThat(edge).isGreaterThan(0).isLessThan(LocalLighting.irradiance(asPoint, new Vec3(4 * Math.tan(Math.toRadians(25)), 0, 0), UP).y());
        assertThat(outside).isZero();
    }

    @Test
    void autoExposureBringsTheMeteredGroundToTheTarget() {
        // 2,500 cd, 2 m above the metered point: 2,500 / 4 = 625 lux = 1/16 unit, so ev = log2(16) = 4
        Lighting lighting = night(List.of(point(new Vec3(0, 2, -2), 2_500, 1000)));
        assertThat(Exposure.meteredPoint(camera()).z()).isCloseTo(-2, within(1e-9));
        Exposure exposure = Exposure.auto(camera(), lighting, 8);
        assertThat(exposure.meteredIrradiance()).isCloseTo(1 / 16.0, within(1e-6));
        assertThat(exposure.ev()).isCloseTo(4, within(1e-5));
        assertThat(exposure.gain()).isCloseTo(16, within(1e-3));
    }

    @Test
    void autoExposureStopsAtItsLimitInTheDarkAndNeverDarkensDaylight() {
        assertThat(Exposure.auto(camera(), night(List.of()), 6).ev()).isEqualTo(6);
        Lighting day = new Lighting(0, 50, 2.5, WHITE, 0.35, WHITE, WHITE);
        assertThat(Exposure.auto(camera(), day, 8).ev()).isZero();
    }

    private static final String BASE = """
            seed: 2
            frames: 4
            output: {width: 64, height: 48}
            categories:
              - {id: 1, name: car}
            camera:
              position: [0, 2, 0]
              pitch_deg: -45
              hfov_deg: 60
            groups:
              - name: cars
                asset: sedan
                category: car
                count: 2
                region: {x: [-5, 5], z: [-30, -5]}
            lighting:
              sun: {elevation_deg: {uniform: [-30, 60]}}
            """;

    @Test
    void exposureIsDrawnFromItsOwnStreamAndRecorded() throws SceneException {
        Scene plain = SceneLoader.parse(BASE, "scene.yaml", null);
        Scene fixed = SceneLoader.parse(BASE + "  exposure: {ev: {uniform: [1, 2]}}\n", "scene.yaml", null);
        Scene auto = SceneLoader.parse(BASE + "  exposure: {mode: auto, max_ev: 5}\n", "scene.yaml", null);
        for (int i = 0; i < 4; i++) {
            Frame a = plain.sampleFrame(i);
            Frame b = fixed.sampleFrame(i);
            Frame c = auto.sampleFrame(i);
            assertThat(b.lighting().withExposure(null)).isEqualTo(a.lighting());
            assertThat(b.objects()).isEqualTo(a.objects());
            assertThat(b.lighting().exposure().ev()).isBetween(1.0, 2.0);
            assertThat(c.lighting().exposure()).isEqualTo(Exposure.auto(c.camera(), c.lighting(), 5));
        }
        String json = new String(FrameJson.toJson(auto.sampleFrame(0)), StandardCharsets.UTF_8);
        assertThat(json).contains("\"exposure\"", "\"mode\" : \"auto\"", "\"metered_irradiance\"");
        assertThat(FrameJson.fromJson(FrameJson.toJson(auto.sampleFrame(0)))).isEqualTo(auto.sampleFrame(0));
    }

    @Test
    void exposureMistakesAreReportedWhereTheyAre() {
        assertThat(problems(BASE + "  exposure: {mode: atuo}\n")).containsExactly(
                "scene.yaml:18:20: lighting.exposure.mode: unknown exposure mode 'atuo', did you mean 'auto'? (fixed or auto)");
        assertThat(problems(BASE + "  exposure: {mode: auto, ev: 3}\n")).containsExactly(
                "scene.yaml:18:26: lighting.exposure.ev: auto exposure chooses ev itself (limit it with max_ev, or use mode: fixed)");
        assertThat(problems(BASE + "  exposure: {max_ev: 3}\n")).containsExactly(
                "scene.yaml:18:14: lighting.exposure.max_ev: max_ev limits auto exposure (add mode: auto, or give ev)");
        assertThat(problems(BASE + "  exposure: {ev: 30}\n")).containsExactly(
                "scene.yaml:18:18: lighting.exposure.ev: 30 is outside [-24, 24]");
    }
}
