package io.synthscene.assets;

import io.synthscene.scenes.frame.Material;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joml.Matrix4f;
import org.joml.Matrix4fc;

/**
 * Collects the pieces of a procedural asset and joins those that share a slot and a fixed
 * material into one {@link MeshPart}, so a car is drawn as four parts rather than fourteen.
 * Parts keep the order in which their slot and material first appeared, which keeps the result
 * deterministic. Created and used by one builder call; not thread-safe.
 */
final class MeshAssembler {
    private record PartKey(String slot, Material fixedMaterial) {
    }

    private final Map<PartKey, List<MeshPart>> pieces = new LinkedHashMap<>();

    MeshAssembler add(MeshPart piece) {
        pieces.computeIfAbsent(new PartKey(piece.slot(), piece.fixedMaterial()), key -> new ArrayList<>()).add(piece);
        return this;
    }

    /** Adds {@code piece} moved by {@code transform} (see {@link MeshPart#transformed}). */
    MeshAssembler add(MeshPart piece, Matrix4fc transform) {
        return add(piece.transformed(transform));
    }

    Mesh build(String name) {
        return new Mesh(name, joinedParts());
    }

    /** The joined parts and the keypoints, moved together so the bounds' bottom centre is the origin. */
    Mesh buildCentred(String name, List<Keypoint> keypoints) {
        List<MeshPart> parts = joinedParts();
        float[] b = new Mesh(name, parts).bounds();
        float dx = -(b[0] + b[3]) / 2;
        float dy = -b[1];
        float dz = -(b[2] + b[5]) / 2;
        Matrix4f shift = new Matrix4f().translation(dx, dy, dz);
        return new Mesh(name, parts.stream().map(p -> p.transformed(shift)).toList(),
                keypoints.stream().map(k -> k.moved(dx, dy, dz)).toList());
    }

    private List<MeshPart> joinedParts() {
        List<MeshPart> parts = new ArrayList<>();
        for (Map.Entry<PartKey, List<MeshPart>> entry : pieces.entrySet()) {
            parts.add(join(entry.getKey(), entry.getValue()));
        }
        return parts;
    }

    private static MeshPart join(PartKey key, List<MeshPart> group) {
        if (group.size() == 1) {
            return group.get(0);
        }
        int floats = group.stream().mapToInt(p -> p.positions().length).sum();
        int indexCount = group.stream().mapToInt(p -> p.indices().length).sum();
        float[] positions = new float[floats];
        float[] normals = new float[floats];
        int[] indices = new int[indexCount];
        int floatAt = 0;
        int indexAt = 0;
        for (MeshPart piece : group) {
            int firstVertex = floatAt / 3;
            System.arraycopy(piece.positions(), 0, positions, floatAt, piece.positions().length);
            System.arraycopy(piece.normals(), 0, normals, floatAt, piece.normals().length);
            for (int index : piece.indices()) {
                indices[indexAt++] = firstVertex + index;
            }
            floatAt += piece.positions().length;
        }
        return new MeshPart(key.slot(), positions, normals, indices, key.fixedMaterial());
    }
}
