package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.CameraView;
import io.synthscene.scenes.frame.PlacedZone;
import io.synthscene.scenes.frame.Vec3;
import io.synthscene.scenes.layout.RoadRect;
import io.synthscene.scenes.layout.ZoneArea;
import io.synthscene.scenes.spec.PlacementSpec;
import io.synthscene.scenes.spec.RegionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Finds where one object goes: origins drawn in the group's region or on its layout zone, up to
 * {@link #MAX_TRIES} tries, each kept only when it is within the group's distance range of the
 * camera, conflicts with no footprint already placed, and (with {@code visible_from_camera}) shows
 * at least in part in the image. Every try draws the same number of values from the object's
 * {@code place} stream, accepted or not, so the result depends on (seed, frame, group, object) and
 * on what was placed before it, nothing else.
 *
 * <p>Draws per try: region: x, z. Zone: which rectangle (weighted by area), along, across, and
 * whether to face the other way (used only where the zone allows both ways).
 */
final class ObjectPlacer {
    /** Tries per object before it is dropped from the frame. */
    static final int MAX_TRIES = 100;

    /** An accepted place: the footprint there, the heading a zone adds to the object's yaw, and the zone. */
    record Place(Footprint footprint, double zoneYawDegrees, PlacedZone zone) {
    }

    private ObjectPlacer() {
    }

    /**
     * @param footprint the object's footprint at the origin, at its elevation above the zone's surface,
     *                  turned by the object's own yaw (a zone adds its heading)
     * @param areas     the group's zone rectangles; null for a group placed in its region
     * @param camera    the camera, or a rig's pose: distances are measured from it
     * @param viewers   the cameras that see the frame (the camera, or each camera of a rig):
     *                  {@code visible_from_camera} asks for a place that shows in at least one of them
     * @return the place, or null when every try failed
     */
    static Place find(Footprint footprint, RegionSpec region, List<ZoneArea> areas, PlacementSpec placement,
                      Camera camera, List<Camera> viewers, List<Footprint> occupied, SplittableRandom random) {
        List<ZoneArea> near = areas == null ? null : within(areas, camera, placement);
        double[] cumulative = near == null ? null : cumulativeAreas(near);
        for (int t = 0; t < MAX_TRIES; t++) {
            Place candidate = areas == null
                    ? new Place(footprint.at(region.xMin() + (region.xMax() - region.xMin()) * random.nextDouble(),
                            region.zMin() + (region.zMax() - region.zMin()) * random.nextDouble()), 0, null)
                    : onZone(footprint, near, cumulative, random);
            if (candidate != null && acceptable(candidate.footprint(), placement, camera, viewers, occupied)) {
                return candidate;
            }
        }
        return null;
    }

    private static Place onZone(Footprint footprint, List<ZoneArea> areas, double[] cumulative, SplittableRandom random) {
        double pick = random.nextDouble();
        double along = random.nextDouble() - 0.5;
        double across = random.nextDouble() - 0.5;
        boolean turn = random.nextDouble() < 0.5;
        if (areas.isEmpty()) {
            return null;
        }
        int i = 0;
        double total = cumulative[cumulative.length - 1];
        while (i + 1 < cumulative.length && cumulative[i] <= pick * total) {
            i++;
        }
        ZoneArea area = areas.get(i);
        RoadRect rect = area.rect();
        double[] xz = rect.point(along * rect.lengthMeters(), across * rect.widthMeters());
        double yaw = area.headingDegrees() + (area.eitherWay() && turn ? 180 : 0);
        // the footprint turns with the zone's heading: its rectangle lies along the lane
        Footprint raised = footprint.placed(xz[0], xz[1], area.elevationMeters(), yaw);
        return new Place(raised, yaw, new PlacedZone(area.zone().key(), area.arm(), area.lane()));
    }

    private static boolean acceptable(Footprint candidate, PlacementSpec placement, Camera camera, List<Camera> viewers,
                                      List<Footprint> occupied) {
        double distance = Math.hypot(candidate.x() - camera.position().x(), candidate.z() - camera.position().z());
        if (distance < placement.minDistanceMeters() || distance > placement.maxDistanceMeters()) {
            return false;
        }
        if (occupied.stream().anyMatch(candidate::conflictsWith)) {
            return false;
        }
        if (!placement.visibleFromCamera()) {
            return true;
        }
        double[] ground = candidate.groundBounds();
        Vec3 min = new Vec3(ground[0], candidate.bottom(), ground[2]);
        Vec3 max = new Vec3(ground[1], candidate.top(), ground[3]);
        return viewers.stream().anyMatch(viewer -> CameraView.partlyVisible(viewer, min, max));
    }

    /** The rectangles that reach into the distance range at all (by their centre and half diagonal). */
    private static List<ZoneArea> within(List<ZoneArea> areas, Camera camera, PlacementSpec placement) {
        List<ZoneArea> near = new ArrayList<>();
        for (ZoneArea area : areas) {
            RoadRect r = area.rect();
            double centre = Math.hypot(r.centerX() - camera.position().x(), r.centerZ() - camera.position().z());
            double reach = Math.hypot(r.widthMeters(), r.lengthMeters()) / 2;
            if (centre - reach <= placement.maxDistanceMeters() && centre + reach >= placement.minDistanceMeters()) {
                near.add(area);
            }
        }
        return near;
    }

    private static double[] cumulativeAreas(List<ZoneArea> areas) {
        double[] cumulative = new double[areas.size()];
        double sum = 0;
        for (int i = 0; i < areas.size(); i++) {
            // a zero-width band (a line of origins) still gets its share by length
            sum += Math.max(areas.get(i).rect().area(), 1e-3 * areas.get(i).rect().lengthMeters());
            cumulative[i] = sum;
        }
        return cumulative;
    }
}
