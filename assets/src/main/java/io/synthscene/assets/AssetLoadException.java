package io.synthscene.assets;

import java.nio.file.Path;

/**
 * A model file could not be turned into a mesh: missing, unreadable, corrupt, or holding no
 * triangles. The message names the file and, where Assimp failed, carries Assimp's own error.
 * It is an {@link IllegalArgumentException} because the cause is the input (the scene named a bad
 * file), which the CLI reports as bad input (exit code 2).
 */
public class AssetLoadException extends IllegalArgumentException {
    public AssetLoadException(Path file, String reason) {
        super("cannot load model file " + file + ": " + reason);
    }
}
