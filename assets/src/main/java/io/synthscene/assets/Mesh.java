package io.synthscene.assets;

import java.util.List;

/**
 * CPU-side geometry of one asset: its parts, each with one material slot, and its keypoints
 * (empty for assets without a skeleton). Built by the assets module (procedural generators or a
 * file importer); uploaded to the GPU by the engine. Immutable.
 *
 * @param keypoints in the asset's local frame, in a fixed order (see {@link Keypoint})
 */
public record Mesh(String name, List<MeshPart> parts, List<Keypoint> keypoints) {
    public Mesh {
        parts = List.copyOf(parts);
        keypoints = List.copyOf(keypoints);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("mesh " + name + " has no parts");
        }
    }

    /** A mesh without keypoints. */
    public Mesh(String name, List<MeshPart> parts) {
        this(name, parts, List.of());
    }

    /** The part of a slot, or null when the mesh has none. */
    public MeshPart part(String slot) {
        return parts.stream().filter(p -> p.slot().equals(slot)).findFirst().orElse(null);
    }

    /** Axis-aligned bounds in the local frame: {minX, minY, minZ, maxX, maxY, maxZ}. */
    public float[] bounds() {
        float[] b = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (MeshPart part : parts) {
            float[] p = part.positions();
            for (int i = 0; i < p.length; i += 3) {
                for (int axis = 0; axis < 3; axis++) {
                    b[axis] = Math.min(b[axis], p[i + axis]);
                    b[axis + 3] = Math.max(b[axis + 3], p[i + axis]);
                }
            }
        }
        return b;
    }
}
