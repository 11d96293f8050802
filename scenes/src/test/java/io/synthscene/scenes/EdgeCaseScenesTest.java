package io.synthscene.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The edge-case scenes (examples/edge-cases/) load, and 10 sampled frames of each show the rare
 * situation the file is about. Geometry: the right lane of a straight layout spans x in [0, lane
 * width], the parking strip lies beyond it; cars at yaw 180 or 0 have their length along z.
 */
class EdgeCaseScenesTest {
    private static final Path DIR = Path.of("examples/edge-cases");
    private static final int FRAMES = 10;

    @Test
    void everyEdgeCaseSceneLoadsAndSamplesTenFrames() throws IOException, SceneException {
        List<Path> scenes;
        try (Stream<Path> files = Files.list(DIR)) {
            scenes = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(scenes).hasSize(8);
        for (Path path : scenes) {
            Scene scene = SceneLoader.load(path);
            assertThat(scene.width()).as(path.toString()).isLessThanOrEqualTo(320);
            for (int i = 0; i < FRAMES; i++) {
                assertThat(scene.sampleFrame(i).labelledObjects()).as(path + " frame " + i).isNotEmpty();
            }
        }
    }

    @Test
    void thePedestrianSteppingOutStandsInTheGapBetweenTwoParkedCarsOnTheLaneSide() throws SceneException {
        Scene scene = load("pedestrian-between-parked-cars.yaml");
        for (int i = 0; i < FRAMES; i++) {
            Frame frame = scene.sampleFrame(i);
            SceneObject near = only(frame, "parked-near");
            SceneObject far = only(frame, "parked-far");
            SceneObject walker = only(frame, "stepping-out");
            double laneWidth = frame.layout().params().get("lane_width_m");
            double parkingWidth = frame.layout().params().get("parking_width_m");
            for (SceneObject car : List.of(near, far)) {
                assertThat(car.position().x()).as("frame " + i).isBetween(laneWidth, laneWidth + parkingWidth);
            }
            // along the kerb: behind the near car's rear bumper and before the far car's front
            double nearEnd = near.position().z() - near.asset().param("length_m") / 2;
            double farStart = far.position().z() + far.asset().param("length_m") / 2;
            assertThat(walker.position().z()).as("frame " + i).isLessThan(nearEnd).isGreaterThan(farStart);
            assertThat(walker.position().x()).as("frame " + i).isBetween(laneWidth, near.position().x());
            assertThat(frame.objects()).filteredOn(o -> o.group().equals("parked-further"))
                    .allSatisfy(o -> assertThat(o.zone().on()).isEqualTo("parking"));
        }
    }

    @Test
    void theChildStandsAtTheKerbAndABallLiesOnTheLane() throws SceneException {
        Scene scene = load("child-near-kerb.yaml");
        for (int i = 0; i < FRAMES; i++) {
            Frame frame = scene.sampleFrame(i);
            SceneObject child = only(frame, "child");
            assertThat(child.asset().kind()).isEqualTo("child");
            assertThat(child.zone().on()).isEqualTo("roadside");
            assertThat(only(frame, "ball").zone().on()).isEqualTo("lane");
        }
    }

    @Test
    void theCyclistRidesOnTheLaneAtNightInTheRainUnderLampsAndHeadlights() throws SceneException {
        Scene scene = load("cyclist-night-rain.yaml");
        for (int i = 0; i < FRAMES; i++) {
            Frame frame = scene.sampleFrame(i);
            assertThat(frame.lighting().sunElevationDegrees()).isNegative();
            assertThat(frame.weather().rainIntensity()).isGreaterThan(0);
            assertThat(frame.lighting().lights()).isNotEmpty();
            assertThat(frame.lighting().exposure()).isNotNull();
            SceneObject cyclist = only(frame, "cyclist");
            assertThat(cyclist.category()).isEqualTo("cyclist");
            assertThat(cyclist.zone().on()).isEqualTo("lane");
        }
    }

    @Test
    void theDebrisLiesOnTheLanes() throws SceneException {
        Scene scene = load("debris-on-lane.yaml");
        for (int i = 0; i < FRAMES; i++) {
            Frame frame = scene.sampleFrame(i);
            List<SceneObject> debris = frame.objects().stream().filter(o -> "debris".equals(o.category())).toList();
            assertThat(debris).as("frame " + i).hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(o -> assertThat(o.zone().on()).isEqualTo("lane"));
            assertThat(only(frame, "fallen-load").zone().lane()).isEqualTo(1);
        }
    }

    @Test
    void theStalledVehicleStandsOnTheLaneInsideTheBend() throws SceneException {
        Scene scene = load("stalled-vehicle-curve.yaml");
        for (int i = 0; i < FRAMES; i++) {
            Frame frame = scene.sampleFrame(i);
            assertThat(frame.layout().kind()).isEqualTo("curve");
            SceneObject stalled = only(frame, "stalled");
            assertThat(stalled.zone().on()).isEqualTo("lane");
            double distance = Math.hypot(stalled.position().x() - frame.camera().position().x(),
                    stalled.position().z() - frame.camera().position().z());
            assertThat(distance).as("frame " + i).isGreaterThan(frame.layout().params().get("curve_start_m"));
        }
    }

    @Test
    void theRoadWorksCloseTheOuterLaneWithConesAndBarriers() throws SceneException {
        Scene scene = load("road-works.yaml");
        for (int i = 0; i < FRAMES; i++) {
            Frame frame = scene.sampleFrame(i);
            for (String group : List.of("cones", "barriers", "workers")) {
                assertThat(frame.objects()).as(group + " in frame " + i).filteredOn(o -> o.group().equals(group)).isNotEmpty()
                        .allSatisfy(o -> assertThat(o.zone().lane()).isEqualTo(2));
            }
            assertThat(frame.objects().stream().filter(o -> o.group().equals("cones")).count()).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void theOddPedestriansAreOversizedAndDressedInExtremeColours() throws SceneException {
        Scene scene = load("odd-pedestrians.yaml");
        for (int i = 0; i < FRAMES; i++) {
            Frame frame = scene.sampleFrame(i);
            List<SceneObject> people = frame.objects().stream().filter(o -> "pedestrian".equals(o.category())).toList();
            assertThat(people).as("frame " + i).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(o -> assertThat(o.asset().param("height_m")).isGreaterThanOrEqualTo(1.95))
                    .allSatisfy(o -> assertThat(o.asset().param("head_radius_ratio")).isGreaterThanOrEqualTo(0.095))
                    .allSatisfy(o -> assertThat(isExtreme(o.material().color())).isTrue());
            assertThat(only(frame, "crossing-giant").zone().on()).isEqualTo("crossing");
        }
    }

    @Test
    void aDeerStandsOnTheCamerasLaneInViewAndEveryAnimalIsLabelledAnimal() throws SceneException {
        Scene scene = load("animal-on-road.yaml");
        for (int i = 0; i < FRAMES; i++) {
            Frame frame = scene.sampleFrame(i);
            SceneObject deer = only(frame, "deer-on-lane");
            assertThat(deer.asset().kind()).isEqualTo("deer");
            assertThat(deer.zone().on()).isEqualTo("lane");
            assertThat(deer.position().x()).as("frame " + i).isBetween(0.0, frame.layout().params().get("lane_width_m"));
            assertThat(frame.objects()).filteredOn(o -> o.asset().kind().equals("dog") || o.asset().kind().equals("deer"))
                    .allSatisfy(o -> assertThat(o.category()).isEqualTo("animal"));
        }
    }

    private static boolean isExtreme(Rgb c) {
        return Stream.of(c.r(), c.g(), c.b()).allMatch(v -> v == 0 || v == 1);
    }

    private static Scene load(String name) throws SceneException {
        return SceneLoader.load(DIR.resolve(name));
    }

    private static SceneObject only(Frame frame, String group) {
        List<SceneObject> objects = frame.objects().stream().filter(o -> o.group().equals(group)).toList();
        assertThat(objects).as(group + " in frame " + frame.index()).hasSize(1);
        return objects.get(0);
    }
}
