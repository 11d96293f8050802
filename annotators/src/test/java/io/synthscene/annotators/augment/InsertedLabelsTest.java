package io.synthscene.annotators.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.annotators.CocoAnnotation;
import io.synthscene.annotators.CocoRle;
import io.synthscene.annotators.CocoSegmentation;
import io.synthscene.annotators.augment.InsertedLabels.Fate;
import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.RenderedLayers;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Silhouette;
import io.synthscene.scenes.frame.SilhouetteMask;
import io.synthscene.scenes.frame.Silhouettes;
import io.synthscene.scenes.frame.Vec3;
import io.synthscene.scenes.spec.InsertSpec.Covered;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Labels after compositing, on a hand-painted 8 x 4 id pass: object 1 (columns 0..3 alone) is
 * half hidden by object 2 (columns 2..5, in front); real label 10 covers columns 4..7, real label
 * 11 columns 6..7.
 */
class InsertedLabelsTest {
    static final int W = 8;
    static final int H = 4;

    @Test
    void coveredPixelsLeaveRealLabelsAndInsertedObjectsGetTheirVisiblePixels() {
        InsertedLabels.Result result = labels(0, Covered.DROP);
        InsertedLabels.Label first = result.inserted().get(1);
        assertThat(first.fate()).isEqualTo(Fate.REDUCED);
        assertThat(first.visibleFraction()).isEqualTo(0.5);
        assertThat(first.bbox()).containsExactly(0, 0, 2, 4);
        assertThat(first.mask().area()).isEqualTo(8);
        assertThat(result.inserted().get(2).visibleFraction()).isEqualTo(1.0);
        InsertedLabels.Label reduced = result.real().get(10L);
        assertThat(reduced.fate()).isEqualTo(Fate.REDUCED);
        assertThat(reduced.visibleFraction()).isEqualTo(0.5);
        assertThat(reduced.bbox()).containsExactly(6, 0, 2, 4);
        assertThat(result.real().get(11L).fate()).isEqualTo(Fate.KEEP);
    }

    @Test
    void belowMinVisibilityLabelsAreDroppedOrIgnoredAndEmptyOnesAlwaysGo() {
        assertThat(labels(0.6, Covered.DROP).real().get(10L).fate()).isEqualTo(Fate.DROP);
        assertThat(labels(0.6, Covered.DROP).inserted().get(1).fate()).isEqualTo(Fate.DROP);
        InsertedLabels.Label ignored = labels(0.6, Covered.IGNORE).real().get(10L);
        assertThat(ignored.fate()).isEqualTo(Fate.IGNORE);
        assertThat(ignored.mask().area()).isEqualTo(8);
        // object 2 hides all of label 12 (columns 2..5): nothing left, not even an ignore region
        CocoAnnotation hidden = rectangle(12, 2, 4);
        assertThat(InsertedLabels.of(ids(), W, H, silhouettes(), objects(), List.of(hidden), 0, Covered.IGNORE)
                .real().get(12L).fate()).isEqualTo(Fate.DROP);
    }

    @Test
    void aDepthMapHidesInsertedPixelsFromTheLabels() {
        boolean[] hidden = new boolean[W * H];
        for (int y = 0; y < H; y++) {
            hidden[y * W + 4] = true;
            hidden[y * W + 5] = true;
        }
        InsertedLabels.Result result = InsertedLabels.of(InsertedLabels.visibleIds(ids(), hidden), W, H, silhouettes(),
                objects(), List.of(rectangle(10, 4, 4)), 0, Covered.DROP);
        assertThat(result.real().get(10L).fate()).isEqualTo(Fate.KEEP);
        assertThat(result.inserted().get(2).visibleFraction()).isEqualTo(0.5);
    }

    @Test
    void theCompositeMixesByCoverageAndShadowsOnlyTheGround() {
        int w = 3;
        int h = 1;
        // pixel 0: object at half coverage, premultiplied grey 100; pixel 1: open ground; pixel 2: ground in a
        // shadow that keeps half the light
        RenderedLayers layers = new RenderedLayers(w, h, new byte[] {100, 100, 100, 0, 0, 0, 0, 0, 0},
                new byte[] {(byte) 128, 0, 0}, new int[] {1, 0, 0}, new float[] {5, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY},
                new float[] {0.2f, 0.2f, 0.2f, 1, 1, 1, 0.5f, 0.5f, 0.5f}, new Silhouettes(0, 0, List.of()));
        byte[] photo = new byte[9];
        java.util.Arrays.fill(photo, 0, 6, (byte) 200);
        java.util.Arrays.fill(photo, 6, 9, (byte) 128);
        byte[] out = PhotoComposite.apply(photo, layers, null, 0, 0);
        // under the object's edge the shadow draws show the object, not the ground: the ratio there comes from
        // the open ground beside it
        assertThat(out[0] & 0xFF).isCloseTo((int) Math.round(100 + (1 - 128 / 255.0) * 200), within(1));
        assertThat(out[3] & 0xFF).isEqualTo(200);
        // sRGB 128 is 0.2159 linear; half of it, 0.1079, is sRGB 92.4
        assertThat(out[6] & 0xFF).isEqualTo(92);
        // hidden by a nearer photo pixel, the object leaves the photo as it was
        boolean[] hidden = {true, false, false};
        assertThat(PhotoComposite.apply(photo, layers, hidden, 0, 0)[0] & 0xFF).isEqualTo(200);
    }

    /** Object 2 in front over columns 2..5; object 1 shows at columns 0..1. */
    private static int[] ids() {
        int[] ids = new int[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < 6; x++) {
                ids[y * W + x] = x < 2 ? 1 : 2;
            }
        }
        return ids;
    }

    private static InsertedLabels.Result labels(double minVisibility, Covered covered) {
        return InsertedLabels.of(ids(), W, H, silhouettes(), objects(), List.of(rectangle(10, 4, 4), rectangle(11, 6, 2)),
                minVisibility, covered);
    }

    private static Silhouettes silhouettes() {
        return new Silhouettes(0, 0, List.of(new Silhouette(1, columns(0, 4), columns(0, 4)),
                new Silhouette(2, columns(2, 4), columns(2, 4))));
    }

    private static SilhouetteMask columns(int x, int width) {
        byte[] covered = new byte[width * H];
        java.util.Arrays.fill(covered, (byte) 1);
        return new SilhouetteMask(x, 0, width, H, covered);
    }

    private static List<SceneObject> objects() {
        Material grey = new Material(new Rgb(0.5, 0.5, 0.5), 1);
        AssetRef box = AssetRef.procedural("box", Map.of());
        return List.of(new SceneObject(1, 1, "crate", "g", box, Vec3.ZERO, 0, 0, 0, 1, grey, Map.of()),
                new SceneObject(2, 1, "crate", "g", box, Vec3.ZERO, 0, 0, 0, 1, grey, Map.of()));
    }

    private static CocoAnnotation rectangle(long id, int x, int width) {
        boolean[] mask = new boolean[W * H];
        for (int y = 0; y < H; y++) {
            for (int c = x; c < x + width; c++) {
                mask[y * W + c] = true;
            }
        }
        CocoRle rle = CocoRle.fromMask(mask, W, H);
        return new CocoAnnotation(id, 1, 1, new double[] {x, 0, width, H}, (double) rle.area(),
                new CocoSegmentation.CompressedRle(H, W, rle.countsString()), false, null, null, "/annotations/0");
    }
}
