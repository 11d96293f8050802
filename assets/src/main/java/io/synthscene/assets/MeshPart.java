package io.synthscene.assets;

import io.synthscene.scenes.frame.Material;
import java.util.Objects;
import org.joml.Matrix3f;
import org.joml.Matrix4fc;
import org.joml.Vector3f;

/**
 * One part of a mesh with a single material: an indexed triangle list in the asset's local frame
 * (+Y up, front facing +Z, metres, counter-clockwise front faces).
 *
 * <p>{@code fixedMaterial} is the part's own material (tyres, windows, skin; a model file's
 * material), or null when the part takes the object's material from the frame (a car's body, a
 * pedestrian's clothes, a model file's part without a material of its own).
 *
 * <p>A model file's part may carry a base-colour image: {@code baseColorTexture}, sampled at the
 * vertices' {@code uvs} and multiplied by the material's colour (glTF's base colour factor).
 *
 * @param positions xyz per vertex
 * @param normals   unit xyz per vertex
 * @param indices   three per triangle
 * @param uvs       null, or uv per vertex in the image's own convention: u from its left edge (0)
 *                  to its right (1), v from its top row (0) to its bottom (1); outside [0, 1] the
 *                  image repeats
 * @param baseColorTexture null, or the image sampled at {@code uvs} (then {@code uvs} is present)
 */
public record MeshPart(String slot, float[] positions, float[] normals, int[] indices, Material fixedMaterial,
                       float[] uvs, TextureImage baseColorTexture) {
    public MeshPart {
        Objects.requireNonNull(slot, "slot");
        if (positions.length % 3 != 0 || normals.length != positions.length) {
            throw new IllegalArgumentException("part " + slot + ": positions and normals must be xyz triples of equal count");
        }
        if (uvs != null && uvs.length != positions.length / 3 * 2) {
            throw new IllegalArgumentException("part " + slot + ": " + uvs.length + " uv values for " + positions.length / 3
                    + " vertices");
        }
        if (baseColorTexture != null && uvs == null) {
            throw new IllegalArgumentException("part " + slot + ": a base-colour texture needs uvs");
        }
        if (indices.length % 3 != 0) {
            throw new IllegalArgumentException("part " + slot + ": index count " + indices.length + " is not a multiple of 3");
        }
        int vertices = positions.length / 3;
        for (int index : indices) {
            if (index < 0 || index >= vertices) {
                throw new IllegalArgumentException("part " + slot + ": index " + index + " outside 0.." + (vertices - 1));
            }
        }
    }

    /** A part without uvs and texture (procedural assets). */
    public MeshPart(String slot, float[] positions, float[] normals, int[] indices, Material fixedMaterial) {
        this(slot, positions, normals, indices, fixedMaterial, null, null);
    }

    public int vertexCount() {
        return positions.length / 3;
    }

    public int triangleCount() {
        return indices.length / 3;
    }

    /** This part with its own material replaced ({@code null}: it takes the object's); uvs and image unchanged. */
    public MeshPart withFixedMaterial(Material material) {
        return new MeshPart(slot, positions, normals, indices, material, uvs, baseColorTexture);
    }

    /**
     * This part moved by an affine transform (same slot and material, uvs and image): positions by {@code transform},
     * normals by its normal matrix (inverse transpose), renormalised to unit length. A mirroring
     * transform (negative determinant) would turn the triangles inside out, so the winding is
     * reversed to keep front faces counter-clockwise seen from outside.
     */
    public MeshPart transformed(Matrix4fc transform) {
        Matrix3f normalMatrix = transform.normal(new Matrix3f());
        float[] movedPositions = new float[positions.length];
        float[] movedNormals = new float[normals.length];
        Vector3f v = new Vector3f();
        for (int i = 0; i < positions.length; i += 3) {
            transform.transformPosition(v.set(positions[i], positions[i + 1], positions[i + 2]));
            movedPositions[i] = v.x;
            movedPositions[i + 1] = v.y;
            movedPositions[i + 2] = v.z;
            normalMatrix.transform(v.set(normals[i], normals[i + 1], normals[i + 2])).normalize();
            movedNormals[i] = v.x;
            movedNormals[i + 1] = v.y;
            movedNormals[i + 2] = v.z;
        }
        int[] movedIndices = indices.clone();
        if (transform.determinant() < 0) {
            for (int t = 0; t < movedIndices.length; t += 3) {
                movedIndices[t + 1] = indices[t + 2];
                movedIndices[t + 2] = indices[t + 1];
            }
        }
        return new MeshPart(slot, movedPositions, movedNormals, movedIndices, fixedMaterial, uvs, baseColorTexture);
    }
}
