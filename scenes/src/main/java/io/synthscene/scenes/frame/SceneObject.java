package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.joml.Matrix4d;

/**
 * One placed object of a frame, fully resolved.
 *
 * <p>{@code instanceId} is the value this object writes into the instance-id pass: 1..n for
 * labelled objects, numbered in the order they appear in the frame, and 0 for scenery (objects
 * of a group without a category), which then reads as background. {@code categoryId} is 0 and
 * {@code category} null for scenery.
 *
 * <p>Pose: the asset's local frame has +Y up and its front facing +Z, with its origin at the
 * centre of its footprint on the ground. The object is scaled uniformly by {@code scale}, turned
 * by yaw about +Y, then pitch about its x axis, then roll about its z axis (degrees), then moved
 * to {@code position}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SceneObject(
        @JsonProperty("instance_id") int instanceId,
        @JsonProperty("category_id") int categoryId,
        String category,
        String group,
        AssetRef asset,
        Vec3 position,
        @JsonProperty("yaw_deg") double yawDegrees,
        @JsonProperty("pitch_deg") double pitchDegrees,
        @JsonProperty("roll_deg") double rollDegrees,
        double scale,
        Material material) {

    public boolean isLabelled() {
        return instanceId > 0;
    }

    /** Model matrix: object-local coordinates to world coordinates. */
    public Matrix4d modelMatrix() {
        return new Matrix4d()
                .translation(position.x(), position.y(), position.z())
                .rotateY(Math.toRadians(yawDegrees))
                .rotateX(Math.toRadians(pitchDegrees))
                .rotateZ(Math.toRadians(rollDegrees))
                .scale(scale);
    }
}
