package io.synthscene.annotators.stats;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_PNG_COMPRESSION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.getTextSize;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Draws a bar chart as PNG bytes with OpenCV (JavaCPP bindings only): title, subtitle, a y axis
 * from 0 to a round number with 5 grid lines and tick labels, one group of bars per bin (one bar
 * per series, side by side), tick labels under the bins' edges or centres, an x-axis label and,
 * with more than one series, a legend. Pure: the same chart gives the same bytes. Stateless; all
 * native memory is freed before {@link #renderPng} returns; the caller writes the file.
 *
 * <p>Pixel layout (origin at the top-left pixel): the plot area spans x in
 * [{@link #LEFT}, width - {@link #RIGHT}) and y in [{@link #TOP}, height - {@link #BOTTOM}); bin
 * {@code i} of {@code n} covers x from {@code LEFT + i * plotWidth / n} to
 * {@code LEFT + (i + 1) * plotWidth / n}, its bars inset by {@link #BAR_GAP} px on each side and
 * sharing the rest equally; a value v is a bar from the axis (y = height - BOTTOM) up by
 * {@code v / yMax * plotHeight} px.
 */
public final class BarChart {
    public static final int DEFAULT_WIDTH = 720;
    public static final int DEFAULT_HEIGHT = 420;
    public static final int LEFT = 80;
    public static final int RIGHT = 20;
    public static final int TOP = 72;
    public static final int BOTTOM = 64;
    /** Space left free on each side of a bin's bars, px, when the bin is at least 4 px wider than that. */
    public static final int BAR_GAP = 2;
    /** Colours, R, G, B. */
    public static final int[] BACKGROUND_RGB = {255, 255, 255};
    public static final int[] SYNTHETIC_RGB = {31, 119, 180};
    public static final int[] REAL_RGB = {255, 127, 14};
    private static final int[] INK_RGB = {0, 0, 0};
    private static final int[] GRID_RGB = {225, 225, 225};
    private static final int[] NOTE_RGB = {90, 90, 90};
    private static final int FONT = FONT_HERSHEY_SIMPLEX;
    private static final double TITLE_SCALE = 0.6;
    private static final double TEXT_SCALE = 0.42;
    private static final int Y_TICKS = 5;

    /** One set of bars: a value per bin (count or share) in one colour. */
    public record Series(String name, int[] rgb, double[] values) {
    }

    /**
     * What to draw.
     *
     * @param tickLabels   {@code bins + 1} labels under the bins' edges when {@code labelsOnEdges}, else
     *                     {@code bins} labels under their centres; labels that would overlap are
     *                     thinned (every k-th shown), names under centres first cut to fit
     * @param valueLabels  null, or a label per bin written above its highest bar (e.g. "41.2%")
     * @param yLabel       written above the y axis, e.g. "instances" or "share (%)"
     */
    public record Spec(String title, String subtitle, String xLabel, String yLabel, List<String> tickLabels,
                       boolean labelsOnEdges, List<String> valueLabels, List<Series> series, int width, int height) {
        public Spec {
            tickLabels = List.copyOf(tickLabels);
            valueLabels = valueLabels == null ? null : List.copyOf(valueLabels);
            series = List.copyOf(series);
            if (series.isEmpty()) {
                throw new IllegalArgumentException("a chart needs at least one series");
            }
            int bins = series.get(0).values().length;
            for (Series s : series) {
                if (s.values().length != bins) {
                    throw new IllegalArgumentException("series " + s.name() + " has " + s.values().length + " values, not " + bins);
                }
                for (double v : s.values()) {
                    if (!(v >= 0) || Double.isInfinite(v)) {
                        throw new IllegalArgumentException("series " + s.name() + ": value " + v + " is not a finite number >= 0");
                    }
                }
            }
            if (bins < 1 || tickLabels.size() != (labelsOnEdges ? bins + 1 : bins)
                    || (valueLabels != null && valueLabels.size() != bins)) {
                throw new IllegalArgumentException(bins + " bins, " + tickLabels.size() + " tick labels, labelsOnEdges " + labelsOnEdges);
            }
            if (width < LEFT + RIGHT + bins || height < TOP + BOTTOM + 10) {
                throw new IllegalArgumentException("a chart of " + width + "x" + height + " px has no room for " + bins + " bins");
            }
        }

        public int bins() {
            return series.get(0).values().length;
        }
    }

    private BarChart() {
    }

    /** The top of the y axis: the smallest 1, 2, 2.5 or 5 times a power of ten at or above {@code max} (1 for 0). */
    public static double axisMax(double max) {
        if (!(max > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= max * (1 - 1e-12)) {
                return step * power;
            }
        }
        return 10 * power;
    }

    public static byte[] renderPng(Spec spec) {
        int w = spec.width();
        int h = spec.height();
        int plotW = w - LEFT - RIGHT;
        int plotH = h - TOP - BOTTOM;
        int axisY = h - BOTTOM; // first row below the plot area
        int bins = spec.bins();
        double max = 0;
        for (Series s : spec.series()) {
            for (double v : s.values()) {
                max = Math.max(max, v);
            }
        }
        double yMax = axisMax(max);
        try (Scalar white = scalar(BACKGROUND_RGB);
             Mat chart = new Mat(h, w, CV_8UC3, white)) {
            // Grid lines and y tick labels.
            for (int t = 0; t <= Y_TICKS; t++) {
                int y = axisY - (int) Math.round((double) t / Y_TICKS * plotH);
                if (t > 0) {
                    line(chart, LEFT, y, w - RIGHT - 1, y, GRID_RGB);
                }
                line(chart, LEFT - 5, y, LEFT - 1, y, INK_RGB);
                String label = number(yMax * t / Y_TICKS);
                int tw = textWidth(label, TEXT_SCALE);
                text(chart, label, LEFT - 8 - tw, y + 5, TEXT_SCALE, INK_RGB);
            }
            // Bars.
            int perBin = spec.series().size();
            for (int i = 0; i < bins; i++) {
                int x0 = binStart(i, bins, plotW);
                int x1 = binStart(i + 1, bins, plotW); // exclusive
                int gap = x1 - x0 >= 2 * BAR_GAP + 4 ? BAR_GAP : 0;
                int inner = x1 - x0 - 2 * gap;
                double highest = 0;
                for (int s = 0; s < perBin; s++) {
                    double v = spec.series().get(s).values()[i];
                    highest = Math.max(highest, v);
                    int barH = (int) Math.round(v / yMax * plotH);
                    int bx0 = x0 + gap + inner * s / perBin;
                    int bx1 = x0 + gap + inner * (s + 1) / perBin; // exclusive
                    if (barH > 0 && bx1 > bx0) {
                        try (Scalar c = scalar(spec.series().get(s).rgb());
                             Point a = new Point(bx0, axisY - barH);
                             Point b = new Point(bx1 - 1, axisY - 1)) {
                            rectangle(chart, a, b, c, FILLED, LINE_8, 0);
                        }
                    }
                }
                if (spec.valueLabels() != null && !spec.valueLabels().get(i).isEmpty()) {
                    String label = spec.valueLabels().get(i);
                    int tw = textWidth(label, TEXT_SCALE);
                    if (tw <= x1 - x0) {
                        int top = axisY - (int) Math.round(highest / yMax * plotH);
                        text(chart, label, (x0 + x1 - tw) / 2, Math.max(TOP + 12, top - 5), TEXT_SCALE, INK_RGB);
                    }
                }
            }
            // Axes, drawn over the bars' feet.
            line(chart, LEFT - 1, TOP, LEFT - 1, axisY, INK_RGB);
            line(chart, LEFT - 1, axisY, w - RIGHT - 1, axisY, INK_RGB);
            drawTicks(chart, spec, plotW, axisY);
            // Titles and axis names.
            text(chart, spec.title(), LEFT, 24, TITLE_SCALE, INK_RGB);
            if (spec.subtitle() != null && !spec.subtitle().isEmpty()) {
                text(chart, spec.subtitle(), LEFT, 46, TEXT_SCALE, NOTE_RGB);
            }
            text(chart, spec.yLabel(), 8, TOP - 10, TEXT_SCALE, INK_RGB);
            int xw = textWidth(spec.xLabel(), TEXT_SCALE);
            text(chart, spec.xLabel(), LEFT + (plotW - xw) / 2, h - 12, TEXT_SCALE, INK_RGB);
            if (perBin > 1) {
                drawLegend(chart, spec.series(), w);
            }
            cvtColor(chart, chart, COLOR_RGB2BGR); // drawn in R, G, B; OpenCV's codecs expect B, G, R
            try (IntPointer params = new IntPointer(IMWRITE_PNG_COMPRESSION, 6);
                 BytePointer out = new BytePointer()) {
                if (!imencode(".png", chart, out, params)) {
                    throw new IllegalStateException("OpenCV could not encode the chart");
                }
                byte[] png = new byte[Math.toIntExact(out.limit())];
                out.get(png);
                return png;
            }
        }
    }

    /** Left pixel column of bin {@code i} (or the end of the plot for {@code i == bins}). */
    private static int binStart(int i, int bins, int plotW) {
        return LEFT + (int) ((long) i * plotW / bins);
    }

    private static void drawTicks(Mat chart, Spec spec, int plotW, int axisY) {
        int bins = spec.bins();
        List<String> labels = spec.tickLabels();
        double binW = (double) plotW / bins;
        if (!spec.labelsOnEdges()) {
            // Names under bars: cut each to its bin's width (at least 3 characters) before thinning.
            labels = labels.stream().map(l -> fit(l, (int) binW - 4)).toList();
        }
        int widest = labels.stream().mapToInt(l -> textWidth(l, TEXT_SCALE)).max().orElse(0);
        int step = Math.max(1, (int) Math.ceil((widest + 8) / binW));
        if (spec.labelsOnEdges()) {
            // A divisor of the bin count, so that both the first and the last edge are labelled.
            while (bins % step != 0) {
                step++;
            }
        }
        for (int k = 0; k < labels.size(); k += step) {
            int x = spec.labelsOnEdges() ? binStart(k, bins, plotW) : (binStart(k, bins, plotW) + binStart(k + 1, bins, plotW)) / 2;
            line(chart, x, axisY + 1, x, axisY + 4, INK_RGB);
            String label = labels.get(k);
            int tw = textWidth(label, TEXT_SCALE);
            text(chart, label, x - tw / 2, axisY + 20, TEXT_SCALE, INK_RGB);
        }
    }

    private static String fit(String label, int widthPx) {
        String cut = label;
        while (cut.length() > 3 && textWidth(cut, TEXT_SCALE) > widthPx) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.length() < label.length() ? cut.substring(0, Math.max(1, cut.length() - 1)) + "." : label;
    }

    private static void drawLegend(Mat chart, List<Series> series, int w) {
        int y = TOP + 8;
        int widest = series.stream().mapToInt(s -> textWidth(s.name(), TEXT_SCALE)).max().orElse(0);
        // On a white box, so that bars under it do not run into the text.
        try (Scalar white = scalar(BACKGROUND_RGB);
             Point a = new Point(w - RIGHT - 10 - widest - 24, y - 5);
             Point b = new Point(w - RIGHT - 4, y + 20 * series.size() - 2)) {
            rectangle(chart, a, b, white, FILLED, LINE_8, 0);
        }
        for (Series s : series) {
            int tw = textWidth(s.name(), TEXT_SCALE);
            int x = w - RIGHT - 10 - tw - 18;
            try (Scalar c = scalar(s.rgb());
                 Point a = new Point(x, y);
                 Point b = new Point(x + 11, y + 11)) {
                rectangle(chart, a, b, c, FILLED, LINE_8, 0);
            }
            text(chart, s.name(), x + 18, y + 11, TEXT_SCALE, INK_RGB);
            y += 20;
        }
    }

    /**
     * A tick value: whole numbers and numbers of 100 or more as whole numbers (rounded), smaller
     * ones with 3 significant digits, trailing zeros dropped.
     */
    public static String number(double v) {
        if (Math.abs(v) >= 100 && Math.abs(v) < 1e15) {
            return Long.toString(Math.round(v));
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        if (s.contains("e")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static int textWidth(String text, double scale) {
        try (Size size = getTextSize(text, FONT, scale, 1, (int[]) null)) {
            return size.width();
        }
    }

    private static void text(Mat chart, String text, int x, int y, double scale, int[] rgb) {
        try (Scalar c = scalar(rgb);
             Point at = new Point(x, y)) {
            putText(chart, text, at, FONT, scale, c, 1, LINE_AA, false);
        }
    }

    private static void line(Mat chart, int x0, int y0, int x1, int y1, int[] rgb) {
        try (Scalar c = scalar(rgb);
             Point a = new Point(x0, y0);
             Point b = new Point(x1, y1)) {
            org.bytedeco.opencv.global.opencv_imgproc.line(chart, a, b, c, 1, LINE_8, 0);
        }
    }

    private static Scalar scalar(int[] rgb) {
        return new Scalar(rgb[0], rgb[1], rgb[2], 0);
    }
}
