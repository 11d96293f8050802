package io.synthscene.assets;

import org.joml.Vector3f;

/**
 * Smooth vertex normals for an indexed triangle list: each vertex gets the sum of the unit normals
 * of the triangles that use it, each weighted by the triangle's angle at that vertex, then unit
 * length. Angle weighting makes the result independent of how a face was split into triangles
 * (a cube's corner normal is its diagonal however its squares were cut). Follows the winding:
 * counter-clockwise triangles give outward normals.
 *
 * <p>Used by {@link MeshFileImporter} instead of Assimp's aiProcess_GenSmoothNormals, which on
 * formats with shared vertices (glTF, PLY, OFF) leaves each vertex the normal of one of its faces
 * rather than their average (assimp/assimp#4692).
 */
final class VertexNormals {
    private VertexNormals() {
    }

    /** A vertex no triangle uses (or only degenerate ones) gets +Y, so every normal is unit length. */
    static float[] smooth(float[] positions, int[] indices) {
        float[] sums = new float[positions.length];
        Vector3f[] corner = {new Vector3f(), new Vector3f(), new Vector3f()};
        Vector3f faceNormal = new Vector3f();
        Vector3f toNext = new Vector3f();
        Vector3f toPrevious = new Vector3f();
        for (int t = 0; t < indices.length; t += 3) {
            for (int c = 0; c < 3; c++) {
                int at = indices[t + c] * 3;
                corner[c].set(positions[at], positions[at + 1], positions[at + 2]);
            }
            corner[1].sub(corner[0], toNext);
            corner[2].sub(corner[0], toPrevious);
            toNext.cross(toPrevious, faceNormal);
            if (!(faceNormal.lengthSquared() > 0)) {
                continue; // degenerate: no direction to contribute
            }
            faceNormal.normalize();
            for (int c = 0; c < 3; c++) {
                corner[(c + 1) % 3].sub(corner[c], toNext);
                corner[(c + 2) % 3].sub(corner[c], toPrevious);
                float angle = toNext.angle(toPrevious);
                if (Float.isFinite(angle)) {
                    int at = indices[t + c] * 3;
                    sums[at] += angle * faceNormal.x;
                    sums[at + 1] += angle * faceNormal.y;
                    sums[at + 2] += angle * faceNormal.z;
                }
            }
        }
        for (int v = 0; v < sums.length; v += 3) {
            normaliseOrUp(sums, v);
        }
        return sums;
    }

    /** True when the xyz at {@code offset} can be made unit length (finite and not zero). */
    static boolean isUsable(float[] xyz, int offset) {
        double length = Math.sqrt(xyz[offset] * xyz[offset] + xyz[offset + 1] * xyz[offset + 1] + xyz[offset + 2] * xyz[offset + 2]);
        return length > 1e-12 && Double.isFinite(length);
    }

    /** Scales the xyz at {@code offset} to unit length, or sets +Y when it has no direction. */
    static void normaliseOrUp(float[] xyz, int offset) {
        if (!isUsable(xyz, offset)) {
            xyz[offset] = 0;
            xyz[offset + 1] = 1;
            xyz[offset + 2] = 0;
            return;
        }
        float length = (float) Math.sqrt(xyz[offset] * xyz[offset] + xyz[offset + 1] * xyz[offset + 1] + xyz[offset + 2] * xyz[offset + 2]);
        xyz[offset] /= length;
        xyz[offset + 1] /= length;
        xyz[offset + 2] /= length;
    }
}
