package io.synthscene.annotators;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_CCOMP;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Traces a mask into COCO-style polygons with OpenCV's {@code findContours}. Lossy, and
 * documented as such: RLE is exact, polygons are for tools that only read polygons.
 *
 * <ul>
 *   <li>Vertices are the centres of the mask's boundary pixels, in COCO's continuous pixel
 *       coordinates (origin at the top-left corner of the top-left pixel, so the centre of pixel
 *       (x, y) is (x + 0.5, y + 0.5)). Filling the polygon therefore loses up to half a pixel along
 *       the border; one-pixel-wide parts may vanish.</li>
 *   <li>Every polygon has at least 3 vertices: a part too small to trace (one or two boundary
 *       points) becomes the rectangle of its pixels' corners.</li>
 *   <li>Holes: COCO polygons of one object are filled as a union, so a hole cannot be written as
 *       an inner polygon. A part with holes is cut into vertical strips, with a cut through the
 *       middle column of every hole; each hole then opens onto a cut and the strips are traced
 *       without holes. Neighbouring strips share their cut column, so their outlines meet
 *       along its pixel centres without a seam.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe; native memory is freed before each call returns.
 */
public final class PolygonTracer {

    /** One polygon: x0, y0, x1, y1, ... (implicitly closed: the last vertex joins the first). */
    public record Polygon(double[] xy) {
        public Polygon {
            if (xy.length < 6 || xy.length % 2 != 0) {
                throw new IllegalArgumentException("a polygon needs at least 3 vertices, got " + xy.length + " coordinates");
            }
        }

        public int vertexCount() {
            return xy.length / 2;
        }
    }

    /** The polygons of a row-major mask of {@code width × height} pixels; empty for an empty mask. */
    public List<Polygon> trace(boolean[] mask, int width, int height) {
        if (mask.length != (long) width * height) {
            throw new IllegalArgumentException("mask has " + mask.length + " pixels, expected " + width + " * " + height);
        }
        int[] box = bounds(mask, width, height);
        if (box == null) {
            return List.of();
        }
        int x0 = box[0];
        int y0 = box[1];
        int w = box[2] - x0 + 1;
        int h = box[3] - y0 + 1;
        List<int[]> holes = new ArrayList<>();
        List<int[]> outer = contours(mask, width, x0, y0, w, h, x0, x0 + w, RETR_CCOMP, holes);
        if (holes.isEmpty()) {
            return toPolygons(outer);
        }
        // Cut through the middle column of each hole; trace each strip on its own.
        java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>();
        for (int[] hole : holes) {
            int minX = Integer.MAX_VALUE;
            int maxX = Integer.MIN_VALUE;
            for (int i = 0; i < hole.length; i += 2) {
                minX = Math.min(minX, hole[i]);
                maxX = Math.max(maxX, hole[i]);
            }
            cuts.add((minX + maxX + 1) / 2);
        }
        List<int[]> pieces = new ArrayList<>();
        int stripStart = x0;
        for (int cut : cuts) {
            // Strips share their cut column, so the outlines through its pixel centres meet without a seam.
            pieces.addAll(contours(mask, width, x0, y0, w, h, stripStart, cut + 1, RETR_EXTERNAL, null));
            stripStart = cut;
        }
        pieces.addAll(contours(mask, width, x0, y0, w, h, stripStart, x0 + w, RETR_EXTERNAL, null));
        return toPolygons(pieces);
    }

    /**
     * Contours of the mask pixels in columns [fromX, toX) of the box (x0, y0, w, h), as image
     * pixel indices x, y, x, y, ...; with RETR_CCOMP, the holes go to {@code holes}.
     */
    private static List<int[]> contours(boolean[] mask, int width, int x0, int y0, int w, int h,
                                        int fromX, int toX, int mode, List<int[]> holes) {
        // One pixel of padding on every side, so that parts touching the box edge are traced whole.
        int pw = w + 2;
        int ph = h + 2;
        byte[] pixels = new byte[pw * ph];
        for (int y = 0; y < h; y++) {
            int row = (y0 + y) * width;
            for (int x = Math.max(fromX, x0); x < Math.min(toX, x0 + w); x++) {
                if (mask[row + x]) {
                    pixels[(y + 1) * pw + (x - x0 + 1)] = 1;
                }
            }
        }
        List<int[]> found = new ArrayList<>();
        try (BytePointer data = new BytePointer(pixels);
             Mat image = new Mat(ph, pw, CV_8UC1, data);
             MatVector contours = new MatVector();
             Mat hierarchy = new Mat()) {
            findContours(image, contours, hierarchy, mode, CHAIN_APPROX_SIMPLE);
            int[] links = null;
            if (holes != null && contours.size() > 0) {
                links = new int[(int) contours.size() * 4]; // next, previous, first child, parent
                new IntPointer(hierarchy.data()).get(links);
            }
            for (int i = 0; i < contours.size(); i++) {
                try (Mat contour = contours.get(i)) {
                    int[] xy = new int[contour.rows() * 2];
                    new IntPointer(contour.data()).get(xy);
                    for (int k = 0; k < xy.length; k += 2) {
                        xy[k] += x0 - 1;
                        xy[k + 1] += y0 - 1;
                    }
                    boolean isHole = links != null && links[i * 4 + 3] >= 0;
                    (isHole ? holes : found).add(xy);
                }
            }
        }
        return found;
    }

    private static List<Polygon> toPolygons(List<int[]> contours) {
        List<Polygon> polygons = new ArrayList<>(contours.size());
        for (int[] xy : contours) {
            if (xy.length >= 6) {
                double[] centres = new double[xy.length];
                for (int k = 0; k < xy.length; k++) {
                    centres[k] = xy[k] + 0.5;
                }
                polygons.add(new Polygon(centres));
            } else {
                // One or two boundary points: a dot or a short line; write its pixels' outline.
                int minX = Math.min(xy[0], xy[xy.length - 2]);
                int maxX = Math.max(xy[0], xy[xy.length - 2]) + 1;
                int minY = Math.min(xy[1], xy[xy.length - 1]);
                int maxY = Math.max(xy[1], xy[xy.length - 1]) + 1;
                polygons.add(new Polygon(new double[] {minX, minY, maxX, minY, maxX, maxY, minX, maxY}));
            }
        }
        return polygons;
    }

    /** {minX, minY, maxX, maxY} of the mask's pixels, or null when it is empty. */
    private static int[] bounds(boolean[] mask, int width, int height) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (mask[y * width + x]) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? null : new int[] {minX, minY, maxX, maxY};
    }
}
