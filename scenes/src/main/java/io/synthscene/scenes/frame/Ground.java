package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The ground: a square on the plane y = 0, centred on the world origin. It is scenery: its
 * pixels carry instance id 0 (background).
 */
public record Ground(@JsonProperty("size_m") double sizeMeters, Material material) {
}
