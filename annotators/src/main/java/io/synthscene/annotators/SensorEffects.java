package io.synthscene.annotators;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.Sensor;
import io.synthscene.scenes.random.FrameRandom;
import io.synthscene.scenes.randomize.Blackbody;
import java.util.SplittableRandom;

/**
 * A camera sensor applied to the colour image only, after rendering and before encoding: masks,
 * ids, depth and normals are never touched. Pure array code on the sRGB bytes; stateless and
 * thread-safe.
 *
 * <p>Per channel value, in this order: decode sRGB to linear L; L times 2^exposure_ev, times the
 * white balance gain of the channel, times the vignetting factor 1 - v · (r / r_corner)² (r from
 * the image centre to the pixel centre, at +0.5); lateral chromatic aberration (red sampled
 * magnified, blue shrunk about the centre, bilinearly); optical blur: a separable Gaussian of std
 * blur_px pixels over the whole linear image (edges repeat the border); clip to [0, 1]; shot noise: L becomes
 * Poisson(L · n) / n for n photons at white (clipped again); encode to sRGB in 8-bit levels; add
 * Gaussian read noise of the given std, in levels; round and clip to 0..255.
 *
 * <p>White balance: the gains are blackbody(6504 K) / blackbody(white_balance_k) per channel, divided
 * by the green gain, so 6504 K changes nothing and a camera set for tungsten (3200 K) under
 * daylight sees blue.
 *
 * <p>Noise comes from the frame's {@code sensor/noise} stream ({@link FrameRandom}), pixel by pixel
 * in row order, R, G, B: the same (seed, frame) gives the same bytes on any thread. Gaussian draws
 * use Box–Muller over {@link StrictMath}; Poisson counts below {@link #POISSON_EXACT_BELOW} use
 * Knuth's product method, larger ones the normal approximation (rounded, at least 0).
 */
public final class SensorEffects {
    /** Mean photon count below which Poisson draws are exact. */
    public static final double POISSON_EXACT_BELOW = 30;
    private static final double[] SRGB_TO_LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            SRGB_TO_LINEAR[i] = decode(i / 255.0);
        }
    }

    private SensorEffects() {
    }

    /** The rendered frame with its colour image through the frame's sensor; the frame itself when it has none. */
    public static RenderedFrame apply(Frame frame, RenderedFrame rendered) {
        Sensor sensor = frame.sensor();
        if (sensor == null || rendered.rgb() == null) {
            return rendered;
        }
        byte[] rgb = apply(sensor, rendered.rgb(), rendered.width(), rendered.height(),
                FrameRandom.stream(frame.sceneSeed(), frame.index(), "sensor/noise"));
        return new RenderedFrame(rendered.index(), rendered.width(), rendered.height(), rgb, rendered.instanceIds(),
                rendered.depthMeters(), rendered.device(), rendered.silhouettes(), rendered.normals());
    }

    /**
     * @param rgb   sRGB bytes, R, G, B, row-major, top row first; not modified
     * @param noise the generator the noise is drawn from
     * @return a new array of the same layout
     */
    public static byte[] apply(Sensor sensor, byte[] rgb, int width, int height, SplittableRandom noise) {
        if (rgb.length != 3 * width * height) {
            throw new IllegalArgumentException("rgb has " + rgb.length + " bytes, expected " + 3 * width * height);
        }
        double[] linear = exposed(sensor, rgb, width, height);
        if (sensor.chromaticAberrationPx() > 0) {
            linear = aberrated(linear, width, height, sensor.chromaticAberrationPx());
        }
        if (sensor.blurPx() > 0) {
            blur(linear, width, height, sensor.blurPx());
        }
        double photons = sensor.photonsAtWhite();
        double std = sensor.gaussianStdLevels();
        byte[] out = new byte[rgb.length];
        for (int i = 0; i < out.length; i++) {
            double l = clip(linear[i]);
            if (photons > 0) {
                l = clip(poisson(l * photons, noise) / photons);
            }
            double levels = encode(l) * 255;
            if (std > 0) {
                levels += std * gaussian(noise);
            }
            out[i] = (byte) Math.max(0, Math.min(255, Math.round(levels)));
        }
        return out;
    }

    /** Linear values after exposure, white balance and vignetting; not clipped (a blur spreads highlights). */
    private static double[] exposed(Sensor sensor, byte[] rgb, int width, int height) {
        double exposure = Math.pow(2, sensor.exposureEv());
        double[] gains = whiteBalanceGains(sensor.whiteBalanceK());
        double cx = width / 2.0;
        double cy = height / 2.0;
        double cornerSquared = cx * cx + cy * cy;
        double[] linear = new double[rgb.length];
        for (int y = 0; y < height; y++) {
            double dy = y + 0.5 - cy;
            for (int x = 0; x < width; x++) {
                double dx = x + 0.5 - cx;
                double vignette = 1 - sensor.vignetting() * (dx * dx + dy * dy) / cornerSquared;
                int i = 3 * (y * width + x);
                for (int c = 0; c < 3; c++) {
                    linear[i + c] = SRGB_TO_LINEAR[rgb[i + c] & 0xFF] * exposure * gains[c] * vignette;
                }
            }
        }
        return linear;
    }

    /**
     * Lateral chromatic aberration: red magnified and blue shrunk about the image centre, so that at
     * the corner distance r_corner red lands about {@code px} pixels further out and blue about {@code px} pixels
     * further in than green. Output pixel p of red samples the input at c + (p - c)(1 - px / r_corner),
     * of blue at c + (p - c)(1 + px / r_corner), bilinearly (pixel centres at +0.5, edges repeated).
     */
    private static double[] aberrated(double[] linear, int width, int height, double px) {
        double cx = width / 2.0;
        double cy = height / 2.0;
        double shift = px / Math.sqrt(cx * cx + cy * cy);
        double[] out = linear.clone();
        for (int c = 0; c < 3; c += 2) {
            double scale = c == 0 ? 1 - shift : 1 + shift;
            for (int y = 0; y < height; y++) {
                double sy = cy + (y + 0.5 - cy) * scale - 0.5;
                for (int x = 0; x < width; x++) {
                    double sx = cx + (x + 0.5 - cx) * scale - 0.5;
                    out[3 * (y * width + x) + c] = bilinear(linear, width, height, c, sx, sy);
                }
            }
        }
        return out;
    }

    /** Channel {@code c} at (x, y) in pixel-index coordinates (centres at integers), edges repeated. */
    private static double bilinear(double[] linear, int width, int height, int c, double x, double y) {
        double fx = Math.floor(x);
        double fy = Math.floor(y);
        double ax = x - fx;
        double ay = y - fy;
        int x0 = clamp((int) fx, width);
        int x1 = clamp((int) fx + 1, width);
        int y0 = clamp((int) fy, height);
        int y1 = clamp((int) fy + 1, height);
        double top = (1 - ax) * linear[3 * (y0 * width + x0) + c] + ax * linear[3 * (y0 * width + x1) + c];
        double bottom = (1 - ax) * linear[3 * (y1 * width + x0) + c] + ax * linear[3 * (y1 * width + x1) + c];
        return (1 - ay) * top + ay * bottom;
    }

    private static int clamp(int i, int size) {
        return Math.max(0, Math.min(size - 1, i));
    }

    /**
     * The normalised Gaussian kernel of standard deviation {@code sigmaPx}, radius ceil(3 sigma),
     * centre at index radius.
     */
    public static double[] gaussianKernel(double sigmaPx) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigmaPx));
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = StrictMath.exp(-0.5 * k * k / (sigmaPx * sigmaPx));
            sum += kernel[k + radius];
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= sum;
        }
        return kernel;
    }

    /** Separable Gaussian blur in place, rows then columns; edges repeat the border pixel. */
    private static void blur(double[] linear, int width, int height, double sigmaPx) {
        double[] kernel = gaussianKernel(sigmaPx);
        int radius = kernel.length / 2;
        double[] line = new double[Math.max(width, height)];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    line[x] = linear[3 * (y * width + x) + c];
                }
                for (int x = 0; x < width; x++) {
                    double v = 0;
                    for (int k = -radius; k <= radius; k++) {
                        v += kernel[k + radius] * line[Math.min(width - 1, Math.max(0, x + k))];
                    }
                    linear[3 * (y * width + x) + c] = v;
                }
            }
            for (int x = 0; x < width; x++) {
                for (int y = 0; y < height; y++) {
                    line[y] = linear[3 * (y * width + x) + c];
                }
                for (int y = 0; y < height; y++) {
                    double v = 0;
                    for (int k = -radius; k <= radius; k++) {
                        v += kernel[k + radius] * line[Math.min(height - 1, Math.max(0, y + k))];
                    }
                    linear[3 * (y * width + x) + c] = v;
                }
            }
        }
    }

    /** Per-channel linear gains (R, G, B) of a white balance set for {@code kelvin}, green = 1. */
    public static double[] whiteBalanceGains(double kelvin) {
        Rgb neutral = Blackbody.linearSrgb(Sensor.NEUTRAL_KELVIN);
        Rgb set = Blackbody.linearSrgb(kelvin);
        double r = neutral.r() / set.r();
        double g = neutral.g() / set.g();
        double b = neutral.b() / set.b();
        return new double[] {r / g, 1, b / g};
    }

    /** IEC 61966-2-1 sRGB decoding, [0, 1] to linear [0, 1]. */
    public static double decode(double srgb) {
        return srgb <= 0.04045 ? srgb / 12.92 : StrictMath.pow((srgb + 0.055) / 1.055, 2.4);
    }

    /** IEC 61966-2-1 sRGB encoding, linear [0, 1] to [0, 1]. */
    public static double encode(double linear) {
        return linear <= 0.0031308 ? linear * 12.92 : 1.055 * StrictMath.pow(linear, 1 / 2.4) - 0.055;
    }

    private static double clip(double v) {
        return v < 0 ? 0 : Math.min(v, 1);
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble(); // (0, 1]: log is finite
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    private static double poisson(double mean, SplittableRandom random) {
        if (mean <= 0) {
            return 0;
        }
        if (mean >= POISSON_EXACT_BELOW) {
            return Math.max(0, Math.round(mean + StrictMath.sqrt(mean) * gaussian(random)));
        }
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
