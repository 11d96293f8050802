package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How an occluder or a flying distractor was placed, as drawn, so that a frame can be audited:
 * written into the frame JSON as the object's {@code placement} (absent for objects placed in a
 * region). Created by the occluder and flying randomizers; plain immutable data.
 *
 * <p>Occluder ({@code kind = "occluder"}): {@code targetObject} is the index in
 * {@link Frame#objects()} of the object it stands in front of, {@code targetInstanceId} that
 * object's instance id (0 for scenery), {@code coverage} the share of the target's image width
 * (of its bounding box) asked to be covered, {@code distanceFraction} where along the camera to
 * target line (on the ground) its origin lies, {@code side} which edge of the target it covers
 * ({@code left} or {@code right} in the image).
 *
 * <p>Flying distractor ({@code kind = "flying"}): {@code imageX}, {@code imageY} the normalised
 * image position of its origin (0..1, from the top-left corner), {@code depthMeters} its distance
 * along the camera's viewing axis.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Placement(
        String kind,
        @JsonProperty("target_object") Integer targetObject,
        @JsonProperty("target_instance_id") Integer targetInstanceId,
        Double coverage,
        @JsonProperty("distance_fraction") Double distanceFraction,
        String side,
        @JsonProperty("image_x") Double imageX,
        @JsonProperty("image_y") Double imageY,
        @JsonProperty("depth_m") Double depthMeters) {

    public static final String OCCLUDER = "occluder";
    public static final String FLYING = "flying";

    public static Placement occluder(int targetObject, int targetInstanceId, double coverage, double distanceFraction,
                                     String side) {
        return new Placement(OCCLUDER, targetObject, targetInstanceId, coverage, distanceFraction, side, null, null, null);
    }

    public static Placement flying(double imageX, double imageY, double depthMeters) {
        return new Placement(FLYING, null, null, null, null, null, imageX, imageY, depthMeters);
    }
}
