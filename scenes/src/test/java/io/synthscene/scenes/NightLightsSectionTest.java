package io.synthscene.scenes;

import static io.synthscene.scenes.SceneProblems.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Emission;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.LocalLight;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Vec3;
import io.synthscene.scenes.randomize.Blackbody;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Point and spot lights in the DSL: the scene's own {@code lights}, lamps attached to groups,
 * metalness; their draws, what the frame records, and positioned problems.
 */
class NightLightsSectionTest {
    /** Line numbers in the problem tests refer to BASE followed by the text under test. */
    private static final String BASE = """
            seed: 5
            frames: 10
            output: {width: 64, height: 48}
            categories:
              - {id: 1, name: car}
            camera:
              position: [0, 1.5, 0]
              hfov_deg: 60
            groups:
              - name: cars
                asset: sedan
                category: car
                count: {uniform_int: [1, 3]}
                region: {x: [-5, 5], z: [-30, -5]}
                yaw_deg: {uniform: [0, 360]}
            """;
    private static final String LAMPS = """
              - name: lamps
                asset: street_lamp
                count: 2
                region: {x: [-8, 8], z: [-40, -10]}
                lights:
                  lamp: {intensity_cd: 2500, temperature_k: 3000}
            """;
    private static final String CAR_LIGHTS = """
                lights:
                  headlights: {intensity_cd: {uniform: [10000, 20000]}, outer_cone_deg: 28}
                  tail_lights: {}
            """;
    private static final String SCENE_LIGHTS = """
            lights:
              - {position: [0, 5, -10], intensity_cd: 1000, color: [1, 0.5, 0.25], range_m: 20}
              - type: spot
                position: [{uniform: [-1, 1]}, 6, -12]
                direction: [0, -2, 0]
                temperature_k: 4000
                intensity_cd: 3000
                inner_cone_deg: 20
                outer_cone_deg: 30
            """;

    private static Scene scene(String yaml) throws SceneException {
        return SceneLoader.parse(yaml, "scene.yaml", null);
    }

    @Test
    void sceneLightsAreResolvedIntoTheFrameAndItsJson() throws SceneException {
        Frame frame = scene(BASE + SCENE_LIGHTS).sampleFrame(3);
        List<LocalLight> lights = frame.lighting().lights();
        assertThat(lights).hasSize(2);
        LocalLight point = lights.get(0);
        assertThat(point.kind()).isEqualTo(LocalLight.Kind.POINT);
        assertThat(point.position()).isEqualTo(new Vec3(0, 5, -10));
        assertThat(point.intensityCandela()).isEqualTo(1000);
        assertThat(point.rangeMeters()).isEqualTo(20);
        assertThat(point.direction()).isNull();
        assertThat(point.source()).isEqualTo("lights[0]");
        LocalLight spot = lights.get(1);
        assertThat(spot.kind()).isEqualTo(LocalLight.Kind.SPOT);
        assertThat(spot.direction()).isEqualTo(new Vec3(0, -1, 0));
        assertThat(spot.color()).isEqualTo(Blackbody.linearSrgb(4000));
        assertThat(spot.temperatureKelvin()).isEqualTo(4000);
        assertThat(spot.position().x()).isBetween(-1.0, 1.0);
        assertThat(spot.innerConeDegrees()).isEqualTo(20);
        assertThat(spot.outerConeDegrees()).isEqualTo(30);

        String json = new String(FrameJson.toJson(frame), StandardCharsets.UTF_8);
        assertThat(json).contains("\"lights\"", "\"intensity_cd\"", "\"outer_cone_deg\"", "\"kind\" : \"spot\"");
        assertThat(FrameJson.fromJson(FrameJson.toJson(frame))).isEqualTo(frame);
    }

    @Test
    void aSceneWithoutLightsWritesTheSameJsonKeysAsBefore() throws SceneException {
        String json = new String(FrameJson.toJson(scene(BASE).sampleFrame(0)), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("lights", "exposure", "metalness", "emission", "emissive_slots");
    }

    @Test
    void everyCarGetsTwoHeadlightsForwardAndTwoRedTailLightsBackwardAndGlows() throws SceneException {
        Scene scene = scene(BASE + CAR_LIGHTS);
        for (int i = 0; i < 10; i++) {
            Frame frame = scene.sampleFrame(i);
            List<LocalLight> lights = frame.lighting().lights();
            assertThat(lights).hasSize(4 * frame.objects().size());
            for (int k = 0; k < frame.objects().size(); k++) {
                SceneObject car = frame.objects().get(k);
                double yaw = Math.toRadians(car.yawDegrees());
                Vec3 forward = new Vec3(Math.sin(yaw), 0, Math.cos(yaw)); // asset +Z turned by yaw about +Y
                double halfLength = car.asset().param("length_m") / 2;
                for (LocalLight light : lights.subList(4 * k, 4 * k + 4)) {
                    boolean head = light.source().contains("headlight");
                    double along = dot(minus(light.position(), car.position()), forward);
                    assertThat(along).as(light.source()).isCloseTo(head ? halfLength + 0.02 : -halfLength - 0.02, within(1e-9));
                    assertThat(light.position().y()).isBetween(0.3, 1.0);
                    assertThat(dot(light.direction(), forward)).isGreaterThan(head ? 0.99 : -1.0001).isLessThan(head ? 1.0001 : -0.99);
                    if (head) {
                        assertThat(light.intensityCandela()).isBetween(10000.0, 20000.0);
                        assertThat(light.outerConeDegrees()).isEqualTo(28);
                    } else {
                        assertThat(light.color().r()).isEqualTo(1);
                        assertThat(light.color().g()).isZero();
                    }
                }
                // the two headlights of a car share one draw and sit on either side of it
                assertThat(lights.get(4 * k).intensityCandela()).isEqualTo(lights.get(4 * k + 1).intensityCandela());
                assertThat(car.emissiveSlots()).containsOnlyKeys("light_front", "light_rear");
                assertThat(car.emissiveSlots().get("light_rear")).isEqualTo(new Emission(lights.get(4 * k + 2).color(), 2));
            }
        }
    }

    @Test
    void aStreetLampShinesDownFromItsHead() throws SceneException {
        Frame frame = scene(BASE + LAMPS).sampleFrame(1);
        List<SceneObject> lamps = frame.objects().stream().filter(o -> o.group().equals("lamps")).toList();
        assertThat(lamps).hasSize(2);
        List<LocalLight> lights = frame.lighting().lights();
        assertThat(lights).hasSize(2);
        for (int k = 0; k < 2; k++) {
            SceneObject lamp = lamps.get(k);
            LocalLight light = lights.get(k);
            assertThat(light.direction()).isEqualTo(new Vec3(0, -1, 0));
            assertThat(light.position().y()).isCloseTo(lamp.asset().param("height_m") - 0.21, within(1e-9));
            double reach = Math.hypot(light.position().x() - lamp.position().x(), light.position().z() - lamp.position().z());
            // the lens centre, from the centre of the lamp's footprint (pole base behind, head in front)
            double arm = lamp.asset().param("arm_length_m");
            double baseRadius = 1.4 * (0.012 * lamp.asset().param("height_m") + 0.03);
            assertThat(reach).isCloseTo(arm + 0.175 - (arm + 0.45 - baseRadius) / 2, within(1e-9));
            assertThat(light.temperatureKelvin()).isEqualTo(3000);
            assertThat(lamp.emissiveSlots()).containsOnlyKeys("lamp");
            assertThat(lamp.materialFor("lamp", null).emission()).isEqualTo(new Emission(light.color(), 10));
        }
    }

    @Test
    void addingLightsChangesNoOtherDraw() throws SceneException {
        Scene plain = scene(BASE);
        Scene lit = scene(BASE + CAR_LIGHTS + LAMPS + SCENE_LIGHTS);
        Scene lampsOnly = scene(BASE + LAMPS.substring(0, LAMPS.indexOf("    lights:")));
        for (int i = 0; i < 10; i++) {
            Frame a = plain.sampleFrame(i);
            Frame b = lit.sampleFrame(i);
            assertThat(b.camera()).isEqualTo(a.camera());
            assertThat(b.lighting().withLights(List.of())).isEqualTo(a.lighting());
            List<SceneObject> unlit = b.objects().stream().map(o -> o.withEmissiveSlots(Map.of())).toList();
            assertThat(unlit).isEqualTo(lampsOnly.sampleFrame(i).objects());
            assertThat(lampsOnly.sampleFrame(i).lighting().lights()).isEmpty();
            assertThat(unlit.subList(0, a.objects().size())).isEqualTo(a.objects());
        }
    }

    @Test
    void probabilityZeroLeavesEveryLampOff() throws SceneException {
        Frame frame = scene(BASE + CAR_LIGHTS.replace("lights:\n", "lights:\n      probability: 0\n")).sampleFrame(2);
        assertThat(frame.lighting().lights()).isEmpty();
        assertThat(frame.objects()).allSatisfy(o -> assertThat(o.emissiveSlots()).isEmpty());
    }

    @Test
    void metalnessIsDrawnLastAndRecorded() throws SceneException {
        Scene plain = scene(BASE);
        Scene metal = scene(BASE + "    metalness: {uniform: [0.5, 1]}\n");
        Frame a = plain.sampleFrame(4);
        Frame b = metal.sampleFrame(4);
        assertThat(b.objects()).hasSameSizeAs(a.objects());
        for (int k = 0; k < a.objects().size(); k++) {
            assertThat(b.objects().get(k).material().metalness()).isBetween(0.5, 1.0);
            assertThat(b.objects().get(k).material().color()).isEqualTo(a.objects().get(k).material().color());
            assertThat(b.objects().get(k).position()).isEqualTo(a.objects().get(k).position());
        }
        assertThat(new String(FrameJson.toJson(b), StandardCharsets.UTF_8)).contains("\"metalness\"");
        assertThat(FrameJson.fromJson(FrameJson.toJson(b))).isEqualTo(b);
    }

    @Test
    void mistakesInLightsAreReportedWhereTheyAre() {
        assertThat(problems(BASE + """
                lights:
                  - {type: spto, position: [0, 5, 0], intensity_cd: 10}
                  - {type: spot, position: [0, 5, 0], intensity_cd: 10}
                  - {position: [0, 5, 0], intensity_cd: 10, outer_cone_deg: 30}
                  - {type: spot, position: [0, 5, 0], direction: [0, -1, 0], intensity_cd: 10, inner_cone_deg: 40, outer_cone_deg: 30}
                  - {position: [0, 5, 0], intensity_cd: -3, direction: [0, 1, 0]}
                  - {type: spot, position: [0, 5, 0], direction: [0, {uniform: [-1, 1]}, 0], intensity_cd: 10}
                  - {position: [0, 5, 0]}
                """)).containsExactly(
                "scene.yaml:17:12: lights[0].type: unknown light type 'spto', did you mean 'spot'? (point or spot)",
                "scene.yaml:18:5: lights[1].direction: missing required field 'direction'",
                "scene.yaml:19:45: lights[2].outer_cone_deg: a point light has no cone (make it a spot: type: spot)",
                "scene.yaml:20:96: lights[3].inner_cone_deg: inner_cone_deg can reach 40 but outer_cone_deg can be as low"
                        + " as 30: need inner <= outer",
                "scene.yaml:21:41: lights[4].intensity_cd: -3 must be >= 0",
                "scene.yaml:21:45: lights[4].direction: a point light has no direction (make it a spot: type: spot)",
                "scene.yaml:22:50: lights[5].direction: can be [0, 0, 0], which points nowhere: keep one component away from 0",
                "scene.yaml:23:5: lights[6].intensity_cd: missing required field 'intensity_cd'");
    }

    @Test
    void lampsTheAssetDoesNotHaveAreReportedAtTheirKey() {
        assertThat(problems(BASE + """
                  - name: benches
                    asset: bench
                    region: {x: [-5, 5], z: [-30, -5]}
                    lights:
                      headlights: {}
                      lamp: {emission: -1}
                      probability: 2
                """)).containsExactly(
                "scene.yaml:20:7: groups[1].lights.headlights: the group's asset 'bench' has no headlights"
                        + " (only a built-in car, truck or bus has)",
                "scene.yaml:21:7: groups[1].lights.lamp: the group's asset 'bench' has no lamp (only street_lamp has)",
                "scene.yaml:21:24: groups[1].lights.lamp.emission: -1 must be >= 0",
                "scene.yaml:22:20: groups[1].lights.probability: 2 is outside [0, 1]");
    }

    @Test
    void tooManyLightsForOneFrameAreRefused() {
        assertThat(problems(BASE.replace("count: {uniform_int: [1, 3]}", "count: 300") + CAR_LIGHTS))
                .containsExactly("scene.yaml:9:1: groups: a frame can hold up to 1200 point and spot lights (the scene's own"
                        + " and those attached to groups), more than 1024");
    }

    private static Vec3 minus(Vec3 a, Vec3 b) {
        return new Vec3(a.x() - b.x(), a.y() - b.y(), a.z() - b.z());
    }

    private static double dot(Vec3 a, Vec3 b) {
        return a.x() * b.x() + a.y() * b.y() + a.z() * b.z();
    }
}
