package io.synthscene.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.SceneObject;
import java.nio.file.Path;
import java.util.List;
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
    void theUrbanStreetHasCarsAndPedestriansAndUnlabelledBuildings() throws SceneException {
        Scene scene = SceneLoader.load(URBAN);
        assertThat(scene.width()).isEqualTo(640);
        assertThat(scene.height()).isEqualTo(480);
        assertThat(scene.categories()).extracting(c -> c.name())
                .containsExactly("car", "pedestrian", "cyclist", "truck", "bus", "traffic_sign");
        int cars = 0;
        int pedestrians = 0;
        for (int i = 0; i < 20; i++) {
            Frame frame = scene.sampleFrame(i);
            List<SceneObject> objects = frame.objects();
            long frameCars = objects.stream().filter(o -> "car".equals(o.category())).count();
            assertThat(frameCars).as("cars in frame " + i).isBetween(4L, 8L);
            cars += frameCars;
            pedestrians += objects.stream().filter(o -> "pedestrian".equals(o.category())).count();
            assertThat(objects.stream().filter(o -> o.group().startsWith("buildings")))
                    .allSatisfy(o -> assertThat(o.instanceId()).isZero())
                    .allSatisfy(o -> assertThat(Math.abs(o.position().x())).isGreaterThanOrEqualTo(16));
            assertThat(frame.camera().position().y()).isBetween(1.3, 1.7);
        }
        assertThat(cars).isGreaterThan(0);
        assertThat(pedestrians).isGreaterThan(0);
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
