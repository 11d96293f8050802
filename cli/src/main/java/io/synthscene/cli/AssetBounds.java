package io.synthscene.cli;

import io.synthscene.annotators.LocalBounds;
import io.synthscene.assets.MeshSource;
import io.synthscene.scenes.frame.AssetRef;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Local bounds of assets for the 3-D box annotator, from the same meshes the engine draws,
 * remembered by asset key (a batch meets the same few assets again and again). Thread-safe.
 */
final class AssetBounds implements LocalBounds {
    /** Distinct assets remembered at most; procedural assets with random parameters are all distinct. */
    private static final int CAPACITY = 4096;

    private final MeshSource meshes;
    private final Map<String, float[]> byKey = new ConcurrentHashMap<>();

    AssetBounds(MeshSource meshes) {
        this.meshes = meshes;
    }

    @Override
    public float[] boundsOf(AssetRef asset) {
        float[] known = byKey.get(asset.key());
        if (known != null) {
            return known.clone();
        }
        float[] bounds = meshes.meshFor(asset).bounds();
        if (byKey.size() >= CAPACITY) {
            byKey.clear(); // rare; keeps memory flat over millions of frames
        }
        byKey.put(asset.key(), bounds);
        return bounds.clone();
    }
}
