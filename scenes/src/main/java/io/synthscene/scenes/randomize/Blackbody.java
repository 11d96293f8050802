package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.Rgb;

/**
 * The colour of a blackbody (Planckian) radiator at a temperature in kelvin, as linear sRGB with
 * the brightest channel 1.
 *
 * <p>Temperature to CIE 1931 chromaticity (x, y) by the cubic-spline approximation of the
 * Planckian locus of Kang, Moon, Hong, Lee, Cho and Kim, "Design of advanced color temperature
 * control system for HDTV applications", Journal of the Korean Physical Society 41(6), 865-871
 * (2002), valid for 1667 K to 25000 K (the same formulas are given in Wikipedia's "Planckian
 * locus" article). Then XYZ with Y = 1 and the IEC 61966-2-1 (sRGB, D65 white) XYZ-to-linear-RGB
 * matrix. Below about 2000 K the blue channel is out of the sRGB gamut (negative) and is set to 0.
 * 6504 K (D65) gives nearly [1, 1, 1].
 */
public final class Blackbody {
    public static final double MIN_KELVIN = 1667;
    public static final double MAX_KELVIN = 25000;

    private Blackbody() {
    }

    public static Rgb linearSrgb(double kelvin) {
        if (!(kelvin >= MIN_KELVIN && kelvin <= MAX_KELVIN)) {
            throw new IllegalArgumentException("colour temperature " + kelvin + " K is outside [" + MIN_KELVIN + ", "
                    + MAX_KELVIN + "]");
        }
        double t = kelvin;
        double t2 = t * t;
        double t3 = t2 * t;
        double x = t <= 4000
                ? -0.2661239e9 / t3 - 0.2343589e6 / t2 + 0.8776956e3 / t + 0.179910
                : -3.0258469e9 / t3 + 2.1070379e6 / t2 + 0.2226347e3 / t + 0.240390;
        double x2 = x * x;
        double x3 = x2 * x;
        double y;
        if (t <= 2222) {
            y = -1.1063814 * x3 - 1.34811020 * x2 + 2.18555832 * x - 0.20219683;
        } else if (t <= 4000) {
            y = -0.9549476 * x3 - 1.37418593 * x2 + 2.09137015 * x - 0.16748867;
        } else {
            y = 3.0817580 * x3 - 5.87338670 * x2 + 3.75112997 * x - 0.37001483;
        }
        double bigX = x / y;
        double bigZ = (1 - x - y) / y;
        double r = 3.2404542 * bigX - 1.5371385 - 0.4985314 * bigZ;
        double g = -0.9692660 * bigX + 1.8760108 + 0.0415560 * bigZ;
        double b = 0.0556434 * bigX - 0.2040259 + 1.0572252 * bigZ;
        r = Math.max(r, 0);
        g = Math.max(g, 0);
        b = Math.max(b, 0);
        double max = Math.max(r, Math.max(g, b));
        return new Rgb(r / max, g / max, b / max);
    }
}
