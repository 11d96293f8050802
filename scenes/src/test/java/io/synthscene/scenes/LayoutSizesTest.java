package io.synthscene.scenes;

import static io.synthscene.scenes.SceneProblems.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.SceneObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Layout cross-section sizes as distributions: each frame draws its own lane, parking and sidewalk
 * widths and kerb height from the {@code layout/sizes} stream, builds its road from them, places
 * zone objects on that road and records the sizes; every other draw stays as it was.
 */
class LayoutSizesTest {
    private static final String FIXED = """
            seed: 11
            frames: 10
            output: {width: 64, height: 48}
            categories:
              - {id: 1, name: car}
            layout:
              kind: straight
              lanes_per_direction: 1
              lane_width_m: 3.5
              parking_width_m: 2
              sidewalk_width_m: 3
              arm_length_m: 100
            camera: {position: [1.7, 1.4, 0], pitch_deg: {uniform: [-5, 0]}}
            groups:
              - name: cars
                asset: sedan
                category: car
                count: 2
                on: lane
                distance_m: [10, 60]
              - name: parked
                asset: hatchback
                category: car
                count: 2
                on: parking
                distance_m: [10, 60]
            """;
    private static final String RANDOM = FIXED.replace("lane_width_m: 3.5", "lane_width_m: {uniform: [2.8, 3.75]}")
            .replace("parking_width_m: 2", "parking_width_m: {uniform: [1.8, 2.5]}")
            .replace("sidewalk_width_m: 3", "sidewalk_width_m: {choice: [2, 3, 4.5]}") + "";

    private static Scene scene(String yaml) throws SceneException {
        return SceneLoader.parse(yaml, "scene.yaml", null);
    }

    @Test
    void eachFrameDrawsItsOwnCrossSectionAndPlacesObjectsOnThatRoad() throws SceneException {
        Scene scene = scene(RANDOM);
        Set<Double> laneWidths = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            Frame frame = scene.sampleFrame(i);
            double lane = frame.layout().params().get("lane_width_m");
            double parking = frame.layout().params().get("parking_width_m");
            double sidewalk = frame.layout().params().get("sidewalk_width_m");
            assertThat(lane).isBetween(2.8, 3.75);
            assertThat(parking).isBetween(1.8, 2.5);
            assertThat(sidewalk).isIn(2.0, 3.0, 4.5);
            laneWidths.add(lane);
            for (SceneObject car : objects(frame, "cars")) {
                assertThat(car.position().x()).as("frame %d: on the right lane, 0..%s", i, lane).isBetween(0.0, lane);
            }
            for (SceneObject car : objects(frame, "parked")) {
                assertThat(Math.abs(car.position().x())).as("frame %d: on a parking strip", i).isBetween(lane, lane + parking);
            }
            // the road surface the frame draws is as wide as its lanes and parking strips
            double half = lane + parking;
            assertThat(frame.objects()).filteredOn(o -> o.group().startsWith("layout/kerb")).isNotEmpty()
                    .allSatisfy(k -> assertThat(Math.abs(k.position().x())).isCloseTo(half + 0.1, within(1e-9)));
        }
        assertThat(laneWidths).hasSize(10);
    }

    @Test
    void drawingTheSizesChangesNoOtherStream() throws SceneException {
        Scene fixed = scene(FIXED);
        Scene random = scene(RANDOM);
        for (int i = 0; i < 10; i++) {
            Frame a = fixed.sampleFrame(i);
            Frame b = random.sampleFrame(i);
            assertThat(b.camera()).isEqualTo(a.camera());
            assertThat(b.lighting()).isEqualTo(a.lighting());
            assertThat(objects(b, "cars")).extracting(SceneObject::asset).isEqualTo(objects(a, "cars").stream().map(SceneObject::asset).toList());
        }
        // the same seed and index give the same road
        assertThat(random.sampleFrame(3).layout()).isEqualTo(scene(RANDOM).sampleFrame(3).layout());
    }

    @Test
    void aBendIsCheckedAgainstTheWidestRoadItsDistributionsCanDraw() {
        String curve = RANDOM.replace("kind: straight", "kind: curve\n  curve_radius_m: 9\n  curve_angle_deg: 40\n  curve_start_m: 20");
        // widest: 3.75 + 2.5 + 0.2 + 4.5 = 10.95 > 9, though the narrowest (2.8 + 1.8 + 0.2 + 2 = 6.8) would fit
        assertThat(problems(curve)).singleElement().asString().startsWith("scene.yaml:")
                .contains("layout.curve_radius_m").contains("at its widest");
        assertThat(problems(RANDOM.replace("lane_width_m: {uniform: [2.8, 3.75]}", "lane_width_m: {uniform: [1, 3]}")))
                .singleElement().asString().startsWith("scene.yaml:9:17:").contains("layout.lane_width_m");
    }

    private static List<SceneObject> objects(Frame frame, String group) {
        return frame.objects().stream().filter(o -> o.group().equals(group)).toList();
    }
}
