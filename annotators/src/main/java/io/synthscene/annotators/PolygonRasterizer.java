package io.synthscene.annotators;

import java.util.Arrays;
import java.util.List;

/**
 * Turns COCO polygons into a mask with exactly pycocotools' result ({@code rleFrPoly} in
 * {@code common/maskApi.c}, reached through {@code frPyObjects}; several polygons are merged as a
 * union, as {@code COCO.annToRLE} does). Checked against masks made by pycocotools 2.0.11 in
 * {@code PolygonRasterizerTest}. Stateless.
 *
 * <p>The semantics, which differ from a scanline fill such as OpenCV's {@code fillPoly}:
 * <ol>
 *   <li>Vertices are scaled by 5 and rounded to integers as C does, {@code (int) (5 * v + 0.5)}
 *       (truncation toward zero, so negative coordinates round up).</li>
 *   <li>Each edge is walked one upsampled unit at a time along its longer axis; the other
 *       coordinate is rounded the same way. Consecutive points therefore differ by at most one
 *       unit in x.</li>
 *   <li>Wherever x changes between consecutive points and the lower of the two x lies at the
 *       centre of a pixel column (upsampled {@code 5 * c + 2}, i.e. pixel-space {@code c + 0.5}),
 *       the boundary crosses column {@code c}: the lower of the two y, back in pixel units
 *       ({@code (y + 0.5) / 5 - 0.5}), clamped to {@code [0, h]} and rounded up, is where the
 *       column toggles between outside and inside.</li>
 *   <li>A pixel is inside when an odd number of toggles lie at or before it in column-major
 *       order (even-odd rule; toggles at the same place cancel).</li>
 * </ol>
 * So a pixel is in the mask when its centre is inside the polygon, up to the 1/5-pixel snapping of
 * vertices and edges; a fill by pixel coverage would differ along every slanted edge.
 *
 * <p>One known difference from pycocotools: its {@code frPyObjects} takes a polygon list whose
 * first polygon has exactly 4 numbers as a list of boxes {@code [x, y, w, h]}. Here a polygon is
 * always a polygon (a two-point polygon encloses nothing); the validator reports such polygons.
 *
 * <p>Limits, so that hostile input costs bounded time and memory: coordinates must be finite and
 * within ±{@link #MAX_COORDINATE} pixels, and one polygon's upsampled boundary at most
 * {@link #MAX_BOUNDARY_STEPS} steps (a perimeter of about 6.7 million pixels).
 */
public final class PolygonRasterizer {
    /** pycocotools' upsampling factor. */
    private static final int SCALE = 5;
    /** Largest absolute coordinate accepted, in pixels: 5 * this still fits an int with room. */
    public static final double MAX_COORDINATE = 1_000_000;
    /** Most upsampled boundary points of one polygon. */
    public static final long MAX_BOUNDARY_STEPS = 1L << 25;

    private PolygonRasterizer() {
    }

    /**
     * The union of the polygons' masks, as an RLE over a {@code height × width} image.
     *
     * @param polygons each {@code [x1, y1, x2, y2, ...]}, pixel coordinates
     * @throws IllegalArgumentException on an odd number of values, a coordinate that is not
     *                                  finite or is beyond the limit, a boundary too long, or an
     *                                  image size that is negative or over 2^31 - 1 pixels
     */
    public static CocoRle rasterize(List<double[]> polygons, int height, int width) {
        if (height < 0 || width < 0 || (long) height * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("image size " + width + "x" + height + " is negative or too large");
        }
        int pixels = height * width;
        boolean[] columnMajor = new boolean[pixels];
        for (int i = 0; i < polygons.size(); i++) {
            int[] toggles = toggles(polygons.get(i), i, height, width);
            Arrays.sort(toggles);
            for (int t = 0; t < toggles.length; t += 2) {
                int end = t + 1 < toggles.length ? toggles[t + 1] : pixels;
                Arrays.fill(columnMajor, toggles[t], end, true); // union with the polygons before
            }
        }
        RunLengths runs = new RunLengths();
        boolean previous = false;
        int runLength = 0;
        for (boolean inside : columnMajor) {
            if (inside != previous) {
                runs.add(runLength);
                runLength = 0;
                previous = inside;
            }
            runLength++;
        }
        runs.add(runLength);
        return CocoRle.fromCounts(height, width, runs.toArray());
    }

    /** Column-major positions {@code x * height + y} where the polygon's boundary toggles a column. */
    private static int[] toggles(double[] xy, int index, int height, int width) {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("polygon " + index + " has " + xy.length + " values, not x, y pairs");
        }
        int k = xy.length / 2;
        int[] px = new int[k + 1];
        int[] py = new int[k + 1];
        for (int j = 0; j < k; j++) {
            px[j] = upsample(xy[2 * j], index, 2 * j);
            py[j] = upsample(xy[2 * j + 1], index, 2 * j + 1);
        }
        if (k == 0) {
            return new int[0];
        }
        px[k] = px[0];
        py[k] = py[0];
        long steps = 0;
        for (int j = 0; j < k; j++) {
            steps += Math.max(Math.abs(px[j + 1] - px[j]), Math.abs(py[j + 1] - py[j])) + 1L;
        }
        if (steps > MAX_BOUNDARY_STEPS) {
            throw new IllegalArgumentException("polygon " + index + " has a boundary of " + steps
                    + " points at 5x upsampling, more than the limit of " + MAX_BOUNDARY_STEPS);
        }
        Boundary boundary = new Boundary(height, width);
        for (int j = 0; j < k; j++) {
            boundary.walkEdge(px[j], py[j], px[j + 1], py[j + 1]);
        }
        return boundary.toggles.toArray();
    }

    private static int upsample(double value, int polygon, int position) {
        if (!Double.isFinite(value) || Math.abs(value) > MAX_COORDINATE) {
            throw new IllegalArgumentException("polygon " + polygon + ", value " + position + ": " + value
                    + " is not a coordinate within ±" + (long) MAX_COORDINATE);
        }
        return (int) (SCALE * value + 0.5); // C's conversion: truncation toward zero
    }

    /** The upsampled boundary as one sequence of points, of which only the x changes matter. */
    private static final class Boundary {
        private final int height;
        private final int width;
        private final RunLengths toggles = new RunLengths();
        private boolean started;
        private int previousX;
        private int previousY;

        Boundary(int height, int width) {
            this.height = height;
            this.width = width;
        }

        /** Points from (x0, y0) to (x1, y1) inclusive, in that order, stepping along the longer axis. */
        void walkEdge(int x0, int y0, int x1, int y1) {
            int dx = Math.abs(x1 - x0);
            int dy = Math.abs(y1 - y0);
            boolean alongX = dx >= dy;
            // The line is computed from its lower end (smaller x, or smaller y for steep edges)
            // and walked backwards when the edge runs the other way, as pycocotools does: the
            // rounding then depends on the segment, not on its direction.
            boolean backwards = alongX ? x0 > x1 : y0 > y1;
            int xs = backwards ? x1 : x0;
            int ys = backwards ? y1 : y0;
            int xe = backwards ? x0 : x1;
            int ye = backwards ? y0 : y1;
            int steps = alongX ? dx : dy;
            double slope = alongX ? (double) (ye - ys) / dx : (double) (xe - xs) / dy;
            for (int d = 0; d <= steps; d++) {
                int t = backwards ? steps - d : d;
                if (alongX) {
                    visit(xs + t, round(ys + slope * t + 0.5));
                } else {
                    visit(round(xs + slope * t + 0.5), ys + t);
                }
            }
        }

        /**
         * C's {@code (int)} of a double. The only NaN comes from a zero-length edge (0 / 0 * 0);
         * x86-64 converts it to INT_MIN, and that point never starts a crossing that counts.
         */
        private static int round(double value) {
            return Double.isNaN(value) ? Integer.MIN_VALUE : (int) value;
        }

        private void visit(int x, int y) {
            if (started && x != previousX) {
                int lowerX = x < previousX ? x : x - 1;
                double column = (lowerX + 0.5) / SCALE - 0.5;
                if (column == Math.floor(column) && column >= 0 && column <= width - 1) {
                    double row = ((double) Math.min(y, previousY) + 0.5) / SCALE - 0.5;
                    row = Math.ceil(row < 0 ? 0 : Math.min(row, height));
                    toggles.add((int) column * height + (int) row);
                }
            }
            started = true;
            previousX = x;
            previousY = y;
        }
    }
}
