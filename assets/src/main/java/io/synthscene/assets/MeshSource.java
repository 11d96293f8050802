package io.synthscene.assets;

import io.synthscene.scenes.frame.AssetRef;

/**
 * Turns a resolved asset reference into its mesh. The engine asks for each object's mesh through
 * this interface (it caches uploads by {@link AssetRef}, equal refs sharing one), so it never knows how meshes are
 * made. Implementations must be thread-safe and deterministic: equal refs give equal meshes.
 */
@FunctionalInterface
public interface MeshSource {
    Mesh meshFor(AssetRef asset);
}
