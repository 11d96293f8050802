package io.synthscene.annotators.augment;

import io.synthscene.scenes.frame.Camera;

/**
 * How much light a photo's ground receives, estimated from the photo's brightness, for lighting
 * inserted objects when the config gives no intensities:
 * <ol>
 *   <li>the ground: the pixel rows below the horizon of the photo's camera (the row where the
 *       level plane through the camera meets the image), plus {@link #HORIZON_MARGIN_PX} rows; the
 *       whole image when fewer than {@link #MIN_GROUND_SHARE} of its rows lie there;</li>
 *   <li>their mean linear luminance (Rec. 709 weights on the sRGB-decoded values);</li>
 *   <li>divided by the ground's assumed albedo: the irradiance in the renderer's units, where a
 *       surface of albedo a facing up receiving E shows a x E.</li>
 * </ol>
 * A light or dark ground, unlike the albedo, makes the objects too bright or too dark by the same
 * factor; the sun's direction is not estimated (it is given or drawn). Stateless.
 */
public final class PhotoLightLevel {
    static final int HORIZON_MARGIN_PX = 4;
    static final double MIN_GROUND_SHARE = 0.1;

    private PhotoLightLevel() {
    }

    /** The estimate and where it came from. */
    public record Estimate(double groundIrradiance, double meanLuminance, int firstGroundRow) {
    }

    public static Estimate of(byte[] rgb, int width, int height, Camera camera, double groundAlbedo) {
        int first = Math.max(0, horizonRow(camera) + HORIZON_MARGIN_PX);
        if (height - first < MIN_GROUND_SHARE * height) {
            first = 0;
        }
        double sum = 0;
        for (int y = first; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = 3 * (y * width + x);
                sum += 0.2126 * Srgb.linear(rgb[i]) + 0.7152 * Srgb.linear(rgb[i + 1]) + 0.0722 * Srgb.linear(rgb[i + 2]);
            }
        }
        double mean = sum / ((double) (height - first) * width);
        return new Estimate(mean / groundAlbedo, mean, first);
    }

    /**
     * The image row (from the top, may lie outside the image) of the horizon of a level, unrolled
     * camera: cy + f tan(pitch), pitch positive looking up (a camera looking down sees the
     * horizon above the centre).
     */
    public static int horizonRow(Camera camera) {
        double row = camera.principalPointYPixels() + camera.focalLengthPixels() * Math.tan(Math.toRadians(camera.pitchDegrees()));
        return (int) Math.max(-1e6, Math.min(1e6, Math.ceil(row)));
    }
}
