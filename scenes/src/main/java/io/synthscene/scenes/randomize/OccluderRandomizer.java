package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Placement;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Vec3;
import io.synthscene.scenes.spec.OccludeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.joml.Matrix4d;
import org.joml.Vector3d;

/**
 * Places an occluder between the camera and one object of its target groups.
 *
 * <p>Draws, from the object's {@code occlude} stream, in this order: the target (uniformly among
 * the objects of the target groups already in the frame and wholly in front of the camera), the
 * coverage c, the distance fraction t and the side (left or right, equally likely). The
 * occluder's origin stands on the ground line from the camera to the target (both taken at
 * ground level, x and z only), at t of the way, then slides along the horizontal perpendicular
 * to that line until the image of its bounding box (see
 * {@link ObjectBounds}) reaches c of the way across the image of the target's bounding box, from
 * the drawn side: with side {@code left} the occluder's right image edge sits at
 * {@code u0 + c (u1 - u0)}, [u0, u1] being the target's image columns. The slide is found by
 * bisection (the image edge moves monotonically with it).
 *
 * <p>So c is the covered share of the target's image <em>width</em>. It is the share of its pixels
 * (visibility 1 - c) when both are box-like and the occluder's image spans the target's rows and is
 * at least c of its width; a lower or narrower occluder covers less. What is covered in fact is
 * measured by the occlusion annotator, not assumed.
 *
 * <p>Its yaw turns its front (+Z) towards the camera, plus the group's {@code yaw_deg}. It claims
 * no footprint and is checked against none, so adding occluders never moves another object.
 */
final class OccluderRandomizer {
    /** Halvings of the slide interval: 2^-60 of it, far below a pixel. */
    private static final int BISECTION_STEPS = 60;

    private OccluderRandomizer() {
    }

    /**
     * {@code unplaced} with its pose and placement set, or null when no target is wholly in front of
     * the camera, the occluder would not be, or no slide reaches the asked coverage.
     */
    static SceneObject place(SceneObject unplaced, OccludeSpec spec, Camera camera, List<SceneObject> objects,
                             SplittableRandom random) {
        Matrix4d view = camera.viewMatrix();
        // only targets wholly in front of the camera can be hidden; one behind it would fail the frame's only try
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            if (spec.targets().contains(objects.get(i).group()) && columns(ObjectBounds.corners(objects.get(i)), view, camera) != null) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        int targetIndex = candidates.get(random.nextInt(candidates.size()));
        double coverage = spec.coverage().sample(random);
        double fraction = spec.distanceFraction().sample(random);
        boolean left = random.nextBoolean();
        SceneObject target = objects.get(targetIndex);
        double[] targetColumns = columns(ObjectBounds.corners(target), view, camera);
        double width = targetColumns[1] - targetColumns[0];
        double goal = left ? targetColumns[0] + coverage * width : targetColumns[1] - coverage * width;

        double dx = target.position().x() - camera.position().x();
        double dz = target.position().z() - camera.position().z();
        double distance = Math.hypot(dx, dz);
        if (distance < 1e-9) {
            return null;
        }
        double ux = dx / distance;
        double uz = dz / distance;
        // image right, seen from the camera looking along (ux, uz): (-uz, ux)
        double rightX = -uz;
        double rightZ = ux;
        double yaw = Math.toDegrees(Math.atan2(-ux, -uz)) + unplaced.yawDegrees();
        double baseX = camera.position().x() + fraction * dx;
        double baseZ = camera.position().z() + fraction * dz;
        ObjectBounds bounds = ObjectBounds.of(unplaced.asset());

        // slide s in metres to the right; +-(t d) is 45 degrees off the line at the occluder's distance
        double low = -fraction * distance;
        double high = fraction * distance;
        double[] atLow = columns(bounds.corners(model(unplaced, baseX + low * rightX, baseZ + low * rightZ, yaw)), view, camera);
        double[] atHigh = columns(bounds.corners(model(unplaced, baseX + high * rightX, baseZ + high * rightZ, yaw)), view, camera);
        int edge = left ? 1 : 0;
        if (atLow == null || atHigh == null || atLow[edge] > goal || atHigh[edge] < goal) {
            return null;
        }
        for (int step = 0; step < BISECTION_STEPS; step++) {
            double mid = (low + high) / 2;
            double[] at = columns(bounds.corners(model(unplaced, baseX + mid * rightX, baseZ + mid * rightZ, yaw)), view, camera);
            if (at == null) {
                return null;
            }
            if (at[edge] < goal) {
                low = mid;
            } else {
                high = mid;
            }
        }
        double slide = (low + high) / 2;
        return new SceneObject(unplaced.instanceId(), unplaced.categoryId(), unplaced.category(), unplaced.group(),
                unplaced.asset(), new Vec3(baseX + slide * rightX, unplaced.position().y(), baseZ + slide * rightZ),
                yaw, unplaced.pitchDegrees(), unplaced.rollDegrees(), unplaced.scale(), unplaced.material(),
                unplaced.slotColors(), null, unplaced.emissiveSlots(),
                Placement.occluder(targetIndex, target.instanceId(), coverage, fraction, left ? "left" : "right"));
    }

    private static Matrix4d model(SceneObject unplaced, double x, double z, double yawDegrees) {
        return new Matrix4d()
                .translation(x, unplaced.position().y(), z)
                .rotateY(Math.toRadians(yawDegrees))
                .rotateX(Math.toRadians(unplaced.pitchDegrees()))
                .rotateZ(Math.toRadians(unplaced.rollDegrees()))
                .scale(unplaced.scale());
    }

    /**
     * [min, max] image column (pixels from the image centre, +right) of the points, or null when
     * one of them is not in front of the near plane (its projection would be meaningless).
     */
    static double[] columns(Vector3d[] worldPoints, Matrix4d view, Camera camera) {
        double f = camera.focalLengthPixels();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Vector3d p : worldPoints) {
            Vector3d c = view.transformPosition(new Vector3d(p));
            if (-c.z <= camera.nearMeters()) {
                return null;
            }
            double u = f * c.x / -c.z;
            min = Math.min(min, u);
            max = Math.max(max, u);
        }
        return new double[] {min, max};
    }
}
