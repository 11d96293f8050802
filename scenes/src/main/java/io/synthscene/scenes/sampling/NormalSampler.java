package io.synthscene.scenes.sampling;

import java.util.SplittableRandom;

/**
 * {@code {normal: {mean, std, min?, max?}}}: a normal distribution, truncated to [min, max] by
 * rejection when bounds are given (a draw outside is thrown away and drawn again, so the shape
 * inside the bounds is exactly the normal's).
 *
 * <p>Standard normals come from the Box–Muller transform over {@link StrictMath}, so the same
 * generator gives bit-identical values on every JVM and platform (the JDK's own
 * {@code nextGaussian} is not specified that tightly).
 *
 * @param min lower truncation bound, or -inf for none
 * @param max upper truncation bound, or +inf for none
 */
public record NormalSampler(double mean, double std, double min, double max) implements ScalarSampler {
    /**
     * The loader rejects bounds that keep less than this share of the distribution, so that
     * rejection ends quickly: with at least 0.1 % acceptance, {@link #MAX_TRIES} failures in a row
     * have a probability of about e^-100.
     */
    public static final double MIN_MASS_INSIDE = 1e-3;
    static final int MAX_TRIES = 100_000;

    public NormalSampler {
        if (!(std >= 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("normal std " + std + " must be finite and >= 0");
        }
        if (!(min <= max)) {
            throw new IllegalArgumentException("normal bounds [" + min + ", " + max + "] need min <= max");
        }
        if (massInside(mean, std, min, max) < MIN_MASS_INSIDE) {
            throw new IllegalArgumentException("normal bounds keep too little of the distribution");
        }
    }

    @Override
    public double sample(SplittableRandom random) {
        if (std == 0) {
            return mean;
        }
        for (int i = 0; i < MAX_TRIES; i++) {
            double value = mean + std * standardNormal(random);
            if (value >= min && value <= max) {
                return value;
            }
        }
        throw new IllegalStateException(describe() + ": no value inside the bounds after " + MAX_TRIES + " draws");
    }

    /** Share of the untruncated distribution that lies inside [min, max]. */
    public double massInside() {
        return massInside(mean, std, min, max);
    }

    /** Share of normal(mean, std) that lies inside [min, max]; 1 or 0 when std is 0. */
    public static double massInside(double mean, double std, double min, double max) {
        if (std == 0) {
            return mean >= min && mean <= max ? 1 : 0;
        }
        return cumulative((max - mean) / std) - cumulative((min - mean) / std);
    }

    @Override
    public double lowest() {
        return std == 0 ? mean : min;
    }

    @Override
    public double highest() {
        return std == 0 ? mean : max;
    }

    @Override
    public boolean integral() {
        return std == 0 && mean == Math.rint(mean);
    }

    @Override
    public String describe() {
        StringBuilder text = new StringBuilder("{normal: {mean: ").append(Numbers.format(mean))
                .append(", std: ").append(Numbers.format(std));
        if (Double.isFinite(min)) {
            text.append(", min: ").append(Numbers.format(min));
        }
        if (Double.isFinite(max)) {
            text.append(", max: ").append(Numbers.format(max));
        }
        return text.append("}}").toString();
    }

    /** Box–Muller: two uniform draws, one standard normal (the second one is not kept). */
    static double standardNormal(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble(); // (0, 1]: log stays finite
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }

    /** The standard normal CDF, to about 1e-7 relative accuracy (enough for the mass check). */
    static double cumulative(double x) {
        if (x == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 1;
        }
        return 0.5 * complementaryErrorFunction(-x / Math.sqrt(2));
    }

    /** erfc by the Chebyshev fit of Numerical Recipes (fractional error below 1.2e-7). */
    private static double complementaryErrorFunction(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2.0 - ans;
    }
}
