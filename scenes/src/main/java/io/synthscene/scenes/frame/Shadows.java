package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Sun shadows of a frame: whether the engine draws a shadow map from the sun, its side in texels,
 * and how far from the camera shadows reach (the map covers the view out to that distance, or the
 * camera's far plane if nearer: a shorter reach gives sharper shadows). Shadows darken only the
 * sun's light in the colour pass; ids and depth never change.
 */
public record Shadows(
        boolean enabled,
        @JsonProperty("map_size") int mapSize,
        @JsonProperty("max_distance_m") double maxDistanceMeters) {
    public static final int DEFAULT_MAP_SIZE = 2048;
    public static final double DEFAULT_MAX_DISTANCE_METERS = 150;
    /** No shadows: what scenes without a {@code lighting.shadows} section get. */
    public static final Shadows OFF = new Shadows(false, DEFAULT_MAP_SIZE, DEFAULT_MAX_DISTANCE_METERS);

    public Shadows {
        if (mapSize < 1) {
            throw new IllegalArgumentException("shadow map size " + mapSize + " is not positive");
        }
        if (!(maxDistanceMeters > 0)) {
            throw new IllegalArgumentException("shadow distance " + maxDistanceMeters + " m is not positive");
        }
    }

    /** Shadows on, with a map of {@code mapSize} texels and the default reach. */
    public static Shadows on(int mapSize) {
        return new Shadows(true, mapSize, DEFAULT_MAX_DISTANCE_METERS);
    }
}
