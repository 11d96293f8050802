package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A point or direction in world space, in metres. World space is right-handed with +Y up;
 * the ground is the plane y = 0. Written to JSON as {@code [x, y, z]}.
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
public record Vec3(double x, double y, double z) {
    public static final Vec3 ZERO = new Vec3(0, 0, 0);
}
