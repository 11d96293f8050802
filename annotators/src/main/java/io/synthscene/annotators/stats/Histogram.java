package io.synthscene.annotators.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/**
 * Counts of values in bins given by ascending edges. Bin {@code i} holds the values v with
 * {@code edges[i] <= v < edges[i + 1]}; the last bin also holds its right edge, so a value on an
 * inner edge belongs to the bin that starts there. Values below the first edge or above the last
 * are not clamped into the end bins: they are counted in {@link #below} and {@link #above}.
 *
 * <p>Mutable while it is filled by its creator ({@link #add}); hand it on only when filled.
 * Edges are rounded to 12 significant digits when made by {@link #linear} or
 * {@link #logarithmic}, so that, e.g., the log edges from 1 to 16 in 4 bins are exactly 1, 2, 4,
 * 8, 16 and the linear edges 0, 0.1, ..., 1 are written as such.
 */
public final class Histogram {
    private static final MathContext EDGE_DIGITS = new MathContext(12);

    private final double[] edges;
    private final long[] counts;
    private long below;
    private long above;

    /** @throws IllegalArgumentException unless there are at least 2 finite, non-decreasing edges, all distinct but for a single bin */
    public Histogram(double[] edges) {
        if (edges.length < 2) {
            throw new IllegalArgumentException("a histogram needs at least 2 edges, got " + edges.length);
        }
        for (int i = 0; i < edges.length; i++) {
            if (!Double.isFinite(edges[i])) {
                throw new IllegalArgumentException("edge " + i + " is " + edges[i]);
            }
            if (i > 0 && !(edges[i] > edges[i - 1]) && !(edges.length == 2 && edges[1] == edges[0])) {
                throw new IllegalArgumentException("edges must ascend: " + Arrays.toString(edges));
            }
        }
        this.edges = edges.clone();
        this.counts = new long[edges.length - 1];
    }

    /**
     * {@code bins} equal bins from {@code min} to {@code max}. {@code min == max} gives one bin
     * holding exactly that value (a parameter that was not randomized).
     */
    public static Histogram linear(double min, double max, int bins) {
        requireRange(min, max, bins);
        if (min == max) {
            return new Histogram(new double[] {min, max});
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = i == bins ? max : round(min + (max - min) * i / bins);
        }
        edges[0] = min;
        return new Histogram(edges);
    }

    /** {@code bins} bins from {@code min} to {@code max} whose edges grow by a constant factor; {@code 0 < min}. */
    public static Histogram logarithmic(double min, double max, int bins) {
        requireRange(min, max, bins);
        if (!(min > 0)) {
            throw new IllegalArgumentException("log bins need min > 0, got " + min);
        }
        if (min == max) {
            return new Histogram(new double[] {min, max});
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = round(min * Math.pow(max / min, (double) i / bins));
        }
        edges[0] = min;
        edges[bins] = max;
        return new Histogram(edges);
    }

    private static void requireRange(double min, double max, int bins) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max || bins < 1) {
            throw new IllegalArgumentException("bins " + bins + " from " + min + " to " + max);
        }
    }

    private static double round(double value) {
        return new BigDecimal(value).round(EDGE_DIGITS).doubleValue();
    }

    /** @throws IllegalArgumentException for NaN or an infinity */
    public void add(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("NaN cannot be counted");
        }
        int last = counts.length - 1;
        if (value < edges[0]) {
            below++;
        } else if (value > edges[last + 1]) {
            above++;
        } else if (value == edges[last + 1]) {
            counts[last]++;
        } else {
            // Largest i with edges[i] <= value.
            int i = Arrays.binarySearch(edges, value);
            counts[i >= 0 ? i : -i - 2]++;
        }
    }

    public double[] edges() {
        return edges.clone();
    }

    public long[] counts() {
        return counts.clone();
    }

    public int bins() {
        return counts.length;
    }

    public long below() {
        return below;
    }

    public long above() {
        return above;
    }

    /** Values counted, in the bins and outside them. */
    public long total() {
        return Arrays.stream(counts).sum() + below + above;
    }

    /**
     * Each bin's share of {@link #total}, with the values below and above as two more bins at the
     * ends (so that distributions compared with these shares lose nothing); all 0 when empty.
     */
    public double[] sharesWithOutside() {
        double[] shares = new double[counts.length + 2];
        long total = total();
        if (total == 0) {
            return shares;
        }
        shares[0] = (double) below / total;
        for (int i = 0; i < counts.length; i++) {
            shares[i + 1] = (double) counts[i] / total;
        }
        shares[counts.length + 1] = (double) above / total;
        return shares;
    }
}
