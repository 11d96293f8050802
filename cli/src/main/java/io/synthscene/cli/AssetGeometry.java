package io.synthscene.cli;

import io.synthscene.annotators.LocalBounds;
import io.synthscene.annotators.LocalKeypoints;
import io.synthscene.assets.Keypoint;
import io.synthscene.assets.Mesh;
import io.synthscene.assets.MeshSource;
import io.synthscene.scenes.frame.AssetRef;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the 3-D box and keypoint annotators need of each asset — its local bounds and its named
 * keypoints — from the same meshes the engine draws, remembered by asset key (a batch meets the
 * same few assets again and again). Thread-safe.
 */
final class AssetGeometry implements LocalBounds, LocalKeypoints {
    /** Distinct assets remembered at most; procedural assets with random parameters are all distinct. */
    private static final int CAPACITY = 4096;

    record Geometry(float[] bounds, List<Point> keypoints) {
    }

    private final MeshSource meshes;
    private final Map<AssetRef, Geometry> byKey = new ConcurrentHashMap<>();

    AssetGeometry(MeshSource meshes) {
        this.meshes = meshes;
    }

    @Override
    public float[] boundsOf(AssetRef asset) {
        return geometry(asset).bounds().clone();
    }

    @Override
    public List<Point> keypointsOf(AssetRef asset) {
        return geometry(asset).keypoints();
    }

    private Geometry geometry(AssetRef asset) {
        Geometry known = byKey.get(asset);
        if (known != null) {
            return known;
        }
        return remember(asset, meshes.meshFor(asset));
    }

    /**
     * Remembers the geometry of {@code mesh}, the mesh of {@code asset}: the render pipeline's
     * prefetcher hands over each mesh it builds, so that the writers need not build it again
     * when the mesh library has already let it go.
     */
    Geometry remember(AssetRef asset, Mesh mesh) {
        List<Point> points = mesh.keypoints().stream()
                .map((Keypoint k) -> new Point(k.name(), k.x(), k.y(), k.z())).toList();
        Geometry geometry = new Geometry(mesh.bounds(), points);
        if (byKey.size() >= CAPACITY) {
            byKey.clear(); // rare; keeps memory flat over millions of frames
        }
        byKey.put(asset, geometry);
        return geometry;
    }
}
