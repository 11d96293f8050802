package io.synthscene.scenes.frame;

/**
 * A frame's objects rendered as layers to put over a photo (the engine's
 * {@code Renderer.renderLayers}): every array is row-major, top row first, {@code width x height}
 * pixels.
 *
 * @param rgb          the objects' colour, sRGB bytes R, G, B, <em>premultiplied</em> by
 *                     {@code coverage}: a pixel of the composite is {@code rgb + (1 - coverage) x photo}
 * @param coverage     share of the pixel's area the objects cover, 0..255 (anti-aliased by the
 *                     renderer's multisamples; 0 or 255 without)
 * @param instanceIds  the objects' id pass: the instance id whose surface is nearest at the pixel's
 *                     centre, 0 for none; never anti-aliased
 * @param depthMeters  the objects' depth along the viewing axis at the pixel's centre, metres;
 *                     +infinity where no object is
 * @param shadowRatio  per pixel and channel (R, G, B), the share of light the ground keeps under the
 *                     objects' sun shadows: 1 where no shadow falls; linear, in [0, 1]; null when the
 *                     frame has no shadows
 * @param silhouettes  each labelled object alone (for how much of it the others hide)
 */
public record RenderedLayers(int width, int height, byte[] rgb, byte[] coverage, int[] instanceIds, float[] depthMeters,
                             float[] shadowRatio, Silhouettes silhouettes) {
    public RenderedLayers {
        int pixels = width * height;
        if (rgb.length != 3 * pixels || coverage.length != pixels || instanceIds.length != pixels
                || depthMeters.length != pixels || (shadowRatio != null && shadowRatio.length != 3 * pixels)) {
            throw new IllegalArgumentException("layer sizes do not match " + width + "x" + height);
        }
    }
}
