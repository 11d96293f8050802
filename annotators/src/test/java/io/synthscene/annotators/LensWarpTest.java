package io.synthscene.annotators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.LensDistortion;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Silhouette;
import io.synthscene.scenes.frame.SilhouetteMask;
import io.synthscene.scenes.frame.Silhouettes;
import io.synthscene.scenes.frame.Vec3;
import java.util.List;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_calib3d;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * The lens warp on hand-painted pinhole renders, with answers known in advance: a disc centred on
 * the principal point stays a disc whose radius the radial model gives; the model is OpenCV's.
 */
class LensWarpTest {
    private static final int W = 96;
    private static final int H = 72;
    /** Nearest-neighbour sampling moves an edge by at most this many distorted pixels (one render pixel, scaled, plus rounding). */
    private static final double EDGE_TOLERANCE_PX = 1.5;

    private static Camera camera(LensDistortion d) {
        return new Camera(new Vec3(0, 1, 0), 0, 0, 0, 60, 0.1, 100, W, H, 0, 0, d);
    }

    @Test
    void distortionIsOpenCvsProjectPointsModel() {
        LensDistortion d = new LensDistortion(-0.21, 0.04, 0.003, -0.002, 0.01);
        double f = 500;
        double cx = 320;
        double cy = 240;
        Mat points = new Mat(5, 1, opencv_core.CV_64FC3);
        DoubleIndexer p = points.createIndexer();
        double[][] xyz = {{0.1, 0.2, 1}, {-0.4, 0.3, 1}, {0.5, -0.35, 1}, {0, 0, 1}, {-0.6, -0.45, 2}};
        for (int i = 0; i < xyz.length; i++) {
            for (int c = 0; c < 3; c++) {
                p.put(i, 0, c, xyz[i][c]);
            }
        }
        Mat k = new Mat(3, 3, opencv_core.CV_64F);
        DoubleIndexer ki = k.createIndexer();
        double[] kv = {f, 0, cx, 0, f, cy, 0, 0, 1};
        for (int i = 0; i < 9; i++) {
            ki.put(i / 3, i % 3, kv[i]);
        }
        Mat coefficients = new Mat(1, 5, opencv_core.CV_64F);
        DoubleIndexer di = coefficients.createIndexer();
        double[] dv = d.coefficients();
        for (int i = 0; i < 5; i++) {
            di.put(0, i, dv[i]);
        }
        Mat zero = new Mat(3, 1, opencv_core.CV_64F, new org.bytedeco.opencv.opencv_core.Scalar(0.0));
        Mat projected = new Mat();
        opencv_calib3d.projectPoints(points, zero, zero, k, coefficients, projected);
        DoubleIndexer out = projected.createIndexer();
        double[] ours = new double[2];
        double[] back = new double[2];
        for (int i = 0; i < xyz.length; i++) {
            d.distort(xyz[i][0] / xyz[i][2], xyz[i][1] / xyz[i][2], ours);
            assertThat(f * ours[0] + cx).isCloseTo(out.get(i, 0, 0), within(1e-9));
            assertThat(f * ours[1] + cy).isCloseTo(out.get(i, 0, 1), within(1e-9));
            assertThat(d.undistort(ours[0], ours[1], back)).isLessThan(1e-12);
            assertThat(back[0]).isCloseTo(xyz[i][0] / xyz[i][2], within(1e-9));
            assertThat(back[1]).isCloseTo(xyz[i][1] / xyz[i][2], within(1e-9));
        }
    }

    @Test
    void barrelDistortionRendersAWiderPinholeAndPincushionANarrowerOne() {
        double f = camera(LensDistortion.NONE).focalLengthPixels();
        assertThat(LensWarp.pinholeCamera(camera(new LensDistortion(-0.3, 0, 0, 0, 0))).focalLengthPixels()).isLessThan(f);
        assertThat(LensWarp.pinholeCamera(camera(new LensDistortion(0.3, 0, 0, 0, 0))).focalLengthPixels()).isGreaterThan(f);
    }

    @Test
    void everyDistortedPixelSamplesInsideThePinholeRender() {
        for (LensDistortion d : List.of(new LensDistortion(-0.4, 0.1, 0, 0, 0), new LensDistortion(0.5, 0.2, 0.01, -0.02, 0),
                new LensDistortion(-0.1, 0, 0.05, 0.05, 0.02))) {
            Camera camera = camera(d);
            Camera pinhole = LensWarp.pinholeCamera(camera);
            double[] xy = new double[2];
            for (int v = 0; v < H; v++) {
                for (int u = 0; u < W; u++) {
                    double fd = camera.focalLengthPixels();
                    d.undistort((u + 0.5 - camera.principalPointXPixels()) / fd, (v + 0.5 - camera.principalPointYPixels()) / fd, xy);
                    double s = pinhole.focalLengthPixels() * xy[0] + pinhole.principalPointXPixels();
                    double t = pinhole.focalLengthPixels() * xy[1] + pinhole.principalPointYPixels();
                    assertThat(s).as("%s pixel %d,%d", d, u, v).isBetween(1 - 1e-9, W - 1 + 1e-9);
                    assertThat(t).as("%s pixel %d,%d", d, u, v).isBetween(1 - 1e-9, H - 1 + 1e-9);
                }
            }
        }
    }

    @Test
    void aDiscOnThePrincipalPointKeepsTheRadiusTheRadialModelGives() {
        double k1 = -0.2; // at -0.3 the corners of a 60 degree view lie beyond the fold of r (1 + k1 r²)
        Camera camera = camera(new LensDistortion(k1, 0, 0, 0, 0));
        Camera pinhole = LensWarp.pinholeCamera(camera);
        double fp = pinhole.focalLengthPixels();
        double radiusRender = 20; // render pixels
        RenderedFrame painted = paintDisc(pinhole, radiusRender);
        RenderedFrame warped = LensWarp.apply(camera, pinhole, painted);

        double rho = radiusRender / fp; // undistorted normalised radius of the edge
        double expected = camera.focalLengthPixels() * rho * (1 + k1 * rho * rho); // distorted pixels
        int inside = 0;
        for (int v = 0; v < H; v++) {
            for (int u = 0; u < W; u++) {
                double r = Math.hypot(u + 0.5 - camera.principalPointXPixels(), v + 0.5 - camera.principalPointYPixels());
                int id = warped.instanceIdAt(u, v);
                if (r < expected - EDGE_TOLERANCE_PX) {
                    assertThat(id).as("pixel %d,%d at r %.2f of %.2f", u, v, r, expected).isEqualTo(1);
                } else if (r > expected + EDGE_TOLERANCE_PX) {
                    assertThat(id).as("pixel %d,%d at r %.2f of %.2f", u, v, r, expected).isZero();
                }
                inside += id == 1 ? 1 : 0;
                // depth and the silhouettes come through the same map, nearest: exactly the id pass
                assertThat(warped.depthMeters()[v * W + u]).isEqualTo(id == 1 ? 5f : Float.POSITIVE_INFINITY);
                Silhouette s = warped.silhouettes().byInstance().get(0);
                assertThat(s.inImage().covers(u, v)).as("pixel %d,%d", u, v).isEqualTo(id == 1);
                assertThat(s.guardBand().covers(u, v)).as("pixel %d,%d", u, v).isEqualTo(id == 1);
            }
        }
        assertThat((double) inside).isCloseTo(Math.PI * expected * expected, within(0.05 * Math.PI * expected * expected));
        // the colour: white inside, black outside, a blend only on the edge
        int centre = (H / 2) * W + W / 2;
        assertThat(warped.rgb()[3 * centre] & 0xff).isEqualTo(255);
        assertThat(warped.rgb()[0] & 0xff).isZero();
    }

    @Test
    void guardBandSilhouetteBeyondTheImageIsWarpedToo() {
        Camera camera = camera(new LensDistortion(-0.2, 0, 0, 0, 0));
        Camera pinhole = LensWarp.pinholeCamera(camera);
        int g = 24;
        // a silhouette covering the whole render guard band: every distorted guard-band pixel with a
        // unique undistorted position inside it is covered, so the warped mask reaches beyond the image
        SilhouetteMask full = new SilhouetteMask(-g, -g, W + 2 * g, H + 2 * g, filled((W + 2 * g) * (H + 2 * g)));
        SilhouetteMask inImage = new SilhouetteMask(0, 0, W, H, filled(W * H));
        RenderedFrame painted = new RenderedFrame(0, W, H, null, new int[W * H], null, "painted",
                new Silhouettes(g, g, List.of(new Silhouette(1, inImage, full))), null);
        Silhouette warped = LensWarp.apply(camera, pinhole, painted).silhouettes().byInstance().get(0);
        assertThat(warped.inImage().pixelCount()).isEqualTo((long) W * H);
        assertThat(warped.guardBand().pixelCountInside(W, H)).isEqualTo((long) W * H);
        assertThat(warped.guardBand().pixelCount()).isGreaterThan((long) W * H);
        assertThat(warped.guardBand().x()).isNegative();
    }

    @Test
    void aDistortionThatFoldsOverInsideTheImageIsRefused() {
        Camera camera = new Camera(new Vec3(0, 1, 0), 0, 0, 0, 120, 0.1, 100, W, H, 0, 0,
                new LensDistortion(-2, 0, 0, 0, 0));
        assertThatThrownBy(() -> LensWarp.apply(camera, LensWarp.pinholeCamera(camera),
                new RenderedFrame(0, W, H, null, new int[W * H], null, "painted")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("folds over");
    }

    private static byte[] filled(int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) 1);
        return b;
    }

    /** Instance 1 (white, 5 m away) on pixel centres within {@code radius} of the principal point; black sky elsewhere. */
    private static RenderedFrame paintDisc(Camera pinhole, double radius) {
        int[] ids = new int[W * H];
        float[] depth = new float[W * H];
        byte[] rgb = new byte[3 * W * H];
        int minX = W, minY = H, maxX = -1, maxY = -1;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean in = Math.hypot(x + 0.5 - pinhole.principalPointXPixels(), y + 0.5 - pinhole.principalPointYPixels()) < radius;
                ids[y * W + x] = in ? 1 : 0;
                depth[y * W + x] = in ? 5f : Float.POSITIVE_INFINITY;
                for (int c = 0; c < 3; c++) {
                    rgb[3 * (y * W + x) + c] = in ? (byte) 255 : 0;
                }
                if (in) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        int mw = maxX - minX + 1;
        int mh = maxY - minY + 1;
        byte[] bits = new byte[mw * mh];
        for (int y = 0; y < mh; y++) {
            for (int x = 0; x < mw; x++) {
                bits[y * mw + x] = (byte) ids[(minY + y) * W + minX + x];
            }
        }
        SilhouetteMask mask = new SilhouetteMask(minX, minY, mw, mh, bits);
        return new RenderedFrame(0, W, H, rgb, ids, depth, "painted",
                new Silhouettes(16, 16, List.of(new Silhouette(1, mask, mask))), null);
    }
}
