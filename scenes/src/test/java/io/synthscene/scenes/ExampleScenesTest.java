package io.synthscene.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.SceneObject;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The example scenes load without problems and sample what they promise. */
class ExampleScenesTest {
    private static final Path URBAN = Path.of("examples/urban-street.yaml");
    private static final Path TABLE = Path.of("examples/table-top.yaml");
    private static final Path INTERSECTION = Path.of("examples/intersection.yaml");
    private static final Path STREET_BUILDINGS = Path.of("examples/street-buildings.yaml");
    private static final Path MOVING_CAMERA = Path.of("examples/moving-camera.yaml");

    @Test
    void theMovingCameraDrivesAheadAndItsShutterSetsTheRainExposure() throws SceneException {
        Scene scene = SceneLoader.load(MOVING_CAMERA);
        for (int i = 0; i < 10; i++) {
            Frame frame = scene.sampleFrame(i);
            var motion = frame.camera().motion();
            assertThat(motion.speedMps()).isBetween(5.0, 15.0);
            assertThat(motion.exposureMilliseconds()).isIn(4.0, 10.0, 20.0, 33.0);
            assertThat(frame.sensor().jpegQuality()).isBetween(70, 95);
            assertThat(frame.ignoreThresholds().forGroup("cars")).isEqualTo(
                    new io.synthscene.scenes.frame.IgnoreThresholds.Limits(0.1, 60L));
            if (frame.weather() != null) {
                assertThat(frame.weather().exposureTimeSeconds()).isEqualTo(motion.exposureSeconds());
            }
        }
    }

    @Test
    void bothExamplesLoadWithoutProblems() throws SceneException {
        assertThat(SceneLoader.load(URBAN).frames()).isEqualTo(100);
        assertThat(SceneLoader.load(TABLE).frames()).isEqualTo(50);
        assertThat(SceneLoader.load(INTERSECTION).frames()).isEqualTo(100);
    }

    @Test
    void theStreetWithBuildingsHasUnlabelledBuildingsFacingTheStreetAndTreesOnBothVerges() throws SceneException {
        Scene scene = SceneLoader.load(STREET_BUILDINGS);
        for (int i = 0; i < 10; i++) {
            Frame frame = scene.sampleFrame(i);
            List<SceneObject> buildings = frame.objects().stream().filter(o -> o.asset().kind().equals("building")).toList();
            assertThat(buildings).as("frame " + i).hasSizeGreaterThanOrEqualTo(6)
                    .allSatisfy(o -> assertThat(o.instanceId()).isZero())
                    .allSatisfy(o -> assertThat(Math.abs(o.position().x())).isGreaterThanOrEqualTo(20))
                    // the front (+Z at yaw 0, the door) turned towards the road: +X on the left, -X on the right
                    .allSatisfy(o -> assertThat(o.yawDegrees() * Math.signum(o.position().x())).isEqualTo(-90));
            List<SceneObject> trees = frame.objects().stream().filter(o -> o.asset().kind().equals("tree")).toList();
            assertThat(trees).as("frame " + i).anySatisfy(o -> assertThat(o.position().x()).isNegative())
                    .anySatisfy(o -> assertThat(o.position().x()).isPositive());
            assertThat(frame.objects()).filteredOn(o -> o.asset().kind().equals("bush")).isNotEmpty();
            assertThat(frame.objects().stream().filter(o -> "car".equals(o.category())).count()).isBetween(4L, 8L);
        }
    }

    @Test
    void theIntersectionHasItsLayoutAndTrafficPeopleAndParkedCarsOnTheirZones() throws SceneException {
        Scene scene = SceneLoader.load(INTERSECTION);
        for (int i = 0; i < 20; i++) {
            Frame frame = scene.sampleFrame(i);
            assertThat(frame.layout().kind()).isEqualTo("four_way");
            List<String> groups = frame.objects().stream().map(SceneObject::group).distinct().toList();
            assertThat(groups).contains("layout/road", "layout/junction", "layout/kerb", "layout/sidewalk", "layout/parking",
                    "layout/line/solid", "layout/line/dashed", "layout/stop_line", "layout/zebra");
            assertThat(frame.objects()).filteredOn(o -> o.group().startsWith("layout/"))
                    .allSatisfy(o -> assertThat(o.instanceId()).isZero());
            List<String> zones = frame.labelledObjects().stream().filter(o -> o.zone() != null).map(o -> o.zone().on()).distinct().toList();
            assertThat(zones).as("frame " + i).contains("lane", "oncoming_lane", "parking", "sidewalk");
            assertThat(frame.objects()).filteredOn(o -> o.group().equals("parked")).isNotEmpty()
                    .allSatisfy(o -> assertThat(o.zone().on()).isEqualTo("parking"));
        }
    }

    @Test
    void theUrbanStreetIsALayoutWithTrafficParkedCarsPeopleFurnitureAndBuildingsOnTheirZones() throws SceneException {
        Scene scene = SceneLoader.load(URBAN);
        assertThat(scene.width()).isEqualTo(640);
        assertThat(scene.height()).isEqualTo(480);
        assertThat(scene.categories()).extracting(c -> c.name())
                .containsExactly("car", "pedestrian", "cyclist", "truck", "bus", "traffic_sign");
        int pedestrians = 0;
        int cyclists = 0;
        Set<String> kinds = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Frame frame = scene.sampleFrame(i);
            assertThat(frame.layout().kind()).isEqualTo("straight");
            List<String> groups = frame.objects().stream().map(SceneObject::group).distinct().toList();
            assertThat(groups).contains("layout/road", "layout/kerb", "layout/sidewalk", "layout/parking", "layout/zebra");
            List<SceneObject> objects = frame.objects();
            long cars = objects.stream().filter(o -> "car".equals(o.category())).count();
            // at most what the car groups ask for together (4 + 3 + 2 + 1 + 2 + 1 + 2 + 1 + 1)
            assertThat(cars).as("cars in frame " + i).isBetween(5L, 17L);
            assertThat(objects).filteredOn(o -> o.group().startsWith("parked")).as("frame " + i).isNotEmpty()
                    .allSatisfy(o -> assertThat(o.zone().on()).isEqualTo("parking"));
            assertThat(objects).filteredOn(o -> o.group().startsWith("cars-") || o.group().startsWith("vans-"))
                    .allSatisfy(o -> assertThat(o.zone().on()).isIn("lane", "oncoming_lane"));
            assertThat(objects).filteredOn(o -> o.group().equals("pedestrians") || o.group().equals("children"))
                    .allSatisfy(o -> assertThat(o.zone().on()).isEqualTo("sidewalk"));
            assertThat(objects).filteredOn(o -> List.of("lamps", "trees", "signs", "bollards", "bins").contains(o.group()))
                    .isNotEmpty().allSatisfy(o -> assertThat(o.zone().on()).isEqualTo("roadside"));
            pedestrians += objects.stream().filter(o -> "pedestrian".equals(o.category())).count();
            cyclists += objects.stream().filter(o -> "cyclist".equals(o.category())).count();
            objects.forEach(o -> kinds.add(o.asset().kind()));
            // buildings: scenery beyond the widest sidewalk, fronts turned to the street
            double sidewalkEdge = frame.layout().params().get("lane_width_m") + frame.layout().params().get("parking_width_m")
                    + 0.2 + frame.layout().params().get("sidewalk_width_m");
            List<SceneObject> buildings = objects.stream().filter(o -> o.asset().kind().equals("building")).toList();
            assertThat(buildings).as("frame " + i).hasSizeGreaterThanOrEqualTo(10)
                    .allSatisfy(o -> assertThat(o.instanceId()).isZero())
                    .allSatisfy(o -> assertThat(Math.abs(o.position().x()) - o.asset().param("depth_m") / 2 - 0.5)
                            .isGreaterThan(sidewalkEdge))
                    .allSatisfy(o -> assertThat(o.yawDegrees() * Math.signum(o.position().x())).isEqualTo(-90));
            assertThat(frame.camera().position().y()).isBetween(1.3, 1.7);
            assertThat(frame.camera().position().x()).isBetween(0.0, frame.layout().params().get("lane_width_m"));
        }
        assertThat(pedestrians).isGreaterThan(40);
        assertThat(cyclists).isGreaterThan(5);
        assertThat(kinds).contains("sedan", "hatchback", "suv", "van", "pedestrian", "child", "bicycle", "street_lamp",
                "traffic_sign", "bollard", "bin", "tree", "building");
    }

    @Test
    void theUrbanStreetUsesAllFourAxesOfRandomization() throws SceneException {
        Scene scene = SceneLoader.load(URBAN);
        Set<Double> laneWidths = new HashSet<>();
        Set<Double> focalLengths = new HashSet<>();
        int clouded = 0;
        int fogged = 0;
        int rainy = 0;
        int snowy = 0;
        int occluders = 0;
        for (int i = 0; i < 60; i++) {
            Frame frame = scene.sampleFrame(i);
            // lighting, with its sky
            assertThat(frame.lighting().sunTemperatureKelvin()).isBetween(3200.0, 6500.0);
            assertThat(frame.lighting().shadows().enabled()).isTrue();
            assertThat(frame.lighting().sky()).isNotNull();
            assertThat(frame.lighting().sky().gradient()).isTrue();
            clouded += frame.lighting().sky().cloudCover() > 0 ? 1 : 0;
            // viewpoint, and the street itself
            focalLengths.add(frame.camera().focalLengthPixels());
            laneWidths.add(frame.layout().params().get("lane_width_m"));
            // weather
            fogged += frame.lighting().fogVisibilityMeters() < 1000 ? 1 : 0;
            rainy += frame.weather() != null && frame.weather().rainIntensity() != null && frame.weather().rainIntensity() > 0 ? 1 : 0;
            snowy += frame.weather() != null && (frame.weather().snowIntensity() != null && frame.weather().snowIntensity() > 0
                    || frame.weather().cover() > 0) ? 1 : 0;
            // occlusion on purpose
            occluders += (int) frame.objects().stream().filter(o -> o.group().equals("hoardings")).count();
            assertThat(frame.sensor()).isNotNull();
        }
        assertThat(clouded).isBetween(30, 55);
        assertThat(focalLengths).hasSize(60);
        assertThat(laneWidths).hasSize(60);
        assertThat(fogged).isBetween(12, 40);
        assertThat(rainy).isBetween(4, 25);
        assertThat(snowy).isBetween(3, 25);
        assertThat(occluders).isGreaterThan(20);
    }

    @Test
    void theTableTopObjectsStandOnTheTable() throws SceneException {
        Scene scene = SceneLoader.load(TABLE);
        for (int i = 0; i < 20; i++) {
            Frame frame = scene.sampleFrame(i);
            List<SceneObject> onTable = frame.labelledObjects();
            assertThat(onTable).isNotEmpty();
            assertThat(onTable).allSatisfy(o -> {
                assertThat(o.position().y()).isEqualTo(0.75);
                assertThat(Math.abs(o.position().x())).isLessThanOrEqualTo(0.6);
                assertThat(Math.abs(o.position().z())).isLessThanOrEqualTo(0.4);
            });
            assertThat(frame.objects()).filteredOn(o -> o.group().equals("table")).singleElement()
                    .satisfies(t -> assertThat(t.instanceId()).isZero());
            double distance = Math.hypot(frame.camera().position().y() - 0.75, frame.camera().position().z());
            assertThat(distance).isBetween(0.8, 1.2);
        }
    }
}
