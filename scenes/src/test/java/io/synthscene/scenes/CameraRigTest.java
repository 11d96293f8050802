package io.synthscene.scenes;

import static io.synthscene.scenes.SceneProblems.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.RigCamera;
import io.synthscene.scenes.frame.RigView;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

/** camera.rig: parsing with positions, the cameras' poses and intrinsics, one world per frame, JSON. */
class CameraRigTest {
    /** Line numbers in the problem tests refer to this text. */
    private static final String BASE = """
            seed: 3
            frames: 10
            output: {width: 64, height: 48}
            categories:
              - {id: 1, name: car}
            camera:
              position: [{uniform: [-1, 1]}, 1.5, 0]
              yaw_deg: {uniform: [-10, 10]}
              pitch_deg: {uniform: [-5, 0]}
              hfov_deg: {uniform: [50, 80]}
            weather:
              rain: {intensity: 0.5}
            groups:
              - name: cars
                asset: vehicle
                category: car
                count: {uniform_int: [1, 4]}
                region: {x: [-5, 5], z: [-30, -5]}
            """;
    private static final String RIG = """
              rig:
                - {name: front}
                - {name: left, offset: {x: -0.5, z: 0.25, yaw: 40}, hfov_deg: 90}
                - {name: right, offset: {x: 0.5, y: 0.1, yaw: -40, pitch: -3, roll: 2}, focal_length_px: 30}
            """;
    private static final double EXACT = 1e-9;

    private static Scene scene(String yaml) throws SceneException {
        return SceneLoader.parse(yaml, "scene.yaml", null);
    }

    private static String withRig(String rig) {
        String anchor = "  hfov_deg: {uniform: [50, 80]}\n";
        assertThat(BASE).contains(anchor);
        return BASE.replace(anchor, anchor + rig);
    }

    @Test
    void aRigDrawsNothingElseDifferently() throws SceneException {
        Scene plain = scene(BASE);
        Scene rig = scene(withRig(RIG));
        for (int i = 0; i < 10; i++) {
            Frame a = plain.sampleFrame(i);
            Frame b = rig.sampleFrame(i);
            assertThat(a.rig()).isNull();
            assertThat(b.camera()).isEqualTo(a.camera());
            assertThat(b.objects()).isEqualTo(a.objects());
            assertThat(b.lighting()).isEqualTo(a.lighting());
            assertThat(b.weather().rainIntensity()).isEqualTo(a.weather().rainIntensity());
            assertThat(b.rig()).extracting(RigCamera::name).containsExactly("front", "left", "right");
        }
    }

    @Test
    void everyViewSeesTheSameWorldThroughItsOwnCamera() throws SceneException {
        Frame frame = scene(withRig(RIG)).sampleFrame(4);
        List<RigView> views = frame.views();
        assertThat(views).hasSize(3);
        for (int c = 0; c < 3; c++) {
            RigView view = views.get(c);
            assertThat(view.cameraName()).isEqualTo(frame.rig().get(c).name());
            assertThat(view.cameraIndex()).isEqualTo(c);
            assertThat(view.viewIndex()).isEqualTo(4L * 3 + c);
            assertThat(view.frame().camera()).isEqualTo(frame.rig().get(c).camera());
            assertThat(view.frame().rig()).isNull();
            assertThat(view.frame().objects()).isEqualTo(frame.objects());
            assertThat(view.frame().lighting()).isEqualTo(frame.lighting());
            // one particle volume for the whole rig, anchored at the rig's pose
            assertThat(view.frame().weather()).isEqualTo(frame.weather());
            assertThat(view.frame().weather().volumeCentreFor(view.frame().camera())).isEqualTo(frame.camera().position());
        }
        Frame plain = scene(BASE).sampleFrame(4);
        assertThat(plain.views()).singleElement().satisfies(v -> {
            assertThat(v.cameraName()).isNull();
            assertThat(v.frame()).isEqualTo(plain);
            assertThat(v.viewIndex()).isEqualTo(4);
        });
        assertThat(plain.weather().volumeCentre()).isNull();
    }

    @Test
    void aCameraWithoutOffsetIsTheRigsCamera() throws SceneException {
        Frame frame = scene(withRig(RIG)).sampleFrame(2);
        assertThat(frame.rig().get(0).camera()).isEqualTo(frame.camera());
    }

    @Test
    void offsetsMoveAndTurnEachCameraInTheRigsOwnAxes() throws SceneException {
        Frame frame = scene(withRig(RIG)).sampleFrame(7);
        Camera rig = frame.camera();
        Camera left = frame.rig().get(1).camera();
        Camera right = frame.rig().get(2).camera();
        // position: the rig's pose applied to the offset (rig axes: x right, y up, z backwards)
        Vector3d expectedLeft = rig.glCameraToWorld().transformPosition(new Vector3d(-0.5, 0, 0.25));
        assertThat(left.position().x()).isCloseTo(expectedLeft.x, within(EXACT));
        assertThat(left.position().y()).isCloseTo(expectedLeft.y, within(EXACT));
        assertThat(left.position().z()).isCloseTo(expectedLeft.z, within(EXACT));
        // orientation: the camera's axes are the rig's axes turned by the offset
        for (Camera camera : List.of(left, right)) {
            Vector3d forward = camera.glCameraToWorld().transformDirection(new Vector3d(0, 0, -1));
            assertThat(forward.length()).isCloseTo(1, within(EXACT));
        }
        Vector3d leftForward = left.glCameraToWorld().transformDirection(new Vector3d(0, 0, -1));
        Vector3d expected = rig.glCameraToWorld().rotateY(Math.toRadians(40)).transformDirection(new Vector3d(0, 0, -1));
        assertThat(leftForward.distance(expected)).isLessThan(EXACT);
        Vector3d rightUp = right.glCameraToWorld().transformDirection(new Vector3d(0, 1, 0));
        Vector3d expectedUp = rig.glCameraToWorld().rotateY(Math.toRadians(-40)).rotateX(Math.toRadians(-3))
                .rotateZ(Math.toRadians(2)).transformDirection(new Vector3d(0, 1, 0));
        assertThat(rightUp.distance(expectedUp)).isLessThan(EXACT);
        // intrinsics: own field of view or focal length, else the rig's
        assertThat(left.hfovDegrees()).isEqualTo(90);
        assertThat(right.focalLengthPixels()).isCloseTo(30, within(EXACT));
        assertThat(frame.rig().get(0).camera().hfovDegrees()).isEqualTo(rig.hfovDegrees());
    }

    @Test
    void aLevelRigTurnedByYawOnlyAddsTheYaw() throws SceneException {
        String yaml = withRig("  rig:\n    - {name: a, offset: {yaw: 30}}\n")
                .replace("  pitch_deg: {uniform: [-5, 0]}\n", "");
        Frame frame = scene(yaml).sampleFrame(1);
        Camera turned = frame.rig().get(0).camera();
        assertThat(turned.yawDegrees()).isCloseTo(frame.camera().yawDegrees() + 30, within(EXACT));
        assertThat(turned.pitchDegrees()).isCloseTo(0, within(EXACT));
        assertThat(turned.rollDegrees()).isCloseTo(0, within(EXACT));
        assertThat(turned.position()).isEqualTo(frame.camera().position());
    }

    @Test
    void theRigRoundTripsThroughJsonAndAFrameWithoutItWritesNoRig() throws SceneException {
        Frame frame = scene(withRig(RIG)).sampleFrame(3);
        assertThat(FrameJson.fromJson(FrameJson.toJson(frame))).isEqualTo(frame);
        String json = new String(FrameJson.toJson(frame), StandardCharsets.UTF_8);
        assertThat(json).contains("\"rig\" : [", "\"name\" : \"left\"", "\"volume_centre_m\"");
        String plain = new String(FrameJson.toJson(scene(BASE).sampleFrame(3)), StandardCharsets.UTF_8);
        assertThat(plain).doesNotContain("\"rig\"").doesNotContain("volume_centre_m");
    }

    @Test
    void resizingAFrameResizesEveryCameraOfTheRig() throws SceneException {
        Frame frame = scene(withRig(RIG)).sampleFrame(0).withImageSize(128, 96);
        for (RigCamera c : frame.rig()) {
            assertThat(c.camera().width()).isEqualTo(128);
            assertThat(c.camera().height()).isEqualTo(96);
        }
        assertThat(frame.rig().get(2).camera().focalLengthPixels()).isCloseTo(60, within(1e-6));
    }

    @Test
    void visibleFromCameraAcceptsAPlaceAnyCameraOfTheRigSees() throws SceneException {
        // a region 90 degrees to the left of the rig's axis: the rig's own view never shows it,
        // the camera turned 90 degrees left always does
        String yaml = BASE.replace("  yaw_deg: {uniform: [-10, 10]}\n", "").replace("  pitch_deg: {uniform: [-5, 0]}\n", "")
                .replace("region: {x: [-5, 5], z: [-30, -5]}", "region: {x: [-30, -10], z: [-2, 2]}\n    visible_from_camera: true");
        Scene alone = scene(yaml);
        Scene rig = scene(yaml.replace("  hfov_deg: {uniform: [50, 80]}\n",
                "  hfov_deg: {uniform: [50, 80]}\n  rig:\n    - {name: ahead}\n    - {name: aside, offset: {yaw: 90}}\n"));
        for (int i = 0; i < 5; i++) {
            assertThat(alone.sampleFrame(i).labelledObjects()).as("frame %d without the rig", i).isEmpty();
            assertThat(rig.sampleFrame(i).labelledObjects()).as("frame %d with the rig", i).isNotEmpty();
        }
    }

    @Test
    void rigMistakesAreReportedAtTheirPlace() {
        assertThat(problems(withRig("  rig:\n    - {name: a}\n    - {name: a}\n")))
                .containsExactly("scene.yaml:13:14: camera.rig[1].name: camera name 'a' is used twice (first at line 12, column 14)");
        assertThat(problems(withRig("  rig: []\n")))
                .containsExactly("scene.yaml:11:8: camera.rig: a rig has 1 to 16 cameras, got 0");
        assertThat(problems(withRig("  rig:\n" + "    - {name: c}\n".repeat(17))))
                .containsExactly("scene.yaml:12:5: camera.rig: a rig has 1 to 16 cameras, got 17");
        assertThat(problems(withRig("  rig:\n    - {name: front/left}\n")))
                .singleElement().asString().startsWith("scene.yaml:12:14: camera.rig[0].name: camera name 'front/left' must be");
        assertThat(problems(withRig("  rig:\n    - {offset: {x: 1}}\n")))
                .containsExactly("scene.yaml:12:7: camera.rig[0].name: missing required field 'name'");
        assertThat(problems(withRig("  rig:\n    - {name: a, offset: {x: 1, yw: 3}}\n")))
                .singleElement().asString().startsWith("scene.yaml:12:32: camera.rig[0].offset.yw: unknown key 'yw'")
                .contains("did you mean");
        assertThat(problems(withRig("  rig:\n    - {name: a, offset: {yaw: {uniform: [0, 1]}}}\n")))
                .containsExactly("scene.yaml:12:31: camera.rig[0].offset.yaw: expected a number, got a map");
        assertThat(problems(withRig("  rig:\n    - {name: a, hfov_deg: 60, focal_length_px: 40}\n")))
                .containsExactly("scene.yaml:12:31: camera.rig[0].focal_length_px: give either hfov_deg or focal_length_px, not both");
        assertThat(problems(withRig("  rig:\n    - {name: a, hfov_deg: 200}\n")))
                .singleElement().asString().startsWith("scene.yaml:12:27: camera.rig[0].hfov_deg: 200");
        assertThat(problems(withRig("  rig: {name: a}\n")))
                .containsExactly("scene.yaml:11:8: camera.rig: expected a list, got a map");
    }
}
