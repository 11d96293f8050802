package io.synthscene.scenes.frame;

/**
 * A named point of a model file, declared in the asset catalog ({@code keypoints}), in the file's
 * own coordinates and units: after the file's node transforms, before the importer turns the model
 * upright, centres and scales it. The importer moves it with the vertices, so it stays on the
 * same spot of the model. Written to JSON as {@code {"name": ..., "x": ..., "y": ..., "z": ...}}.
 */
public record ModelKeypoint(String name, double x, double y, double z) {
}
