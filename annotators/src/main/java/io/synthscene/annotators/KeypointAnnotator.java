package io.synthscene.annotators;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.SceneObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joml.Matrix4d;
import org.joml.Vector3d;

/**
 * Projects the keypoints of each annotated object's asset (a person's joints) into the image, and
 * tells visible from hidden with the id image: a keypoint is visible when the pixel it falls on
 * shows its own instance. Exact for what it claims: the projection is the camera's model (pinhole,
 * then its lens distortion, as OpenCV's {@code projectPoints}), and the id image is never anti-aliased.
 *
 * <p>Thread-safe when its {@link LocalKeypoints} is.
 */
public final class KeypointAnnotator {
    private final LocalKeypoints keypoints;

    public KeypointAnnotator(LocalKeypoints keypoints) {
        this.keypoints = keypoints;
    }

    /**
     * The annotations with keypoints attached where their object's asset defines some.
     *
     * @param instanceIds the frame's id image (from the render, or its stored mask), row-major
     */
    public List<InstanceAnnotation> attach(Frame frame, int[] instanceIds, List<InstanceAnnotation> annotations) {
        Camera camera = frame.camera();
        Matrix4d worldToCamera = camera.glCameraToWorld().scale(1, -1, -1).invert();
        double[][] k = camera.intrinsics();
        double[] distorted = new double[2];
        Map<Integer, SceneObject> objects = new HashMap<>();
        for (SceneObject object : frame.objects()) {
            if (object.isLabelled()) {
                objects.put(object.instanceId(), object);
            }
        }
        List<InstanceAnnotation> out = new ArrayList<>(annotations.size());
        for (InstanceAnnotation a : annotations) {
            SceneObject object = objects.get(a.instanceId());
            List<LocalKeypoints.Point> points = object == null ? List.of() : keypoints.keypointsOf(object.asset());
            if (points.isEmpty()) {
                out.add(a);
                continue;
            }
            Matrix4d objectToCamera = new Matrix4d(worldToCamera).mul(object.modelMatrix());
            List<String> names = new ArrayList<>(points.size());
            double[] xyv = new double[points.size() * 3];
            for (int i = 0; i < points.size(); i++) {
                LocalKeypoints.Point p = points.get(i);
                names.add(p.name());
                Vector3d c = objectToCamera.transformPosition(new Vector3d(p.x(), p.y(), p.z()));
                if (c.z <= camera.nearMeters()) {
                    continue; // behind the camera: not labelled
                }
                camera.distortion().distort(c.x / c.z, c.y / c.z, distorted); // OpenCV's projectPoints
                double u = k[0][0] * distorted[0] + k[0][2];
                double v = k[1][1] * distorted[1] + k[1][2];
                if (!(u >= 0 && u < frame.width() && v >= 0 && v < frame.height())) {
                    continue; // outside the image: not labelled
                }
                int pixel = (int) Math.floor(v) * frame.width() + (int) Math.floor(u);
                xyv[3 * i] = u;
                xyv[3 * i + 1] = v;
                xyv[3 * i + 2] = instanceIds[pixel] == a.instanceId() ? 2 : 1;
            }
            out.add(a.withKeypoints(new Keypoints(names, xyv)));
        }
        return out;
    }
}
