package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthscene.scenes.FrameJson;
import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.RigCamera;
import io.synthscene.scenes.frame.SceneObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.joml.Vector3d;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A camera rig end to end: three cameras (front, left turned 45 degrees, right turned -45 degrees)
 * see one world per frame; a 1 m cube at a known spot (about 22 degrees left of the rig's axis)
 * shows in the front and the left camera. Ids, per-camera files, the 3-D box seen from two
 * cameras, the turned camera's projection, and every command on the rig's dataset.
 */
class CameraRigEndToEndTest {
    private static final int WIDTH = 96;
    private static final int HEIGHT = 72;
    private static final int FRAMES = 3;
    private static final List<String> CAMERAS = List.of("front", "left", "right");
    /** Where a cube's mask centroid may sit from the projection of its centre: rasterization and perspective. */
    private static final double CENTROID_TOLERANCE_PX = 1.0;
    /** The same box, expressed through two cameras' poses, in world metres. */
    private static final double SAME_POINT_METERS = 1e-9;

    static final String SCENE = """
            seed: 5
            frames: 3
            output: {width: 96, height: 72}
            categories:
              - {id: 1, name: marker}
              - {id: 2, name: post}
            camera:
              position: [0, 1.5, 0]
              yaw_deg: {uniform: [-5, 5]}
              pitch_deg: {uniform: [-3, 0]}
              hfov_deg: 60
              far_m: 200
              rig:
                - {name: front}
                - {name: left, offset: {x: -0.3, z: 0.1, yaw: 45}}
                - {name: right, offset: {x: 0.3, z: 0.1, yaw: -45}, hfov_deg: 70}
            weather:
              rain: {intensity: 0.3}
            groups:
              - name: marker
                asset: {kind: box, params: {width_m: 1, height_m: 1, length_m: 1}}
                category: marker
                region: {x: [-4, -4], z: [-10, -10]}
              - name: posts
                asset: {kind: box, params: {width_m: 0.4, height_m: 2, length_m: 0.4}}
                category: post
                count: 4
                region: {x: [2, 15], z: [-20, -6]}   # never between the rig and the marker
            """;

    @TempDir
    static Path temp;
    static Path scene;
    static Path dataset;
    static JsonNode coco;

    @BeforeAll
    static void renderOnce() throws IOException {
        scene = temp.resolve("rig.yaml");
        Files.writeString(scene, SCENE);
        dataset = temp.resolve("rig");
        Cli.Result result = Cli.run(args(dataset));
        assertThat(result.exitCode()).as(result.all()).isZero();
        coco = DatasetFiles.json(dataset.resolve("annotations/instances.json"));
    }

    private static String[] args(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("render", scene.toString(), "--out", out.toString(),
                "--frames", String.valueOf(FRAMES), "--threads", "2"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static Frame frame(Path root, int index) throws IOException {
        return FrameJson.fromJson(Files.readAllBytes(root.resolve(String.format("frames/%06d.json", index))));
    }

    @Test
    void everyCameraGetsItsOwnFilesAndTheFrameOneJsonWithTheRig() throws IOException {
        Map<String, byte[]> files = DatasetFiles.allFiles(dataset);
        for (int f = 0; f < FRAMES; f++) {
            for (String camera : CAMERAS) {
                String stem = String.format("%06d_%s", f, camera);
                assertThat(files).containsKeys("images/" + stem + ".png", "masks/instance/" + stem + ".png",
                        "occlusion/" + stem + ".json");
            }
            assertThat(files).containsKey(String.format("frames/%06d.json", f))
                    .doesNotContainKey(String.format("images/%06d.png", f));
            Frame frame = frame(dataset, f);
            assertThat(frame.rig()).extracting(RigCamera::name).containsExactlyElementsOf(CAMERAS);
        }
        assertThat(files.keySet().stream().filter(name -> name.startsWith("images/"))).hasSize(FRAMES * CAMERAS.size());
    }

    @Test
    void imageIdsAreFrameTimesCamerasPlusCameraPlusOneAndAnnotationIdsNeverCollide() throws IOException {
        assertThat(coco.get("images")).hasSize(FRAMES * CAMERAS.size());
        for (JsonNode image : coco.get("images")) {
            JsonNode extras = image.get("synthscene");
            int f = extras.get("frame_index").asInt();
            int c = extras.get("camera_index").asInt();
            assertThat(extras.get("cameras").asInt()).isEqualTo(3);
            assertThat(extras.get("camera").asText()).isEqualTo(CAMERAS.get(c));
            assertThat(image.get("id").asLong()).isEqualTo(f * 3L + c + 1);
            assertThat(image.get("file_name").asText()).isEqualTo(String.format("%06d_%s.png", f, CAMERAS.get(c)));
            // the image's camera is the rig camera recorded in the frame JSON
            Camera camera = frame(dataset, f).rig().get(c).camera();
            assertThat(matrix(extras.get("intrinsics"))).isDeepEqualTo(camera.intrinsics());
            assertThat(matrix(extras.get("camera_to_world"))).isDeepEqualTo(camera.cameraToWorld());
        }
        Set<Long> ids = new HashSet<>();
        for (JsonNode a : coco.get("annotations")) {
            long imageId = a.get("image_id").asLong();
            int instance = a.get("synthscene").get("instance_id").asInt();
            assertThat(a.get("id").asLong()).isEqualTo((imageId - 1) * 65536 + instance);
            assertThat(ids.add(a.get("id").asLong())).as("annotation id %d is unique", a.get("id").asLong()).isTrue();
        }
        assertThat(ids).hasSizeGreaterThan(FRAMES * 2);
    }

    @Test
    void theMarkerSeenByTwoCamerasHasOneBoxInTheWorld() throws IOException {
        int seenTwice = 0;
        for (int f = 0; f < FRAMES; f++) {
            Map<String, JsonNode> markerByCamera = markerAnnotations(f);
            assertThat(markerByCamera).containsKeys("front", "left").doesNotContainKey("right");
            double[][] front = worldCorners(markerByCamera.get("front"), image(f, 0));
            double[][] left = worldCorners(markerByCamera.get("left"), image(f, 1));
            for (int i = 0; i < 8; i++) {
                for (int k = 0; k < 3; k++) {
                    assertThat(left[i][k]).isCloseTo(front[i][k], within(SAME_POINT_METERS));
                }
            }
            // and that box is the marker of the frame JSON: a 1 m cube standing at its position
            SceneObject marker = frame(dataset, f).labelledObjects().get(0);
            double[] centre = mean(front);
            assertThat(centre[0]).isCloseTo(marker.position().x(), within(1e-6));
            assertThat(centre[1]).isCloseTo(marker.position().y() + 0.5, within(1e-6));
            assertThat(centre[2]).isCloseTo(marker.position().z(), within(1e-6));
            seenTwice++;
        }
        assertThat(seenTwice).isEqualTo(FRAMES);
    }

    @Test
    void theCameraTurnedByItsYawOffsetSeesTheMarkerWhereTheTurnedPoseProjectsIt() throws IOException {
        for (int f = 0; f < FRAMES; f++) {
            Frame frame = frame(dataset, f);
            // the left camera predicted from the rig's pose alone: move by (-0.3, 0, 0.1) in the
            // rig's axes, then turn 45 degrees about the rig's up axis
            var pose = frame.camera().glCameraToWorld().translate(-0.3, 0, 0.1).rotateY(Math.toRadians(45));
            var view = pose.invert();
            SceneObject marker = frame.labelledObjects().get(0);
            Vector3d p = view.transformPosition(new Vector3d(marker.position().x(), marker.position().y() + 0.5,
                    marker.position().z()));
            double focal = (WIDTH / 2.0) / Math.tan(Math.toRadians(30));
            double u = WIDTH / 2.0 + focal * p.x / -p.z;
            double v = HEIGHT / 2.0 - focal * p.y / -p.z;
            // the marker sits left of the rig's axis and right of the left camera's
            assertThat(u).isBetween(WIDTH / 2.0, (double) WIDTH);

            int[] ids = DatasetFiles.instanceMask(dataset.resolve(String.format("masks/instance/%06d_left.png", f)),
                    WIDTH, HEIGHT);
            double sumX = 0;
            double sumY = 0;
            int n = 0;
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] == marker.instanceId()) {
                    sumX += i % WIDTH + 0.5; // pixel centres at +0.5
                    sumY += i / WIDTH + 0.5;
                    n++;
                }
            }
            assertThat(n).as("frame %d: the marker's pixels in the left camera", f).isGreaterThan(20);
            assertThat(sumX / n).as("frame %d: centroid x", f).isCloseTo(u, within(CENTROID_TOLERANCE_PX));
            assertThat(sumY / n).as("frame %d: centroid y", f).isCloseTo(v, within(CENTROID_TOLERANCE_PX));
        }
    }

    @Test
    void everyCameraSeesTheSameRainWhoseVolumeIsAnchoredAtTheRig() throws IOException {
        Frame frame = frame(dataset, 0);
        assertThat(frame.weather().volumeCentre()).isEqualTo(frame.camera().position());
    }

    @Test
    void resumingAnInterruptedRigRunGivesTheUninterruptedRun() throws IOException {
        Path out = temp.resolve("interrupted");
        Cli.Result first = Cli.run(args(out));
        assertThat(first.exitCode()).as(first.all()).isZero();
        // what a kill leaves: no final files; frame 1 with all views but no JSON; frame 2 with its JSON
        // but one camera's image missing cannot happen in a run (the JSON comes last), and frame 0 done
        Files.delete(out.resolve("dataset.json"));
        Files.delete(out.resolve("annotations/instances.json"));
        Files.delete(out.resolve("frames/000001.json"));
        Files.delete(out.resolve("frames/000002.json"));
        Files.delete(out.resolve("images/000002_right.png"));
        Files.delete(out.resolve("masks/instance/000002_left.png"));

        Cli.Result resumed = Cli.run(args(out, "--resume"));

        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.err()).contains("resuming: 1 of 3 frames already done; removed 2 partly written frame(s)");
        assertThat(DatasetFiles.filesWithoutTimes(out)).isEqualTo(DatasetFiles.filesWithoutTimes(dataset));
    }

    @Test
    void shardsOfARigRunMergeIntoTheUnsplitRun() throws IOException {
        Path s0 = temp.resolve("s0");
        Path s1 = temp.resolve("s1");
        assertThat(Cli.run(args(s0, "--shard", "0/2")).exitCode()).isZero();
        assertThat(Cli.run(args(s1, "--shard", "1/2")).exitCode()).isZero();
        Path merged = temp.resolve("merged");

        Cli.Result merge = Cli.run("merge", s1.toString(), s0.toString(), "--out", merged.toString());

        assertThat(merge.exitCode()).as(merge.all()).isZero();
        assertThat(DatasetFiles.filesWithoutTimes(merged)).isEqualTo(DatasetFiles.filesWithoutTimes(dataset));

        // a shard missing one camera's image is refused, naming the frame
        Files.delete(s1.resolve("images/000002_left.png"));
        Cli.Result refused = Cli.run("merge", s0.toString(), s1.toString(), "--out", temp.resolve("refused").toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("frame 2 has its frame JSON but not every camera's image and mask");
    }

    @Test
    void validateExportStatsAndPreviewWorkOnARigDataset() throws IOException {
        Cli.Result validate = Cli.run("validate", dataset.toString());
        assertThat(validate.exitCode()).as(validate.all()).isZero();
        assertThat(validate.all()).contains("9 images").contains("no violations");

        Path exported = temp.resolve("exported");
        Cli.Result export = Cli.run("export", dataset.toString(), "--format", "coco,yolo", "--out", exported.toString());
        assertThat(export.exitCode()).as(export.all()).isZero();
        assertThat(Files.readAllBytes(exported.resolve("annotations/instances.json")))
                .isEqualTo(Files.readAllBytes(dataset.resolve("annotations/instances.json")));
        assertThat(exported.resolve("labels/000001_left.txt")).exists();
        assertThat(exported.resolve("images/000002_right.png")).exists();

        Path panoptic = temp.resolve("panoptic");
        Cli.Result exportPanoptic = Cli.run("export", dataset.toString(), "--format", "coco-panoptic", "--out",
                panoptic.toString());
        assertThat(exportPanoptic.exitCode()).as(exportPanoptic.all()).isZero();
        JsonNode panopticJson = DatasetFiles.json(panoptic.resolve("annotations/panoptic.json"));
        assertThat(panopticJson.get("images")).hasSize(9);

        Path stats = temp.resolve("stats");
        Cli.Result statsRun = Cli.run("stats", dataset.toString(), "--out", stats.toString());
        assertThat(statsRun.exitCode()).as(statsRun.all()).isZero();
        String card = Files.readString(stats.resolve("dataset_card.md"));
        assertThat(card).contains("| frames with a frame JSON | 3 |").contains("one per camera) | 9 |")
                .doesNotContain("Only 3 of 9 images");

        Path sheet = temp.resolve("preview.png");
        Cli.Result preview = Cli.run("preview", dataset.toString(), "--out", sheet.toString(), "--grid", "3x3");
        assertThat(preview.exitCode()).as(preview.all()).isZero();
        assertThat(preview.all()).contains("9 images");

        // a damaged rig image is found by validate, at its image
        Path damaged = temp.resolve("damaged");
        DatasetCopies.copy(dataset, damaged);
        Files.delete(damaged.resolve("masks/instance/000001_right.png"));
        Cli.Result invalid = Cli.run("validate", damaged.toString());
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.all()).contains("image 6: mask-missing");
    }

    @Test
    void oneCameraAtTheRigsPoseRendersTheSameBytesAsNoRig() throws IOException {
        Path plainScene = temp.resolve("plain.yaml");
        Path soloScene = temp.resolve("solo.yaml");
        String noRig = SCENE.replaceAll("(?s)  rig:\\n.*?weather:", "weather:");
        assertThat(noRig).doesNotContain("rig:");
        Files.writeString(plainScene, noRig);
        Files.writeString(soloScene, SCENE.replaceAll("(?s)  rig:\\n.*?weather:", "  rig:\n    - {name: solo}\nweather:"));
        Path plain = temp.resolve("plain");
        Path solo = temp.resolve("solo");
        Path again = temp.resolve("plain-again");
        for (Path[] run : new Path[][] {{plainScene, plain}, {soloScene, solo}, {plainScene, again}}) {
            Cli.Result result = Cli.run("render", run[0].toString(), "--out", run[1].toString(), "--frames", "2");
            assertThat(result.exitCode()).as(result.all()).isZero();
        }
        // same seed, same bytes
        Map<String, String> plainFiles = DatasetFiles.filesWithoutTimes(plain);
        Map<String, String> againFiles = DatasetFiles.filesWithoutTimes(again);
        assertThat(againFiles).isEqualTo(plainFiles);
        // without a rig: no camera names anywhere, the frame JSON has no rig, the rain no anchor
        assertThat(plainFiles).containsKeys("images/000000.png", "images/000001.png");
        assertThat(plainFiles.get("frames/000000.json")).doesNotContain("\"rig\"").doesNotContain("volume_centre_m");
        assertThat(plainFiles.get("annotations/instances.json")).doesNotContain("\"camera\"");
        // the one camera of a rig at the rig's pose sees exactly what the camera alone sees
        Map<String, byte[]> plainBytes = DatasetFiles.allFiles(plain);
        Map<String, byte[]> soloBytes = new TreeMap<>();
        DatasetFiles.allFiles(solo).forEach((name, bytes) -> soloBytes.put(name.replace("_solo.", "."), bytes));
        for (String name : plainBytes.keySet()) {
            if (name.matches("(images|masks/instance|occlusion)/.*")) {
                assertThat(soloBytes.get(name)).as(name).isEqualTo(plainBytes.get(name));
            }
        }
        JsonNode plainCoco = DatasetFiles.json(plain.resolve("annotations/instances.json"));
        JsonNode soloCoco = DatasetFiles.json(solo.resolve("annotations/instances.json"));
        assertThat(soloCoco.get("annotations")).isEqualTo(plainCoco.get("annotations"));
    }

    /** The marker's annotation in each camera of frame {@code f} that sees it, by camera name. */
    private static Map<String, JsonNode> markerAnnotations(int f) {
        Map<String, JsonNode> byCamera = new TreeMap<>();
        for (JsonNode a : coco.get("annotations")) {
            JsonNode image = imageById(a.get("image_id").asLong());
            if (image.get("synthscene").get("frame_index").asInt() == f && a.get("category_id").asInt() == 1) {
                byCamera.put(image.get("synthscene").get("camera").asText(), a);
            }
        }
        return byCamera;
    }

    private static JsonNode image(int f, int camera) {
        return imageById(f * 3L + camera + 1);
    }

    private static JsonNode imageById(long id) {
        for (JsonNode image : coco.get("images")) {
            if (image.get("id").asLong() == id) {
                return image;
            }
        }
        throw new AssertionError("no image " + id);
    }

    /** The annotation's 3-D box corners (camera coordinates, OpenCV axes) taken to the world by the image's pose. */
    private static double[][] worldCorners(JsonNode annotation, JsonNode image) {
        double[][] pose = matrix(image.get("synthscene").get("camera_to_world"));
        JsonNode corners = annotation.get("synthscene").get("box3d").get("corners_m");
        double[][] world = new double[8][3];
        for (int i = 0; i < 8; i++) {
            double[] c = {corners.get(i).get(0).asDouble(), corners.get(i).get(1).asDouble(), corners.get(i).get(2).asDouble(), 1};
            for (int r = 0; r < 3; r++) {
                for (int k = 0; k < 4; k++) {
                    world[i][r] += pose[r][k] * c[k];
                }
            }
        }
        return world;
    }

    private static double[] mean(double[][] points) {
        double[] m = new double[3];
        for (double[] p : points) {
            for (int k = 0; k < 3; k++) {
                m[k] += p[k] / points.length;
            }
        }
        return m;
    }

    private static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            m[r] = new double[rows.get(r).size()];
            for (int c = 0; c < m[r].length; c++) {
                m[r][c] = rows.get(r).get(c).asDouble();
            }
        }
        return m;
    }
}
