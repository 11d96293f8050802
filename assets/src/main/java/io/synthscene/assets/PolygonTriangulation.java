package io.synthscene.assets;

import java.util.ArrayList;
import java.util.List;

/**
 * Ear clipping for a simple polygon given counter-clockwise as 2-D points {u, v}: returns three
 * indices per triangle, each triangle counter-clockwise. Quadratic in the point count, which is a
 * few dozen for a vehicle's side profile. Stateless.
 */
final class PolygonTriangulation {
    private PolygonTriangulation() {
    }

    static int[] earClip(List<float[]> ring) {
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < ring.size(); i++) {
            remaining.add(i);
        }
        int[] out = new int[(ring.size() - 2) * 3];
        int n = 0;
        int guard = 0;
        while (remaining.size() > 3) {
            boolean clipped = false;
            for (int i = 0; i < remaining.size(); i++) {
                int prev = remaining.get((i + remaining.size() - 1) % remaining.size());
                int cur = remaining.get(i);
                int next = remaining.get((i + 1) % remaining.size());
                if (isEar(ring, remaining, prev, cur, next)) {
                    out[n++] = prev;
                    out[n++] = cur;
                    out[n++] = next;
                    remaining.remove(i);
                    clipped = true;
                    break;
                }
            }
            if (!clipped || ++guard > ring.size() * ring.size()) {
                throw new IllegalArgumentException("polygon is not simple: no ear left among " + remaining.size() + " points");
            }
        }
        out[n++] = remaining.get(0);
        out[n++] = remaining.get(1);
        out[n] = remaining.get(2);
        return out;
    }

    private static boolean isEar(List<float[]> ring, List<Integer> remaining, int prev, int cur, int next) {
        float[] a = ring.get(prev);
        float[] b = ring.get(cur);
        float[] c = ring.get(next);
        if (cross(a, b, c) <= 0) {
            return false; // reflex or straight corner
        }
        for (int other : remaining) {
            if (other != prev && other != cur && other != next && inside(ring.get(other), a, b, c)) {
                return false;
            }
        }
        return true;
    }

    private static double cross(float[] a, float[] b, float[] c) {
        return ((double) b[0] - a[0]) * ((double) c[1] - a[1]) - ((double) b[1] - a[1]) * ((double) c[0] - a[0]);
    }

    private static boolean inside(float[] p, float[] a, float[] b, float[] c) {
        return cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
    }
}
