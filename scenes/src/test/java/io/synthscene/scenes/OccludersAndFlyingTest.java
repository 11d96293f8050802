package io.synthscene.scenes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Placement;
import io.synthscene.scenes.frame.SceneObject;
import java.util.List;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

/** Groups placed in front of other groups' objects ({@code occlude}) or in the air ({@code flying}). */
class OccludersAndFlyingTest {
    /** Line numbers in the error tests below refer to this text. */
    private static final String BASE = """
            seed: 11
            frames: 50
            output: {width: 160, height: 120}
            categories:
              - {id: 1, name: car}
            camera:
              mount_height_m: 1.5
              pitch_deg: {uniform: [-10, 0]}
              yaw_deg: {uniform: [-10, 10]}
            groups:
              - name: cars
                asset: sedan
                category: car
                count: {uniform_int: [1, 3]}
                region: {x: [-6, 6], z: [-30, -8]}
              - name: walls
                asset: {kind: box, params: {width_m: 3, height_m: 2.5, length_m: 0.2}}
                count: 2
                occlude: {targets: [cars], coverage: {uniform: [0.2, 0.8]}, distance_fraction: {uniform: [0.3, 0.6]}}
              - name: junk
                asset: {kind: box, params: {width_m: {uniform: [0.2, 1]}, height_m: 0.4, length_m: 0.3}}
                count: 5
                scale: {uniform: [0.5, 2]}
                flying: {depth_m: {uniform: [3, 25]}}
            """;
    /** Pixels a projected point may lie beyond the image and still count as inside: rounding only. */
    private static final double PIXEL_EPSILON = 1e-6;

    private static Scene scene(String text) throws SceneException {
        return SceneLoader.parse(text, "scene.yaml", null);
    }

    @Test
    void flyingDistractorsLieInsideTheViewFrustumAboveTheGround() throws Exception {
        Scene scene = scene(BASE);
        int flying = 0;
        for (int i = 0; i < 50; i++) {
            Frame frame = scene.sampleFrame(i);
            Camera camera = frame.camera();
            Matrix4d view = camera.viewMatrix();
            for (SceneObject object : frame.objects()) {
                if (!object.group().equals("junk")) {
                    continue;
                }
                flying++;
                assertThat(object.instanceId()).isZero();
                Placement placement = object.placement();
                assertThat(placement.kind()).isEqualTo("flying");
                Vector3d c = view.transformPosition(new Vector3d(object.position().x(), object.position().y(), object.position().z()));
                double depth = -c.z;
                assertThat(depth).isCloseTo(placement.depthMeters(), within(1e-9)).isBetween(camera.nearMeters(), camera.farMeters());
                double u = camera.principalPointXPixels() + camera.focalLengthPixels() * c.x / depth;
                double v = camera.principalPointYPixels() - camera.focalLengthPixels() * c.y / depth;
                assertThat(u).isBetween(-PIXEL_EPSILON, camera.width() + PIXEL_EPSILON);
                assertThat(v).isBetween(-PIXEL_EPSILON, camera.height() + PIXEL_EPSILON);
                // the box's far corner from its origin: no orientation brings any part below y = 0
                double w = object.asset().param("width_m");
                double reach = Math.sqrt(w * w / 4 + 0.4 * 0.4 + 0.15 * 0.15) * object.scale();
                assertThat(object.position().y()).isGreaterThanOrEqualTo(reach);
            }
        }
        assertThat(flying).isGreaterThan(200);
    }

    @Test
    void flyingOrientationsCoverAllDirections() throws Exception {
        Scene scene = scene(BASE);
        double[] sumUp = new double[3];
        int n = 0;
        for (int i = 0; i < 50; i++) {
            for (SceneObject object : scene.sampleFrame(i).objects()) {
                if (object.group().equals("junk")) {
                    Vector3d up = object.modelMatrix().normalize3x3().transformDirection(new Vector3d(0, 1, 0));
                    sumUp[0] += up.x;
                    sumUp[1] += up.y;
                    sumUp[2] += up.z;
                    n++;
                }
            }
        }
        // a uniform rotation turns +Y to a uniform direction: its mean tends to 0, std 1/sqrt(3 n) per axis
        double tolerance = 4 / Math.sqrt(3.0 * n);
        for (double s : sumUp) {
            assertThat(s / n).isCloseTo(0, within(tolerance));
        }
    }

    @Test
    void anOccluderStandsOnTheLineOfSightAndItsImageEdgeCutsTheTargetAtTheAskedShare() throws Exception {
        Scene scene = scene(BASE);
        int checked = 0;
        for (int i = 0; i < 50; i++) {
            Frame frame = scene.sampleFrame(i);
            for (SceneObject object : frame.objects()) {
                if (!object.group().equals("walls")) {
                    continue;
                }
                Placement p = object.placement();
                assertThat(p.kind()).isEqualTo("occluder");
                SceneObject target = frame.objects().get(p.targetObject());
                assertThat(target.group()).isEqualTo("cars");
                assertThat(target.instanceId()).isEqualTo(p.targetInstanceId());
                assertThat(p.coverage()).isBetween(0.2, 0.8);
                double[] t = columns(frame.camera(), target, target.asset().param("width_m") / 2,
                        target.asset().param("height_m"), target.asset().param("length_m") / 2);
                double[] o = columns(frame.camera(), object, 1.5, 2.5, 0.1);
                double goal = p.side().equals("left") ? t[0] + p.coverage() * (t[1] - t[0]) : t[1] - p.coverage() * (t[1] - t[0]);
                assertThat(p.side().equals("left") ? o[1] : o[0]).isCloseTo(goal, within(1e-6));
                // between the camera and the target, by the drawn fraction of the way (on the ground)
                double camToTarget = Math.hypot(target.position().x() - frame.camera().position().x(),
                        target.position().z() - frame.camera().position().z());
                double camToOccluder = Math.hypot(object.position().x() - frame.camera().position().x(),
                        object.position().z() - frame.camera().position().z());
                assertThat(camToOccluder).isGreaterThanOrEqualTo(p.distanceFraction() * camToTarget - 1e-9)
                        .isLessThan(camToTarget);
                checked++;
            }
        }
        // 2 walls a frame; one is dropped when no sideways slide within 45 degrees reaches the asked edge
        assertThat(checked).isBetween(90, 100);
    }

    private static double[] columns(Camera camera, SceneObject object, double halfX, double height, double halfZ) {
        Matrix4d model = object.modelMatrix();
        Matrix4d view = camera.viewMatrix();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 8; i++) {
            Vector3d p = model.transformPosition(new Vector3d((i & 1) == 0 ? -halfX : halfX, (i & 2) == 0 ? 0 : height,
                    (i & 4) == 0 ? -halfZ : halfZ));
            Vector3d c = view.transformPosition(p);
            double u = camera.focalLengthPixels() * c.x / -c.z;
            min = Math.min(min, u);
            max = Math.max(max, u);
        }
        return new double[] {min, max};
    }

    @Test
    void anOccluderOnlyTargetsObjectsInFrontOfTheCamera() throws Exception {
        // half the targets stand behind the camera; drawing among all of them lost the occluder
        // whenever one of those was drawn (one draw per occluder, no retry)
        Scene scene = scene("""
                seed: 5
                frames: 40
                output: {width: 160, height: 120}
                categories:
                  - {id: 1, name: car}
                camera: {mount_height_m: 1.5}
                groups:
                  - name: behind
                    asset: sedan
                    category: car
                    count: 3
                    region: {x: [-6, 6], z: [10, 30]}
                  - name: ahead
                    asset: sedan
                    category: car
                    count: 1
                    region: {x: [-2, 2], z: [-25, -15]}
                  - name: walls
                    asset: {kind: box, params: {width_m: 3, height_m: 2.5, length_m: 0.2}}
                    count: 1
                    occlude: {targets: [behind, ahead], coverage: {uniform: [0.2, 0.8]}, distance_fraction: {uniform: [0.3, 0.6]}}
                """);
        for (int i = 0; i < 40; i++) {
            Frame frame = scene.sampleFrame(i);
            List<SceneObject> walls = frame.objects().stream().filter(o -> o.group().equals("walls")).toList();
            assertThat(walls).as("frame %d", i).hasSize(1);
            assertThat(frame.objects().get(walls.get(0).placement().targetObject()).group()).isEqualTo("ahead");
            assertThat(frame.unplaced()).as("frame %d", i).isEmpty();
        }
    }

    @Test
    void addingOccludersAndFlyingDistractorsChangesNoOtherObject() throws Exception {
        String without = BASE.substring(0, BASE.indexOf("  - name: walls"));
        String withAfter = BASE + """
                  - name: later
                    asset: sedan
                    category: car
                    count: 3
                    region: {x: [-6, 6], z: [-40, -10]}
                """;
        String withoutAfter = without + withAfter.substring(withAfter.indexOf("  - name: later"));
        Scene a = scene(withAfter);
        Scene b = scene(withoutAfter);
        for (int i = 0; i < 20; i++) {
            Frame fa = a.sampleFrame(i);
            Frame fb = b.sampleFrame(i);
            List<SceneObject> others = fa.objects().stream()
                    .filter(o -> !o.group().equals("walls") && !o.group().equals("junk")).toList();
            assertThat(others).isEqualTo(fb.objects());
            assertThat(fa.camera()).isEqualTo(fb.camera());
            assertThat(fa.lighting()).isEqualTo(fb.lighting());
        }
    }

    @Test
    void placementsAreDeterministicAndSurviveFrameJson() throws Exception {
        Frame frame = scene(BASE).sampleFrame(7);
        assertThat(scene(BASE).sampleFrame(7)).isEqualTo(frame);
        assertThat(frame.objects()).anyMatch(o -> o.placement() != null);
        String json = new String(FrameJson.toJson(frame), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).contains("\"placement\"", "\"distance_fraction\"", "\"depth_m\"");
        assertThat(FrameJson.fromJson(FrameJson.toJson(frame))).isEqualTo(frame);
    }

    @Test
    void placementMistakesAreReportedAtTheirPositions() {
        String text = BASE
                .replace("occlude: {targets: [cars],", "occlude: {targets: [crs, junk],")
                .replace("coverage: {uniform: [0.2, 0.8]}", "coverage: 1.5")
                .replace("    flying: {depth_m:", "    region: {x: [0, 1], z: [0, 1]}\n    flying: {depth_m:");
        assertThatThrownBy(() -> scene(text)).isInstanceOf(SceneException.class).satisfies(e -> assertThat(e.getMessage())
                .contains("scene.yaml:19:25: groups[1].occlude.targets[0]: 'crs' is not a group before this one, did you mean 'cars'?")
                .contains("scene.yaml:19:30: groups[1].occlude.targets[1]: 'junk' is not a group before this one")
                .contains("scene.yaml:19:47: groups[1].occlude.coverage: 1.5 is outside [0, 1]")
                .contains("scene.yaml:24:5: groups[2].region: 'region' does not apply to a group with flying"));
    }

    @Test
    void aGroupCannotBothOccludeAndFlyNorGoWithoutAPlace() {
        String both = BASE.replace("    flying: {depth_m:", "    occlude: {targets: [cars], coverage: 0.5}\n    flying: {depth_m:");
        assertThatThrownBy(() -> scene(both)).isInstanceOf(SceneException.class)
                .hasMessageContaining("scene.yaml:25:5: groups[2].flying: a group either occludes or flies, not both");
        String neither = BASE.replace("    flying: {depth_m: {uniform: [3, 25]}}\n", "");
        assertThatThrownBy(() -> scene(neither)).isInstanceOf(SceneException.class)
                .hasMessageContaining("groups[2].region: missing required field 'region'");
        String flyingYaw = BASE.replace("    flying: {depth_m:", "    yaw_deg: 30\n    flying: {depth_m:");
        assertThatThrownBy(() -> scene(flyingYaw)).isInstanceOf(SceneException.class)
                .hasMessageContaining("scene.yaml:24:5: groups[2].yaw_deg: 'yaw_deg' does not apply to a group with flying");
    }
}
