package io.synthscene.scenes.sampling;

import java.util.SplittableRandom;

/**
 * {@code {poisson: lambda}}: a Poisson-distributed count with mean lambda.
 *
 * <p>Knuth's multiplication method, run on chunks of at most {@link #CHUNK} (a sum of independent
 * Poisson variables is Poisson with the summed mean), so exp(-lambda) never underflows. Cost grows
 * with lambda, which the loader caps at {@link #MAX_LAMBDA}.
 */
public record PoissonSampler(double lambda) implements ScalarSampler {
    public static final double MAX_LAMBDA = 1000;
    private static final double CHUNK = 30;

    public PoissonSampler {
        if (!(lambda >= 0 && lambda <= MAX_LAMBDA)) {
            throw new IllegalArgumentException("poisson lambda " + lambda + " is outside [0, " + MAX_LAMBDA + "]");
        }
    }

    @Override
    public double sample(SplittableRandom random) {
        long total = 0;
        double remaining = lambda;
        while (remaining > 0) {
            double chunk = Math.min(remaining, CHUNK);
            remaining -= chunk;
            total += knuth(chunk, random);
        }
        return total;
    }

    private static long knuth(double mean, SplittableRandom random) {
        double limit = StrictMath.exp(-mean);
        long count = -1;
        double product = 1;
        do {
            count++;
            product *= random.nextDouble();
        } while (product > limit);
        return count;
    }

    @Override
    public double lowest() {
        return 0;
    }

    @Override
    public double highest() {
        return lambda == 0 ? 0 : Double.POSITIVE_INFINITY;
    }

    @Override
    public boolean integral() {
        return true;
    }

    @Override
    public String describe() {
        return "{poisson: " + Numbers.format(lambda) + "}";
    }
}
