package io.synthscene.annotators;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.annotators.PolygonTracer.Polygon;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolygonTracerTest {
    private final PolygonTracer tracer = new PolygonTracer();

    @Test
    void aFilledRectangleGivesOnePolygonThroughTheCentresOfItsCornerPixels() {
        boolean[] mask = rectangle(10, 8, 2, 3, 6, 6); // columns 2..6, rows 3..6

        List<Polygon> polygons = tracer.trace(mask, 10, 8);

        assertThat(polygons).hasSize(1);
        assertThat(polygons.get(0).xy()).containsExactlyInAnyOrder(2.5, 3.5, 2.5, 6.5, 6.5, 6.5, 6.5, 3.5);
    }

    @Test
    void twoSeparatePartsGiveTwoPolygons() {
        boolean[] mask = or(rectangle(20, 10, 1, 1, 4, 4), rectangle(20, 10, 10, 2, 15, 8));

        assertThat(tracer.trace(mask, 20, 10)).hasSize(2).allMatch(p -> p.vertexCount() >= 3);
    }

    @Test
    void aRingIsCutSoThatNoPolygonCoversItsHole() {
        int w = 30;
        int h = 24;
        boolean[] ring = rectangle(w, h, 3, 2, 26, 21);
        for (int y = 8; y <= 14; y++) {
            for (int x = 10; x <= 18; x++) {
                ring[y * w + x] = false; // the hole
            }
        }

        List<Polygon> polygons = tracer.trace(ring, w, h);

        assertThat(polygons).hasSizeGreaterThan(1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // Four points around the pixel centre: boundaries run exactly through centres.
                int coveredPoints = 0;
                for (double[] d : new double[][] {{0.25, 0.25}, {0.75, 0.25}, {0.25, 0.75}, {0.75, 0.75}}) {
                    coveredPoints += covered(polygons, x + d[0], y + d[1]) ? 1 : 0;
                }
                if (!ring[y * w + x]) {
                    assertThat(coveredPoints).as("hole or background pixel (%d, %d) is outside every polygon", x, y).isZero();
                } else if (isInterior(ring, w, h, x, y)) {
                    assertThat(coveredPoints).as("interior pixel (%d, %d) is inside the polygons", x, y).isEqualTo(4);
                }
            }
        }
    }

    @Test
    void aSinglePixelBecomesTheSquareOfItsCorners() {
        boolean[] mask = new boolean[25];
        mask[2 * 5 + 3] = true;

        List<Polygon> polygons = tracer.trace(mask, 5, 5);

        assertThat(polygons).singleElement().extracting(Polygon::xy)
                .isEqualTo(new double[] {3, 2, 4, 2, 4, 3, 3, 3});
    }

    @Test
    void anEmptyMaskHasNoPolygons() {
        assertThat(tracer.trace(new boolean[12], 4, 3)).isEmpty();
    }

    @Test
    void aMaskTouchingTheImageBorderIsTracedWhole() {
        boolean[] mask = rectangle(6, 4, 0, 0, 5, 3);

        assertThat(tracer.trace(mask, 6, 4)).singleElement().extracting(Polygon::xy)
                .satisfies(xy -> assertThat(xy).containsExactlyInAnyOrder(0.5, 0.5, 0.5, 3.5, 5.5, 3.5, 5.5, 0.5));
    }

    static boolean[] rectangle(int w, int h, int x0, int y0, int x1, int y1) {
        boolean[] mask = new boolean[w * h];
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                mask[y * w + x] = true;
            }
        }
        return mask;
    }

    private static boolean[] or(boolean[] a, boolean[] b) {
        boolean[] out = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] || b[i];
        }
        return out;
    }

    /** A mask pixel whose 8 neighbours are all in the mask: strictly inside the traced outline. */
    private static boolean isInterior(boolean[] mask, int w, int h, int x, int y) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                int ny = y + dy;
                if (nx < 0 || ny < 0 || nx >= w || ny >= h || !mask[ny * w + nx]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Even-odd point in polygon, for any of the polygons (COCO fills them as a union). */
    private static boolean covered(List<Polygon> polygons, double px, double py) {
        for (Polygon polygon : polygons) {
            double[] xy = polygon.xy();
            boolean inside = false;
            int n = xy.length / 2;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                double xi = xy[2 * i];
                double yi = xy[2 * i + 1];
                double xj = xy[2 * j];
                double yj = xy[2 * j + 1];
                if ((yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi) {
                    inside = !inside;
                }
            }
            if (inside) {
                return true;
            }
        }
        return false;
    }
}
