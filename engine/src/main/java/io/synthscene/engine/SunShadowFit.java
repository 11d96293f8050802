package io.synthscene.engine;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Vec3;
import java.util.List;
import org.joml.Matrix4d;
import org.joml.Matrix4f;
import org.joml.Vector3d;

/**
 * The sun's orthographic view for a shadow map, fitted to what the camera sees: the camera's view
 * frustum from its near plane out to the scene's shadow distance (or its far plane, if nearer)
 * bounds the map sideways; along the light, the range reaches back towards the sun far
 * enough to hold every caster whose bounds overlap that footprint. Pure CPU math, made per frame by
 * {@link ShadowMap}.
 *
 * <p>Spaces: world (right-handed, +Y up) -> light view (JOML lookAt from the sun's direction
 * towards the origin: the light looks along -Z) -> clip with depth in [0, 1], 0 nearest the sun
 * (the renderer's {@code glClipControl(GL_LOWER_LEFT, GL_ZERO_TO_ONE)}).
 *
 * @param lightViewProjection world -> shadow clip space
 * @param texelMeters          the side of one shadow-map texel on a plane facing the sun, metres
 * @param depthRangeMeters     the distance along the light that depth 0..1 spans, metres
 */
record SunShadowFit(Matrix4f lightViewProjection, double texelMeters, double depthRangeMeters) {
    /** Depth kept in front of the nearest caster and behind the farthest receiver, metres. */
    static final double DEPTH_MARGIN_METERS = 1;
    /** Texels of slack at the map's sides so that filtering taps at the edge stay inside. */
    static final int EDGE_TEXELS = 2;

    /**
     * @param toSun        unit vector from the ground towards the sun
     * @param casterBounds world-space axis-aligned boxes {min x, y, z, max x, y, z} of the objects
     * @param mapSize      shadow map side in texels
     * @param maxDistanceMeters shadows end this far from the camera (at most)
     */
    static SunShadowFit of(Camera camera, Vec3 toSun, List<float[]> casterBounds, int mapSize, double maxDistanceMeters) {
        Vector3d sun = new Vector3d(toSun.x(), toSun.y(), toSun.z()).normalize();
        Vector3d up = Math.abs(sun.y) > 0.99 ? new Vector3d(0, 0, -1) : new Vector3d(0, 1, 0);
        Matrix4d lightView = new Matrix4d().lookAt(sun.x, sun.y, sun.z, 0, 0, 0, up.x, up.y, up.z);

        double near = camera.nearMeters();
        double far = Math.min(camera.farMeters(), maxDistanceMeters);
        double tanHalfV = Math.tan(Math.toRadians(camera.vfovDegrees()) / 2.0);
        double tanHalfH = tanHalfV * camera.width() / camera.height();
        Matrix4d cameraToLight = new Matrix4d(lightView).mul(new Matrix4d(camera.viewMatrix()).invert());
        double[] box = emptyBox();
        Vector3d p = new Vector3d();
        for (double d : new double[] {near, far}) {
            for (int sx = -1; sx <= 1; sx += 2) {
                for (int sy = -1; sy <= 1; sy += 2) {
                    cameraToLight.transformPosition(p.set(sx * d * tanHalfH, sy * d * tanHalfV, -d));
                    include(box, p);
                }
            }
        }
        // Casters between the sun and the frustum: extend the range towards the sun (larger z).
        double nearestToSun = box[5];
        for (float[] b : casterBounds) {
            double[] caster = emptyBox();
            for (int corner = 0; corner < 8; corner++) {
                lightView.transformPosition(p.set(b[(corner & 1) == 0 ? 0 : 3], b[(corner & 2) == 0 ? 1 : 4],
                        b[(corner & 4) == 0 ? 2 : 5]));
                include(caster, p);
            }
            boolean overlaps = caster[0] <= box[3] && caster[3] >= box[0] && caster[1] <= box[4] && caster[4] >= box[1];
            if (overlaps) {
                nearestToSun = Math.max(nearestToSun, caster[5]);
            }
        }
        double extent = Math.max(box[3] - box[0], box[4] - box[1]);
        double pad = EDGE_TEXELS * extent / (mapSize - 2.0 * EDGE_TEXELS);
        double zNear = -nearestToSun - DEPTH_MARGIN_METERS;
        double zFar = -box[2] + DEPTH_MARGIN_METERS;
        // Square texels: both sides get the larger extent, centred on the frustum's footprint.
        double cx = (box[0] + box[3]) / 2;
        double cy = (box[1] + box[4]) / 2;
        double half = extent / 2 + pad;
        Matrix4d projection = new Matrix4d().ortho(cx - half, cx + half, cy - half, cy + half, zNear, zFar, true);
        Matrix4f lightViewProjection = new Matrix4f(projection.mul(lightView));
        return new SunShadowFit(lightViewProjection, 2 * half / mapSize, zFar - zNear);
    }

    private static double[] emptyBox() {
        return new double[] {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE,
                -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    }

    private static void include(double[] box, Vector3d p) {
        box[0] = Math.min(box[0], p.x);
        box[1] = Math.min(box[1], p.y);
        box[2] = Math.min(box[2], p.z);
        box[3] = Math.max(box[3], p.x);
        box[4] = Math.max(box[4], p.y);
        box[5] = Math.max(box[5], p.z);
    }
}
