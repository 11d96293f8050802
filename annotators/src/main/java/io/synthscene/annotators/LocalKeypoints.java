package io.synthscene.annotators;

import io.synthscene.scenes.frame.AssetRef;
import java.util.List;

/**
 * The named keypoints an asset defines (a person's joints), in its own frame, metres before the
 * object's scale; empty when it defines none. Implemented by the caller from the asset library;
 * must be thread-safe and deterministic.
 */
@FunctionalInterface
public interface LocalKeypoints {

    /** One named point in the asset's local frame. */
    record Point(String name, double x, double y, double z) {
    }

    List<Point> keypointsOf(AssetRef asset);
}
