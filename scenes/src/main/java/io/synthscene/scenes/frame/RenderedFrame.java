package io.synthscene.scenes.frame;

import java.util.Objects;

/**
 * What the engine read back for one frame: plain arrays, row-major, top row first (image
 * convention, not OpenGL's bottom-up), pixel (x, y) at index {@code y * width + x}.
 *
 * <p>Created by the engine; the arrays are owned by this object and must not be modified by
 * readers. A pass that was not rendered is null.
 *
 * @param rgb            COLOR pass: 3 bytes per pixel, R, G, B, sRGB-encoded
 * @param instanceIds    INSTANCE_ID pass: 0 = background or scenery, k = instance k of the frame
 * @param depthMeters    DEPTH pass: distance along the viewing axis, +infinity where nothing
 * @param device         the rendering device as the driver names it (GL_RENDERER)
 * @param silhouettes    SILHOUETTES pass: each labelled object's amodal silhouette, inside the
 *                       image and over a guard band
 */
public record RenderedFrame(int index, int width, int height, byte[] rgb, int[] instanceIds,
                            float[] depthMeters, String device, Silhouettes silhouettes) {

    /** A frame rendered without the SILHOUETTES pass. */
    public RenderedFrame(int index, int width, int height, byte[] rgb, int[] instanceIds, float[] depthMeters,
                         String device) {
        this(index, width, height, rgb, instanceIds, depthMeters, device, null);
    }

    public RenderedFrame {
        Objects.requireNonNull(device, "device");
        int pixels = Math.multiplyExact(width, height);
        if (rgb != null && rgb.length != pixels * 3) {
            throw new IllegalArgumentException("rgb has " + rgb.length + " bytes, expected " + pixels * 3);
        }
        if (instanceIds != null && instanceIds.length != pixels) {
            throw new IllegalArgumentException("instanceIds has " + instanceIds.length + " values, expected " + pixels);
        }
        if (depthMeters != null && depthMeters.length != pixels) {
            throw new IllegalArgumentException("depthMeters has " + depthMeters.length + " values, expected " + pixels);
        }
    }

    public int instanceIdAt(int x, int y) {
        return instanceIds[y * width + x];
    }
}
