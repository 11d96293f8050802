package io.synthscene.annotators.stats;

import io.synthscene.annotators.CocoDataset;
import io.synthscene.annotators.UnplacedReport;
import io.synthscene.scenes.frame.Frame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Everything {@code synthscene stats} reports about one dataset: its instance statistics, the
 * per-annotation values it records (visibility, truncation, distance; null histograms when it
 * records none), the coverage of its frames' randomized parameters and, optionally, a comparison
 * with a real COCO file. Made by {@link #of} from data already read; pure; immutable once made.
 *
 * @param frames     frames read from {@code frames/}
 * @param imagesOfFrames the images those frames account for: one per frame, or one per camera of a frame's rig
 * @param comparison null without a real file to compare with
 * @param classBalance null when no frame recorded class balance targets
 * @param unplaced   the objects the frames' groups could not place (empty when every object was placed)
 */
public record DatasetStatistics(InstanceStatistics instances, Histogram visibility, Histogram truncation,
                                Histogram distanceMeters, List<ParameterCoverage> parameters, int frames,
                                Comparison comparison, ClassBalanceReport classBalance, int imagesOfFrames,
                                UnplacedReport unplaced) {

    /** Statistics of a dataset in which every object was placed. */
    public DatasetStatistics(InstanceStatistics instances, Histogram visibility, Histogram truncation,
                             Histogram distanceMeters, List<ParameterCoverage> parameters, int frames,
                             Comparison comparison, ClassBalanceReport classBalance, int imagesOfFrames) {
        this(instances, visibility, truncation, distanceMeters, parameters, frames, comparison, classBalance, imagesOfFrames,
                UnplacedReport.NONE);
    }

    public DatasetStatistics {
        unplaced = unplaced == null ? UnplacedReport.NONE : unplaced;
    }

    /** Statistics of a dataset whose frames have one camera each. */
    public DatasetStatistics(InstanceStatistics instances, Histogram visibility, Histogram truncation,
                             Histogram distanceMeters, List<ParameterCoverage> parameters, int frames,
                             Comparison comparison, ClassBalanceReport classBalance) {
        this(instances, visibility, truncation, distanceMeters, parameters, frames, comparison, classBalance, frames);
    }

    /** Statistics of a dataset whose frames recorded no class balance. */
    public DatasetStatistics(InstanceStatistics instances, Histogram visibility, Histogram truncation, Histogram distanceMeters,
                             List<ParameterCoverage> parameters, int frames, Comparison comparison) {
        this(instances, visibility, truncation, distanceMeters, parameters, frames, comparison, null);
    }

    /** Visibility and truncation: 20 bins of 0.05 from 0 to 1. */
    public static final int FRACTION_BINS = 20;
    /** Distance: 20 bins from 0 to the largest distance rounded up to a whole metre. */
    public static final int DISTANCE_BINS = 20;

    /**
     * Synthetic against real, on the same bins. Categories are matched by name (exactly, case
     * included); category shares are taken over the matched categories' instances only, in the
     * synthetic file's order.
     *
     * @param realFile      the real file's name, as the user gave it
     * @param matched       category names in both files
     * @param syntheticOnly category names only in the synthetic file
     * @param realOnly      category names only in the real file
     * @param syntheticCategoryCounts instances of each matched category, synthetic
     * @param realCategoryCounts      instances of each matched category, real
     */
    public record Comparison(String realFile, InstanceStatistics real, List<String> matched, List<String> syntheticOnly,
                             List<String> realOnly, long[] syntheticCategoryCounts, long[] realCategoryCounts) {
        public Comparison {
            matched = List.copyOf(matched);
            syntheticOnly = List.copyOf(syntheticOnly);
            realOnly = List.copyOf(realOnly);
        }

        public OptionalDouble categoryDistance() {
            return JensenShannon.distance(syntheticCategoryCounts, realCategoryCounts);
        }

        /** Over the histograms' bins plus the values below and above them. */
        public static OptionalDouble distance(Histogram synthetic, Histogram real) {
            return JensenShannon.distance(synthetic.sharesWithOutside(), real.sharesWithOutside());
        }
    }

    /**
     * @param extras the synthetic file's per-annotation values
     * @param real   null, or a real COCO file to compare with (already read and checked)
     */
    public static DatasetStatistics of(CocoDataset synthetic, AnnotationExtras extras, List<Frame> frames,
                                       CocoDataset real, String realFile) {
        int maxObjects = InstanceStatistics.maxObjectsPerImage(synthetic);
        if (real != null) {
            maxObjects = Math.max(maxObjects, InstanceStatistics.maxObjectsPerImage(real));
        }
        InstanceStatistics instances = InstanceStatistics.of(synthetic, maxObjects);
        Comparison comparison = real == null ? null : compare(instances, InstanceStatistics.of(real, maxObjects), realFile);
        return new DatasetStatistics(instances,
                fractions(extras.visibility()), fractions(extras.truncation()), distances(extras.distanceMeters()),
                ParameterCoverage.of(frames), frames.size(), comparison, ClassBalanceReport.of(frames, instances),
                frames.stream().mapToInt(f -> f.rig() == null ? 1 : f.rig().size()).sum(), UnplacedReport.of(frames));
    }

    private static Histogram fractions(double[] values) {
        if (values.length == 0) {
            return null;
        }
        Histogram h = Histogram.linear(0, 1, FRACTION_BINS);
        for (double v : values) {
            h.add(v);
        }
        return h;
    }

    private static Histogram distances(double[] values) {
        if (values.length == 0) {
            return null;
        }
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        Histogram h = Histogram.linear(0, Math.max(1, Math.ceil(max)), DISTANCE_BINS);
        for (double v : values) {
            h.add(v);
        }
        return h;
    }

    private static Comparison compare(InstanceStatistics synthetic, InstanceStatistics real, String realFile) {
        Map<String, Long> realCounts = byName(real);
        Map<String, Long> syntheticCounts = byName(synthetic);
        List<String> matched = new ArrayList<>();
        List<String> syntheticOnly = new ArrayList<>();
        for (String name : syntheticCounts.keySet()) {
            (realCounts.containsKey(name) ? matched : syntheticOnly).add(name);
        }
        List<String> realOnly = new ArrayList<>();
        for (String name : realCounts.keySet()) {
            if (!syntheticCounts.containsKey(name)) {
                realOnly.add(name);
            }
        }
        long[] s = new long[matched.size()];
        long[] r = new long[matched.size()];
        for (int i = 0; i < matched.size(); i++) {
            s[i] = syntheticCounts.get(matched.get(i));
            r[i] = realCounts.get(matched.get(i));
        }
        return new Comparison(realFile, real, matched, syntheticOnly, realOnly, s, r);
    }

    /** Instances per category name, in file order; two categories of one name add up. */
    private static Map<String, Long> byName(InstanceStatistics stats) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (InstanceStatistics.CategoryCount c : stats.categories()) {
            counts.merge(c.name(), c.instances(), Long::sum);
        }
        return counts;
    }
}
