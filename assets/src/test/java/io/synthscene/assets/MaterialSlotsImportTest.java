package io.synthscene.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model file's materials become named slots; a catalog's material_slots regroup them; keypoints move with the model. */
class MaterialSlotsImportTest {
    @TempDir
    Path dir;

    private final MeshFileImporter importer = new MeshFileImporter();

    /**
     * Two unit squares side by side in the file's x-y plane (x 0..1 and 1..2, z = 0), the first
     * in material {@code Wall-out} (red), the second in {@code Glass.001} (blue), and a third
     * square (x 2..3) in {@code Trim}.
     */
    private Path threeMaterialObj() throws IOException {
        Files.writeString(dir.resolve("three.mtl"), """
                newmtl Wall-out
                Kd 1 0 0
                newmtl Glass.001
                Kd 0 0 1
                newmtl Trim
                Kd 0 1 0
                """);
        return Files.writeString(dir.resolve("three.obj"), """
                mtllib three.mtl
                v 0 0 0
                v 1 0 0
                v 1 1 0
                v 0 1 0
                v 2 0 0
                v 2 1 0
                v 3 0 0
                v 3 1 0
                usemtl Wall-out
                f 1 2 3 4
                usemtl Glass.001
                f 2 5 6 3
                usemtl Trim
                f 5 7 8 6
                """);
    }

    /** Slot name to the summed x of its parts' vertices (which square went where). */
    private static Map<String, Integer> vertexCountBySlot(Mesh mesh) {
        return mesh.parts().stream().collect(Collectors.groupingBy(MeshPart::slot, TreeMap::new,
                Collectors.summingInt(MeshPart::vertexCount)));
    }

    @Test
    void eachMaterialIsASlotNamedAfterIt() throws IOException {
        Mesh mesh = importer.load(threeMaterialObj(), "y", 3);
        assertThat(vertexCountBySlot(mesh)).containsOnlyKeys("Wall_out", "Glass_001", "Trim");
        assertThat(mesh.part("Wall_out").fixedMaterial().color().r()).isCloseTo(1, within(1e-6));
        assertThat(mesh.part("Glass_001").fixedMaterial().color().b()).isCloseTo(1, within(1e-6));
    }

    @Test
    void materialSlotsGatherMaterialsAndTheRestKeepTheirOwnNames() throws IOException {
        Mesh mesh = importer.load(threeMaterialObj(), "y", 3,
                Map.of("paint", List.of("Wall-out", "Trim")), List.of());
        assertThat(vertexCountBySlot(mesh)).containsOnlyKeys("paint", "Glass_001");
        assertThat(vertexCountBySlot(mesh).get("paint")).isEqualTo(8);
        // each material keeps its own look inside the slot
        assertThat(mesh.parts().stream().filter(p -> p.slot().equals("paint")).map(p -> p.fixedMaterial().color()).distinct())
                .hasSize(2);
    }

    @Test
    void aMaterialNameTheFileLacksRefusesTheModelNamingIt() throws IOException {
        Path file = threeMaterialObj();
        assertThatThrownBy(() -> importer.load(file, "y", 3, Map.of("paint", List.of("Wall-out", "CarPaint")), List.of()))
                .isInstanceOfSatisfying(UnknownMaterialsException.class, e -> {
                    assertThat(e.unknown()).containsExactly("CarPaint");
                    assertThat(e.fileMaterials()).containsExactly("Wall-out", "Glass.001", "Trim");
                    assertThat(e.getMessage()).contains("three.obj").contains("no material 'CarPaint'")
                            .contains("'Wall-out', 'Glass.001', 'Trim'");
                });
    }

    @Test
    void aFileWithoutMaterialsHasOnlyTheBodySlot() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.obj"), "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n");
        assertThat(vertexCountBySlot(importer.load(file, "y", 1))).containsOnlyKeys("body");
        assertThatThrownBy(() -> importer.load(file, "y", 1, Map.of("paint", List.of("DefaultMaterial")), List.of()))
                .isInstanceOf(UnknownMaterialsException.class).hasMessageContaining("its materials: none");
    }

    @Test
    void slotNamesKeepLettersDigitsAndUnderscores() {
        assertThat(MaterialSlotNames.slotName("Wall-out", 0)).isEqualTo("Wall_out");
        assertThat(MaterialSlotNames.slotName("Material.001 (copy)", 0)).isEqualTo("Material_001_copy_");
        assertThat(MaterialSlotNames.slotName("Terraind\u00e6k", 0)).isEqualTo("Terraind_k");
        assertThat(MaterialSlotNames.slotName("", 7)).isEqualTo("material_7");
    }

    @Test
    void keypointsInTheFilesCoordinatesMoveWithTheVertices() throws IOException {
        // the squares span x 0..3, y 0..1, z 0 in the file; z up turns file y into -z, then the
        // footprint is centred and the longest side (3) scaled to 6 m: factor 2
        Path file = threeMaterialObj();
        Mesh mesh = importer.load(file, "z", 6, Map.of(), List.of(new Keypoint("corner", 3, 1, 0),
                new Keypoint("above", 1.5f, 0.5f, 2)));
        assertThat(mesh.keypoints()).extracting(Keypoint::name).containsExactly("corner", "above");
        Keypoint corner = mesh.keypoints().get(0);
        // file (3, 1, 0) -> upright (3, 0, -1) -> centred on x 1.5, z -0.5, y from 0 -> (1.5, 0, -0.5) -> x2
        assertThat(new float[] {corner.x(), corner.y(), corner.z()}).containsExactly(new float[] {3, 0, -1}, within(1e-5f));
        Keypoint above = mesh.keypoints().get(1);
        // file (1.5, 0.5, 2) -> upright (1.5, 2, -0.5) -> (0, 2, 0) -> x2
        assertThat(new float[] {above.x(), above.y(), above.z()}).containsExactly(new float[] {0, 4, 0}, within(1e-5f));
        // keypoints do not count in the bounds
        float[] b = mesh.bounds();
        assertThat(b[4] - b[1]).isCloseTo(0, within(1e-5f));
    }

    @Test
    void theExampleCatalogsSignBoardHasItsFaceSlotAndKeypointsOnThePanel() {
        Path file = Path.of("../scenes/examples/assets/models/sign_board.obj");
        Mesh mesh = importer.load(file, "y", 1.2, Map.of("face", List.of("Panel_Face")),
                List.of(new Keypoint("top_left", -0.4f, 1.2f, 0.02f), new Keypoint("top_right", 0.4f, 1.2f, 0.02f)));
        assertThat(vertexCountBySlot(mesh)).containsOnlyKeys("face", "Post_Metal");
        float[] panel = new Mesh("panel", List.of(mesh.part("face"))).bounds();
        // 1.2 m high in the file and size_m 1.2: the file's coordinates are the asset's
        assertThat(mesh.keypoints().get(0).x()).isCloseTo(panel[0], within(1e-5f));
        assertThat(mesh.keypoints().get(1).x()).isCloseTo(panel[3], within(1e-5f));
        assertThat(mesh.keypoints().get(0).y()).isCloseTo(panel[4], within(1e-5f));
        assertThat(mesh.keypoints().get(0).z()).isCloseTo(panel[5], within(1e-5f));
    }
}
