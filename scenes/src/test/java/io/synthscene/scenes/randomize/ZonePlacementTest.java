package io.synthscene.scenes.randomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.FrameJson;
import io.synthscene.scenes.Scene;
import io.synthscene.scenes.SceneException;
import io.synthscene.scenes.SceneLoader;
import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.layout.RoadRect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Objects placed on the layout's zones, over many frames of the intersection example: never
 * interpenetrating, on the zone they name, facing along it within the scene's jitter, within their
 * distance range, in view when asked, and the same for the same (seed, index).
 */
class ZonePlacementTest {
    private static final int FRAMES = 150;
    /** The example's jitter bound on the yaw of vehicles in lanes and parking, degrees. */
    private static final double VEHICLE_JITTER_DEG = 5;
    private static final double KERB_HEIGHT_M = 0.15;

    private static Scene scene;
    private static List<Frame> frames;

    @BeforeAll
    static void sample() throws SceneException {
        scene = SceneLoader.load(Path.of("examples/intersection.yaml"));
        frames = IntStream.range(0, FRAMES).mapToObj(scene::sampleFrame).toList();
    }

    private static List<SceneObject> placed(Frame frame) {
        return frame.objects().stream().filter(o -> !o.group().startsWith("layout/")).toList();
    }

    private static List<SceneObject> onZone(String zone) {
        List<SceneObject> found = new ArrayList<>();
        frames.forEach(f -> placed(f).stream().filter(o -> o.zone() != null && o.zone().on().equals(zone)).forEach(found::add));
        assertThat(found).as("objects on " + zone).hasSizeGreaterThan(FRAMES / 2);
        return found;
    }

    @Test
    void noTwoPlacedObjectsInterpenetrateOrComeCloserThanTheirGapInAnyFrame() {
        int pairs = 0;
        for (Frame frame : frames) {
            List<SceneObject> objects = placed(frame);
            for (int i = 0; i < objects.size(); i++) {
                for (int j = i + 1; j < objects.size(); j++) {
                    SceneObject a = objects.get(i);
                    SceneObject b = objects.get(j);
                    Footprint fa = footprint(a);
                    Footprint fb = footprint(b);
                    boolean heightsOverlap = fa.bottom() < fb.top() && fb.bottom() < fa.top();
                    if (heightsOverlap) {
                        // apart (no interpenetration) by the larger of their groups' gaps, the rectangles turned by the final yaw
                        double gap = Math.max(gap(a), gap(b));
                        assertThat(fa.distanceTo(fb)).as("frame %d: %s and %s", frame.index(), a.group(), b.group())
                                .isGreaterThanOrEqualTo(gap);
                        pairs++;
                    }
                }
            }
        }
        assertThat(pairs).isGreaterThan(FRAMES * 100);
    }

    /** The footprint of a placed object, where it stands, turned by its final yaw. */
    private static Footprint footprint(SceneObject o) {
        return Footprint.of(o.asset(), o.scale(), o.position().x(), o.position().y(), o.position().z(), o.yawDegrees(), gap(o));
    }

    private static double gap(SceneObject o) {
        return scene.spec().groups().stream().filter(g -> g.name().equals(o.group())).findFirst().orElseThrow().minGapMeters();
    }

    @Test
    void sidewalkObjectsStandOnTheSidewalkAtKerbHeight() {
        for (Frame frame : frames) {
            List<RoadRect> sidewalks = frame.objects().stream().filter(o -> o.group().equals("layout/sidewalk"))
                    .map(ZonePlacementTest::rect).toList();
            for (SceneObject o : placed(frame)) {
                if (o.zone() != null && o.zone().on().equals("sidewalk")) {
                    assertThat(o.position().y()).isEqualTo(KERB_HEIGHT_M);
                    // the whole footprint of a person (radius 0.3 m) is on the paving, which may be two pieces where they meet
                    for (int a = 0; a < 360; a += 45) {
                        double x = o.position().x() + 0.3 * Math.cos(Math.toRadians(a));
                        double z = o.position().z() + 0.3 * Math.sin(Math.toRadians(a));
                        assertThat(sidewalks).as("frame %d %s at %s", frame.index(), o.group(), o.position())
                                .anyMatch(s -> s.contains(x, z, 0));
                    }
                }
            }
        }
        onZone("sidewalk");
    }

    @Test
    void vehiclesInLanesAndParkingFaceAlongTheTrafficWithinTheJitter() {
        for (String zone : List.of("lane", "oncoming_lane", "parking")) {
            for (SceneObject o : onZone(zone)) {
                double forward = switch (o.zone().arm()) {
                    case "south", "north" -> 180;   // the main road runs along -Z
                    case "east" -> 90;
                    case "west" -> -90;
                    default -> throw new AssertionError(o.zone().arm());
                };
                boolean oncoming = zone.equals("oncoming_lane")
                        || zone.equals("parking") && lateral(o, forward) < 0;
                double expected = forward + (oncoming ? 180 : 0);
                if (o.asset().kind().equals("bicycle") || o.asset().kind().equals("pedestrian")) {
                    continue;
                }
                assertThat(angle(o.yawDegrees() - expected)).as("%s on %s %s", o.group(), zone, o.zone().arm())
                        .isLessThanOrEqualTo(VEHICLE_JITTER_DEG);
            }
        }
    }

    @Test
    void aLaneNumberPutsTheObjectInThatLane() {
        // the example's cyclists ride in lane 2: 3.25 to 6.5 m right of the centre line
        List<SceneObject> cyclists = new ArrayList<>();
        frames.forEach(f -> placed(f).stream().filter(o -> o.group().equals("cyclists")).forEach(cyclists::add));
        assertThat(cyclists).isNotEmpty().allSatisfy(c -> {
            assertThat(c.zone().lane()).isEqualTo(2);
            double forward = switch (c.zone().arm()) {
                case "south", "north" -> 180;
                case "east" -> 90;
                default -> -90;
            };
            assertThat(lateral(c, forward)).isBetween(3.25, 6.5);
        });
    }

    @Test
    void distanceRangesAreKept() {
        for (SceneObject o : onZone("lane")) {
            if (o.group().equals("cars-ahead")) {
                Frame frame = frames.stream().filter(f -> f.objects().contains(o)).findFirst().orElseThrow();
                Camera c = frame.camera();
                assertThat(Math.hypot(o.position().x() - c.position().x(), o.position().z() - c.position().z())).isBetween(7.0, 90.0);
            }
        }
    }

    @Test
    void objectsThatMustBeVisibleProjectIntoTheImage() {
        int checked = 0;
        for (Frame frame : frames) {
            for (SceneObject o : placed(frame)) {
                if (List.of("cars-crossing", "vans-crossing", "crossing", "cyclists").contains(o.group())) {
                    assertThat(projectsIntoImage(frame.camera(), o)).as("frame %d %s", frame.index(), o.group()).isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(FRAMES);
    }

    @Test
    void theSameSeedAndIndexGiveTheSameFrameInAnyOrder() {
        for (int i : new int[] {FRAMES - 1, 37, 0}) {
            Frame again = scene.sampleFrame(i);
            assertThat(again).isEqualTo(frames.get(i));
            assertThat(FrameJson.toJson(again)).isEqualTo(FrameJson.toJson(frames.get(i)));
            assertThat(FrameJson.fromJson(FrameJson.toJson(again))).isEqualTo(again);
        }
        assertThat(frames.get(0).layout().kind()).isEqualTo("four_way");
        assertThat(frames.get(0).layout().params()).containsEntry("lanes_per_direction", 2.0);
    }

    /**
     * Whether any of a grid of points filling the box around the object's footprint (its rectangle's
     * axis-aligned bounds, the box placement tests) projects into the image,
     * through OpenCV's camera model (camera_to_world and K), not the GL view matrix placement uses.
     */
    private static boolean projectsIntoImage(Camera camera, SceneObject o) {
        Footprint f = footprint(o);
        double[] g = f.groundBounds();
        double h = f.top() - f.bottom();
        double[][] m = camera.cameraToWorld();
        double[][] k = camera.intrinsics();
        int n = 6;
        for (int ix = 0; ix <= n; ix++) {
            for (int iy = 0; iy <= n; iy++) {
                for (int iz = 0; iz <= n; iz++) {
                    double[] w = {g[0] + (g[1] - g[0]) * ix / n, o.position().y() + h * iy / n, g[2] + (g[3] - g[2]) * iz / n};
                    double[] d = {w[0] - m[0][3], w[1] - m[1][3], w[2] - m[2][3]};
                    // camera coordinates: the transpose of camera_to_world's rotation
                    double x = m[0][0] * d[0] + m[1][0] * d[1] + m[2][0] * d[2];
                    double y = m[0][1] * d[0] + m[1][1] * d[1] + m[2][1] * d[2];
                    double z = m[0][2] * d[0] + m[1][2] * d[1] + m[2][2] * d[2];
                    if (z > camera.nearMeters()) {
                        double u = k[0][0] * x / z + k[0][2];
                        double v = k[1][1] * y / z + k[1][2];
                        if (u >= 0 && u <= camera.width() && v >= 0 && v <= camera.height()) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** The rectangle a layout box or plane covers on the ground. */
    static RoadRect rect(SceneObject piece) {
        return new RoadRect(piece.position().x(), piece.position().z(), piece.yawDegrees(), piece.asset().param("width_m"),
                piece.asset().param("length_m"));
    }

    /** Metres right of the centre line of the arm the object stands on, for an arm heading {@code forward}. */
    private static double lateral(SceneObject o, double forward) {
        double h = Math.toRadians(forward);
        double z0 = forward == 180 ? 0 : -32;   // the side arms' centre line is z = -32; the main road's x = 0
        double ox = o.position().x();
        double oz = o.position().z() - z0;
        return -ox * Math.cos(h) + oz * Math.sin(h);
    }

    /** |a| folded into [0, 180]. */
    private static double angle(double degrees) {
        double a = ((degrees % 360) + 360) % 360;
        return Math.min(a, 360 - a);
    }
}
