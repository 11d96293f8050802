package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.synthscene.scenes.randomize.Blackbody;

/**
 * The resolved camera sensor of one frame: what happens to the colour image between the
 * shading and the readback (never to masks, ids or depth). Applied on the GPU by the engine's
 * {@code SensorPass}, as a post-process of the colour pass, so the colour image a renderer returns
 * is already sensed; drawn by the sensor randomizer from the frame's {@code sensor} stream.
 *
 * @param exposureEv       exposure change in stops: linear values times 2^ev (0 = none)
 * @param whiteBalanceK    the colour temperature the camera's white balance is set for, the scene
 *                         light taken as D65 (6504 K = neutral); lower looks bluer, higher warmer
 * @param vignetting       darkening at the image corners, in [0, 1): linear values times
 *                         1 - vignetting · (r / r_corner)², r from the image centre (0 = none)
 * @param blurPx           optical blur: the standard deviation, in pixels, of a Gaussian blur of
 *                         the linear image (0 = none)
 * @param chromaticAberrationPx lateral chromatic aberration: at the image corner red is about
 *                         displaced outwards and blue inwards by this many pixels relative to
 *                         green, in proportion to the distance from the centre (0 = none)
 * @param photonsAtWhite   shot noise: a linear value L counts about Poisson(L · n) photons out of
 *                         n, drawn as its normal approximation L + sqrt(L / n) · N(0, 1), which
 *                         differs from Poisson only where fewer than ~30 photons are expected
 *                         (0 = no shot noise)
 * @param gaussianStdLevels read noise: the standard deviation, in 8-bit levels, of Gaussian
 *                         noise added to the sRGB-encoded values (0 = none)
 * @param jpegQuality      the quality, 1..100, this frame's colour image is JPEG-encoded at when
 *                         written (the last thing a camera does to it); null: the render command's
 *                         image format and quality. Not part of the GPU pass: {@link #changesNothing}
 *                         ignores it.
 *
 * <p>Plain immutable data; nothing to close.
 */
public record Sensor(
        @JsonProperty("exposure_ev") double exposureEv,
        @JsonProperty("white_balance_k") double whiteBalanceK,
        double vignetting,
        @JsonProperty("blur_px") double blurPx,
        @JsonProperty("chromatic_aberration_px") double chromaticAberrationPx,
        @JsonProperty("photons_at_white") double photonsAtWhite,
        @JsonProperty("gaussian_std_levels") double gaussianStdLevels,
        // absent without sensor.jpeg_quality (the image format is then the render command's)
        @JsonProperty("jpeg_quality") @JsonInclude(JsonInclude.Include.NON_NULL) Integer jpegQuality) {
    /** White balance that leaves colours as rendered. */
    public static final double NEUTRAL_KELVIN = 6504;
    public static final double MIN_WHITE_BALANCE_KELVIN = 2500;
    public static final double MAX_WHITE_BALANCE_KELVIN = 12000;
    /** No effect at all: the colour image is written as rendered. */
    public static final Sensor NONE = new Sensor(0, NEUTRAL_KELVIN, 0, 0, 0, 0, 0);
    /** Largest blur and chromatic aberration: keeps a typo from asking for a kernel wider than any image. */
    public static final double MAX_BLUR_PX = 50;
    public static final int MIN_JPEG_QUALITY = 1;
    public static final int MAX_JPEG_QUALITY = 100;

    /** A sensor whose images are written as the render command says (no JPEG quality of its own). */
    public Sensor(double exposureEv, double whiteBalanceK, double vignetting, double blurPx,
            double chromaticAberrationPx, double photonsAtWhite, double gaussianStdLevels) {
        this(exposureEv, whiteBalanceK, vignetting, blurPx, chromaticAberrationPx, photonsAtWhite, gaussianStdLevels,
                null);
    }

    public Sensor {
        if (!Double.isFinite(exposureEv)) {
            throw new IllegalArgumentException("exposure_ev " + exposureEv + " is not finite");
        }
        if (!(whiteBalanceK >= MIN_WHITE_BALANCE_KELVIN && whiteBalanceK <= MAX_WHITE_BALANCE_KELVIN)) {
            throw new IllegalArgumentException("white_balance_k " + whiteBalanceK + " is outside ["
                    + MIN_WHITE_BALANCE_KELVIN + ", " + MAX_WHITE_BALANCE_KELVIN + "]");
        }
        if (!(vignetting >= 0 && vignetting < 1)) {
            throw new IllegalArgumentException("vignetting " + vignetting + " is outside [0, 1)");
        }
        if (!(blurPx >= 0 && blurPx <= MAX_BLUR_PX)) {
            throw new IllegalArgumentException("blur_px " + blurPx + " is outside [0, " + MAX_BLUR_PX + "]");
        }
        if (!(chromaticAberrationPx >= 0 && chromaticAberrationPx <= MAX_BLUR_PX)) {
            throw new IllegalArgumentException("chromatic_aberration_px " + chromaticAberrationPx + " is outside [0, "
                    + MAX_BLUR_PX + "]");
        }
        if (!(photonsAtWhite >= 0) || Double.isInfinite(photonsAtWhite)) {
            throw new IllegalArgumentException("photons_at_white " + photonsAtWhite + " is negative");
        }
        if (!(gaussianStdLevels >= 0) || Double.isInfinite(gaussianStdLevels)) {
            throw new IllegalArgumentException("gaussian_std_levels " + gaussianStdLevels + " is negative");
        }
        if (jpegQuality != null && (jpegQuality < MIN_JPEG_QUALITY || jpegQuality > MAX_JPEG_QUALITY)) {
            throw new IllegalArgumentException("jpeg_quality " + jpegQuality + " is outside 1..100");
        }
    }

    /**
     * True when every parameter is at its no-effect value, so the image can skip the sensor.
     * Not named like a getter: Jackson would write it into frames/NNNNNN.json.
     */
    public boolean changesNothing() {
        return exposureEv == 0 && whiteBalanceK == NEUTRAL_KELVIN && vignetting == 0 && blurPx == 0
                && chromaticAberrationPx == 0 && photonsAtWhite == 0 && gaussianStdLevels == 0;
    }

    /**
     * Per-channel linear gains (R, G, B) of a white balance set for {@code kelvin}, the light
     * taken as D65: blackbody(6504 K) / blackbody(kelvin) per channel, divided by the green gain,
     * so 6504 K gives exactly 1, 1, 1 (x / x) and a camera set for tungsten (3200 K) under daylight sees
     * blue.
     */
    public static double[] whiteBalanceGains(double kelvin) {
        Rgb neutral = Blackbody.linearSrgb(NEUTRAL_KELVIN);
        Rgb set = Blackbody.linearSrgb(kelvin);
        double r = neutral.r() / set.r();
        double g = neutral.g() / set.g();
        double b = neutral.b() / set.b();
        return new double[] {r / g, 1, b / g};
    }
}
