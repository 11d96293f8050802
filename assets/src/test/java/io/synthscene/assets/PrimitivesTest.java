package io.synthscene.assets;

import static io.synthscene.assets.MeshAssertions.assertFrontFacesOutward;
import static io.synthscene.assets.MeshAssertions.assertUnitNormals;
import static io.synthscene.assets.MeshAssertions.bounds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;

class PrimitivesTest {
    private static final float EPS = 1e-5f;
    private static final Material RED = new Material(new Rgb(1, 0, 0), 0.5);

    @Test
    void boxFacesPointOutwardWithUnitNormals() {
        MeshPart box = Primitives.box("body", 2, 1, 3, null);
        assertUnitNormals(box);
        assertFrontFacesOutward(box);
        assertThat(bounds(box)).containsExactly(new float[] {-1, 0, -1.5f, 1, 1, 1.5f}, within(EPS));
    }

    @Test
    void sphereRestsOnTheGroundWithItsCentreOneRadiusUp() {
        MeshPart sphere = Primitives.sphere("ball", 0.5f, RED);
        assertThat(bounds(sphere)).containsExactly(new float[] {-0.5f, 0, -0.5f, 0.5f, 1, 0.5f}, within(1e-3f));
        for (int v = 0; v < sphere.vertexCount(); v++) {
            Vector3f fromCentre = MeshAssertions.position(sphere, v).sub(0, 0.5f, 0);
            assertThat(fromCentre.length()).isCloseTo(0.5f, within(EPS));
            // Smooth normals: each normal is the direction from the centre.
            assertThat(fromCentre.normalize().dot(MeshAssertions.normal(sphere, v))).isCloseTo(1f, within(EPS));
        }
        assertThat(sphere.slot()).isEqualTo("ball");
        assertThat(sphere.fixedMaterial()).isEqualTo(RED);
    }

    @Test
    void sphereTrianglesFaceOutwardAndNoneCollapsesAtThePoles() {
        MeshPart sphere = Primitives.sphere("body", 1.3f, 12, 7, null);
        assertUnitNormals(sphere);
        assertFrontFacesOutward(sphere);
        // A UV sphere has two triangles per quad except one per quad in the two polar rings.
        assertThat(sphere.triangleCount()).isEqualTo(12 * (2 * 7 - 2));
    }

    @Test
    void cylinderStandsOnTheGroundWithSmoothSidesAndFlatCaps() {
        MeshPart cylinder = Primitives.cylinder("body", 0.4f, 2, 16, null);
        assertUnitNormals(cylinder);
        assertFrontFacesOutward(cylinder);
        assertThat(bounds(cylinder)).containsExactly(new float[] {-0.4f, 0, -0.4f, 0.4f, 2, 0.4f}, within(1e-3f));
        int up = 0;
        int down = 0;
        int sideways = 0;
        for (int v = 0; v < cylinder.vertexCount(); v++) {
            Vector3f n = MeshAssertions.normal(cylinder, v);
            if (n.y > 1 - EPS) {
                up++;
            } else if (n.y < -1 + EPS) {
                down++;
            } else {
                assertThat(n.y).isCloseTo(0f, within(EPS));
                Vector3f p = MeshAssertions.position(cylinder, v);
                assertThat(new Vector3f(p.x, 0, p.z).normalize().dot(n)).isCloseTo(1f, within(EPS));
                sideways++;
            }
        }
        assertThat(up).isEqualTo(1 + 17);
        assertThat(down).isEqualTo(1 + 17);
        assertThat(sideways).isEqualTo(2 * 17);
    }

    @Test
    void planeIsAnUpwardFacingRectangleAtGroundLevel() {
        MeshPart plane = Primitives.plane("ground", 4, 6, null);
        assertUnitNormals(plane);
        assertFrontFacesOutward(plane);
        assertThat(bounds(plane)).containsExactly(new float[] {-2, 0, -3, 2, 0, 3}, within(EPS));
        for (int v = 0; v < plane.vertexCount(); v++) {
            assertThat(MeshAssertions.normal(plane, v)).isEqualTo(new Vector3f(0, 1, 0));
        }
        assertThat(plane.triangleCount()).isEqualTo(2);
    }

    @Test
    void tooFewSegmentsAreRefused() {
        assertThatThrownBy(() -> Primitives.sphere("body", 1, 2, 8, null)).hasMessageContaining("segments");
        assertThatThrownBy(() -> Primitives.cylinder("body", 1, 1, 2, null)).hasMessageContaining("segments");
    }
}
