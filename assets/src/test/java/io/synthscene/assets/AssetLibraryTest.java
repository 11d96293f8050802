package io.synthscene.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.AssetRef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetLibraryTest {
    private static final float EPS = 1e-3f;

    @TempDir
    Path dir;

    static final AssetRef BOX = AssetRef.procedural("box", Map.of("width_m", 2.0, "height_m", 1.0, "length_m", 3.0));
    static final AssetRef SPHERE = AssetRef.procedural("sphere", Map.of("radius_m", 0.5));
    static final AssetRef CYLINDER = AssetRef.procedural("cylinder", Map.of("radius_m", 0.3, "height_m", 2.0));
    static final AssetRef PLANE = AssetRef.procedural("plane", Map.of("width_m", 10.0, "length_m", 20.0));
    static final AssetRef VEHICLE = AssetRef.procedural("vehicle", Map.of(
            "length_m", 4.5, "width_m", 1.8, "height_m", 1.5, "cabin_length_ratio", 0.5,
            "cabin_offset_ratio", -0.05, "cabin_height_ratio", 0.4, "wheel_radius_m", 0.33));
    static final AssetRef PEDESTRIAN = AssetRef.procedural("pedestrian", Map.of(
            "height_m", 1.75, "shoulder_width_ratio", 0.25, "leg_length_ratio", 0.47, "head_radius_ratio", 0.065,
            "arm_swing_deg", 12.0, "leg_stride_deg", -18.0, "skin_tone", 0.6, "trousers_shade", 0.3));

    @Test
    void everyBuiltInKindBuildsWellFormedMeshesOfTheRequestedSize() throws IOException {
        AssetLibrary library = new AssetLibrary();
        AssetRef model = new AssetRef("mesh", Map.of("size_m", 2.0), ModelFiles.objBox(dir, "crate.obj", 1, 1, 2).toString(), "y");
        Map<AssetRef, float[]> expectedBounds = Map.of(
                BOX, new float[] {-1, 0, -1.5f, 1, 1, 1.5f},
                SPHERE, new float[] {-0.5f, 0, -0.5f, 0.5f, 1, 0.5f},
                CYLINDER, new float[] {-0.3f, 0, -0.3f, 0.3f, 2, 0.3f},
                PLANE, new float[] {-5, 0, -10, 5, 0, 10},
                VEHICLE, new float[] {-0.9f, 0, -2.25f, 0.9f, 1.5f, 2.25f},
                model, new float[] {-0.5f, 0, -1, 0.5f, 1, 1});
        expectedBounds.forEach((asset, bounds) -> {
            Mesh mesh = library.meshFor(asset);
            MeshAssertions.assertWellFormed(mesh);
            assertThat(mesh.bounds()).as(asset.kind()).containsExactly(bounds, within(EPS));
        });
        Mesh walker = library.meshFor(PEDESTRIAN);
        MeshAssertions.assertWellFormed(walker);
        // Legs swung by 18 degrees lower the hips: the figure is a little shorter than standing.
        assertThat(walker.bounds()[4] - walker.bounds()[1]).isLessThanOrEqualTo(1.75f + EPS).isGreaterThan(0.95f * 1.75f);
        assertThat(library.meshFor(BOX).parts()).singleElement().satisfies(part -> {
            assertThat(part.slot()).isEqualTo("body");
            assertThat(part.fixedMaterial()).isNull();
        });
    }

    @Test
    void equalKeysGiveTheCachedMesh() {
        AssetLibrary library = new AssetLibrary();
        Mesh first = library.meshFor(VEHICLE);
        AssetRef sameParameters = AssetRef.procedural("vehicle", new java.util.TreeMap<>(VEHICLE.params()));
        assertThat(library.meshFor(sameParameters)).isSameAs(first);
        assertThat(library.cachedMeshCount()).isEqualTo(1);
    }

    @Test
    void refsDifferingInOneParameterGetTheirOwnMeshes() {
        AssetLibrary library = new AssetLibrary();
        Mesh first = library.meshFor(VEHICLE);
        java.util.Map<String, Double> longer = new java.util.TreeMap<>(VEHICLE.params());
        longer.put("length_m", Math.nextUp(4.5)); // one ulp: still another vehicle
        Mesh second = library.meshFor(AssetRef.procedural("vehicle", longer));
        assertThat(second).isNotSameAs(first);
        assertThat(second.bounds()[3] - second.bounds()[0]).isGreaterThanOrEqualTo(first.bounds()[3] - first.bounds()[0]);
        assertThat(library.cachedMeshCount()).isEqualTo(2);
    }

    @Test
    void cacheDropsTheLeastRecentlyUsedMeshWhenFull() {
        AssetLibrary library = new AssetLibrary(2);
        Mesh box = library.meshFor(BOX);
        Mesh sphere = library.meshFor(SPHERE);
        library.meshFor(BOX); // the sphere is now the least recently used
        library.meshFor(CYLINDER);
        assertThat(library.cachedMeshCount()).isEqualTo(2);
        assertThat(library.meshFor(BOX)).isSameAs(box);
        assertThat(library.meshFor(SPHERE)).as("rebuilt after eviction").isNotSameAs(sphere);
    }

    @Test
    void concurrentRequestsForTheSameKeysAllGetEqualMeshes() throws Exception {
        AssetLibrary library = new AssetLibrary();
        List<AssetRef> assets = List.of(BOX, SPHERE, VEHICLE, PEDESTRIAN);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Mesh>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                AssetRef asset = assets.get(i % assets.size());
                results.add(pool.submit(() -> library.meshFor(asset)));
            }
            for (int i = 0; i < results.size(); i++) {
                Mesh mesh = results.get(i).get();
                assertThat(mesh.bounds()).isEqualTo(library.meshFor(assets.get(i % assets.size())).bounds());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(library.cachedMeshCount()).isEqualTo(assets.size());
    }

    @Test
    void unknownKindIsNamedInTheError() {
        assertThatThrownBy(() -> new AssetLibrary().meshFor(AssetRef.procedural("teapot", Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("teapot");
    }

    @Test
    void missingParameterNamesTheKindAndTheParameter() {
        assertThatThrownBy(() -> new AssetLibrary().meshFor(AssetRef.procedural("sphere", Map.of("radius", 1.0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sphere").hasMessageContaining("radius_m");
        assertThatThrownBy(() -> new AssetLibrary().meshFor(AssetRef.procedural("pedestrian", Map.of("height_m", 1.7))))
                .hasMessageContaining("pedestrian").hasMessageContaining("shoulder_width_ratio");
    }

    @Test
    void nonPositiveSizeIsRefusedRatherThanBuiltInsideOut() {
        assertThatThrownBy(() -> new AssetLibrary().meshFor(AssetRef.procedural("box", Map.of("width_m", 1.0, "height_m", -1.0, "length_m", 1.0))))
                .hasMessageContaining("box").hasMessageContaining("height_m");
    }

    @Test
    void meshKindNeedsAReadableFile() {
        AssetLibrary library = new AssetLibrary();
        assertThatThrownBy(() -> library.meshFor(new AssetRef("mesh", Map.of("size_m", 1.0), null, "y")))
                .hasMessageContaining("mesh").hasMessageContaining("no file");
        String missing = dir.resolve("gone.obj").toString();
        assertThatThrownBy(() -> library.meshFor(new AssetRef("mesh", Map.of("size_m", 1.0), missing, "y")))
                .isInstanceOf(AssetLoadException.class)
                .hasMessageContaining("gone.obj");
    }
}
