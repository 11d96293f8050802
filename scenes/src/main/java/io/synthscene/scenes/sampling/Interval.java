package io.synthscene.scenes.sampling;

/**
 * A range of numbers with open or closed ends, possibly unbounded: what a field accepts, checked
 * against the lowest and highest value a sampler can produce.
 */
public record Interval(double min, boolean minOpen, double max, boolean maxOpen) {
    public static final Interval ANY = new Interval(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);

    /** [min, max] */
    public static Interval closed(double min, double max) {
        return new Interval(min, false, max, false);
    }

    /** (min, max) */
    public static Interval open(double min, double max) {
        return new Interval(min, true, max, true);
    }

    /** [min, +inf) */
    public static Interval atLeast(double min) {
        return new Interval(min, false, Double.POSITIVE_INFINITY, true);
    }

    /** (min, +inf) */
    public static Interval above(double min) {
        return new Interval(min, true, Double.POSITIVE_INFINITY, true);
    }

    public boolean contains(double value) {
        boolean aboveMin = minOpen ? value > min : value >= min;
        boolean belowMax = maxOpen ? value < max : value <= max;
        return aboveMin && belowMax;
    }

    public boolean hasFiniteMin() {
        return Double.isFinite(min);
    }

    public boolean hasFiniteMax() {
        return Double.isFinite(max);
    }

    /** As a reader writes it: {@code (0, 180)}, {@code [0, 1]}, {@code [0, inf)}. */
    @Override
    public String toString() {
        return (minOpen ? "(" : "[") + Numbers.format(min) + ", " + Numbers.format(max) + (maxOpen ? ")" : "]");
    }
}
