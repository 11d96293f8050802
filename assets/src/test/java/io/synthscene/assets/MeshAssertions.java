package io.synthscene.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.joml.Vector3f;

/** Checks every mesh must pass, whoever built it. */
final class MeshAssertions {
    /** Normals are unit length to this much (float arithmetic through a normal matrix). */
    static final float UNIT_NORMAL_TOLERANCE = 1e-4f;

    private MeshAssertions() {
    }

    static void assertWellFormed(Mesh mesh) {
        for (MeshPart part : mesh.parts()) {
            assertUnitNormals(part);
            assertFrontFacesOutward(part);
        }
    }

    static void assertUnitNormals(MeshPart part) {
        float[] n = part.normals();
        for (int i = 0; i < n.length; i += 3) {
            float length = new Vector3f(n[i], n[i + 1], n[i + 2]).length();
            assertThat(length).as("normal %d of part %s", i / 3, part.slot()).isCloseTo(1f, within(UNIT_NORMAL_TOLERANCE));
        }
    }

    /**
     * Counter-clockwise winding seen from outside: each triangle's geometric normal
     * (b - a) x (c - a) points the same way as the normals at its three corners.
     */
    static void assertFrontFacesOutward(MeshPart part) {
        int[] idx = part.indices();
        for (int t = 0; t < idx.length; t += 3) {
            Vector3f a = position(part, idx[t]);
            Vector3f b = position(part, idx[t + 1]);
            Vector3f c = position(part, idx[t + 2]);
            Vector3f geometric = new Vector3f(b).sub(a).cross(new Vector3f(c).sub(a));
            assertThat(geometric.length()).as("area of triangle %d of part %s", t / 3, part.slot()).isGreaterThan(0f);
            for (int corner = 0; corner < 3; corner++) {
                assertThat(geometric.dot(normal(part, idx[t + corner])))
                        .as("triangle %d of part %s, corner %d: winding against its normal", t / 3, part.slot(), corner)
                        .isGreaterThan(0f);
            }
        }
    }

    static Vector3f position(MeshPart part, int vertex) {
        float[] p = part.positions();
        return new Vector3f(p[vertex * 3], p[vertex * 3 + 1], p[vertex * 3 + 2]);
    }

    static Vector3f normal(MeshPart part, int vertex) {
        float[] n = part.normals();
        return new Vector3f(n[vertex * 3], n[vertex * 3 + 1], n[vertex * 3 + 2]);
    }

    /** Bounds of one part: {minX, minY, minZ, maxX, maxY, maxZ}. */
    static float[] bounds(MeshPart part) {
        return new Mesh("part", java.util.List.of(part)).bounds();
    }
}
