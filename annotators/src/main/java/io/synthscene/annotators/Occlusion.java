package io.synthscene.annotators;

import java.util.Objects;

/**
 * How much of one visible instance is hidden or outside the image, computed exactly from its
 * amodal silhouette (the pixels it covers with nothing in front of it, see
 * {@code RenderPass.SILHOUETTES}). Created by {@link OcclusionAnnotator}; written by the dataset
 * writers. Boxes are {@code [x, y, width, height]} in whole pixels, x right and y down from the
 * image's top-left pixel, {@code width = xmax - xmin + 1}.
 *
 * @param amodalArea          pixels of the silhouette inside the image
 * @param amodalRle           the silhouette inside the image, COCO compressed RLE; a superset of
 *                            the visible mask
 * @param amodalBbox          tight box of {@code amodalRle}: inside the image
 * @param unclippedBbox       tight box of the whole silhouette over the image and its guard band:
 *                            may start at negative coordinates or end past the image
 * @param unclippedArea       {@code amodalArea} + the silhouette's pixels outside the image, in the
 *                            guard band
 * @param visibility          visible pixels not covered by a particle / {@code amodalArea}, in
 *                            [0, 1]: 0 only when opaque particles cover every visible pixel
 * @param truncation          share of the silhouette outside the image:
 *                            {@code (unclippedArea - amodalArea) / unclippedArea}, in [0, 1)
 * @param truncationIsLowerBound true when the silhouette reaches the edge of the guard band, so
 *                            that more of it may lie beyond (and {@code unclippedBbox} is cut there)
 * @param occluders           instance ids, ascending, of the labelled instances visible on some
 *                            pixel of this instance's silhouette (scenery and the ground hide
 *                            too, but have no instance id)
 */
public record Occlusion(long amodalArea, CocoRle amodalRle, int[] amodalBbox, int[] unclippedBbox, long unclippedArea,
                        double visibility, double truncation, boolean truncationIsLowerBound, int[] occluders) {
    public Occlusion {
        Objects.requireNonNull(amodalRle, "amodalRle");
        if (amodalBbox.length != 4 || unclippedBbox.length != 4) {
            throw new IllegalArgumentException("boxes are [x, y, width, height]");
        }
        if (!(visibility >= 0 && visibility <= 1)) {
            throw new IllegalArgumentException("visibility " + visibility + " is outside [0, 1]");
        }
        if (!(truncation >= 0 && truncation < 1)) {
            throw new IllegalArgumentException("truncation " + truncation + " is outside [0, 1)");
        }
        amodalBbox = amodalBbox.clone();
        unclippedBbox = unclippedBbox.clone();
        occluders = occluders.clone();
    }

    @Override
    public int[] amodalBbox() {
        return amodalBbox.clone();
    }

    @Override
    public int[] unclippedBbox() {
        return unclippedBbox.clone();
    }

    @Override
    public int[] occluders() {
        return occluders.clone();
    }
}
