package io.synthscene.assets;

import io.synthscene.scenes.frame.Material;

/**
 * Procedural primitive shapes in the asset convention: +Y up, front facing +Z, origin at the
 * centre of the footprint on the ground (so a shape rests on y = 0), metres.
 */
public final class Primitives {
    private Primitives() {
    }

    /**
     * An axis-aligned box spanning x in [-w/2, w/2], y in [0, h], z in [-l/2, l/2], with flat
     * per-face normals (24 vertices, 12 triangles).
     */
    public static MeshPart box(String slot, float widthMeters, float heightMeters, float lengthMeters, Material fixedMaterial) {
        return box(slot, -widthMeters / 2, 0, -lengthMeters / 2, widthMeters / 2, heightMeters, lengthMeters / 2, fixedMaterial);
    }

    /** A box between two corners, with flat per-face normals; counter-clockwise faces seen from outside. */
    public static MeshPart box(String slot, float x0, float y0, float z0, float x1, float y1, float z1, Material fixedMaterial) {
        float[][] corners = {
                {x0, y0, z0}, {x1, y0, z0}, {x1, y1, z0}, {x0, y1, z0},
                {x0, y0, z1}, {x1, y0, z1}, {x1, y1, z1}, {x0, y1, z1}};
        // Each face: four corner indices counter-clockwise seen from outside, and its normal.
        int[][] faces = {
                {4, 5, 6, 7}, {1, 0, 3, 2}, {5, 1, 2, 6}, {0, 4, 7, 3}, {3, 7, 6, 2}, {0, 1, 5, 4}};
        float[][] normals = {{0, 0, 1}, {0, 0, -1}, {1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}};
        float[] positions = new float[6 * 4 * 3];
        float[] faceNormals = new float[positions.length];
        int[] indices = new int[6 * 6];
        for (int f = 0; f < 6; f++) {
            for (int v = 0; v < 4; v++) {
                System.arraycopy(corners[faces[f][v]], 0, positions, (f * 4 + v) * 3, 3);
                System.arraycopy(normals[f], 0, faceNormals, (f * 4 + v) * 3, 3);
            }
            int base = f * 4;
            int[] quad = {base, base + 1, base + 2, base, base + 2, base + 3};
            System.arraycopy(quad, 0, indices, f * 6, 6);
        }
        return new MeshPart(slot, positions, faceNormals, indices, fixedMaterial);
    }
}
