package io.synthscene.scenes.spec;

/**
 * How a group's objects are placed beyond its region: on a zone of the road layout, within a
 * distance range of the camera, and whether each must be at least partly in view.
 *
 * @param zone              null when the group draws origins in its {@code region}
 * @param minDistanceMeters horizontal distance from the camera to an object's origin, lower bound
 * @param maxDistanceMeters upper bound; infinite when the group sets none
 */
public record PlacementSpec(ZoneSpec zone, double minDistanceMeters, double maxDistanceMeters, boolean visibleFromCamera) {
    /** A region only: no zone, any distance, visible or not. */
    public static final PlacementSpec REGION_ONLY = new PlacementSpec(null, 0, Double.POSITIVE_INFINITY, false);
}
