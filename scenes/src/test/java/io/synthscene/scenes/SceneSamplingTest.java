package io.synthscene.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.SceneObject;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Sampling is a function of (scene, seed, frame index) alone. */
class SceneSamplingTest {
    private static final String SCENE = """
            seed: 11
            frames: 20
            output: {width: 320, height: 200}
            categories:
              - {id: 5, name: pedestrian}
              - {id: 2, name: car}
            camera:
              position: [{uniform: [-1, 1]}, 1.5, 0]
              pitch_deg: {normal: {mean: -4, std: 1, min: -8, max: 0}}
              hfov_deg: {uniform: [50, 80]}
            lighting:
              sun: {azimuth_deg: {uniform: [0, 360]}, elevation_deg: {uniform: [20, 70]}}
            groups:
              - name: buildings
                asset: {kind: box, params: {height_m: {uniform: [5, 20]}}}
                count: 3
                region: {x: [20, 30], z: [-60, -10]}
              - name: cars
                asset: vehicle
                category: car
                count: {poisson: 5}
                region: {x: [-7, 7], z: [-60, -8]}
                yaw_deg: {choice: [0, 180]}
                color: {choice: [[0.7, 0.05, 0.05], [0.8, 0.8, 0.8]]}
                roughness: {uniform: [0.3, 0.7]}
                min_gap_m: 0.5
              - name: people
                asset: pedestrian
                category: pedestrian
                count: {uniform_int: [2, 6]}
                region: {x: [-7, 7], z: [-40, -5]}
            """;

    private static Scene scene(String yaml) throws SceneException {
        return SceneLoader.parse(yaml, "scene.yaml", null);
    }

    @Test
    void aFrameSampledAloneEqualsTheSameFrameSampledAfterOthers() throws SceneException {
        Scene scene = scene(SCENE);
        List<Frame> inOrder = IntStream.range(0, 8).mapToObj(scene::sampleFrame).toList();
        assertThat(scene(SCENE).sampleFrame(6)).isEqualTo(inOrder.get(6));
        assertThat(scene.sampleFrame(3)).isEqualTo(inOrder.get(3));
    }

    @Test
    void twoSeparatelyLoadedScenesSampleEqualFrames() throws SceneException {
        Scene first = scene(SCENE);
        Scene second = scene(SCENE);
        for (int i = 0; i < 5; i++) {
            assertThat(second.sampleFrame(i)).isEqualTo(first.sampleFrame(i));
        }
    }

    @Test
    void framesDifferFromEachOther() throws SceneException {
        Scene scene = scene(SCENE);
        assertThat(scene.sampleFrame(1)).isNotEqualTo(scene.sampleFrame(0));
        assertThat(scene.sampleFrame(1).camera()).isNotEqualTo(scene.sampleFrame(0).camera());
    }

    @Test
    void aSeedOverrideChangesTheFrameAndIsRecordedInIt() throws SceneException {
        Scene scene = scene(SCENE);
        Frame own = scene.sampleFrame(0);
        Frame other = scene.sampleFrame(99, 0);
        assertThat(own.sceneSeed()).isEqualTo(11);
        assertThat(other.sceneSeed()).isEqualTo(99);
        assertThat(other.camera()).isNotEqualTo(own.camera());
        assertThat(scene.sampleFrame(11, 0)).isEqualTo(own);
    }

    @Test
    void labelledObjectsAreNumberedFromOneInGroupOrderAndSceneryGetsZero() throws SceneException {
        Scene scene = scene(SCENE);
        for (int i = 0; i < 10; i++) {
            Frame frame = scene.sampleFrame(i);
            List<SceneObject> labelled = frame.objects().stream().filter(SceneObject::isLabelled).toList();
            assertThat(labelled).extracting(SceneObject::instanceId)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, labelled.size()).boxed().toList());
            assertThat(frame.objects().stream().map(SceneObject::group).distinct().toList())
                    .isSubsetOf("buildings", "cars", "people");
            assertThat(labelled.stream().map(SceneObject::group).toList()).isSortedAccordingTo(
                    java.util.Comparator.comparing(g -> g.equals("cars") ? 0 : 1));
            for (SceneObject object : frame.objects()) {
                switch (object.group()) {
                    case "buildings" -> assertThat(object).extracting(SceneObject::instanceId, SceneObject::categoryId,
                            SceneObject::category).containsExactly(0, 0, null);
                    case "cars" -> assertThat(object).extracting(SceneObject::categoryId, SceneObject::category)
                            .containsExactly(2, "car");
                    default -> assertThat(object.categoryId()).isEqualTo(5);
                }
            }
        }
    }

    @Test
    void theFrameCarriesAllCategoriesSortedByIdAndTheOutputSize() throws SceneException {
        Frame frame = scene(SCENE).sampleFrame(0);
        assertThat(frame.categories()).extracting(c -> c.id() + ":" + c.name() + ":" + c.supercategory())
                .containsExactly("2:car:car", "5:pedestrian:pedestrian");
        assertThat(frame.width()).isEqualTo(320);
        assertThat(frame.height()).isEqualTo(200);
        assertThat(frame.camera().nearMeters()).isEqualTo(0.1);
        assertThat(frame.camera().farMeters()).isEqualTo(1000);
    }

    @Test
    void sampledValuesStayInsideTheirDistributions() throws SceneException {
        Scene scene = scene(SCENE);
        for (int i = 0; i < 30; i++) {
            Frame frame = scene.sampleFrame(i);
            assertThat(frame.camera().position().x()).isBetween(-1.0, 1.0);
            assertThat(frame.camera().position().y()).isEqualTo(1.5);
            assertThat(frame.camera().pitchDegrees()).isBetween(-8.0, 0.0);
            assertThat(frame.camera().hfovDegrees()).isBetween(50.0, 80.0);
            assertThat(frame.lighting().sunElevationDegrees()).isBetween(20.0, 70.0);
            for (SceneObject object : frame.objects()) {
                if (object.group().equals("cars")) {
                    assertThat(object.position().x()).isBetween(-7.0, 7.0);
                    assertThat(object.position().z()).isBetween(-60.0, -8.0);
                    assertThat(object.yawDegrees()).isIn(0.0, 180.0);
                    assertThat(object.asset().param("length_m")).isBetween(3.8, 5.2);
                    assertThat(object.material().roughness()).isBetween(0.3, 0.7);
                }
                if (object.group().equals("buildings")) {
                    assertThat(object.asset().params()).containsEntry("width_m", 1.0).containsEntry("length_m", 1.0);
                    assertThat(object.asset().param("height_m")).isBetween(5.0, 20.0);
                }
            }
        }
    }

    @Test
    void carsKeepTheirMinimumGap() throws SceneException {
        Scene scene = scene(SCENE);
        for (int i = 0; i < 30; i++) {
            List<SceneObject> cars = scene.sampleFrame(i).objects().stream().filter(o -> o.group().equals("cars")).toList();
            for (int a = 0; a < cars.size(); a++) {
                for (int b = a + 1; b < cars.size(); b++) {
                    // their rectangles (width x length turned by yaw) at least the gap, 0.5 m, apart
                    assertThat(distance(groundRect(cars.get(a)), groundRect(cars.get(b)))).isGreaterThanOrEqualTo(0.5);
                }
            }
        }
    }

    /** A car's rectangle on the ground, four (x, z) corners in order: its length along its local z, turned by yaw. */
    private static double[][] groundRect(SceneObject car) {
        double hx = car.asset().param("width_m") / 2 * car.scale();
        double hz = car.asset().param("length_m") / 2 * car.scale();
        double yaw = Math.toRadians(car.yawDegrees());
        double[][] local = {{-hx, -hz}, {hx, -hz}, {hx, hz}, {-hx, hz}};
        double[][] world = new double[4][];
        for (int i = 0; i < 4; i++) {
            world[i] = new double[] {car.position().x() + local[i][0] * Math.cos(yaw) + local[i][1] * Math.sin(yaw),
                    car.position().z() - local[i][0] * Math.sin(yaw) + local[i][1] * Math.cos(yaw)};
        }
        return world;
    }

    /** The distance between two rectangles: 0 when they overlap (no edge normal separates them), else corner to edge. */
    private static double distance(double[][] a, double[][] b) {
        boolean separated = false;
        for (double[][] poly : List.of(a, b)) {
            for (int i = 0; i < 4; i++) {
                double nx = poly[(i + 1) % 4][1] - poly[i][1];
                double nz = poly[i][0] - poly[(i + 1) % 4][0];
                double aMin = Double.POSITIVE_INFINITY;
                double aMax = Double.NEGATIVE_INFINITY;
                double bMin = Double.POSITIVE_INFINITY;
                double bMax = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < 4; k++) {
                    aMin = Math.min(aMin, a[k][0] * nx + a[k][1] * nz);
                    aMax = Math.max(aMax, a[k][0] * nx + a[k][1] * nz);
                    bMin = Math.min(bMin, b[k][0] * nx + b[k][1] * nz);
                    bMax = Math.max(bMax, b[k][0] * nx + b[k][1] * nz);
                }
                separated |= aMax <= bMin || bMax <= aMin;
            }
        }
        if (!separated) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                best = Math.min(best, pointToSegment(a[i], b[j], b[(j + 1) % 4]));
                best = Math.min(best, pointToSegment(b[i], a[j], a[(j + 1) % 4]));
            }
        }
        return best;
    }

    private static double pointToSegment(double[] p, double[] s, double[] e) {
        double dx = e[0] - s[0];
        double dz = e[1] - s[1];
        double t = Math.max(0, Math.min(1, ((p[0] - s[0]) * dx + (p[1] - s[1]) * dz) / (dx * dx + dz * dz)));
        return Math.hypot(p[0] - s[0] - t * dx, p[1] - s[1] - t * dz);
    }

    @Test
    void objectsThatFindNoRoomAreDropped() throws SceneException {
        Scene scene = scene(SCENE.substring(0, SCENE.indexOf("groups:")) + """
                groups:
                  - name: crowd
                    asset: {kind: sphere, params: {radius_m: 1}}
                    category: car
                    count: 10
                    region: {x: [0, 2], z: [0, 2]}
                    min_gap_m: 0
                """);
        List<SceneObject> placed = scene.sampleFrame(0).objects();
        // a 2 x 2 m square holds at most 4 unit-radius spheres whose centres are 2 m apart
        assertThat(placed).hasSizeBetween(1, 4);
        assertThat(placed).extracting(SceneObject::instanceId)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, placed.size()).boxed().toList());
    }

    @Test
    void objectsStandingOnATableDoNotCollideWithIt() throws SceneException {
        Scene scene = scene(SCENE.substring(0, SCENE.indexOf("groups:")) + """
                groups:
                  - name: table
                    asset: {kind: box, params: {width_m: 2, length_m: 2, height_m: 0.8}}
                    region: {x: [0, 0], z: [0, 0]}
                  - name: cups
                    asset: {kind: cylinder, params: {radius_m: 0.04, height_m: 0.1}}
                    category: car
                    count: 5
                    elevation_m: 0.8
                    region: {x: [-0.8, 0.8], z: [-0.8, 0.8]}
                """);
        assertThat(scene.sampleFrame(0).objects()).hasSize(6);
    }

    @Test
    void anotherGroupDoesNotChangeTheDrawsOfAGroup() throws SceneException {
        String withoutBuildings = SCENE.replaceAll("(?s)  - name: buildings.*?(?=  - name: cars)", "");
        assertThat(withoutBuildings).doesNotContain("buildings");
        Scene full = scene(SCENE);
        Scene reduced = scene(withoutBuildings);
        for (int i = 0; i < 5; i++) {
            List<SceneObject> a = full.sampleFrame(i).objects().stream().filter(o -> !o.group().equals("buildings")).toList();
            List<SceneObject> b = reduced.sampleFrame(i).objects();
            // the buildings stand outside the other groups' regions, so not even positions change
            assertThat(b).isEqualTo(a);
        }
    }

    @Test
    void theLookOfAnObjectDoesNotDependOnWhereItCouldBePlaced() throws SceneException {
        String crowded = SCENE.replace("region: {x: [-7, 7], z: [-60, -8]}", "region: {x: [-4, 4], z: [-30, -8]}");
        Frame a = scene(SCENE).sampleFrame(2);
        Frame b = scene(crowded).sampleFrame(2);
        List<SceneObject> carsA = a.objects().stream().filter(o -> o.group().equals("cars")).toList();
        List<SceneObject> carsB = b.objects().stream().filter(o -> o.group().equals("cars")).toList();
        assertThat(carsA).isNotEmpty();
        assertThat(carsB.get(0).asset()).isEqualTo(carsA.get(0).asset());
        assertThat(carsB.get(0).material()).isEqualTo(carsA.get(0).material());
        assertThat(carsB.get(0).position()).isNotEqualTo(carsA.get(0).position());
    }
}
