package io.synthscene.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.joml.Matrix4f;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;

class MeshPartTransformTest {
    private static final float EPS = 1e-5f;

    @Test
    void rotationMovesPositionsAndNormalsTogether() {
        MeshPart plane = Primitives.plane("body", 2, 2, null);
        // A quarter turn about +X carries +Y to +Z: the plane then faces forwards.
        MeshPart turned = plane.transformed(new Matrix4f().rotationX((float) (Math.PI / 2)));
        for (int v = 0; v < turned.vertexCount(); v++) {
            Vector3f n = MeshAssertions.normal(turned, v);
            assertThat(n.x).isCloseTo(0f, within(EPS));
            assertThat(n.y).isCloseTo(0f, within(EPS));
            assertThat(n.z).isCloseTo(1f, within(EPS));
            assertThat(MeshAssertions.position(turned, v).z).isCloseTo(0f, within(EPS));
        }
        MeshAssertions.assertFrontFacesOutward(turned);
    }

    @Test
    void nonUniformScaleKeepsNormalsUnitAndPerpendicularToTheSurface() {
        MeshPart sphere = Primitives.sphere("body", 1, 16, 8, null);
        MeshPart squashed = sphere.transformed(new Matrix4f().scaling(3, 0.5f, 1));
        MeshAssertions.assertUnitNormals(squashed);
        MeshAssertions.assertFrontFacesOutward(squashed);
        assertThat(squashed.slot()).isEqualTo("body");
    }

    @Test
    void mirroringReversesTheWindingSoFacesStillPointOutward() {
        MeshPart box = Primitives.box("body", 1, 1, 1, null);
        MeshPart mirrored = box.transformed(new Matrix4f().scaling(-1, 1, 1));
        MeshAssertions.assertFrontFacesOutward(mirrored);
        assertThat(mirrored.indices()).isNotEqualTo(box.indices());
    }

    @Test
    void translationLeavesNormalsAlone() {
        MeshPart box = Primitives.box("body", 1, 1, 1, null);
        MeshPart moved = box.transformed(new Matrix4f().translation(5, 6, 7));
        assertThat(moved.normals()).containsExactly(box.normals(), within(EPS));
        assertThat(MeshAssertions.bounds(moved)).containsExactly(new float[] {4.5f, 6, 6.5f, 5.5f, 7, 7.5f}, within(EPS));
    }
}
