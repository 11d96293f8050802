package io.synthscene.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.AssetRef;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Buildings, trees and bushes: window grids, the door, the two window styles, crowns and refusals. */
class SurroundingsTest {
    private static AssetRef building(double width, double depth, double storeys, double spacing, double style, double ledge) {
        return AssetRef.procedural("building", new TreeMap<>(Map.of("width_m", width, "depth_m", depth, "storeys", storeys,
                "storey_height_m", 3.0, "window_spacing_m", spacing, "window_style", style, "roof_ledge", ledge)));
    }

    private static MeshPart part(Mesh mesh, String slot) {
        return mesh.parts().stream().filter(p -> p.slot().equals(slot)).findFirst().orElseThrow();
    }

    /** min x, y, z, max x, y, z of a part's positions, as {@link Mesh#bounds}. */
    private static float[] bounds(MeshPart part) {
        return new Mesh("part", java.util.List.of(part)).bounds();
    }

    /** Axis-aligned boxes: 24 vertices each (flat normals, corners repeated per face). */
    private static int boxes(MeshPart part) {
        return part.vertexCount() / 24;
    }

    @Test
    void aBuildingHasAWindowPerBayAndStoreyAndOneDoorInsteadOfTheGroundFloorsMiddleWindow() {
        // 12 m front and back at 3 m spacing: 4 bays; 9 m sides: 3 bays; 3 storeys.
        Mesh mesh = new AssetLibrary(1).meshFor(building(12, 9, 3, 3, BuildingBuilder.INSET, 0));
        assertThat(boxes(part(mesh, "window"))).isEqualTo(3 * (4 + 4 + 3 + 3) - 1);
        assertThat(boxes(part(mesh, "door"))).isEqualTo(1);
        float[] door = bounds(part(mesh, "door"));
        float[] all = mesh.bounds();
        assertThat(door[5]).as("the door is on the front, +z").isGreaterThan(all[5] - 0.5f);
        assertThat(door[1]).as("the door stands on the ground").isEqualTo(0f);
    }

    @Test
    void insetWindowsSitBehindTheReliefAndProtrudingOnesStandProudOfTheWall() {
        Mesh inset = new AssetLibrary(1).meshFor(building(12, 9, 3, 3, BuildingBuilder.INSET, 0));
        float wallFront = 4.5f + BuildingBuilder.RELIEF;   // centred: the relief is the front-most facade
        assertThat(bounds(part(inset, "window"))[5]).isLessThan(bounds(part(inset, "facade"))[5] - 0.1f);
        assertThat(bounds(part(inset, "facade"))[5]).isCloseTo(wallFront, within(1e-4f));

        Mesh proud = new AssetLibrary(1).meshFor(building(12, 9, 3, 3, BuildingBuilder.PROTRUDING, 0));
        float[] wall = proud.bounds();
        // Without relief the roof slab (flush with where the relief would be) is the widest part;
        // the panes stand 4 cm in front of the 9 m deep wall.
        assertThat(bounds(part(proud, "window"))[5] - bounds(part(proud, "window"))[2]).isCloseTo(9.08f,
                within(1e-4f));
        assertThat(wall[5] - wall[2]).isCloseTo(9 + 2 * BuildingBuilder.RELIEF, within(1e-4f));
    }

    @Test
    void aLedgeWidensAndThickensTheRoof() {
        float[] flat = bounds(part(new AssetLibrary(1).meshFor(building(10, 10, 2, 3, 0, 0)), "roof"));
        float[] ledge = bounds(part(new AssetLibrary(1).meshFor(building(10, 10, 2, 3, 0, 1)), "roof"));
        assertThat(ledge[3] - ledge[0]).isGreaterThan(flat[3] - flat[0] + 0.6f);
        assertThat(ledge[4] - ledge[1]).isGreaterThan(flat[4] - flat[1] + 0.1f);
    }

    @Test
    void aBuildingRefusesFractionalStoreysAndTooNarrowBays() {
        assertThatThrownBy(() -> new AssetLibrary(1).meshFor(building(10, 10, 2.5, 3, 0, 0))).hasMessageContaining("storeys");
        assertThatThrownBy(() -> new AssetLibrary(1).meshFor(building(10, 10, 2, 0.5, 0, 0))).hasMessageContaining("window_spacing_m");
        assertThatThrownBy(() -> new AssetLibrary(1).meshFor(building(10, 10, 2, 3, 2, 0))).hasMessageContaining("window_style");
    }

    private static AssetRef tree(double conifer, double variant) {
        return AssetRef.procedural("tree", new TreeMap<>(Map.of("height_m", 8.0, "crown_radius_m", 2.0, "conifer", conifer,
                "crown_variant", variant)));
    }

    @Test
    void broadleafAndConiferCrownsDifferAndTheVariantChangesTheSilhouette() {
        Mesh broadleaf = new AssetLibrary(1).meshFor(tree(0, 0.1));
        Mesh conifer = new AssetLibrary(1).meshFor(tree(1, 0.1));
        Mesh other = new AssetLibrary(1).meshFor(tree(0, 0.9));
        // A conifer's crown starts low and is widest at the bottom; a broadleaf's sits on a bare trunk.
        assertThat(bounds(part(conifer, "foliage"))[1]).isLessThan(2f);
        assertThat(bounds(part(broadleaf, "foliage"))[1]).isGreaterThan(4f);
        assertThat(part(other, "foliage").vertexCount()).isGreaterThan(part(broadleaf, "foliage").vertexCount());
        assertThat(bounds(part(broadleaf, "trunk"))[4]).isLessThan(8f).isGreaterThan(5f);
    }

    @Test
    void aTreeRefusesACrownTooWideForItsHeightAndABushNarrowerThanItsHeight() {
        assertThatThrownBy(() -> new AssetLibrary(1).meshFor(AssetRef.procedural("tree", new TreeMap<>(Map.of("height_m", 4.0,
                "crown_radius_m", 2.5, "conifer", 0.0, "crown_variant", 0.5))))).hasMessageContaining("crown_radius_m");
        assertThatThrownBy(() -> new AssetLibrary(1).meshFor(AssetRef.procedural("bush", new TreeMap<>(Map.of("width_m", 0.5,
                "height_m", 1.0, "variant", 0.5))))).hasMessageContaining("width_m");
    }
}
