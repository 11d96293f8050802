package io.synthscene.scenes.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.random.FrameRandom;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class SamplersTest {
    private static final int DRAWS = 20_000;

    private static double[] draw(ScalarSampler sampler, SplittableRandom random, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = sampler.sample(random);
        }
        return values;
    }

    private static double[] draw(ScalarSampler sampler) {
        return draw(sampler, FrameRandom.stream(1, 0, "test"), DRAWS);
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElseThrow();
    }

    private static double variance(double[] values) {
        double m = mean(values);
        return java.util.Arrays.stream(values).map(v -> (v - m) * (v - m)).sum() / (values.length - 1);
    }

    @Test
    void uniformStaysWithinItsBoundsAndSpreadsOverThem() {
        double[] values = draw(new UniformSampler(-3, 5));
        assertThat(java.util.Arrays.stream(values).allMatch(v -> v >= -3 && v < 5)).isTrue();
        assertThat(java.util.Arrays.stream(values).min().orElseThrow()).isLessThan(-2.9);
        assertThat(java.util.Arrays.stream(values).max().orElseThrow()).isGreaterThan(4.9);
        assertThat(mean(values)).isCloseTo(1, within(0.1));
    }

    @Test
    void sameStreamGivesTheSameDraws() {
        List<ScalarSampler> samplers = List.of(new UniformSampler(0, 1), new NormalSampler(0, 1, -2, 2),
                new PoissonSampler(42), new UniformIntSampler(-5, 5),
                new ChoiceSampler(List.of(1.0, 2.0, 3.0), new WeightedIndex(List.of(1.0, 2.0, 3.0))));
        for (ScalarSampler sampler : samplers) {
            double[] first = draw(sampler, FrameRandom.stream(9, 3, "camera"), 100);
            double[] second = draw(sampler, FrameRandom.stream(9, 3, "camera"), 100);
            assertThat(second).as(sampler.describe()).containsExactly(first);
        }
    }

    @Test
    void differentStreamsFramesAndSeedsGiveDifferentDraws() {
        ScalarSampler sampler = new UniformSampler(0, 1);
        double[] base = draw(sampler, FrameRandom.stream(9, 3, "camera"), 10);
        assertThat(draw(sampler, FrameRandom.stream(9, 3, "lighting"), 10)).isNotEqualTo(base);
        assertThat(draw(sampler, FrameRandom.stream(9, 4, "camera"), 10)).isNotEqualTo(base);
        assertThat(draw(sampler, FrameRandom.stream(10, 3, "camera"), 10)).isNotEqualTo(base);
    }

    @Test
    void truncatedNormalStaysWithinItsBounds() {
        double[] values = draw(new NormalSampler(-4, 1, -5, -3.5));
        assertThat(java.util.Arrays.stream(values).allMatch(v -> v >= -5 && v <= -3.5)).isTrue();
        assertThat(java.util.Arrays.stream(values).min().orElseThrow()).isLessThan(-4.9);
    }

    @Test
    void untruncatedNormalHasTheGivenMeanAndStd() {
        double[] values = draw(new NormalSampler(10, 2, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertThat(mean(values)).isCloseTo(10, within(0.06));
        assertThat(Math.sqrt(variance(values))).isCloseTo(2, within(0.06));
    }

    @Test
    void normalWithZeroStdAlwaysGivesItsMean() {
        assertThat(draw(new NormalSampler(3, 0, 0, 5), new SplittableRandom(1), 10)).containsOnly(3.0);
    }

    @Test
    void normalMassInsideMatchesKnownValues() {
        assertThat(NormalSampler.massInside(0, 1, -1, 1)).isCloseTo(0.682689, within(1e-5));
        assertThat(NormalSampler.massInside(0, 1, -1.96, 1.96)).isCloseTo(0.95, within(1e-4));
        assertThat(NormalSampler.massInside(5, 2, 5, Double.POSITIVE_INFINITY)).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void weightedChoiceRespectsTheWeightsRoughly() {
        ChoiceSampler sampler = new ChoiceSampler(List.of(0.0, 1.0, 2.0), new WeightedIndex(List.of(1.0, 3.0, 0.0)));
        double[] values = draw(sampler);
        ToDoubleFunction<Double> share = v -> java.util.Arrays.stream(values).filter(x -> x == v).count() / (double) DRAWS;
        assertThat(share.applyAsDouble(0.0)).isCloseTo(0.25, within(0.015));
        assertThat(share.applyAsDouble(1.0)).isCloseTo(0.75, within(0.015));
        assertThat(share.applyAsDouble(2.0)).isZero();
    }

    @Test
    void poissonHasTheGivenMeanAndVarianceForSmallAndLargeLambda() {
        for (double lambda : new double[] {0.5, 4, 75, 400}) {
            double[] values = draw(new PoissonSampler(lambda));
            assertThat(java.util.Arrays.stream(values).allMatch(v -> v >= 0 && v == Math.rint(v))).isTrue();
            assertThat(mean(values)).as("mean for lambda " + lambda).isCloseTo(lambda, within(0.03 * lambda + 0.03));
            assertThat(variance(values)).as("variance for lambda " + lambda).isCloseTo(lambda, within(0.1 * lambda + 0.05));
        }
    }

    @Test
    void poissonWithZeroLambdaIsAlwaysZero() {
        assertThat(draw(new PoissonSampler(0), new SplittableRandom(3), 50)).containsOnly(0.0);
    }

    @Test
    void uniformIntReachesBothEndsAndNothingElse() {
        double[] values = draw(new UniformIntSampler(2, 4));
        assertThat(values).containsOnly(2.0, 3.0, 4.0);
        assertThat(java.util.Arrays.stream(values).filter(v -> v == 4).count()).isGreaterThan(DRAWS / 4);
    }

    @Test
    void vectorChoicePicksWholeVectors() {
        ChoiceVectorSampler sampler = new ChoiceVectorSampler(List.of(List.of(1.0, 0.0, 0.0), List.of(0.0, 1.0, 0.5)),
                WeightedIndex.equal(2));
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 100; i++) {
            assertThat(sampler.sample(random)).satisfiesAnyOf(
                    v -> assertThat(v).containsExactly(1, 0, 0),
                    v -> assertThat(v).containsExactly(0, 1, 0.5));
        }
        assertThat(sampler.lowest(2)).isZero();
        assertThat(sampler.highest(2)).isEqualTo(0.5);
    }

    @Test
    void samplersReportTheRangeTheyCanProduce() {
        assertThat(new UniformSampler(1, 2).lowest()).isEqualTo(1);
        assertThat(new NormalSampler(0, 1, -1, Double.POSITIVE_INFINITY).highest()).isInfinite();
        assertThat(new PoissonSampler(2).highest()).isInfinite();
        assertThat(new ChoiceSampler(List.of(3.0, -1.0), WeightedIndex.equal(2)).lowest()).isEqualTo(-1);
        assertThat(new ChoiceSampler(List.of(3.0, 1.5), WeightedIndex.equal(2)).integral()).isFalse();
        assertThat(new ConstantSampler(4).integral()).isTrue();
    }
}
