package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Sun shadows of a frame: whether the engine draws a shadow map from the sun, and its side in
 * texels. Shadows darken only the sun's light in the colour pass; ids and depth never change.
 */
public record Shadows(boolean enabled, @JsonProperty("map_size") int mapSize) {
    /** No shadows: what scenes without a {@code lighting.shadows} section get. */
    public static final Shadows OFF = new Shadows(false, 2048);

    public Shadows {
        if (mapSize < 1) {
            throw new IllegalArgumentException("shadow map size " + mapSize + " is not positive");
        }
    }
}
