package io.synthscene.scenes.frame;

import java.util.List;

/**
 * The {@link RenderPass#SILHOUETTES} pass of one frame: one {@link Silhouette} per labelled object,
 * sorted by instance id (objects entirely outside the image, or behind the camera, have empty
 * masks).
 *
 * <p>The guard band is {@code guardMarginX} pixels left and right of the image and
 * {@code guardMarginY} above and below it, so guard-band masks lie within
 * {@code [-guardMarginX, width + guardMarginX) x [-guardMarginY, height + guardMarginY)}. A mask
 * that touches that border may continue beyond it: what lies outside is unknown.
 *
 * <p>Created by the engine; immutable.
 */
public record Silhouettes(int guardMarginX, int guardMarginY, List<Silhouette> byInstance) {
    public Silhouettes {
        if (guardMarginX < 0 || guardMarginY < 0) {
            throw new IllegalArgumentException("guard margins " + guardMarginX + ", " + guardMarginY + " must be >= 0");
        }
        byInstance = List.copyOf(byInstance);
    }

    /**
     * Whether {@code mask} (a guard-band mask of a {@code width x height} image) touches the edge of
     * the guard band, where the silhouette may go on.
     */
    public boolean reachesGuardBandEdge(SilhouetteMask mask, int width, int height) {
        return !mask.isEmpty() && (mask.x() <= -guardMarginX || mask.y() <= -guardMarginY
                || mask.x() + mask.width() >= width + guardMarginX || mask.y() + mask.height() >= height + guardMarginY);
    }
}
