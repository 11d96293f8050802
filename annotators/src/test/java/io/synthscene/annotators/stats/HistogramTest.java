package io.synthscene.annotators.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HistogramTest {
    @Test
    void linearEdgesAreEvenlySpacedAndWrittenAsTheirDecimals() {
        assertThat(Histogram.linear(0, 1, 10).edges())
                .containsExactly(0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0);
    }

    @Test
    void logEdgesFromOneToSixteenInFourBinsArePowersOfTwo() {
        assertThat(Histogram.logarithmic(1, 16, 4).edges()).containsExactly(1, 2, 4, 8, 16);
    }

    @Test
    void aValueOnAnInnerEdgeBelongsToTheBinThatStartsThere() {
        Histogram h = Histogram.linear(0, 10, 5); // edges 0, 2, 4, 6, 8, 10
        h.add(2);
        h.add(1.999);
        h.add(0);
        assertThat(h.counts()).containsExactly(2, 1, 0, 0, 0);
    }

    @Test
    void theLastEdgeBelongsToTheLastBin() {
        Histogram h = Histogram.linear(0, 10, 5);
        h.add(10);
        assertThat(h.counts()).containsExactly(0, 0, 0, 0, 1);
        assertThat(h.above()).isZero();
    }

    @Test
    void valuesOutsideTheEdgesAreCountedBelowAndAboveNotClampedIntoTheEndBins() {
        Histogram h = Histogram.linear(0, 10, 5);
        h.add(-0.001);
        h.add(10.5);
        h.add(1e9);
        assertThat(h.counts()).containsOnly(0);
        assertThat(h.below()).isEqualTo(1);
        assertThat(h.above()).isEqualTo(2);
        assertThat(h.total()).isEqualTo(3);
        assertThat(h.sharesWithOutside()).containsExactly(1.0 / 3, 0, 0, 0, 0, 0, 2.0 / 3);
    }

    @Test
    void logBinsOfBoxSizesPutAPowerOfTwoOnItsOwnEdge() {
        // Two bins per octave from 1 to 4096 px: edge k is 2^(k/2), so 4 px is edge 4 and 4096 px the last edge.
        Histogram h = Histogram.logarithmic(InstanceStatistics.BOX_SIZE_MIN_PX, InstanceStatistics.BOX_SIZE_MAX_PX,
                InstanceStatistics.BOX_SIZE_BINS);
        assertThat(h.edges()[4]).isEqualTo(4.0);
        assertThat(h.edges()[1]).isEqualTo(1.41421356237); // sqrt(2) to 12 digits
        h.add(4);
        h.add(3.99);
        h.add(4096);
        h.add(0.5);
        long[] counts = h.counts();
        assertThat(counts[4]).isEqualTo(1);
        assertThat(counts[3]).isEqualTo(1);
        assertThat(counts[23]).isEqualTo(1);
        assertThat(h.below()).isEqualTo(1);
    }

    @Test
    void aParameterThatWasNotRandomizedGetsOneBinHoldingItsValue() {
        Histogram h = Histogram.linear(70, 70, 20);
        h.add(70);
        h.add(70);
        assertThat(h.edges()).containsExactly(70, 70);
        assertThat(h.counts()).containsExactly(2);
    }

    @Test
    void countBinsAreOnePerCountUpToFortyThenWider() {
        assertThat(InstanceStatistics.countHistogram(3).edges()).containsExactly(0, 1, 2, 3, 4);
        Histogram wide = InstanceStatistics.countHistogram(100); // bins of 3: 0-2, 3-5, ..., 99-101
        assertThat(wide.bins()).isEqualTo(34);
        wide.add(100);
        wide.add(2);
        wide.add(3);
        assertThat(wide.counts()[33]).isEqualTo(1);
        assertThat(wide.counts()[0]).isEqualTo(1);
        assertThat(wide.counts()[1]).isEqualTo(1);
    }

    @Test
    void badRangesAndValuesAreRefused() {
        assertThatThrownBy(() -> Histogram.logarithmic(0, 10, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Histogram.linear(2, 1, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Histogram(new double[] {0, 2, 1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Histogram.linear(0, 1, 4).add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
