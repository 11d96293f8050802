package io.synthscene.annotators.augment;

import io.synthscene.annotators.CocoAnnotation;
import io.synthscene.annotators.CocoRle;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Silhouette;
import io.synthscene.scenes.frame.Silhouettes;
import io.synthscene.scenes.spec.InsertSpec.Covered;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labels of a photo after objects were composited into it, from the id pass (never
 * anti-aliased) alone, so masks are pixel-exact whatever the colour blend does:
 * <ul>
 *   <li>every inserted object that shows in at least one pixel gets its visible pixels as its mask
 *       (its box and area from them); its visible share is those pixels over the pixels it would
 *       cover in the image alone (its silhouette);
 *   <li>a real label loses the pixels an inserted object now covers; its box and area are
 *       recomputed, its visible share is what is left over what it had.
 * </ul>
 * A label (real or inserted) left with no pixel disappears. One whose visible share is below
 * {@code minVisibility} is dropped, or with {@link Covered#IGNORE} kept as an ignore region (its
 * visible pixels). Stateless.
 */
public final class InsertedLabels {
    private InsertedLabels() {
    }

    /** What a label becomes. */
    public enum Fate {
        /** untouched: copied as it was */
        KEEP,
        /** some pixels covered: new mask, box and area */
        REDUCED,
        /** below min_visibility, kept as an ignore region */
        IGNORE,
        /** removed */
        DROP
    }

    /**
     * @param fate            KEEP (real labels only), REDUCED (for an inserted object: shown, labelled), IGNORE or DROP
     * @param mask            the visible pixels; null for KEEP and DROP
     * @param bbox            {@code [x, y, w, h]} of the mask, w = xmax - xmin + 1; null for KEEP and DROP
     * @param visibleFraction visible pixels over the pixels the label had (real) or would have alone (inserted)
     */
    public record Label(Fate fate, CocoRle mask, double[] bbox, double visibleFraction) {
    }

    /**
     * @param inserted by instance id, for every labelled inserted object, in id order
     * @param real     by annotation id, for every real annotation of the photo, in the order given
     */
    public record Result(Map<Integer, Label> inserted, Map<Long, Label> real) {
    }

    /**
     * The id pass as it shows in the composite: ids where the photo is nearer (with {@code --depth})
     * become 0.
     *
     * @param hidden null for none
     */
    public static int[] visibleIds(int[] ids, boolean[] hidden) {
        if (hidden == null) {
            return ids;
        }
        int[] out = ids.clone();
        for (int p = 0; p < out.length; p++) {
            if (hidden[p]) {
                out[p] = 0;
            }
        }
        return out;
    }

    /**
     * @param visibleIds  the inserted objects' ids as they show ({@link #visibleIds})
     * @param silhouettes each labelled inserted object alone
     * @param objects     the inserted objects
     * @param real        the photo's own annotations
     */
    public static Result of(int[] visibleIds, int width, int height, Silhouettes silhouettes, List<SceneObject> objects,
                            List<CocoAnnotation> real, double minVisibility, Covered covered) {
        Map<Integer, Long> alone = new LinkedHashMap<>();
        for (Silhouette s : silhouettes.byInstance()) {
            alone.put(s.instanceId(), s.inImage().pixelCountInside(width, height));
        }
        Map<Integer, Label> inserted = new LinkedHashMap<>();
        for (SceneObject object : objects) {
            if (!object.isLabelled()) {
                continue;
            }
            int id = object.instanceId();
            boolean[] mask = new boolean[visibleIds.length];
            long shown = 0;
            for (int p = 0; p < mask.length; p++) {
                if (visibleIds[p] == id) {
                    mask[p] = true;
                    shown++;
                }
            }
            long whole = Math.max(shown, alone.getOrDefault(id, shown));
            inserted.put(id, label(mask, shown, whole, width, height, minVisibility, covered, Fate.REDUCED));
        }
        Map<Long, Label> reals = new LinkedHashMap<>();
        for (CocoAnnotation annotation : real) {
            boolean[] mask = annotation.segmentation().toRle(height, width).toMask();
            long had = 0;
            long kept = 0;
            for (int p = 0; p < mask.length; p++) {
                if (mask[p]) {
                    had++;
                    if (visibleIds[p] > 0) {
                        mask[p] = false;
                    } else {
                        kept++;
                    }
                }
            }
            reals.put(annotation.id(), kept == had ? new Label(Fate.KEEP, null, null, 1)
                    : label(mask, kept, had, width, height, minVisibility, covered, Fate.REDUCED));
        }
        return new Result(inserted, reals);
    }

    private static Label label(boolean[] mask, long shown, long whole, int width, int height, double minVisibility,
                               Covered covered, Fate shownFate) {
        double fraction = whole == 0 ? 0 : (double) shown / whole;
        if (shown == 0) {
            return new Label(Fate.DROP, null, null, 0);
        }
        Fate fate = fraction >= minVisibility ? shownFate : covered == Covered.IGNORE ? Fate.IGNORE : Fate.DROP;
        if (fate == Fate.DROP) {
            return new Label(fate, null, null, fraction);
        }
        return new Label(fate, CocoRle.fromMask(mask, width, height), box(mask, width), fraction);
    }

    /** {@code [x, y, w, h]} of a non-empty mask, in whole pixels. */
    static double[] box(boolean[] mask, int width) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int p = 0; p < mask.length; p++) {
            if (mask[p]) {
                int x = p % width;
                int y = p / width;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        return new double[] {minX, minY, maxX - minX + 1, maxY - minY + 1};
    }

    /** The labelled inserted objects, by instance id. */
    public static List<SceneObject> labelled(List<SceneObject> objects) {
        List<SceneObject> out = new ArrayList<>();
        for (SceneObject o : objects) {
            if (o.isLabelled()) {
                out.add(o);
            }
        }
        return out;
    }
}
