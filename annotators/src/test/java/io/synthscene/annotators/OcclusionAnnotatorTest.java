package io.synthscene.annotators;

import static io.synthscene.annotators.PaintedFrames.frame;
import static io.synthscene.annotators.PaintedFrames.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Silhouette;
import io.synthscene.scenes.frame.SilhouetteMask;
import io.synthscene.scenes.frame.Silhouettes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Occlusion data on hand-painted id images and silhouettes, where every answer can be counted by eye. */
class OcclusionAnnotatorTest {
    private final InstanceAnnotator instances = new InstanceAnnotator();
    private final OcclusionAnnotator annotator = new OcclusionAnnotator();

    @TempDir
    Path folder;

    /*
     * 8 wide, 6 tall. Instance 1's silhouette is the 4x2 rectangle x 1..4, y 1..2; instance 2 (in
     * front) covers its left half. Instance 3 is visible at the right edge, and its silhouette goes
     * on 3 pixels beyond it (guard band). Instance 4 is hidden entirely behind 2; instance 5 lies
     * entirely outside the image.
     */
    private static final int[] SCENE = ids(
            "00000000",
            "02211000",
            "02211003",
            "02200003",
            "00000000",
            "00000000");

    static SilhouetteMask rect(int x, int y, int width, int height) {
        byte[] covered = new byte[width * height];
        java.util.Arrays.fill(covered, (byte) 1);
        return new SilhouetteMask(x, y, width, height, covered);
    }

    static RenderedFrame rendered(int[] ids, List<Silhouette> silhouettes) {
        return new RenderedFrame(7, 8, 6, null, ids, null, "painted by hand", new Silhouettes(4, 3, silhouettes));
    }

    static List<Silhouette> silhouettes() {
        SilhouetteMask one = rect(1, 1, 4, 2);
        SilhouetteMask two = rect(1, 1, 2, 3);
        SilhouetteMask three = rect(7, 2, 1, 2);
        SilhouetteMask four = rect(1, 2, 1, 1);
        return List.of(
                new Silhouette(1, one, one),
                new Silhouette(2, two, two),
                new Silhouette(3, three, rect(7, 2, 4, 2)),
                new Silhouette(4, four, four),
                new Silhouette(5, SilhouetteMask.EMPTY, rect(-3, 0, 2, 2)));
    }

    OcclusionAnnotator.Result annotate(int[] ids, List<Silhouette> silhouettes) {
        Frame frame = frame(7, 8, 6, 1, 1, 2, 1, 3);
        RenderedFrame rendered = rendered(ids, silhouettes);
        return annotator.annotate(frame, rendered, instances.annotate(frame, rendered));
    }

    @Test
    void needsTheIdAndSilhouettePasses() {
        assertThat(annotator.requiredPasses()).containsExactlyInAnyOrder(RenderPass.INSTANCE_ID, RenderPass.SILHOUETTES);
    }

    @Test
    void halfHiddenInstanceHasVisibilityOneHalfAndItsOccluder() {
        Occlusion one = annotate(SCENE, silhouettes()).annotations().get(0).occlusion();
        assertThat(one.visibility()).isEqualTo(0.5);
        assertThat(one.occluders()).containsExactly(2);
        assertThat(one.amodalArea()).isEqualTo(8);
        assertThat(one.amodalBbox()).containsExactly(1, 1, 4, 2);
        assertThat(one.truncation()).isZero();
        assertThat(one.unclippedBbox()).containsExactly(1, 1, 4, 2);
    }

    @Test
    void pixelsCoveredByParticlesLowerVisibilityAndLeaveTheMaskAlone() {
        // a flake covers one of instance 1's two visible pixels (x 3, y 1) and one pixel of
        // scenery (x 0, y 0); instance 2 is untouched
        byte[] coverage = new byte[8 * 6];
        coverage[8 + 3] = 1;
        coverage[0] = 1;
        Frame frame = frame(7, 8, 6, 1, 1, 2, 1, 3);
        RenderedFrame clear = rendered(SCENE, silhouettes());
        RenderedFrame snowy = new RenderedFrame(7, 8, 6, null, SCENE, null, "painted by hand", clear.silhouettes(), null,
                coverage);
        List<InstanceAnnotation> before = annotator.annotate(frame, clear, instances.annotate(frame, clear)).annotations();
        List<InstanceAnnotation> after = annotator.annotate(frame, snowy, instances.annotate(frame, snowy)).annotations();

        assertThat(after.get(0).occlusion().visibility()).isEqualTo(3.0 / 8);
        assertThat(after.get(0).area()).isEqualTo(before.get(0).area()).isEqualTo(4);
        assertThat(after.get(0).rle().countsString()).isEqualTo(before.get(0).rle().countsString());
        assertThat(after.get(0).occlusion().occluders()).containsExactly(2);
        assertThat(after.get(1).occlusion().visibility()).isEqualTo(1.0);
    }

    @Test
    void instanceWhoseEveryVisiblePixelIsCoveredHasVisibilityZero() {
        byte[] coverage = new byte[8 * 6];
        coverage[2 * 8 + 7] = 1;
        coverage[3 * 8 + 7] = 1;
        Frame frame = frame(7, 8, 6, 1, 1, 2, 1, 3);
        RenderedFrame snowy = new RenderedFrame(7, 8, 6, null, SCENE, null, "painted by hand",
                new Silhouettes(4, 3, silhouettes()), null, coverage);
        InstanceAnnotation three = annotator.annotate(frame, snowy, instances.annotate(frame, snowy)).annotations().get(2);
        assertThat(three.occlusion().visibility()).isZero();
        assertThat(three.area()).isEqualTo(2);
    }

    @Test
    void unoccludedInstanceHasVisibilityOneAndItsAmodalBoxIsItsBox() {
        InstanceAnnotation two = annotate(SCENE, silhouettes()).annotations().get(1);
        assertThat(two.occlusion().visibility()).isEqualTo(1.0);
        assertThat(two.occlusion().occluders()).isEmpty();
        assertThat(two.occlusion().amodalBbox()).containsExactly(two.x(), two.y(), two.width(), two.height());
        assertThat(two.occlusion().amodalRle().countsString()).isEqualTo(two.rle().countsString());
    }

    @Test
    void instanceCutByTheRightEdgeHasItsShareOutsideAsTruncation() {
        Occlusion three = annotate(SCENE, silhouettes()).annotations().get(2).occlusion();
        assertThat(three.truncation()).isCloseTo(0.75, within(1e-12));
        assertThat(three.visibility()).isEqualTo(1.0);
        assertThat(three.amodalBbox()).containsExactly(7, 2, 1, 2);
        assertThat(three.unclippedBbox()).containsExactly(7, 2, 4, 2);
        assertThat(three.unclippedArea()).isEqualTo(8);
        assertThat(three.truncationIsLowerBound()).as("ends at x = 10, the band reaches x = 11").isFalse();
    }

    @Test
    void amodalMaskDecodesToTheSilhouetteAndHoldsTheVisibleMask() {
        for (InstanceAnnotation a : annotate(SCENE, silhouettes()).annotations()) {
            boolean[] amodal = ReferenceCocoRleDecoder.mask(a.occlusion().amodalRle().countsString(), 6, 8);
            boolean[] visible = ReferenceCocoRleDecoder.mask(a.rle().countsString(), 6, 8);
            SilhouetteMask silhouette = silhouettes().get(a.instanceId() - 1).inImage();
            for (int x = 0; x < 8; x++) {
                for (int y = 0; y < 6; y++) {
                    int position = y * 8 + x; // the reference decoder returns row-major masks
                    assertThat(amodal[position]).as("instance %d pixel (%d, %d)", a.instanceId(), x, y)
                            .isEqualTo(silhouette.covers(x, y));
                    assertThat(!visible[position] || amodal[position]).isTrue();
                }
            }
        }
    }

    @Test
    void hiddenAndOutsideInstancesAreCountedButNotAnnotated() {
        OcclusionAnnotator.Result result = annotate(SCENE, silhouettes());
        assertThat(result.annotations()).extracting(InstanceAnnotation::instanceId).containsExactly(1, 2, 3);
        assertThat(result.stats()).isEqualTo(new OcclusionStats(5, 3, 1, 1));
    }

    @Test
    void silhouetteAcrossAFullColumnJoinsItsRunsLikeTheVisibleMask() {
        // Instance 1 fills columns 0 and 1 completely: one run of 12 across the column boundary.
        int[] ids = ids("11000000", "11000000", "11000000", "11000000", "11000000", "11000000");
        SilhouetteMask one = rect(0, 0, 2, 6);
        OcclusionAnnotator.Result result = annotate(ids, List.of(new Silhouette(1, one, one),
                new Silhouette(2, SilhouetteMask.EMPTY, SilhouetteMask.EMPTY)));
        InstanceAnnotation a = result.annotations().get(0);
        assertThat(a.occlusion().amodalRle().countsString()).isEqualTo(a.rle().countsString());
    }

    @Test
    void silhouetteTouchingTheGuardBandEdgeMakesTruncationALowerBound() {
        List<Silhouette> reaching = new java.util.ArrayList<>(silhouettes());
        reaching.set(2, new Silhouette(3, rect(7, 2, 1, 2), rect(7, 2, 5, 2))); // x 7..11, the band ends at 12
        Occlusion three = annotate(SCENE, reaching).annotations().get(2).occlusion();
        assertThat(three.truncationIsLowerBound()).isTrue();
        assertThat(three.truncation()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void insideTheImageTheExactSilhouetteCountsNotTheGuardBandRender() {
        // A guard-band render that lost the edge column inside the image (a pixel centre on an edge
        // can fall either way under another viewport): truncation and the unclipped box still
        // count the in-image silhouette, so truncation stays below 1 for a visible instance.
        List<Silhouette> disagreeing = new java.util.ArrayList<>(silhouettes());
        disagreeing.set(2, new Silhouette(3, rect(7, 2, 1, 2), rect(8, 2, 3, 2)));
        Occlusion three = annotate(SCENE, disagreeing).annotations().get(2).occlusion();
        assertThat(three.truncation()).isCloseTo(0.75, within(1e-12));
        assertThat(three.unclippedArea()).isEqualTo(8);
        assertThat(three.unclippedBbox()).containsExactly(7, 2, 4, 2);
    }

    @Test
    void perFrameOcclusionFileReadsBackToTheSameOcclusionAndStats() {
        OcclusionAnnotator.Result result = annotate(SCENE, silhouettes());
        byte[] json = OcclusionRecords.toJson(7, 8, 6, result.stats(), result.annotations());
        OcclusionRecords.Read read = OcclusionRecords.fromJson(json, 7, 8, 6);
        assertThat(read.stats()).isEqualTo(result.stats());
        for (InstanceAnnotation a : result.annotations()) {
            Occlusion back = read.byInstanceId().get(a.instanceId());
            Occlusion o = a.occlusion();
            assertThat(back.visibility()).isEqualTo(o.visibility());
            assertThat(back.truncation()).isEqualTo(o.truncation());
            assertThat(back.amodalRle().countsString()).isEqualTo(o.amodalRle().countsString());
            assertThat(back.amodalBbox()).containsExactly(o.amodalBbox());
            assertThat(back.unclippedBbox()).containsExactly(o.unclippedBbox());
            assertThat(back.occluders()).containsExactly(o.occluders());
            assertThat(back.amodalArea()).isEqualTo(o.amodalArea());
            assertThat(back.unclippedArea()).isEqualTo(o.unclippedArea());
        }
        assertThatThrownBy(() -> OcclusionRecords.fromJson(json, 8, 8, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not for frame 8");
    }

    @Test
    void visiblePixelOutsideItsSilhouetteIsAnError() {
        List<Silhouette> tooSmall = new java.util.ArrayList<>(silhouettes());
        tooSmall.set(1, new Silhouette(2, rect(1, 1, 2, 2), rect(1, 1, 2, 2)));
        assertThatThrownBy(() -> annotate(SCENE, tooSmall))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("instance 2 is visible on 2 pixels outside its silhouette");
    }

    @Test
    void missingSilhouettePassIsAnError() {
        Frame frame = frame(7, 8, 6, 1, 1, 2, 1, 3);
        RenderedFrame withoutSilhouettes = new RenderedFrame(7, 8, 6, null, SCENE, null, "painted by hand");
        assertThatThrownBy(() -> annotator.annotate(frame, withoutSilhouettes, instances.annotate(frame, withoutSilhouettes)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SILHOUETTES");
    }

    @Test
    void cocoAnnotationCarriesTheOcclusionFieldsAndTheImageItsStats() throws IOException {
        OcclusionAnnotator.Result result = annotate(SCENE, silhouettes());
        Path file = folder.resolve("instances.json");
        CocoDatasetWriter writer = new CocoDatasetWriter(PaintedFrames.CATEGORIES);
        writer.addImage(7, "000007.png", 8, 6, null, result.stats(), result.annotations());
        writer.write(file);
        JsonNode coco = new ObjectMapper().readTree(file.toFile());

        JsonNode stats = coco.get("images").get(0).get("synthscene").get("occlusion");
        assertThat(stats.toString()).isEqualTo("{\"labelled\":5,\"annotated\":3,\"hidden\":1,\"outside_image\":1}");
        JsonNode one = coco.get("annotations").get(0).get("synthscene");
        assertThat(one.get("visibility").asDouble()).isEqualTo(0.5);
        assertThat(one.get("truncation").asDouble()).isZero();
        assertThat(one.get("truncation_is_lower_bound").asBoolean()).isFalse();
        assertThat(one.get("amodal_area").asLong()).isEqualTo(8);
        assertThat(one.get("amodal_bbox").toString()).isEqualTo("[1,1,4,2]");
        assertThat(one.get("amodal_segmentation").get("size").toString()).isEqualTo("[6,8]");
        assertThat(ReferenceCocoRleDecoder.mask(one.get("amodal_segmentation").get("counts").asText(), 6, 8))
                .containsExactly(ReferenceCocoRleDecoder.mask(result.annotations().get(0).occlusion().amodalRle().countsString(), 6, 8));
        assertThat(one.get("amodal_bbox_unclipped").toString()).isEqualTo("[1,1,4,2]");
        assertThat(one.get("occluders").toString()).isEqualTo("[2]");
        JsonNode three = coco.get("annotations").get(2).get("synthscene");
        assertThat(three.get("amodal_bbox_unclipped").toString()).isEqualTo("[7,2,4,2]");
        assertThat(three.get("truncation").asDouble()).isEqualTo(0.75);

        Path again = folder.resolve("again.json");
        CocoDatasetWriter second = new CocoDatasetWriter(PaintedFrames.CATEGORIES);
        second.addImage(7, "000007.png", 8, 6, null, annotate(SCENE, silhouettes()).stats(),
                annotate(SCENE, silhouettes()).annotations());
        second.write(again);
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));
    }
}
