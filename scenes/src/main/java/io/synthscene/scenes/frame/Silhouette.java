package io.synthscene.scenes.frame;

import java.util.Objects;

/**
 * The amodal silhouette of one labelled object: the pixels it would cover if it were alone in the
 * scene (no other object, no scenery, no ground in front of it), drawn with the same rules as the
 * instance-id pass (a pixel is covered iff a triangle covers its centre; never anti-aliased).
 *
 * <p>Created by the engine for {@link RenderPass#SILHOUETTES}; read by the annotators.
 *
 * @param instanceId the object's {@link SceneObject#instanceId()}
 * @param inImage    the silhouette inside the image, rasterized exactly as the instance-id pass
 *                   (same projection, same viewport), so every pixel where the instance is
 *                   visible in the id pass is covered here
 * @param guardBand  the silhouette over the image and its guard band (see
 *                   {@link Silhouettes#guardMarginX()}), rendered with the same focal length and
 *                   principal point but a larger viewport; its pixel grid is the image's, extended.
 *                   It is the same object as {@code inImage} when the object's projected bounds lie
 *                   inside the image, so nothing of it can be outside. Pixels beyond the guard band
 *                   are not in it.
 */
public record Silhouette(int instanceId, SilhouetteMask inImage, SilhouetteMask guardBand) {
    public Silhouette {
        Objects.requireNonNull(inImage, "inImage");
        Objects.requireNonNull(guardBand, "guardBand");
    }
}
