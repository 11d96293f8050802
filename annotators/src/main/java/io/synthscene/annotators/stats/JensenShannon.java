package io.synthscene.annotators.stats;

import java.util.OptionalDouble;

/**
 * The Jensen–Shannon distance between two discrete distributions: the square root of the
 * Jensen–Shannon divergence with base-2 logarithms, so it lies in [0, 1] (0 for equal
 * distributions, 1 for distributions with no bin in common) and is a metric. The same number as
 * SciPy's {@code scipy.spatial.distance.jensenshannon(p, q, base=2)}. Stateless.
 */
public final class JensenShannon {
    private JensenShannon() {
    }

    /**
     * @param p counts or weights per bin, not negative; normalised here
     * @param q the same bins' counts or weights for the other distribution
     * @return empty when either has nothing in it (a distance between nothing and something is undefined)
     * @throws IllegalArgumentException when the lengths differ or a weight is negative or not finite
     */
    public static OptionalDouble distance(double[] p, double[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("distributions of " + p.length + " and " + q.length + " bins");
        }
        double sumP = sum(p);
        double sumQ = sum(q);
        if (sumP == 0 || sumQ == 0) {
            return OptionalDouble.empty();
        }
        double divergence = 0;
        for (int i = 0; i < p.length; i++) {
            double a = p[i] / sumP;
            double b = q[i] / sumQ;
            double m = (a + b) / 2;
            divergence += (term(a, m) + term(b, m)) / 2;
        }
        // Rounding can leave a tiny negative or a value a hair above 1.
        return OptionalDouble.of(Math.sqrt(Math.max(0, Math.min(1, divergence))));
    }

    public static OptionalDouble distance(long[] p, long[] q) {
        return distance(toDouble(p), toDouble(q));
    }

    private static double term(double x, double m) {
        return x == 0 ? 0 : x * Math.log(x / m) / Math.log(2);
    }

    private static double sum(double[] weights) {
        double s = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weight " + w + " is not a finite number >= 0");
            }
            s += w;
        }
        return s;
    }

    private static double[] toDouble(long[] counts) {
        double[] d = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            d[i] = counts[i];
        }
        return d;
    }
}
