package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Placement;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Vec3;
import io.synthscene.scenes.spec.FlyingSpec;
import java.util.SplittableRandom;
import org.joml.Quaterniond;
import org.joml.Vector3d;

/**
 * Places a flying distractor: an object at a random point of the camera's view, above the ground,
 * in a uniformly random orientation.
 *
 * <p>Draws, from the object's {@code fly} stream, in this order: the orientation (three uniforms,
 * Shoemake's uniform random rotation, written as yaw, pitch and roll), then up to
 * {@link ObjectPlacer#MAX_TRIES} tries of (image x, image y, depth): the origin is the point at
 * that depth along the camera's viewing axis that projects to the image point (x, y uniform in
 * [0, 1), from the top-left corner), so it lies in the view frustum. A try is kept when the depth is
 * between the near and far planes and the origin is high enough that no part of the object can
 * reach the ground (y at least the scaled reach of its bounding box, {@link ObjectBounds#reach()});
 * when no try is kept, the object is dropped. It claims no footprint and is checked against none.
 */
final class FlyingRandomizer {
    private FlyingRandomizer() {
    }

    static SceneObject place(SceneObject unplaced, FlyingSpec spec, Camera camera, SplittableRandom random) {
        double[] yawPitchRoll = uniformOrientation(random);
        double reach = ObjectBounds.of(unplaced.asset()).reach() * unplaced.scale();
        double f = camera.focalLengthPixels();
        for (int t = 0; t < ObjectPlacer.MAX_TRIES; t++) {
            double imageX = random.nextDouble();
            double imageY = random.nextDouble();
            double depth = spec.depthMeters().sample(random);
            if (!(depth > camera.nearMeters() && depth < camera.farMeters())) {
                continue;
            }
            // OpenGL camera coordinates: x right, y up, looking along -z; pixel rows grow downwards
            Vector3d local = new Vector3d(
                    (imageX * camera.width() - camera.principalPointXPixels()) / f * depth,
                    -(imageY * camera.height() - camera.principalPointYPixels()) / f * depth,
                    -depth);
            Vector3d world = camera.glCameraToWorld().transformPosition(local);
            if (world.y < reach) {
                continue;
            }
            return new SceneObject(unplaced.instanceId(), unplaced.categoryId(), unplaced.category(), unplaced.group(),
                    unplaced.asset(), new Vec3(world.x, world.y, world.z), yawPitchRoll[0], yawPitchRoll[1], yawPitchRoll[2],
                    unplaced.scale(), unplaced.material(), unplaced.slotColors(), null, unplaced.emissiveSlots(),
                    Placement.flying(imageX, imageY, depth));
        }
        return null;
    }

    /**
     * Yaw, pitch and roll in degrees (the object's rotation is yaw about Y, then pitch about X, then
     * roll about Z) of a rotation uniform over all rotations (Shoemake, Graphics Gems III).
     */
    static double[] uniformOrientation(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        double u3 = random.nextDouble();
        double a = StrictMath.sqrt(1 - u1);
        double b = StrictMath.sqrt(u1);
        Quaterniond q = new Quaterniond(a * StrictMath.sin(2 * Math.PI * u2), a * StrictMath.cos(2 * Math.PI * u2),
                b * StrictMath.sin(2 * Math.PI * u3), b * StrictMath.cos(2 * Math.PI * u3));
        Vector3d euler = q.getEulerAnglesYXZ(new Vector3d());
        return new double[] {Math.toDegrees(euler.y), Math.toDegrees(euler.x), Math.toDegrees(euler.z)};
    }
}
