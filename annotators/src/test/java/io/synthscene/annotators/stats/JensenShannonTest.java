package io.synthscene.annotators.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class JensenShannonTest {
    private static final double TOLERANCE = 1e-12;

    @Test
    void identicalDistributionsAreAtDistanceZeroWhateverTheirScale() {
        assertThat(JensenShannon.distance(new long[] {3, 1, 0, 6}, new long[] {30, 10, 0, 60}).getAsDouble()).isCloseTo(0, within(TOLERANCE));
    }

    @Test
    void distributionsWithNoBinInCommonAreAtDistanceOne() {
        assertThat(JensenShannon.distance(new long[] {5, 0, 0}, new long[] {0, 2, 7}).getAsDouble()).isCloseTo(1, within(TOLERANCE));
    }

    @Test
    void oneBinAgainstTwoHalvesMatchesTheHandComputedValue() {
        // P = (1, 0), Q = (1/2, 1/2), M = (3/4, 1/4):
        // KL(P||M) = log2(4/3); KL(Q||M) = 1/2 log2(2/3) + 1/2 log2(2); JSD = (KL(P||M) + KL(Q||M)) / 2
        double divergence = (Math.log(4.0 / 3) / Math.log(2) + 0.5 * Math.log(2.0 / 3) / Math.log(2) + 0.5) / 2;
        assertThat(Math.sqrt(divergence)).isCloseTo(0.5579230452841438, within(TOLERANCE)); // scipy 1.x: jensenshannon([1, 0], [.5, .5], base=2)
        assertThat(JensenShannon.distance(new long[] {1, 0}, new long[] {1, 1}).getAsDouble())
                .isCloseTo(Math.sqrt(divergence), within(TOLERANCE));
    }

    @Test
    void theDistanceIsSymmetric() {
        double ab = JensenShannon.distance(new long[] {3, 1}, new long[] {1, 3}).getAsDouble();
        double ba = JensenShannon.distance(new long[] {1, 3}, new long[] {3, 1}).getAsDouble();
        assertThat(ab).isEqualTo(ba).isCloseTo(0.43442131110348065, within(TOLERANCE)); // scipy 1.x: jensenshannon([3, 1], [1, 3], base=2)
    }

    @Test
    void anEmptySideHasNoDistance() {
        assertThat(JensenShannon.distance(new long[] {0, 0}, new long[] {1, 1})).isEmpty();
    }
}
