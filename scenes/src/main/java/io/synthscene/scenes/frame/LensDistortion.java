package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * OpenCV's lens distortion model with five coefficients (k1, k2, p1, p2, k3), acting on normalised
 * image coordinates (x, y) = ((u - cx) / f, (v - cy) / f) in the OpenCV camera convention (x right,
 * y down), r² = x² + y²:
 *
 * <pre>
 *   x_d = x (1 + k1 r² + k2 r⁴ + k3 r⁶) + 2 p1 x y + p2 (r² + 2 x²)
 *   y_d = y (1 + k1 r² + k2 r⁴ + k3 r⁶) + p1 (r² + 2 y²) + 2 p2 x y
 * </pre>
 *
 * exactly as {@code cv::projectPoints} applies it (k1 &lt; 0: barrel, k1 &gt; 0: pincushion).
 * {@link #undistort} inverts it with the same fixed-point iteration as {@code cv::undistortPoints}.
 *
 * <p>Written in frame JSON and COCO as the array {@code [k1, k2, p1, p2, k3]}, OpenCV's order.
 * Created by the camera randomizer (or by hand); plain immutable data.
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"k1", "k2", "p1", "p2", "k3"})
public record LensDistortion(double k1, double k2, double p1, double p2, double k3) {
    /** A pinhole: every coefficient zero. */
    public static final LensDistortion NONE = new LensDistortion(0, 0, 0, 0, 0);

    /** Fixed-point iterations of {@link #undistort}; OpenCV's default is 5, too few for strong barrel distortion. */
    static final int UNDISTORT_ITERATIONS = 40;

    public LensDistortion {
        for (double k : new double[] {k1, k2, p1, p2, k3}) {
            if (!Double.isFinite(k)) {
                throw new IllegalArgumentException("distortion coefficient " + k + " is not finite");
            }
        }
    }

    /** Whether every coefficient is zero (the image is the pinhole image). */
    @JsonIgnore
    public boolean isNone() {
        return k1 == 0 && k2 == 0 && p1 == 0 && p2 == 0 && k3 == 0;
    }

    /** The coefficients in OpenCV's order (k1, k2, p1, p2, k3); a new array. */
    public double[] coefficients() {
        return new double[] {k1, k2, p1, p2, k3};
    }

    /** The distorted normalised coordinates of the undistorted (x, y): {@code out[0..1]}. */
    public void distort(double x, double y, double[] out) {
        double r2 = x * x + y * y;
        double radial = 1 + r2 * (k1 + r2 * (k2 + r2 * k3));
        out[0] = x * radial + 2 * p1 * x * y + p2 * (r2 + 2 * x * x);
        out[1] = y * radial + p1 * (r2 + 2 * y * y) + 2 * p2 * x * y;
    }

    /**
     * The undistorted normalised coordinates whose distortion is (xd, yd), into {@code out[0..1]}:
     * OpenCV's iteration x ← (xd − tangential(x, y)) / radial(x, y), started at (xd, yd).
     *
     * @return the distance, in normalised units, between {@code distort(out)} and (xd, yd): near
     *         zero when the iteration converged, large where the model folds over (beyond the
     *         radius where a strong barrel distortion stops growing) and has no unique inverse
     */
    public double undistort(double xd, double yd, double[] out) {
        double x = xd;
        double y = yd;
        for (int i = 0; i < UNDISTORT_ITERATIONS; i++) {
            double r2 = x * x + y * y;
            double radial = 1 + r2 * (k1 + r2 * (k2 + r2 * k3));
            double dx = 2 * p1 * x * y + p2 * (r2 + 2 * x * x);
            double dy = p1 * (r2 + 2 * y * y) + 2 * p2 * x * y;
            if (!(radial > 0)) {
                break;
            }
            x = (xd - dx) / radial;
            y = (yd - dy) / radial;
        }
        out[0] = x;
        out[1] = y;
        double[] check = new double[2];
        distort(x, y, check);
        double residual = Math.hypot(check[0] - xd, check[1] - yd);
        return Double.isFinite(residual) ? residual : Double.POSITIVE_INFINITY;
    }
}
