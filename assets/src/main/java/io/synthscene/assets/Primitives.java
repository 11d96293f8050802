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

    /**
     * A horizontal rectangle at y = 0 facing up (+Y), spanning x in [-w/2, w/2] and z in [-l/2, l/2].
     * Single-sided: seen from below it is culled.
     */
    public static MeshPart plane(String slot, float widthMeters, float lengthMeters, Material fixedMaterial) {
        float x = widthMeters / 2;
        float z = lengthMeters / 2;
        float[] positions = {-x, 0, -z, x, 0, -z, x, 0, z, -x, 0, z};
        float[] normals = {0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0};
        // Counter-clockwise seen from above: (-x,-z) -> (-x,+z) -> (+x,+z) turns towards +Y.
        int[] indices = {0, 3, 2, 0, 2, 1};
        return new MeshPart(slot, positions, normals, indices, fixedMaterial);
    }

    /** A UV sphere resting on the ground (centre at y = radius), 32 segments round and 16 from pole to pole. */
    public static MeshPart sphere(String slot, float radiusMeters, Material fixedMaterial) {
        return sphere(slot, radiusMeters, 32, 16, fixedMaterial);
    }

    /**
     * A UV sphere resting on the ground (centre at y = radius) with smooth normals. Longitude
     * {@code theta} runs from +Z towards +X; ring 0 is the bottom pole, ring {@code rings} the top.
     * The seam repeats its vertices so every ring has {@code segments + 1} of them.
     */
    public static MeshPart sphere(String slot, float radiusMeters, int segments, int rings, Material fixedMaterial) {
        if (segments < 3 || rings < 2) {
            throw new IllegalArgumentException("sphere needs at least 3 segments and 2 rings, got " + segments + " and " + rings);
        }
        int perRing = segments + 1;
        float[] positions = new float[(rings + 1) * perRing * 3];
        float[] normals = new float[positions.length];
        for (int ring = 0; ring <= rings; ring++) {
            double polar = Math.PI * ring / rings; // 0 at the bottom pole, pi at the top
            for (int s = 0; s <= segments; s++) {
                double theta = 2 * Math.PI * s / segments;
                float nx = (float) (Math.sin(polar) * Math.sin(theta));
                float ny = (float) -Math.cos(polar);
                float nz = (float) (Math.sin(polar) * Math.cos(theta));
                int at = (ring * perRing + s) * 3;
                normals[at] = nx;
                normals[at + 1] = ny;
                normals[at + 2] = nz;
                positions[at] = radiusMeters * nx;
                positions[at + 1] = radiusMeters * (1 + ny);
                positions[at + 2] = radiusMeters * nz;
            }
        }
        // Quads between rings, split in two; the triangle that collapses onto a pole is left out.
        int[] indices = new int[(rings - 1) * segments * 6];
        int n = 0;
        for (int ring = 0; ring < rings; ring++) {
            for (int s = 0; s < segments; s++) {
                int a = ring * perRing + s;
                int b = a + 1;
                int c = b + perRing;
                int d = a + perRing;
                if (ring > 0) {
                    indices[n++] = a;
                    indices[n++] = b;
                    indices[n++] = c;
                }
                if (ring < rings - 1) {
                    indices[n++] = a;
                    indices[n++] = c;
                    indices[n++] = d;
                }
            }
        }
        return new MeshPart(slot, positions, normals, indices, fixedMaterial);
    }

    /** A vertical capped cylinder standing on the ground (y in [0, height]) with 32 segments. */
    public static MeshPart cylinder(String slot, float radiusMeters, float heightMeters, Material fixedMaterial) {
        return cylinder(slot, radiusMeters, heightMeters, 32, fixedMaterial);
    }

    /**
     * A vertical capped cylinder, axis along +Y, y in [0, height]: smooth normals on the side,
     * flat normals on the caps (the caps have their own vertices). Angle {@code theta} runs from
     * +Z towards +X.
     */
    public static MeshPart cylinder(String slot, float radiusMeters, float heightMeters, int segments, Material fixedMaterial) {
        if (segments < 3) {
            throw new IllegalArgumentException("cylinder needs at least 3 segments, got " + segments);
        }
        int perRing = segments + 1;
        // Side: bottom ring, top ring; then each cap: centre and its own ring.
        int sideVertices = 2 * perRing;
        int capVertices = 1 + perRing;
        float[] positions = new float[(sideVertices + 2 * capVertices) * 3];
        float[] normals = new float[positions.length];
        int[] indices = new int[segments * 6 + 2 * segments * 3];
        int n = 0;
        for (int s = 0; s <= segments; s++) {
            double theta = 2 * Math.PI * s / segments;
            float sin = (float) Math.sin(theta);
            float cos = (float) Math.cos(theta);
            put(positions, s, radiusMeters * sin, 0, radiusMeters * cos);
            put(positions, perRing + s, radiusMeters * sin, heightMeters, radiusMeters * cos);
            put(normals, s, sin, 0, cos);
            put(normals, perRing + s, sin, 0, cos);
            put(positions, sideVertices + 1 + s, radiusMeters * sin, heightMeters, radiusMeters * cos);
            put(normals, sideVertices + 1 + s, 0, 1, 0);
            put(positions, sideVertices + capVertices + 1 + s, radiusMeters * sin, 0, radiusMeters * cos);
            put(normals, sideVertices + capVertices + 1 + s, 0, -1, 0);
        }
        int top = sideVertices;
        int bottom = sideVertices + capVertices;
        put(positions, top, 0, heightMeters, 0);
        put(normals, top, 0, 1, 0);
        put(positions, bottom, 0, 0, 0);
        put(normals, bottom, 0, -1, 0);
        for (int s = 0; s < segments; s++) {
            int a = s;
            int b = s + 1;
            int[] side = {a, b, b + perRing, a, b + perRing, a + perRing};
            System.arraycopy(side, 0, indices, n, 6);
            n += 6;
            int[] caps = {top, top + 1 + s, top + 2 + s, bottom, bottom + 2 + s, bottom + 1 + s};
            System.arraycopy(caps, 0, indices, n, 6);
            n += 6;
        }
        return new MeshPart(slot, positions, normals, indices, fixedMaterial);
    }

    private static void put(float[] xyz, int vertex, float x, float y, float z) {
        xyz[vertex * 3] = x;
        xyz[vertex * 3 + 1] = y;
        xyz[vertex * 3 + 2] = z;
    }
}
