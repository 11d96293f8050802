package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ScalarSampler;

/**
 * One camera of {@code camera.rig} as written. The offset is fixed (a rig is rigid) and relative
 * to the rig's pose, the pose the {@code camera} section draws: {@code x, y, z} in metres along
 * the rig's own axes (x right, y up, z backwards: the rig looks along -z, as a camera does), then
 * {@code yaw, pitch, roll} in degrees with the camera's conventions (yaw positive turns left,
 * pitch positive looks up, roll positive turns the image counter-clockwise). At most one of
 * {@code hfovDegrees} and {@code focalLengthPixels} is non-null; with neither, the camera takes the
 * rig's drawn field of view.
 */
public record RigCameraSpec(String name, double xMeters, double yMeters, double zMeters, double yawDegrees,
                            double pitchDegrees, double rollDegrees, ScalarSampler hfovDegrees,
                            ScalarSampler focalLengthPixels) {
}
