package io.synthscene.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VertexNormalsTest {
    private static final float EPS = 1e-6f;

    @Test
    void counterClockwiseTriangleSeenFromAboveGetsUpwardNormals() {
        float[] positions = {0, 0, 0, 0, 0, 1, 1, 0, 0};
        float[] normals = VertexNormals.smooth(positions, new int[] {0, 1, 2});
        assertThat(normals).containsExactly(new float[] {0, 1, 0, 0, 1, 0, 0, 1, 0}, within(EPS));
    }

    @Test
    void sharedVertexAveragesItsFacesWeightedByTheirAnglesThere() {
        // Vertex 0 is shared by a triangle facing +Y with a right angle there and one facing +Z with 45 degrees.
        float[] positions = {0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 1, 1, 0};
        float[] normals = VertexNormals.smooth(positions, new int[] {0, 1, 2, 0, 3, 4});
        float norm = (float) Math.sqrt(4 + 1);
        assertThat(normals[0]).isCloseTo(0f, within(EPS));
        assertThat(normals[1]).isCloseTo(2 / norm, within(EPS));
        assertThat(normals[2]).isCloseTo(1 / norm, within(EPS));
    }

    @Test
    void splittingAFaceDifferentlyDoesNotChangeTheCornerNormal() {
        // A unit square facing +Y cut along either diagonal, plus a square facing +Z sharing vertex 0.
        float[] positions = {0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 1, 0, 1, 1, 0};
        int[] wall = {0, 3, 5, 0, 5, 4};
        int[] cutThroughCorner = {0, 1, 2, 0, 2, 3};
        int[] cutBesideCorner = {0, 1, 3, 1, 2, 3};
        float[] a = VertexNormals.smooth(positions, concat(cutThroughCorner, wall));
        float[] b = VertexNormals.smooth(positions, concat(cutBesideCorner, wall));
        float half = (float) Math.sqrt(0.5);
        assertThat(new float[] {a[0], a[1], a[2]}).containsExactly(new float[] {0, half, half}, within(EPS));
        assertThat(new float[] {b[0], b[1], b[2]}).containsExactly(new float[] {0, half, half}, within(EPS));
    }

    private static int[] concat(int[] first, int[] second) {
        int[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @Test
    void unusedOrDegenerateVerticesGetUpRatherThanNaN() {
        float[] positions = {0, 0, 0, 1, 0, 0, 2, 0, 0, 5, 5, 5};
        float[] normals = VertexNormals.smooth(positions, new int[] {0, 1, 2});
        assertThat(normals).containsExactly(new float[] {0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0}, within(EPS));
    }
}
