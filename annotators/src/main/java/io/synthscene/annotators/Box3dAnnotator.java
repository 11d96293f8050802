package io.synthscene.annotators;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.SceneObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.joml.Matrix4d;
import org.joml.Vector3d;

/**
 * The 3-D boxes of a frame's labelled objects, from their poses and their assets' local bounds.
 * Needs no render pass: it is geometry, exact by construction.
 *
 * <p>Thread-safe when its {@link LocalBounds} is.
 */
public final class Box3dAnnotator {
    private final LocalBounds bounds;

    public Box3dAnnotator(LocalBounds bounds) {
        this.bounds = bounds;
    }

    /** The annotations with their objects' 3-D boxes attached. */
    public List<InstanceAnnotation> attach(Frame frame, List<InstanceAnnotation> annotations) {
        Map<Integer, Box3d> boxes = boxes(frame);
        return annotations.stream().map(a -> a.withBox3d(boxes.get(a.instanceId()))).toList();
    }

    /** One box per labelled object, by instance id. */
    public Map<Integer, Box3d> boxes(Frame frame) {
        // World to OpenCV camera: invert the OpenGL camera-to-world, then flip y and z.
        Matrix4d worldToCamera = frame.camera().glCameraToWorld().scale(1, -1, -1).invert();
        Map<Integer, Box3d> boxes = new TreeMap<>();
        for (SceneObject object : frame.objects()) {
            if (object.isLabelled()) {
                boxes.put(object.instanceId(), box(object, worldToCamera));
            }
        }
        return boxes;
    }

    private Box3d box(SceneObject object, Matrix4d worldToCamera) {
        float[] b = bounds.boundsOf(object.asset());
        Matrix4d objectToCamera = new Matrix4d(worldToCamera).mul(object.modelMatrix());
        double[][] corners = new double[8][];
        for (int i = 0; i < 8; i++) {
            corners[i] = transform(objectToCamera, (i & 1) == 0 ? b[0] : b[3], (i & 2) == 0 ? b[1] : b[4],
                    (i & 4) == 0 ? b[2] : b[5]);
        }
        double cx = (b[0] + b[3]) / 2.0;
        double cz = (b[2] + b[5]) / 2.0;
        double[] centre = transform(objectToCamera, cx, (b[1] + b[4]) / 2.0, cz);
        double[] bottomCentre = transform(objectToCamera, cx, b[1], cz);

        // Columns of the rotation: the object's unit axes in camera coordinates (scale removed).
        double[][] rotation = new double[3][3];
        for (int axis = 0; axis < 3; axis++) {
            Vector3d v = objectToCamera.transformDirection(new Vector3d(axis == 0 ? 1 : 0, axis == 1 ? 1 : 0, axis == 2 ? 1 : 0))
                    .normalize();
            rotation[0][axis] = v.x;
            rotation[1][axis] = v.y;
            rotation[2][axis] = v.z;
        }
        // KITTI: the object's forward axis is (cos ry, 0, -sin ry) in camera coordinates.
        double rotationY = Box3d.wrap(Math.atan2(-rotation[2][2], rotation[0][2]));
        double scale = object.scale();
        return new Box3d((b[4] - b[1]) * scale, (b[3] - b[0]) * scale, (b[5] - b[2]) * scale, centre, bottomCentre,
                rotation, rotationY, corners, Math.sqrt(centre[0] * centre[0] + centre[1] * centre[1] + centre[2] * centre[2]));
    }

    private static double[] transform(Matrix4d m, double x, double y, double z) {
        Vector3d v = m.transformPosition(new Vector3d(x, y, z));
        return new double[] {v.x, v.y, v.z};
    }
}
