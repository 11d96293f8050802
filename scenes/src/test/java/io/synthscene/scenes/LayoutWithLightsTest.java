package io.synthscene.scenes;

import static io.synthscene.scenes.SceneProblems.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.LocalLight;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Vec3;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Road layouts and night lights together: lamps on zone-placed objects follow the zone's heading,
 * a lit object keeps its zone, lights change no draw of the layout or of placement, and the
 * per-frame light limit counts class_balance's factors.
 */
class LayoutWithLightsTest {
    private static final String BASE = """
            seed: 11
            frames: 10
            categories:
              - {id: 1, name: car}
              - {id: 2, name: pedestrian}
            camera: {mount_height_m: 1.5}
            layout:
              kind: four_way
              lanes_per_direction: 2
            groups:
              - name: cars
                asset: sedan
                category: car
                count: {uniform_int: [2, 5]}
                on: lane
                yaw_deg: {uniform: [-4, 4]}
            """;
    private static final String CAR_LIGHTS = """
                lights:
                  headlights: {}
                  tail_lights: {}
            """;

    private static Scene scene(String yaml) throws SceneException {
        return SceneLoader.parse(yaml, "scene.yaml", null);
    }

    @Test
    void lampsOnZonePlacedCarsLookAlongTheCarAndTheCarKeepsItsZone() throws SceneException {
        Scene scene = scene(BASE + CAR_LIGHTS);
        int cars = 0;
        for (int i = 0; i < 10; i++) {
            Frame frame = scene.sampleFrame(i);
            List<SceneObject> placed = frame.objects().stream().filter(o -> !o.group().startsWith("layout/")).toList();
            List<LocalLight> lights = frame.lighting().lights();
            assertThat(lights).hasSize(4 * placed.size());
            for (int k = 0; k < placed.size(); k++) {
                SceneObject car = placed.get(k);
                assertThat(car.zone()).isNotNull();
                assertThat(car.zone().on()).isEqualTo("lane");
                assertThat(car.emissiveSlots()).containsOnlyKeys("light_front", "light_rear");
                double yaw = Math.toRadians(car.yawDegrees());
                Vec3 forward = new Vec3(Math.sin(yaw), 0, Math.cos(yaw));
                for (LocalLight light : lights.subList(4 * k, 4 * k + 4)) {
                    boolean head = light.source().contains("headlight");
                    double along = dot(light.direction(), forward);
                    assertThat(along).as(light.source()).isCloseTo(head ? 0.999 : -1, within(0.002));
                }
                cars++;
            }
            String json = new String(FrameJson.toJson(frame), StandardCharsets.UTF_8);
            assertThat(json).contains("\"zone\"").contains("\"emissive_slots\"");
            assertThat(FrameJson.fromJson(FrameJson.toJson(frame))).isEqualTo(frame);
        }
        assertThat(cars).isGreaterThan(10);
    }

    @Test
    void lightsOnZonePlacedGroupsChangeNoOtherDraw() throws SceneException {
        Scene plain = scene(BASE);
        Scene lit = scene(BASE + CAR_LIGHTS);
        for (int i = 0; i < 10; i++) {
            Frame a = plain.sampleFrame(i);
            Frame b = lit.sampleFrame(i);
            assertThat(b.camera()).isEqualTo(a.camera());
            assertThat(b.layout()).isEqualTo(a.layout());
            assertThat(b.lighting().withLights(List.of())).isEqualTo(a.lighting());
            assertThat(b.objects().stream().map(o -> o.withEmissiveSlots(Map.of())).toList()).isEqualTo(a.objects());
        }
    }

    @Test
    void theLightLimitCountsTheClassBalanceFactor() {
        // 200 cars with 4 lamps each: 800 lights, under the limit; balanced towards 90 % cars
        // (factor 0.9 / (200 / 300) = 1.35) they can be 270 cars and about 1080 lights
        String many = """
                seed: 1
                frames: 1
                categories:
                  - {id: 1, name: car}
                  - {id: 2, name: pedestrian}
                camera: {position: [0, 1.5, 0]}
                groups:
                  - name: cars
                    asset: sedan
                    category: car
                    count: 200
                    region: {x: [-500, 500], z: [-500, -10]}
                    lights:
                      headlights: {}
                      tail_lights: {}
                  - name: people
                    asset: pedestrian
                    category: pedestrian
                    count: 100
                    region: {x: [-500, 500], z: [-500, -10]}
                """;
        assertThat(problems(many)).isEmpty();
        assertThat(problems(many + "class_balance: {car: 0.9, pedestrian: 0.1}\n")).singleElement().asString()
                .startsWith("scene.yaml:7:1: groups: a frame can hold up to 10")
                .endsWith("point and spot lights (the scene's own and those attached to groups), more than 1024");
    }

    private static double dot(Vec3 a, Vec3 b) {
        return a.x() * b.x() + a.y() * b.y() + a.z() * b.z();
    }
}
