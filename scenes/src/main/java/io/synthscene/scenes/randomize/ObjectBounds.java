package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.frame.SceneObject;
import org.joml.Matrix4d;
import org.joml.Vector3d;

/**
 * A box around an asset in its own frame (metres, before scaling; +Y up, origin at the centre of
 * the footprint on the ground): x in [-halfX, halfX], y in [0, height], z in [-halfZ, halfZ].
 * The footprint's rectangle and height ({@link Footprint#extent}), made symmetric about the origin
 * along z: exact for the kinds whose meshes span their {@code width_m} x {@code height_m} x
 * {@code length_m} (box, the cars, truck, bus), for the others it may be wider than the mesh.
 */
record ObjectBounds(double halfX, double height, double halfZ) {

    static ObjectBounds of(AssetRef asset) {
        Footprint.Extent e = Footprint.extent(asset);
        return new ObjectBounds(e.halfX(), e.height(), Math.abs(e.offsetZ()) + e.halfZ());
    }

    /** The eight corners, moved by {@code model} into the world. */
    Vector3d[] corners(Matrix4d model) {
        Vector3d[] corners = new Vector3d[8];
        for (int i = 0; i < 8; i++) {
            corners[i] = model.transformPosition(new Vector3d(
                    (i & 1) == 0 ? -halfX : halfX, (i & 2) == 0 ? 0 : height, (i & 4) == 0 ? -halfZ : halfZ));
        }
        return corners;
    }

    static Vector3d[] corners(SceneObject object) {
        return of(object.asset()).corners(object.modelMatrix());
    }

    /**
     * The farthest any point of the asset can be from its origin, before scaling, in any
     * orientation: the corner of the box above.
     */
    double reach() {
        return Math.sqrt(halfX * halfX + height * height + halfZ * halfZ);
    }
}
