package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthscene.annotators.InstanceAnnotation;
import io.synthscene.annotators.InstanceAnnotator;
import io.synthscene.annotators.Occlusion;
import io.synthscene.annotators.OcclusionAnnotator;
import io.synthscene.assets.AssetLibrary;
import io.synthscene.engine.DevicePreference;
import io.synthscene.engine.Renderer;
import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Category;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Ground;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Vec3;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Occlusion labels from real renders on llvmpipe, against answers known in advance: panels (boxes
 * 2 cm deep, facing the camera) whose projections are worked out on paper, then the urban example
 * checked for the invariants on every annotation.
 *
 * <p>Camera 1 m up at z = 10, level, looking along -Z, 256 x 192 pixels, 50 degrees across:
 * focal length f = 128 / tan(25 deg) = 274.5 pixels; a point at lateral offset x and distance d
 * projects to u = 128 + f x / d, and x = 0 to u = 128 exactly, a pixel border.
 */
class OcclusionTest {
    private static final int WIDTH = 256;
    private static final int HEIGHT = 192;
    /** A ratio of pixel counts against the value worked out on paper: one column of pixels in ~110. */
    private static final double RATIO_TOLERANCE = 0.01;
    private static final Set<RenderPass> PASSES = EnumSet.of(RenderPass.INSTANCE_ID, RenderPass.SILHOUETTES);
    private static final Material GREY = new Material(new Rgb(0.5, 0.5, 0.5), 1.0);
    private static final Camera CAMERA = new Camera(new Vec3(0, 1, 10), 0, 0, 0, 50, 0.1, 100, WIDTH, HEIGHT);

    private static Renderer renderer;

    @TempDir
    Path temp;

    @BeforeAll
    static void open() {
        renderer = Renderer.open(DevicePreference.AUTO, WIDTH, HEIGHT, 1, new AssetLibrary());
    }

    @AfterAll
    static void close() {
        renderer.close();
    }

    /** A panel 2 cm deep facing the camera: x from x0 to x1, y from y0 to y1, front face at z + 0.01. */
    static SceneObject panel(int instanceId, double x0, double x1, double y0, double y1, double z) {
        AssetRef box = AssetRef.procedural("box", Map.of("width_m", x1 - x0, "height_m", y1 - y0, "length_m", 0.02));
        return new SceneObject(instanceId, 1, "panel", "panels", box, new Vec3((x0 + x1) / 2, y0, z), 0, 0, 0, 1, GREY);
    }

    static List<InstanceAnnotation> annotate(SceneObject... objects) {
        Frame frame = new Frame(0, 1L, CAMERA,
                new Lighting(0, 45, 0, new Rgb(1, 1, 1), 0.5, new Rgb(1, 1, 1), new Rgb(0.5, 0.7, 1)),
                new Ground(200, GREY), List.of(new Category(1, "panel", "thing")), List.of(objects));
        RenderedFrame rendered = renderer.render(frame, PASSES);
        List<InstanceAnnotation> annotations = new OcclusionAnnotator()
                .annotate(frame, rendered, new InstanceAnnotator().annotate(frame, rendered)).annotations();
        for (InstanceAnnotation a : annotations) {
            assertAmodalHoldsVisible(a.rle().countsString(), a.occlusion().amodalRle().countsString(), HEIGHT, WIDTH);
        }
        return annotations;
    }

    @Test
    void boxHalfHiddenBehindAnotherHasVisibilityOneHalfAndTheFrontBoxAsOccluder() {
        // Back panel x -2..2 at 10 m: u from 73 to 183. The front panel at 6 m ends at x = 0 (u = 128)
        // and spans y 0.05..2 (v from 50 to 138), beyond the back panel's rows (83 to 110): it hides
        // exactly the left half. (Below y = 0 the ground would hide the front panel itself.)
        List<InstanceAnnotation> annotations = annotate(
                panel(1, -2, 2, 0.5, 1.5, -0.01),
                panel(2, -3, 0, 0.05, 2, 3.99));
        Occlusion back = annotations.get(0).occlusion();
        assertThat(back.visibility()).isCloseTo(0.5, within(RATIO_TOLERANCE));
        assertThat(back.occluders()).containsExactly(2);
        assertThat(back.truncation()).isZero();
        assertThat(back.amodalArea()).isGreaterThan(annotations.get(0).area());
        assertThat(annotations.get(1).occlusion().visibility()).isEqualTo(1.0);
        assertThat(annotations.get(1).occlusion().occluders()).isEmpty();
    }

    @Test
    void boxHalfOutsideTheImageHasTruncationOneHalfAndVisibilityOne() {
        // u = 0 at x = -128 * 10 / f = -4.663 m; the panel spans 3 m either side: u from -82 to 82.
        double edge = -128 * 10 / (128 / Math.tan(Math.toRadians(25)));
        InstanceAnnotation a = annotate(panel(1, edge - 3, edge + 3, 0.5, 1.5, -0.01)).get(0);
        Occlusion o = a.occlusion();
        assertThat(o.truncation()).isCloseTo(0.5, within(RATIO_TOLERANCE));
        assertThat(o.visibility()).isEqualTo(1.0);
        assertThat(o.truncationIsLowerBound()).isFalse();
        assertThat(o.amodalBbox()).containsExactly(a.x(), a.y(), a.width(), a.height());
        int[] unclipped = o.unclippedBbox();
        assertThat(unclipped[0]).isCloseTo(-82, within(1));
        assertThat(unclipped[0] + unclipped[2]).isEqualTo(a.x() + a.width());
    }

    @Test
    void unoccludedUntruncatedBoxHasVisibilityOneTruncationZeroAndAmodalBboxEqualToBbox() {
        InstanceAnnotation a = annotate(panel(1, -1, 1.5, 0.3, 1.6, 0)).get(0);
        Occlusion o = a.occlusion();
        assertThat(o.visibility()).isEqualTo(1.0);
        assertThat(o.truncation()).isZero();
        assertThat(o.occluders()).isEmpty();
        assertThat(o.amodalBbox()).containsExactly(a.x(), a.y(), a.width(), a.height());
        assertThat(o.unclippedBbox()).containsExactly(a.x(), a.y(), a.width(), a.height());
        assertThat(o.amodalArea()).isEqualTo(a.area());
        assertThat(o.amodalRle().countsString()).isEqualTo(a.rle().countsString());
    }

    @Test
    void everyAnnotationOfTheUrbanExampleSatisfiesTheOcclusionInvariants() throws IOException {
        Path dataset = temp.resolve("street");
        Cli.Result result = Cli.run("render", Cli.example("urban-street.yaml"), "--out", dataset.toString(),
                "--frames", "4", "--size", "192x128");
        assertThat(result.exitCode()).as(result.all()).isZero();
        JsonNode coco = DatasetFiles.json(dataset.resolve("annotations/instances.json"));

        int checked = 0;
        int occluded = 0;
        for (JsonNode annotation : coco.get("annotations")) {
            JsonNode extra = annotation.get("synthscene");
            double visibility = extra.get("visibility").asDouble();
            double truncation = extra.get("truncation").asDouble();
            assertThat(visibility).isGreaterThan(0).isLessThanOrEqualTo(1);
            assertThat(truncation).isGreaterThanOrEqualTo(0).isLessThan(1);
            long area = annotation.get("area").asLong();
            long amodalArea = extra.get("amodal_area").asLong();
            assertThat(amodalArea).isGreaterThanOrEqualTo(area);
            // opaque snowflakes (the street snows now and then) hide mask pixels too: visibility counts them out
            int frameIndex = annotation.get("image_id").asInt() - 1;
            JsonNode weather = DatasetFiles.json(dataset.resolve(String.format("frames/%06d.json", frameIndex))).path("weather");
            boolean snowing = weather.path("snow_intensity").asDouble(0) > 0;
            if (snowing) {
                assertThat(visibility).isLessThanOrEqualTo((double) area / amodalArea);
            } else {
                assertThat(visibility).isEqualTo((double) area / amodalArea);
            }
            assertThat(extra.get("amodal_area_unclipped").asLong()).isGreaterThanOrEqualTo(amodalArea);
            assertAmodalHoldsVisible(annotation.get("segmentation").get("counts").asText(),
                    extra.get("amodal_segmentation").get("counts").asText(), 128, 192);

            Set<Integer> sameImage = instanceIdsOfImage(coco, annotation.get("image_id").asLong());
            for (JsonNode occluder : extra.get("occluders")) {
                assertThat(sameImage).as("occluders of annotation %s", annotation.get("id")).contains(occluder.asInt());
                assertThat(occluder.asInt()).isNotEqualTo(extra.get("instance_id").asInt());
            }
            occluded += visibility < 1 ? 1 : 0;
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
        assertThat(occluded).as("the street has occluded instances").isPositive();

        for (JsonNode image : coco.get("images")) {
            JsonNode stats = image.get("synthscene").get("occlusion");
            int annotated = instanceIdsOfImage(coco, image.get("id").asLong()).size();
            assertThat(stats.get("annotated").asInt()).isEqualTo(annotated);
            assertThat(stats.get("labelled").asInt()).isEqualTo(
                    annotated + stats.get("hidden").asInt() + stats.get("outside_image").asInt());
            int frame = image.get("synthscene").get("frame_index").asInt();
            assertThat(dataset.resolve(String.format("occlusion/%06d.json", frame))).isRegularFile();
        }
    }

    private static Set<Integer> instanceIdsOfImage(JsonNode coco, long imageId) {
        Set<Integer> ids = new HashSet<>();
        for (JsonNode annotation : coco.get("annotations")) {
            if (annotation.get("image_id").asLong() == imageId) {
                ids.add(annotation.get("synthscene").get("instance_id").asInt());
            }
        }
        return ids;
    }

    /** Every pixel of the visible mask is in the amodal one (both decoded from COCO RLE). */
    private static void assertAmodalHoldsVisible(String visibleCounts, String amodalCounts, int height, int width) {
        boolean[] visible = CocoSpecRle.decode(visibleCounts, height, width);
        boolean[] amodal = CocoSpecRle.decode(amodalCounts, height, width);
        for (int i = 0; i < visible.length; i++) {
            if (visible[i]) {
                assertThat(amodal[i]).as("visible pixel %d in the amodal mask", i).isTrue();
            }
        }
    }
}
