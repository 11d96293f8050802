package io.synthscene.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshFileImporterTest {
    /** Float arithmetic through import, rotation, centring and scaling (metres). */
    private static final float EPS = 1e-4f;

    @TempDir
    Path dir;

    private final MeshFileImporter importer = new MeshFileImporter();

    @Test
    void objBoxKeepsItsEightSharedCornersAndTwelveTriangles() throws IOException {
        Mesh mesh = importer.load(ModelFiles.objBox(dir, "box.obj", 1, 1, 1), "y", 1);
        assertThat(mesh.parts()).hasSize(1);
        MeshPart part = mesh.parts().get(0);
        assertThat(part.triangleCount()).isEqualTo(12);
        // Smooth normals average the faces at each corner, so equal corners join into one vertex.
        assertThat(part.vertexCount()).isEqualTo(8);
        assertThat(part.slot()).isEqualTo("body");
        assertThat(part.fixedMaterial()).as("an OBJ without a material library declares no material").isNull();
        assertThat(mesh.name()).isEqualTo("box.obj");
        MeshAssertions.assertWellFormed(mesh);
    }

    @Test
    void modelIsCentredOnItsFootprintRestsOnTheGroundAndIsScaledToItsLongestSide() throws IOException {
        // 2 x 1 x 4 file units with a corner at the origin, fitted to 3 m: scale 0.75.
        Mesh mesh = importer.load(ModelFiles.objBox(dir, "box.obj", 2, 1, 4), "y", 3);
        assertThat(mesh.bounds()).containsExactly(new float[] {-0.75f, 0, -1.5f, 0.75f, 0.75f, 1.5f}, within(EPS));
    }

    @Test
    void zUpModelIsStoodUprightWithoutMirroring() throws IOException {
        Path pyramid = ModelFiles.objLeaningPyramid(dir);
        Mesh upright = importer.load(pyramid, "z", 1.5);
        float[] b = upright.bounds();
        // Its 3-unit height (file z) is now y and the longest side: 1.5 m; the 2-unit base is 1 m.
        assertThat(b).containsExactly(new float[] {-0.5f, 0, -0.5f, 0.5f, 1.5f, 0.5f}, within(EPS));
        Vector3f apex = highestVertex(upright.parts().get(0));
        // The apex leant to file +y; a proper rotation (+Z to +Y) carries +Y to -Z.
        assertThat(apex.x).isCloseTo(0f, within(EPS));
        assertThat(apex.z).isCloseTo(-0.5f, within(EPS));
        MeshAssertions.assertWellFormed(upright);

        float[] lying = importer.load(pyramid, "y", 1.5).bounds();
        assertThat(lying[4] - lying[1]).as("read as y-up, it lies on its side").isCloseTo(1f, within(EPS));
        assertThat(lying[5] - lying[2]).isCloseTo(1.5f, within(EPS));
    }

    @Test
    void gltfWithABase64BufferIsRead() throws IOException {
        Mesh mesh = importer.load(ModelFiles.gltfBoxEmbedded(dir, "box.gltf", 1, 2, 1, null), "y", 2);
        assertThat(mesh.parts().get(0).triangleCount()).isEqualTo(12);
        assertThat(mesh.bounds()).containsExactly(new float[] {-0.5f, 0, -0.5f, 0.5f, 2, 0.5f}, within(EPS));
        MeshAssertions.assertWellFormed(mesh);
    }

    @Test
    void gltfWithAnExternalBinNextToItIsRead() throws IOException {
        Mesh mesh = importer.load(ModelFiles.gltfBoxWithExternalBin(dir, 4, 1, 1), "y", 2);
        assertThat(mesh.parts().get(0).triangleCount()).isEqualTo(12);
        assertThat(mesh.bounds()).containsExactly(new float[] {-1, 0, -0.25f, 1, 0.5f, 0.25f}, within(EPS));
    }

    @Test
    void glbBinaryIsRead() throws IOException {
        Mesh mesh = importer.load(ModelFiles.glbBox(dir, 1, 1, 2), "y", 1);
        assertThat(mesh.parts().get(0).triangleCount()).isEqualTo(12);
        assertThat(mesh.bounds()).containsExactly(new float[] {-0.25f, 0, -0.5f, 0.25f, 0.5f, 0.5f}, within(EPS));
        MeshAssertions.assertWellFormed(mesh);
    }

    @Test
    void nodeTransformsAreBakedIntoTheVertices() throws IOException {
        // A box long along z on a node turned +90 degrees about x (+Z goes to -Y): its long side is now vertical.
        String quarterTurnAboutX = "[0.70710678,0,0,0.70710678]";
        Mesh mesh = importer.load(ModelFiles.gltfBoxEmbedded(dir, "turned.gltf", 1, 1, 4, quarterTurnAboutX), "y", 4);
        assertThat(mesh.bounds()).containsExactly(new float[] {-0.5f, 0, -0.5f, 0.5f, 4, 0.5f}, within(EPS));
    }

    @Test
    void asciiPlyQuadsAreTriangulated() throws IOException {
        Mesh mesh = importer.load(ModelFiles.plyBox(dir, 1, 1, 1), "y", 1);
        assertThat(mesh.parts().get(0).triangleCount()).isEqualTo(12);
        assertThat(mesh.parts().get(0).vertexCount()).isEqualTo(8);
        MeshAssertions.assertWellFormed(mesh);
    }

    @Test
    void asciiStlWithoutFacetNormalsGetsSmoothNormalsOnJoinedCorners() throws IOException {
        Mesh mesh = importer.load(ModelFiles.stlTetrahedron(dir, "tetra.stl", false), "y", 1);
        MeshPart part = mesh.parts().get(0);
        assertThat(part.triangleCount()).isEqualTo(4);
        // STL repeats corners per facet (12); with equal (zero) normals the equal corners join.
        assertThat(part.vertexCount()).isEqualTo(4);
        assertThat(mesh.bounds()).containsExactly(new float[] {-0.5f, 0, -0.5f, 0.5f, 1, 0.5f}, within(EPS));
        MeshAssertions.assertWellFormed(mesh);
    }

    @Test
    void asciiStlFacetNormalsAreKeptSoFacetsStayFlat() throws IOException {
        Mesh mesh = importer.load(ModelFiles.stlTetrahedron(dir, "flat.stl", true), "y", 1);
        MeshPart part = mesh.parts().get(0);
        assertThat(part.vertexCount()).as("corners with different facet normals stay apart").isEqualTo(12);
        for (int t = 0; t < part.indices().length; t += 3) {
            Vector3f first = MeshAssertions.normal(part, part.indices()[t]);
            assertThat(MeshAssertions.normal(part, part.indices()[t + 1]).dot(first)).isCloseTo(1f, within(EPS));
            assertThat(MeshAssertions.normal(part, part.indices()[t + 2]).dot(first)).isCloseTo(1f, within(EPS));
        }
        MeshAssertions.assertWellFormed(mesh);
    }

    @Test
    void sharedCornersOfAnIndexedFileGetTheAverageOfTheirFaces() throws IOException {
        // glTF shares the 8 corners between faces; each corner normal points out along the diagonal.
        MeshPart part = importer.load(ModelFiles.gltfBoxEmbedded(dir, "cube.gltf", 1, 1, 1, null), "y", 1).parts().get(0);
        for (int v = 0; v < part.vertexCount(); v++) {
            Vector3f outward = MeshAssertions.position(part, v).sub(0, 0.5f, 0).normalize();
            assertThat(MeshAssertions.normal(part, v).dot(outward)).isCloseTo(1f, within(EPS));
        }
    }

    @Test
    void missingFileIsNamedInTheError() {
        Path missing = dir.resolve("no-such-model.glb");
        assertThatThrownBy(() -> importer.load(missing, "y", 1))
                .isInstanceOf(AssetLoadException.class)
                .hasMessageContaining("no-such-model.glb")
                .hasMessageContaining("no such file");
    }

    @Test
    void corruptFileReportsAssimpsErrorAndTheFileName() throws IOException {
        Path corrupt = ModelFiles.write(dir.resolve("broken.gltf"), "{ \"asset\": { this is not json");
        assertThatThrownBy(() -> importer.load(corrupt, "y", 1))
                .isInstanceOf(AssetLoadException.class)
                .hasMessageContaining("broken.gltf")
                .hasMessageMatching("(?s).*Assimp: \\S.*");
    }

    @Test
    void fileWithOnlyLinesHasNoTriangles() throws IOException {
        Path lines = ModelFiles.write(dir.resolve("lines.obj"), "v 0 0 0\nv 1 0 0\nv 1 1 0\nl 1 2 3\n");
        assertThatThrownBy(() -> importer.load(lines, "y", 1))
                .isInstanceOf(AssetLoadException.class)
                .hasMessageContaining("lines.obj");
    }

    @Test
    void unknownUpAxisIsRefused() throws IOException {
        Path box = ModelFiles.objBox(dir, "box.obj", 1, 1, 1);
        assertThatThrownBy(() -> importer.load(box, "x", 1)).hasMessageContaining("up axis 'x'");
    }

    @Test
    void aFailedImportDoesNotSpoilTheNextOne() throws IOException {
        Path corrupt = ModelFiles.write(dir.resolve("broken.glb"), "glTF but not really");
        assertThatThrownBy(() -> importer.load(corrupt, "y", 1)).isInstanceOf(AssetLoadException.class);
        assertThat(importer.load(ModelFiles.objBox(dir, "box.obj", 1, 1, 1), "y", 1).parts()).hasSize(1);
    }

    private static Vector3f highestVertex(MeshPart part) {
        Vector3f highest = MeshAssertions.position(part, 0);
        for (int v = 1; v < part.vertexCount(); v++) {
            Vector3f p = MeshAssertions.position(part, v);
            if (p.y > highest.y) {
                highest = p;
            }
        }
        return highest;
    }

    @Test
    void aFileWithMoreTrianglesThanTheLimitIsRefusedNamingTheLimit() throws IOException {
        Path box = ModelFiles.objBox(dir, "box.obj", 1, 1, 1);
        assertThat(new MeshFileImporter(12).load(box, "y", 1).parts().get(0).triangleCount()).isEqualTo(12);
        assertThatThrownBy(() -> new MeshFileImporter(11).load(box, "y", 1))
                .isInstanceOf(AssetLoadException.class)
                .hasMessageContaining("box.obj: it has 12 triangles, more than 11 (a limit: set SYNTHSCENE_MAX_TRIANGLES");
    }
}
