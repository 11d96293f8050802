package io.synthscene.assets;

import java.util.ArrayList;
import java.util.List;
import org.joml.Matrix4f;
import org.joml.Vector3f;

/**
 * Moves an imported model into the asset frame: +Y up, the centre of its footprint at the origin
 * (x = z = 0), resting on y = 0, scaled uniformly so that the longest side of its axis-aligned
 * bounding box is a given length in metres. Keypoints move with the vertices (they do not count
 * in the bounds). Pure CPU arithmetic; used by {@link MeshFileImporter}.
 */
final class MeshNormalisation {
    private MeshNormalisation() {
    }

    /**
     * @param upAxis which of the file's axes points up: {@code "y"} (glTF, most OBJ) or {@code "z"}
     *               (CAD, Blender exports without conversion). A z-up model is turned -90 degrees
     *               about x, a proper rotation that keeps right-handedness: +Z becomes +Y, +Y becomes -Z.
     */
    static Mesh normalise(Mesh mesh, String upAxis, double sizeMeters) {
        if (!(sizeMeters > 0)) {
            throw new IllegalArgumentException("mesh " + mesh.name() + ": size_m = " + sizeMeters + " must be positive");
        }
        Mesh upright = switch (upAxis == null ? "" : upAxis) {
            case "y" -> mesh;
            case "z" -> transform(mesh, new Matrix4f().rotationX((float) (-Math.PI / 2)));
            default -> throw new IllegalArgumentException("mesh " + mesh.name() + ": up axis '" + upAxis + "' is not y or z");
        };
        float[] b = upright.bounds();
        float longest = Math.max(b[3] - b[0], Math.max(b[4] - b[1], b[5] - b[2]));
        if (!(longest > 0)) {
            throw new IllegalArgumentException("mesh " + mesh.name() + " has no extent to scale (all its vertices coincide)");
        }
        float scale = (float) (sizeMeters / longest);
        Matrix4f fit = new Matrix4f()
                .scaling(scale)
                .translate(-(b[0] + b[3]) / 2, -b[1], -(b[2] + b[5]) / 2);
        return transform(upright, fit);
    }

    /** The parts and the keypoints moved by {@code transform}. */
    private static Mesh transform(Mesh mesh, Matrix4f transform) {
        List<MeshPart> moved = new ArrayList<>(mesh.parts().size());
        for (MeshPart part : mesh.parts()) {
            moved.add(part.transformed(transform));
        }
        List<Keypoint> keypoints = new ArrayList<>(mesh.keypoints().size());
        for (Keypoint k : mesh.keypoints()) {
            Vector3f p = transform.transformPosition(new Vector3f(k.x(), k.y(), k.z()));
            keypoints.add(new Keypoint(k.name(), p.x, p.y, p.z));
        }
        return new Mesh(mesh.name(), moved, keypoints);
    }
}
