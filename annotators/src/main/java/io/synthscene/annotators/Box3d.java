package io.synthscene.annotators;

/**
 * The 3-D box of one object in the camera's coordinates (OpenCV axes: x right, y down, z forward;
 * metres), made by {@link Box3dAnnotator}.
 *
 * <p>The box is the object's local axis-aligned bounds, scaled and posed like the object: it is
 * oriented with the object, not with the camera. Object axes: local +X is the width axis, +Y
 * up (height), +Z forward (length; a vehicle with yaw 0 faces the default camera).
 *
 * @param heightMeters  extent along the object's up axis
 * @param widthMeters   extent along the object's width axis
 * @param lengthMeters  extent along the object's forward axis
 * @param centre        centre of the box, camera coordinates
 * @param bottomCentre  centre of the box's bottom face (KITTI's "location"), camera coordinates
 * @param rotation      3x3 rotation, row-major, from the object's axes to the camera's
 * @param rotationY     KITTI's rotation_y: the heading about the camera's y axis, in (-pi, pi];
 *                      0 when the object's forward axis points along camera +x. Exact when the
 *                      camera has no roll and no pitch; otherwise the heading of the forward axis
 *                      projected onto the camera's x-z plane
 * @param corners       the 8 corners, camera coordinates: index bits (x, y, z) = (bit 0, bit 1,
 *                      bit 2), 0 = the min side, 1 = the max side of the local bounds
 * @param distanceMeters distance from the camera centre to the box centre
 */
public record Box3d(double heightMeters, double widthMeters, double lengthMeters, double[] centre,
                    double[] bottomCentre, double[][] rotation, double rotationY, double[][] corners,
                    double distanceMeters) {

    /** KITTI's observation angle alpha: rotation_y minus the azimuth of the box centre, in (-pi, pi]. */
    public double alpha() {
        return wrap(rotationY - Math.atan2(centre[0], centre[2]));
    }

    static double wrap(double radians) {
        double a = Math.IEEEremainder(radians, 2 * Math.PI);
        return a <= -Math.PI ? a + 2 * Math.PI : a;
    }
}
