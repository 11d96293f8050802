package io.synthscene.scenes.frame;

import org.joml.Vector3d;

/**
 * Whether an axis-aligned box in the world shows, at least in part, in a camera's image: the
 * pinhole projection of its corners that lie in front of the near plane, as a rectangle, overlaps
 * the image. Used to place objects where the camera sees them; conservative only in that a box
 * seen through a gap between corners behind the camera counts as unseen. Stateless.
 */
public final class CameraView {
    private CameraView() {
    }

    /** @param min the box's lowest corner (x, y, z), world metres; {@code max} its highest */
    public static boolean partlyVisible(Camera camera, Vec3 min, Vec3 max) {
        var view = camera.viewMatrix();
        double f = camera.focalLengthPixels();
        double u0 = Double.POSITIVE_INFINITY;
        double u1 = Double.NEGATIVE_INFINITY;
        double v0 = Double.POSITIVE_INFINITY;
        double v1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 8; i++) {
            Vector3d p = new Vector3d((i & 1) == 0 ? min.x() : max.x(), (i & 2) == 0 ? min.y() : max.y(),
                    (i & 4) == 0 ? min.z() : max.z());
            view.transformPosition(p);
            double depth = -p.z;   // the OpenGL camera looks along its -Z
            if (depth <= camera.nearMeters()) {
                continue;
            }
            double u = camera.principalPointXPixels() + f * p.x / depth;
            double v = camera.principalPointYPixels() - f * p.y / depth;
            u0 = Math.min(u0, u);
            u1 = Math.max(u1, u);
            v0 = Math.min(v0, v);
            v1 = Math.max(v1, v);
        }
        return u0 < camera.width() && u1 > 0 && v0 < camera.height() && v1 > 0;
    }
}
