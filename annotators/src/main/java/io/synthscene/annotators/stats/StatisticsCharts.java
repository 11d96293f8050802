package io.synthscene.annotators.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The charts of a {@link DatasetStatistics}, by file name, in the order the card shows them.
 * Without a comparison, bars are counts (instances, images, frames); with one, the four
 * instance-level charts show both datasets as shares in % (synthetic in
 * {@link BarChart#SYNTHETIC_RGB}, real in {@link BarChart#REAL_RGB}) with their Jensen–Shannon
 * distance in the subtitle. Histograms of whole counts (objects per image, one count per bin) are
 * labelled under their bars' centres, others at their bins' edges. Pure; stateless.
 */
public final class StatisticsCharts {
    public static final String CATEGORIES = "categories.png";
    public static final String OBJECTS_PER_IMAGE = "objects_per_image.png";
    public static final String BOX_SIZE = "bbox_size.png";
    public static final String ASPECT_RATIO = "aspect_ratio.png";
    public static final String VISIBILITY = "visibility.png";
    public static final String TRUNCATION = "truncation.png";
    public static final String DISTANCE = "distance.png";

    private StatisticsCharts() {
    }

    /** The chart file of a randomized parameter. */
    public static String parameterFile(ParameterCoverage p) {
        return "param_" + p.key() + ".png";
    }

    public static Map<String, BarChart.Spec> of(DatasetStatistics stats) {
        Map<String, BarChart.Spec> charts = new LinkedHashMap<>();
        InstanceStatistics s = stats.instances();
        DatasetStatistics.Comparison c = stats.comparison();
        charts.put(CATEGORIES, c == null ? categories(s) : categories(c));
        charts.put(OBJECTS_PER_IMAGE, histogram("Objects per image", "objects in an image", "images",
                s.objectsPerImage(), c == null ? null : c.real().objectsPerImage(), ""));
        charts.put(BOX_SIZE, histogram("Box size", "sqrt(w * h) of the bbox (px, log bins)", "instances",
                s.boxSize(), c == null ? null : c.real().boxSize(), ""));
        charts.put(ASPECT_RATIO, histogram("Box aspect ratio", "w / h of the bbox (log bins)", "instances",
                s.aspectRatio(), c == null ? null : c.real().aspectRatio(), ""));
        if (stats.visibility() != null) {
            charts.put(VISIBILITY, histogram("Visibility", "visible pixels / amodal pixels", "instances", stats.visibility(), null, ""));
        }
        if (stats.truncation() != null) {
            charts.put(TRUNCATION, histogram("Truncation", "share of the silhouette outside the image", "instances",
                    stats.truncation(), null, ""));
        }
        if (stats.distanceMeters() != null) {
            charts.put(DISTANCE, histogram("Distance to the camera", "distance of the 3-D box centre (m)", "instances",
                    stats.distanceMeters(), null, ""));
        }
        for (ParameterCoverage p : stats.parameters()) {
            if (p.histogram() == null) {
                continue;
            }
            String note = "min " + BarChart.number(p.min()) + ", max " + BarChart.number(p.max()) + " over " + p.recorded() + " frames"
                    + (p.missing() > 0 ? "; " + p.absent() + " in " + p.missing() : "");
            charts.put(parameterFile(p), histogram("Coverage: " + p.label(), p.label(), "frames", p.histogram(), null, note));
        }
        return charts;
    }

    private static BarChart.Spec categories(InstanceStatistics s) {
        if (s.categories().isEmpty()) {
            return new BarChart.Spec("Instances per category: the file has no category", "", "category", "instances",
                    List.of("(none)"), false, null, List.of(new BarChart.Series("synthetic", BarChart.SYNTHETIC_RGB, new double[1])),
                    BarChart.DEFAULT_WIDTH, BarChart.DEFAULT_HEIGHT);
        }
        List<String> names = new ArrayList<>();
        List<String> shares = new ArrayList<>();
        double[] counts = new double[s.categories().size()];
        for (int i = 0; i < counts.length; i++) {
            InstanceStatistics.CategoryCount c = s.categories().get(i);
            names.add(c.name());
            counts[i] = c.instances();
            shares.add(percent(s.share(c)));
        }
        String subtitle = s.instances() + " instances in " + counts.length + " categories; largest / smallest = "
                + ratio(s.imbalanceRatio());
        return new BarChart.Spec("Instances per category", subtitle, "category", "instances", names, false, shares,
                List.of(new BarChart.Series("synthetic", BarChart.SYNTHETIC_RGB, counts)),
                Math.max(BarChart.DEFAULT_WIDTH, BarChart.LEFT + BarChart.RIGHT + 48 * counts.length), BarChart.DEFAULT_HEIGHT);
    }

    private static BarChart.Spec categories(DatasetStatistics.Comparison c) {
        int n = c.matched().size();
        if (n == 0) {
            // Nothing in common: one empty bin keeps the chart honest and readable.
            return new BarChart.Spec("Category shares: no category name in common", "unmatched: synthetic "
                    + c.syntheticOnly() + ", real " + c.realOnly(), "category", "share (%)", List.of("(none)"), false, null,
                    List.of(new BarChart.Series("synthetic", BarChart.SYNTHETIC_RGB, new double[1]),
                            new BarChart.Series("real", BarChart.REAL_RGB, new double[1])),
                    BarChart.DEFAULT_WIDTH, BarChart.DEFAULT_HEIGHT);
        }
        String subtitle = "JS distance " + distance(c.categoryDistance()) + " over " + n + " matched categories"
                + (c.syntheticOnly().size() + c.realOnly().size() > 0
                ? "; unmatched: " + c.syntheticOnly().size() + " synthetic, " + c.realOnly().size() + " real" : "");
        return new BarChart.Spec("Category shares: synthetic vs real", subtitle, "category", "share (%)", c.matched(), false, null,
                List.of(new BarChart.Series("synthetic", BarChart.SYNTHETIC_RGB, percents(c.syntheticCategoryCounts())),
                        new BarChart.Series("real (" + c.realFile() + ")", BarChart.REAL_RGB, percents(c.realCategoryCounts()))),
                Math.max(BarChart.DEFAULT_WIDTH, BarChart.LEFT + BarChart.RIGHT + 48 * n), BarChart.DEFAULT_HEIGHT);
    }

    private static BarChart.Spec histogram(String title, String xLabel, String unit, Histogram synthetic, Histogram real, String note) {
        List<String> ticks = new ArrayList<>();
        double[] edges = synthetic.edges();
        // Bins of one whole count ([k, k + 1)) are labelled k under their centres; others at their edges.
        boolean wholeCounts = true;
        for (int i = 0; i + 1 < edges.length; i++) {
            wholeCounts &= edges[i] == Math.rint(edges[i]) && edges[i + 1] - edges[i] == 1;
        }
        for (int i = 0; i < (wholeCounts ? edges.length - 1 : edges.length); i++) {
            ticks.add(BarChart.number(edges[i]));
        }
        List<String> notes = new ArrayList<>();
        if (!note.isEmpty()) {
            notes.add(note);
        }
        List<BarChart.Series> series;
        String yLabel;
        if (real == null) {
            series = List.of(new BarChart.Series("synthetic", BarChart.SYNTHETIC_RGB, toDouble(synthetic.counts())));
            yLabel = unit;
            outside(notes, "", synthetic);
        } else {
            series = List.of(new BarChart.Series("synthetic", BarChart.SYNTHETIC_RGB, binPercents(synthetic)),
                    new BarChart.Series("real", BarChart.REAL_RGB, binPercents(real)));
            yLabel = "share of " + unit + " (%)";
            notes.add(0, "JS distance " + distance(DatasetStatistics.Comparison.distance(synthetic, real)));
            outside(notes, "synthetic ", synthetic);
            outside(notes, "real ", real);
        }
        return new BarChart.Spec(title, String.join("; ", notes), xLabel, yLabel, ticks, !wholeCounts, null, series,
                BarChart.DEFAULT_WIDTH, BarChart.DEFAULT_HEIGHT);
    }

    private static void outside(List<String> notes, String who, Histogram h) {
        if (h.below() > 0 || h.above() > 0) {
            notes.add(who + h.below() + " below and " + h.above() + " above the bins");
        }
    }

    /** Each bin's share of all values counted (those outside the bins included), in %. */
    private static double[] binPercents(Histogram h) {
        double[] shares = h.sharesWithOutside();
        double[] bins = new double[h.bins()];
        for (int i = 0; i < bins.length; i++) {
            bins[i] = 100 * shares[i + 1];
        }
        return bins;
    }

    private static double[] percents(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double[] p = new double[counts.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = total == 0 ? 0 : 100.0 * counts[i] / total;
        }
        return p;
    }

    private static double[] toDouble(long[] counts) {
        double[] d = new double[counts.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = counts[i];
        }
        return d;
    }

    /** A share 0..1 as a percentage with one decimal, e.g. "41.2%". */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /** A JS distance with 3 decimals, or "undefined" when either side is empty. */
    public static String distance(OptionalDouble d) {
        return d.isPresent() ? String.format(Locale.ROOT, "%.3f", d.getAsDouble()) : "undefined (a side is empty)";
    }

    /** The imbalance ratio with 2 decimals, "infinite" with an empty category, "undefined" with no instances. */
    public static String ratio(double r) {
        if (Double.isNaN(r)) {
            return "undefined (no instances)";
        }
        return Double.isInfinite(r) ? "infinite (a category has no instance)" : String.format(Locale.ROOT, "%.2f", r);
    }
}
