package io.synthscene.annotators;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.LensDistortion;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Silhouette;
import io.synthscene.scenes.frame.SilhouetteMask;
import io.synthscene.scenes.frame.Silhouettes;
import java.util.ArrayList;
import java.util.List;

/**
 * Lens distortion for a rasterizer that draws pinhole images: the frame is rendered with
 * {@link #pinholeCamera} (same pose and image size, no distortion, a focal length and principal
 * point chosen so that its image covers every pixel of the distorted image), then {@link #apply}
 * warps every pass it holds through one map to the distorted camera's image.
 *
 * <p>The map: the centre (u + 0.5, v + 0.5) of distorted pixel (u, v) goes to normalised
 * coordinates with the distorted camera's K, is undistorted ({@link LensDistortion#undistort},
 * OpenCV's iteration) and projected with the pinhole camera's K to a point (s, t) of the render.
 * Instance ids, depth, normals and both silhouette masks take the value of the render pixel that
 * contains (s, t) (nearest neighbour: pixel floor(s), floor(t)); colour is interpolated
 * bilinearly there. Because ids and silhouettes read the same render pixel, every pixel where
 * instance k is visible in the warped id pass is covered by k's warped silhouette, and a COCO
 * mask made from the warped id pass is exactly that pass: labels stay pixel-exact.
 *
 * <p>Why on the CPU and not OpenCV's {@code initUndistortRectifyMap}/{@code remap}: that map runs
 * the other way (from an undistorted output to a distorted input), and {@code remap} takes no
 * 32-bit integer ids; here one map, built once per frame, serves every pass, with the pixel-centre
 * convention of the rest of the project. The model and its inverse are OpenCV's (the tests compare
 * the map with {@code cv::undistortPoints}).
 *
 * <p>Pure functions; nothing to close.
 */
public final class LensWarp {
    /** Render pixels kept between the render's edge and the outermost sample, for the bilinear neighbours. */
    static final double EDGE_MARGIN_PIXELS = 1;
    /** A pixel centre whose undistortion misses by more than this (normalised units) lies where the model folds over. */
    static final double MAX_UNDISTORT_RESIDUAL = 1e-9;

    private LensWarp() {
    }

    /** The frame to give the renderer: {@code frame} itself for a pinhole camera, else with {@link #pinholeCamera}. */
    public static Frame pinholeFrame(Frame frame) {
        return frame.camera().distortion().isNone() ? frame : frame.withCamera(pinholeCamera(frame.camera()));
    }

    /**
     * The pinhole camera whose render the distorted image is warped from: the distorted camera's
     * pose, size, near and far planes, no distortion, and the largest focal length (square pixels)
     * for which the undistorted position of every pixel centre of the distorted image lies at least
     * {@link #EDGE_MARGIN_PIXELS} inside the render, its principal point centring those positions.
     * Barrel distortion (k1 &lt; 0) gives a shorter focal length (a wider view) than the camera's,
     * pincushion a longer one. The extreme positions lie on the image border for the coefficients
     * the loader accepts; {@link #apply} checks every pixel.
     *
     * @throws IllegalArgumentException when the distortion folds over inside the image (no unique inverse)
     */
    public static Camera pinholeCamera(Camera camera) {
        int w = camera.width();
        int h = camera.height();
        double[] bounds = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        double[] xy = new double[2];
        for (int u = 0; u < w; u++) {
            extend(camera, u, 0, xy, bounds);
            extend(camera, u, h - 1, xy, bounds);
        }
        for (int v = 0; v < h; v++) {
            extend(camera, 0, v, xy, bounds);
            extend(camera, w - 1, v, xy, bounds);
        }
        double fx = (w - 2 * EDGE_MARGIN_PIXELS) / (bounds[1] - bounds[0]);
        double fy = (h - 2 * EDGE_MARGIN_PIXELS) / (bounds[3] - bounds[2]);
        double f = Math.min(fx, fy);
        double cx = w / 2.0 - f * (bounds[0] + bounds[1]) / 2;
        double cy = h / 2.0 - f * (bounds[2] + bounds[3]) / 2;
        return new Camera(camera.position(), camera.yawDegrees(), camera.pitchDegrees(), camera.rollDegrees(),
                Camera.hfovDegreesForFocalLength(f, w), camera.nearMeters(), camera.farMeters(), w, h,
                cx - w / 2.0, cy - h / 2.0).withMotion(camera.motion());
    }

    private static void extend(Camera camera, int u, int v, double[] xy, double[] bounds) {
        undistortPixel(camera, u, v, xy);
        bounds[0] = Math.min(bounds[0], xy[0]);
        bounds[1] = Math.max(bounds[1], xy[0]);
        bounds[2] = Math.min(bounds[2], xy[1]);
        bounds[3] = Math.max(bounds[3], xy[1]);
    }

    /** The undistorted normalised coordinates of pixel (u, v)'s centre; throws where the model has no unique inverse. */
    private static boolean undistortPixel(Camera camera, int u, int v, double[] xy) {
        double f = camera.focalLengthPixels();
        double xd = (u + 0.5 - camera.principalPointXPixels()) / f;
        double yd = (v + 0.5 - camera.principalPointYPixels()) / f;
        return camera.distortion().undistort(xd, yd, xy) <= MAX_UNDISTORT_RESIDUAL;
    }

    /**
     * The passes of {@code rendered} (drawn with {@code pinhole}, see {@link #pinholeCamera}) as
     * the distorted {@code camera} sees them; passes absent from {@code rendered} stay absent.
     * Silhouettes keep their guard margins; a guard-band pixel whose centre has no unique
     * undistorted position, or lands beyond the render's guard band, is not covered.
     *
     * @throws IllegalArgumentException when the sizes differ, or a pixel of the image has no unique
     *                                  undistorted position or lands outside the render
     */
    public static RenderedFrame apply(Camera camera, Camera pinhole, RenderedFrame rendered) {
        int w = camera.width();
        int h = camera.height();
        if (pinhole.width() != w || pinhole.height() != h || rendered.width() != w || rendered.height() != h) {
            throw new IllegalArgumentException("the render is " + rendered.width() + "x" + rendered.height()
                    + ", the cameras " + pinhole.width() + "x" + pinhole.height() + " and " + w + "x" + h);
        }
        Map map = Map.of(camera, pinhole, 0, 0);
        byte[] rgb = rendered.rgb() == null ? null : bilinearRgb(rendered.rgb(), map, w, h);
        int[] ids = null;
        if (rendered.instanceIds() != null) {
            ids = new int[w * h];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = rendered.instanceIds()[map.source[i]];
            }
        }
        float[] depth = null;
        if (rendered.depthMeters() != null) {
            depth = new float[w * h];
            for (int i = 0; i < depth.length; i++) {
                depth[i] = rendered.depthMeters()[map.source[i]];
            }
        }
        float[] normals = null;
        if (rendered.normals() != null) {
            normals = new float[3 * w * h];
            for (int i = 0; i < w * h; i++) {
                System.arraycopy(rendered.normals(), 3 * map.source[i], normals, 3 * i, 3);
            }
        }
        Silhouettes silhouettes = rendered.silhouettes() == null ? null
                : warpSilhouettes(camera, pinhole, rendered.silhouettes(), map);
        return new RenderedFrame(rendered.index(), w, h, rgb, ids, depth, rendered.device(), silhouettes, normals);
    }

    private static Silhouettes warpSilhouettes(Camera camera, Camera pinhole, Silhouettes in, Map imageMap) {
        int gx = in.guardMarginX();
        int gy = in.guardMarginY();
        Map guard = Map.of(camera, pinhole, gx, gy);
        int w = camera.width();
        int h = camera.height();
        List<Silhouette> out = new ArrayList<>(in.byInstance().size());
        for (Silhouette s : in.byInstance()) {
            SilhouetteMask inImage = s.inImage().isEmpty() ? SilhouetteMask.EMPTY
                    : resample(s.inImage(), imageMap, 0, 0, w, h, w);
            SilhouetteMask guardBand = s.guardBand().isEmpty() ? SilhouetteMask.EMPTY
                    : resample(s.guardBand(), guard, gx, gy, w + 2 * gx, h + 2 * gy, w);
            out.add(new Silhouette(s.instanceId(), inImage, guardBand));
        }
        return new Silhouettes(gx, gy, out);
    }

    /**
     * {@code mask} (render pixel coordinates) seen through {@code map}, over the destination grid
     * of {@code gridW x gridH} pixels starting at image pixel (-gx, -gy); tight to the covered pixels.
     */
    private static SilhouetteMask resample(SilhouetteMask mask, Map map, int gx, int gy, int gridW, int gridH,
                                           int renderWidth) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = Integer.MIN_VALUE;
        int maxY = Integer.MIN_VALUE;
        boolean[] covered = new boolean[gridW * gridH];
        for (int i = 0; i < covered.length; i++) {
            if (map.valid[i] && mask.covers(map.sourceX[i], map.sourceY[i])) {
                covered[i] = true;
                int x = i % gridW;
                int y = i / gridW;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        if (minX == Integer.MAX_VALUE) {
            return SilhouetteMask.EMPTY;
        }
        int mw = maxX - minX + 1;
        int mh = maxY - minY + 1;
        byte[] bits = new byte[mw * mh];
        for (int row = 0; row < mh; row++) {
            for (int col = 0; col < mw; col++) {
                bits[row * mw + col] = covered[(minY + row) * gridW + minX + col] ? (byte) 1 : 0;
            }
        }
        return new SilhouetteMask(minX - gx, minY - gy, mw, mh, bits);
    }

    private static byte[] bilinearRgb(byte[] src, Map map, int w, int h) {
        byte[] out = new byte[3 * w * h];
        for (int i = 0; i < w * h; i++) {
            // centre-at-integer coordinates of the sample; the render margin keeps x0 + 1, y0 + 1 inside
            double sx = map.s[i] - 0.5;
            double sy = map.t[i] - 0.5;
            int x0 = Math.max(0, Math.min(w - 2, (int) Math.floor(sx)));
            int y0 = Math.max(0, Math.min(h - 2, (int) Math.floor(sy)));
            double ax = Math.max(0, Math.min(1, sx - x0));
            double ay = Math.max(0, Math.min(1, sy - y0));
            for (int c = 0; c < 3; c++) {
                double top = (1 - ax) * (src[3 * (y0 * w + x0) + c] & 0xff) + ax * (src[3 * (y0 * w + x0 + 1) + c] & 0xff);
                double bottom = (1 - ax) * (src[3 * ((y0 + 1) * w + x0) + c] & 0xff)
                        + ax * (src[3 * ((y0 + 1) * w + x0 + 1) + c] & 0xff);
                out[3 * i + c] = (byte) Math.round((1 - ay) * top + ay * bottom);
            }
        }
        return out;
    }

    /**
     * Where each pixel of a destination grid (the distorted image grown by gx, gy on each side)
     * samples the render: continuous (s, t), the containing pixel (sourceX, sourceY) in render
     * image coordinates, and for gx = gy = 0 its index {@code source} into the render's arrays.
     */
    private static final class Map {
        final double[] s;
        final double[] t;
        final int[] sourceX;
        final int[] sourceY;
        final boolean[] valid;
        final int[] source;

        private Map(int n) {
            s = new double[n];
            t = new double[n];
            sourceX = new int[n];
            sourceY = new int[n];
            valid = new boolean[n];
            source = new int[n];
        }

        static Map of(Camera camera, Camera pinhole, int gx, int gy) {
            int w = camera.width();
            int h = camera.height();
            int gridW = w + 2 * gx;
            int gridH = h + 2 * gy;
            Map map = new Map(gridW * gridH);
            double f = pinhole.focalLengthPixels();
            double cx = pinhole.principalPointXPixels();
            double cy = pinhole.principalPointYPixels();
            double[] xy = new double[2];
            for (int row = 0; row < gridH; row++) {
                for (int col = 0; col < gridW; col++) {
                    int i = row * gridW + col;
                    int u = col - gx;
                    int v = row - gy;
                    boolean unique = undistortPixel(camera, u, v, xy);
                    double s = f * xy[0] + cx;
                    double t = f * xy[1] + cy;
                    boolean inside = u >= 0 && v >= 0 && u < w && v < h;
                    if (inside && (!unique || !(s >= 0 && t >= 0 && s < w && t < h))) {
                        throw new IllegalArgumentException("lens distortion " + camera.distortion() + ": pixel (" + u
                                + ", " + v + ") of the " + w + "x" + h + " image has no unique undistorted position"
                                + " inside the pinhole render (the model folds over inside the image)");
                    }
                    map.valid[i] = unique && Double.isFinite(s) && Double.isFinite(t);
                    map.s[i] = s;
                    map.t[i] = t;
                    map.sourceX[i] = map.valid[i] ? (int) Math.floor(s) : Integer.MIN_VALUE;
                    map.sourceY[i] = map.valid[i] ? (int) Math.floor(t) : Integer.MIN_VALUE;
                    map.source[i] = inside ? map.sourceY[i] * w + map.sourceX[i] : -1;
                }
            }
            return map;
        }
    }
}
