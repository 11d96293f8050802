package io.synthscene.assets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a part is a closed, consistently wound surface. Vertices at the same position (to
 * {@link #WELD_METERS}) are one vertex: builders repeat corners for flat normals and seams. A
 * closed surface uses every directed edge a to b exactly as often as its reverse b to a (pieces
 * that merely touch share edges in pairs); each connected piece then encloses a volume, which is
 * positive when the triangles are wound counter-clockwise seen from outside.
 */
final class MeshTopology {
    /** Positions closer than this are the same vertex (metres). */
    static final float WELD_METERS = 1e-5f;

    private final int[] welded;
    private final float[] positions;
    private final int[] indices;

    MeshTopology(MeshPart part) {
        positions = part.positions();
        indices = part.indices();
        welded = new int[part.vertexCount()];
        Map<List<Long>, Integer> ids = new HashMap<>();
        for (int v = 0; v < welded.length; v++) {
            List<Long> key = List.of(Math.round((double) positions[3 * v] / WELD_METERS), Math.round((double) positions[3 * v + 1] / WELD_METERS),
                    Math.round((double) positions[3 * v + 2] / WELD_METERS));
            welded[v] = ids.computeIfAbsent(key, k -> ids.size());
        }
    }

    /** Directed edges (welded) whose reverse is used a different number of times: empty for a closed surface. */
    List<String> unmatchedEdges() {
        Map<Long, Integer> uses = new HashMap<>();
        for (int t = 0; t < indices.length; t += 3) {
            for (int c = 0; c < 3; c++) {
                long a = welded[indices[t + c]];
                long b = welded[indices[t + (c + 1) % 3]];
                uses.merge(a << 32 | b, 1, Integer::sum);
            }
        }
        List<String> unmatched = new ArrayList<>();
        uses.forEach((edge, count) -> {
            long reverse = (edge & 0xffffffffL) << 32 | edge >>> 32;
            if (!count.equals(uses.getOrDefault(reverse, 0))) {
                unmatched.add((edge >>> 32) + "->" + (edge & 0xffffffffL) + " x" + count);
            }
        });
        return unmatched;
    }

    /** The volume enclosed by each connected piece (divergence theorem over its triangles), cubic metres. */
    List<Double> pieceVolumes() {
        int[] parent = new int[welded.length];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        int[] firstVertexOf = new int[welded.length];
        java.util.Arrays.fill(firstVertexOf, -1);
        for (int v = 0; v < welded.length; v++) {
            if (firstVertexOf[welded[v]] < 0) {
                firstVertexOf[welded[v]] = v;
            }
        }
        for (int t = 0; t < indices.length; t += 3) {
            union(parent, firstVertexOf[welded[indices[t]]], firstVertexOf[welded[indices[t + 1]]]);
            union(parent, firstVertexOf[welded[indices[t]]], firstVertexOf[welded[indices[t + 2]]]);
        }
        Map<Integer, Double> volumes = new HashMap<>();
        for (int t = 0; t < indices.length; t += 3) {
            int a = 3 * indices[t];
            int b = 3 * indices[t + 1];
            int c = 3 * indices[t + 2];
            double det = positions[a] * ((double) positions[b + 1] * positions[c + 2] - (double) positions[b + 2] * positions[c + 1])
                    - positions[a + 1] * ((double) positions[b] * positions[c + 2] - (double) positions[b + 2] * positions[c])
                    + positions[a + 2] * ((double) positions[b] * positions[c + 1] - (double) positions[b + 1] * positions[c]);
            volumes.merge(find(parent, firstVertexOf[welded[indices[t]]]), det / 6, Double::sum);
        }
        return new ArrayList<>(volumes.values());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }
}
