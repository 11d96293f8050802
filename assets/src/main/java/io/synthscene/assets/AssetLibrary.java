package io.synthscene.assets;

import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.spec.BuiltinAssets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's source of meshes: builds the mesh of every built-in asset kind (primitives,
 * vehicles, two-wheelers, people, street furniture, buildings, trees and bushes, animals: {@link BuiltinAssets#kinds()}) and
 * imports model files ({@code mesh}), keeping recently used meshes in a bounded cache keyed by
 * the {@link AssetRef} itself (equal refs build identical meshes).
 *
 * <p>Thread-safe: the cache is guarded by its own lock, and meshes are built outside it. Two
 * threads asking for the same new key may both build it; the meshes are equal (builders are
 * deterministic) and the first one stored wins. A cached mesh is handed to every caller, so
 * callers must not write into its arrays. Created by the CLI (or a test) and shared by
 * every renderer; holds no native resources, so there is nothing to close.
 */
public final class AssetLibrary implements MeshSource {
    /** Vehicles and pedestrians draw continuous parameters, so their keys rarely repeat; file meshes do. */
    public static final int DEFAULT_CACHE_ENTRIES = 256;

    private final Map<AssetRef, Mesh> cache;
    private final MeshFileImporter importer = new MeshFileImporter();
    private final VehicleBuilder vehicles = new VehicleBuilder();
    private final PedestrianBuilder pedestrians = new PedestrianBuilder();
    private final TwoWheelerBuilder twoWheelers = new TwoWheelerBuilder();
    private final RoadFurnitureBuilder furniture = new RoadFurnitureBuilder();
    private final BuildingBuilder buildings = new BuildingBuilder();
    private final VegetationBuilder vegetation = new VegetationBuilder();
    private final QuadrupedBuilder animals = new QuadrupedBuilder();

    public AssetLibrary() {
        this(DEFAULT_CACHE_ENTRIES);
    }

    /** @param cacheEntries how many meshes to keep; the least recently used goes first */
    public AssetLibrary(int cacheEntries) {
        if (cacheEntries < 1) {
            throw new IllegalArgumentException("cache size " + cacheEntries + " must be at least 1");
        }
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<AssetRef, Mesh> eldest) {
                return size() > cacheEntries;
            }
        };
    }

    /**
     * @throws IllegalArgumentException naming the kind for an unknown kind, a missing or
     *                                  out-of-range parameter, or a model file that cannot be read
     *                                  ({@link AssetLoadException})
     */
    @Override
    public Mesh meshFor(AssetRef asset) {
        synchronized (cache) {
            Mesh cached = cache.get(asset);
            if (cached != null) {
                return cached;
            }
        }
        Mesh built = build(asset);
        synchronized (cache) {
            Mesh raced = cache.putIfAbsent(asset, built);
            return raced != null ? raced : built;
        }
    }

    /** How many meshes the cache holds now (for tests and statistics). */
    public int cachedMeshCount() {
        synchronized (cache) {
            return cache.size();
        }
    }

    /** Every message names the kind: AssetRef.param, the params records and the importer all say it. */
    private Mesh build(AssetRef asset) {
        return switch (asset.kind()) {
            case "box" -> single("box", Primitives.box("body", positive(asset, "width_m"),
                    positive(asset, "height_m"), positive(asset, "length_m"), null));
            case "sphere" -> single("sphere", Primitives.sphere("body", positive(asset, "radius_m"), null));
            case "cylinder" -> single("cylinder", Primitives.cylinder("body",
                    positive(asset, "radius_m"), positive(asset, "height_m"), null));
            case "plane" -> single("plane", Primitives.plane("body", positive(asset, "width_m"), positive(asset, "length_m"), null));
            case "vehicle", "sedan", "hatchback", "suv", "van", "pickup", "truck", "bus" -> vehicles.build(VehicleParams.from(asset));
            case "pedestrian", "child" -> pedestrians.build(PedestrianParams.from(asset));
            case "bicycle", "motorcycle" -> twoWheelers.build(TwoWheelerParams.from(asset));
            case "traffic_cone", "barrier", "bollard", "pole", "street_lamp", "traffic_sign", "traffic_light", "bench", "bin" ->
                    furniture.build(asset);
            case "building" -> buildings.build(asset);
            case "tree", "bush" -> vegetation.build(asset);
            case "dog", "deer" -> animals.build(asset);
            case "mesh" -> importMesh(asset);
            default -> throw new IllegalArgumentException("unknown asset kind '" + asset.kind()
                    + "' (known: " + String.join(", ", BuiltinAssets.kinds()) + ")");
        };
    }

    private Mesh importMesh(AssetRef asset) {
        if (asset.file() == null) {
            throw new IllegalArgumentException("asset mesh has no file (AssetRef.file is null)");
        }
        List<Keypoint> keypoints = asset.keypoints().stream()
                .map(k -> new Keypoint(k.name(), (float) k.x(), (float) k.y(), (float) k.z())).toList();
        return importer.load(Path.of(asset.file()), asset.upAxis(), asset.param("size_m"), asset.materialSlots(), keypoints);
    }

    private static Mesh single(String name, MeshPart part) {
        return new Mesh(name, List.of(part));
    }

    /** A length parameter in metres, as a float (the mesh's precision). */
    private static float positive(AssetRef asset, String name) {
        double value = asset.param(name);
        if (!(value > 0)) {
            throw new IllegalArgumentException("asset " + asset.kind() + ": " + name + " = " + value + " must be positive");
        }
        return (float) value;
    }
}
