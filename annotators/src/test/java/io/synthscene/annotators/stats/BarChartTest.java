package io.synthscene.annotators.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Bars at known places: plot area x in [80, 700), y in [72, 356) of a 720 x 420 chart (284 px
 * tall); values 1, 2, 4 give an axis up to 5; bin i of 3 spans 620 / 3 px from x = 80.
 */
class BarChartTest {
    private static final int W = BarChart.DEFAULT_WIDTH;
    private static final int H = BarChart.DEFAULT_HEIGHT;
    private static final int AXIS_Y = H - BarChart.BOTTOM;
    private static final int PLOT_H = H - BarChart.BOTTOM - BarChart.TOP;
    private static final int PLOT_W = W - BarChart.LEFT - BarChart.RIGHT;

    private static BarChart.Spec oneSeries() {
        return new BarChart.Spec("title", "subtitle", "x", "count", List.of("0", "1", "2", "3"), true, null,
                List.of(new BarChart.Series("synthetic", BarChart.SYNTHETIC_RGB, new double[] {1, 2, 4})), W, H);
    }

    @Test
    void theAxisEndsAtTheNextRoundNumber() {
        assertThat(BarChart.axisMax(4)).isEqualTo(5);
        assertThat(BarChart.axisMax(220)).isEqualTo(250);
        assertThat(BarChart.axisMax(0.3)).isEqualTo(0.5);
        assertThat(BarChart.axisMax(100)).isEqualTo(100);
        assertThat(BarChart.axisMax(0)).isEqualTo(1);
    }

    @Test
    void theChartHasItsSizeAndEachBarItsColourUpToItsValue() throws IOException {
        BufferedImage chart = decode(BarChart.renderPng(oneSeries()));
        assertThat(chart.getWidth()).isEqualTo(W);
        assertThat(chart.getHeight()).isEqualTo(H);
        int synthetic = rgb(BarChart.SYNTHETIC_RGB);
        int white = rgb(BarChart.BACKGROUND_RGB);
        // Bin 0, value 1 of 5: 20 % of the plot's height.
        assertThat(pixel(chart, centre(0, 3), 0.1)).isEqualTo(synthetic);
        assertThat(pixel(chart, centre(0, 3), 0.5)).isEqualTo(white);
        // Bin 1, value 2 of 5: 40 %.
        assertThat(pixel(chart, centre(1, 3), 0.35)).isEqualTo(synthetic);
        assertThat(pixel(chart, centre(1, 3), 0.5)).isEqualTo(white);
        // Bin 2, value 4 of 5: 80 %.
        assertThat(pixel(chart, centre(2, 3), 0.7)).isEqualTo(synthetic);
        assertThat(pixel(chart, centre(2, 3), 0.9)).isEqualTo(white);
    }

    @Test
    void twoSeriesShareEachBinLeftAndRight() throws IOException {
        BarChart.Spec spec = new BarChart.Spec("t", "", "x", "share (%)", List.of("a", "b"), false, null,
                List.of(new BarChart.Series("synthetic", BarChart.SYNTHETIC_RGB, new double[] {40, 0}),
                        new BarChart.Series("real", BarChart.REAL_RGB, new double[] {0, 40})), W, H);
        BufferedImage chart = decode(BarChart.renderPng(spec));
        int quarter = PLOT_W / 2 / 4;
        int bin0 = BarChart.LEFT;
        int bin1 = BarChart.LEFT + PLOT_W / 2;
        assertThat(pixel(chart, bin0 + quarter, 0.5)).isEqualTo(rgb(BarChart.SYNTHETIC_RGB));
        assertThat(pixel(chart, bin0 + 3 * quarter, 0.5)).isEqualTo(rgb(BarChart.BACKGROUND_RGB));
        assertThat(pixel(chart, bin1 + quarter, 0.5)).isEqualTo(rgb(BarChart.BACKGROUND_RGB));
        assertThat(pixel(chart, bin1 + 3 * quarter, 0.5)).isEqualTo(rgb(BarChart.REAL_RGB));
    }

    @Test
    void theSameChartGivesTheSameBytes() {
        assertThat(BarChart.renderPng(oneSeries())).isEqualTo(BarChart.renderPng(oneSeries()));
    }

    @Test
    void tickValuesAreShortAndWhole() {
        assertThat(BarChart.number(4096)).isEqualTo("4096");
        assertThat(BarChart.number(1448.15466)).isEqualTo("1448");
        assertThat(BarChart.number(2.82842712475)).isEqualTo("2.83");
        assertThat(BarChart.number(0.05)).isEqualTo("0.05");
        assertThat(BarChart.number(-4.0)).isEqualTo("-4");
    }

    private static int centre(int bin, int bins) {
        return BarChart.LEFT + (int) ((bin + 0.5) * PLOT_W / bins);
    }

    /** The pixel at column x, a share of the plot's height above the x axis. */
    private static int pixel(BufferedImage chart, int x, double heightShare) {
        return chart.getRGB(x, AXIS_Y - (int) Math.round(heightShare * PLOT_H)) & 0xffffff;
    }

    private static int rgb(int[] c) {
        return c[0] << 16 | c[1] << 8 | c[2];
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }
}
