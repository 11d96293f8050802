package io.synthscene.annotators;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Silhouette;
import io.synthscene.scenes.frame.SilhouetteMask;
import io.synthscene.scenes.frame.Silhouettes;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Visibility, truncation, amodal boxes and masks and occluders of a frame's visible instances,
 * from its instance-id pass and its SILHOUETTES pass (each labelled object alone, inside the image
 * and over a guard band). Exact pixel counts, nothing estimated:
 *
 * <ul>
 *   <li>{@code visibility} = visible pixels not covered by a particle / silhouette pixels inside
 *       the image. Visible pixels are the instance's pixels in the id pass (its mask); where the
 *       frame has {@link RenderedFrame#particleCoverage() particle coverage} (opaque snowflakes),
 *       the pixels it covers count as hidden. Particles never change the id pass, so masks, boxes
 *       and areas are those of the clear frame while visibility drops under near flakes; it is 0
 *       when flakes cover every visible pixel;</li>
 *   <li>{@code truncation} = silhouette pixels outside the image (counted on the guard-band render)
 *       / (those + its pixels inside the image); a lower bound when the silhouette reaches the
 *       guard band's edge;</li>
 *   <li>{@code occluders} = the other labelled instances visible on the silhouette.</li>
 * </ul>
 *
 * <p>The cost is one pass over each silhouette's rectangle. Stateless and thread-safe; create one
 * anywhere.
 */
public final class OcclusionAnnotator {

    /** The annotations with their occlusion data, and what became of every labelled object. */
    public record Result(List<InstanceAnnotation> annotations, OcclusionStats stats) {
        public Result {
            annotations = List.copyOf(annotations);
        }
    }

    public Set<RenderPass> requiredPasses() {
        return Set.of(RenderPass.INSTANCE_ID, RenderPass.SILHOUETTES);
    }

    /**
     * @param visible the frame's annotations from {@link InstanceAnnotator}
     * @return the same annotations, same order, each with its {@link Occlusion}; and the frame's stats
     * @throws IllegalArgumentException when a pass is missing or its size differs from the frame's
     * @throws IllegalStateException    when an annotated instance has no silhouette, or is visible on
     *                                  a pixel its silhouette does not cover (the passes disagree)
     */
    public Result annotate(Frame frame, RenderedFrame rendered, List<InstanceAnnotation> visible) {
        int[] ids = rendered.instanceIds();
        Silhouettes silhouettes = rendered.silhouettes();
        if (ids == null || silhouettes == null) {
            throw new IllegalArgumentException("frame " + rendered.index() + " was rendered without the "
                    + (ids == null ? "INSTANCE_ID" : "SILHOUETTES") + " pass");
        }
        if (frame.width() != rendered.width() || frame.height() != rendered.height()) {
            throw new IllegalArgumentException("frame " + frame.index() + " is " + frame.width() + "x" + frame.height()
                    + " but its passes are " + rendered.width() + "x" + rendered.height());
        }
        Map<Integer, Silhouette> byId = new HashMap<>();
        for (Silhouette silhouette : silhouettes.byInstance()) {
            if (byId.put(silhouette.instanceId(), silhouette) != null) {
                throw new IllegalArgumentException("frame " + frame.index() + " has two silhouettes of instance "
                        + silhouette.instanceId());
            }
        }
        List<InstanceAnnotation> annotated = new ArrayList<>(visible.size());
        for (InstanceAnnotation annotation : visible) {
            Silhouette silhouette = byId.remove(annotation.instanceId());
            if (silhouette == null) {
                throw new IllegalStateException("frame " + frame.index() + ": instance " + annotation.instanceId()
                        + " is visible but has no silhouette");
            }
            annotated.add(annotation.withOcclusion(occlusionOf(frame, rendered, silhouettes, silhouette, annotation)));
        }
        int hidden = 0;
        int outside = 0;
        for (Silhouette notVisible : byId.values()) {
            if (notVisible.inImage().pixelCount() > 0) {
                hidden++;
            } else {
                outside++;
            }
        }
        return new Result(annotated, new OcclusionStats(silhouettes.byInstance().size(), annotated.size(), hidden, outside));
    }

    private static Occlusion occlusionOf(Frame frame, RenderedFrame rendered, Silhouettes silhouettes, Silhouette silhouette,
                                         InstanceAnnotation annotation) {
        int width = rendered.width();
        int height = rendered.height();
        int[] ids = rendered.instanceIds();
        int instanceId = annotation.instanceId();
        SilhouetteMask amodal = silhouette.inImage();
        if (amodal.x() < 0 || amodal.y() < 0 || amodal.x() + amodal.width() > width || amodal.y() + amodal.height() > height) {
            throw new IllegalArgumentException("frame " + frame.index() + ": in-image silhouette of instance " + instanceId
                    + " reaches outside the " + width + "x" + height + " image");
        }

        // One pass over the silhouette's rectangle: the visible pixels it holds, and who covers the rest.
        BitSet occluders = new BitSet();
        long visibleInside = 0;
        long uncovered = 0;
        for (int row = 0; row < amodal.height(); row++) {
            int y = amodal.y() + row;
            for (int col = 0, m = row * amodal.width(); col < amodal.width(); col++, m++) {
                if (amodal.covered()[m] != 0) {
                    int pixel = y * width + amodal.x() + col;
                    int id = ids[pixel];
                    if (id == instanceId) {
                        visibleInside++;
                        uncovered += rendered.coveredByParticle(pixel) ? 0 : 1;
                    } else if (id != 0) {
                        occluders.set(id);
                    }
                }
            }
        }
        if (visibleInside != annotation.visiblePixels()) {
            throw new IllegalStateException("frame " + frame.index() + ": instance " + instanceId + " is visible on "
                    + (annotation.visiblePixels() - visibleInside) + " pixels outside its silhouette");
        }
        AmodalMask mask = AmodalMask.of(amodal, width, height);

        // Outside the image the guard-band render counts; inside, the exact one (the two agree but
        // for pixel centres on an edge, and the exact one is what visibility and the mask use).
        SilhouetteMask guard = silhouette.guardBand();
        long outside = guard.pixelCount() - guard.pixelCountInside(width, height);
        long unclippedArea = mask.area() + outside;
        int[] unclippedBox = union(mask.bbox(), guard.isEmpty() ? mask.bbox() : tightBox(guard));
        double truncation = (double) outside / unclippedArea;

        return new Occlusion(mask.area(), mask.rle(), mask.bbox(), unclippedBox, unclippedArea,
                (double) uncovered / mask.area(), truncation,
                silhouettes.reachesGuardBandEdge(guard, width, height), occluders.stream().toArray());
    }

    /** The smallest {x, y, width, height} box holding both boxes. */
    private static int[] union(int[] a, int[] b) {
        int x = Math.min(a[0], b[0]);
        int y = Math.min(a[1], b[1]);
        int right = Math.max(a[0] + a[2], b[0] + b[2]);
        int bottom = Math.max(a[1] + a[3], b[1] + b[3]);
        return new int[] {x, y, right - x, bottom - y};
    }

    /** {x, y, width, height} of the covered pixels of a non-empty mask. */
    private static int[] tightBox(SilhouetteMask mask) {
        int minCol = Integer.MAX_VALUE;
        int minRow = Integer.MAX_VALUE;
        int maxCol = -1;
        int maxRow = -1;
        for (int row = 0; row < mask.height(); row++) {
            for (int col = 0, m = row * mask.width(); col < mask.width(); col++, m++) {
                if (mask.covered()[m] != 0) {
                    minCol = Math.min(minCol, col);
                    maxCol = Math.max(maxCol, col);
                    minRow = Math.min(minRow, row);
                    maxRow = row;
                }
            }
        }
        if (maxRow < 0) {
            throw new IllegalStateException("a silhouette mask of " + mask.width() + "x" + mask.height() + " covers nothing");
        }
        return new int[] {mask.x() + minCol, mask.y() + minRow, maxCol - minCol + 1, maxRow - minRow + 1};
    }

    /** A silhouette inside the image as COCO RLE over the whole image, with its box and area. */
    private record AmodalMask(CocoRle rle, int[] bbox, long area) {

        /** Column-major sweep of the mask's rectangle (COCO's order); runs that meet across columns are joined. */
        static AmodalMask of(SilhouetteMask mask, int imageWidth, int imageHeight) {
            RunLengths counts = new RunLengths();
            int endOfLast = 0;
            int runStart = -1;
            int runEnd = -1;
            long area = 0;
            for (int col = 0; col < mask.width(); col++) {
                int columnStart = (mask.x() + col) * imageHeight + mask.y();
                for (int row = 0; row < mask.height(); row++) {
                    if (mask.covered()[row * mask.width() + col] == 0) {
                        continue;
                    }
                    int position = columnStart + row;
                    area++;
                    if (position == runEnd) {
                        runEnd++;
                    } else {
                        if (runStart >= 0) {
                            counts.add(runStart - endOfLast);
                            counts.add(runEnd - runStart);
                            endOfLast = runEnd;
                        }
                        runStart = position;
                        runEnd = position + 1;
                    }
                }
            }
            if (runStart < 0) {
                throw new IllegalStateException("a visible instance has an empty silhouette");
            }
            counts.add(runStart - endOfLast);
            counts.add(runEnd - runStart);
            int pixels = imageWidth * imageHeight;
            if (runEnd < pixels) {
                counts.add(pixels - runEnd);
            }
            return new AmodalMask(CocoRle.fromCounts(imageHeight, imageWidth, counts.toArray()), tightBox(mask), area);
        }
    }
}
