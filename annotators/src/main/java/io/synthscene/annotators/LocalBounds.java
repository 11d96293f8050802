package io.synthscene.annotators;

import io.synthscene.scenes.frame.AssetRef;

/**
 * The axis-aligned bounds of an asset in its own frame, in metres before the object's scale:
 * {minX, minY, minZ, maxX, maxY, maxZ}. Implemented by the caller from the asset library (the
 * annotators do not load meshes); must be thread-safe and deterministic.
 */
@FunctionalInterface
public interface LocalBounds {
    float[] boundsOf(AssetRef asset);
}
