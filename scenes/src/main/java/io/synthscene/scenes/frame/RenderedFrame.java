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
 * @param normals        NORMALS pass: x, y, z per pixel, unit camera-space normals (OpenCV axes),
 *                       turned towards the camera; 0, 0, 0 where nothing was hit
 * @param particleCoverage read with INSTANCE_ID on a frame with particles opaque enough to hide
 *                       (see {@code Weather.OCCLUDER_MIN_OPACITY}): 1 where such a particle, in
 *                       front of the surface there, covers the pixel centre, else 0. Null on
 *                       every other frame (nothing covered). Particles never change
 *                       {@code instanceIds}: masks are those of the clear frame, and only
 *                       visibility counts covered pixels as hidden.
 */
public record RenderedFrame(int index, int width, int height, byte[] rgb, int[] instanceIds,
                            float[] depthMeters, String device, Silhouettes silhouettes, float[] normals,
                            byte[] particleCoverage) {

    /** A frame rendered without the SILHOUETTES and NORMALS passes. */
    public RenderedFrame(int index, int width, int height, byte[] rgb, int[] instanceIds, float[] depthMeters,
                         String device) {
        this(index, width, height, rgb, instanceIds, depthMeters, device, null, null, null);
    }

    /** A frame without particles that cover anything. */
    public RenderedFrame(int index, int width, int height, byte[] rgb, int[] instanceIds, float[] depthMeters,
                         String device, Silhouettes silhouettes, float[] normals) {
        this(index, width, height, rgb, instanceIds, depthMeters, device, silhouettes, normals, null);
    }

    /** A frame rendered without the NORMALS pass. */
    public RenderedFrame(int index, int width, int height, byte[] rgb, int[] instanceIds, float[] depthMeters,
                         String device, Silhouettes silhouettes) {
        this(index, width, height, rgb, instanceIds, depthMeters, device, silhouettes, null, null);
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
        if (normals != null && normals.length != pixels * 3) {
            throw new IllegalArgumentException("normals has " + normals.length + " values, expected " + pixels * 3);
        }
        if (particleCoverage != null && particleCoverage.length != pixels) {
            throw new IllegalArgumentException("particleCoverage has " + particleCoverage.length + " values, expected "
                    + pixels);
        }
        if (depthMeters != null && depthMeters.length != pixels) {
            throw new IllegalArgumentException("depthMeters has " + depthMeters.length + " values, expected " + pixels);
        }
    }

    public int instanceIdAt(int x, int y) {
        return instanceIds[y * width + x];
    }

    /** Whether an opaque enough particle covers pixel {@code y * width + x}; false without particle coverage. */
    public boolean coveredByParticle(int pixel) {
        return particleCoverage != null && particleCoverage[pixel] != 0;
    }
}
