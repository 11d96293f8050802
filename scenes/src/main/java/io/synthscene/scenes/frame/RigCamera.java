package io.synthscene.scenes.frame;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One camera of a frame's rig, resolved: its name as the scene wrote it and its camera in the
 * world (pose already composed with the rig's pose, intrinsics drawn or inherited). Written in
 * {@code frames/NNNNNN.json} under {@code rig}; the camera's images are named
 * {@code NNNNNN_<name>.png}. Created by the camera randomizer; plain immutable data.
 */
public record RigCamera(String name, Camera camera) {
    /** Camera names are parts of file names: letters, digits, '-' and '_', starting with a letter or digit. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    public RigCamera {
        Objects.requireNonNull(camera, "camera");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("camera name '" + name + "' is not " + NAME.pattern());
        }
    }
}
