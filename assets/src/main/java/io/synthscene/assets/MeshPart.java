package io.synthscene.assets;

import io.synthscene.scenes.frame.Material;
import java.util.Objects;

/**
 * One part of a mesh with a single material: an indexed triangle list in the asset's local frame
 * (+Y up, front facing +Z, metres, counter-clockwise front faces).
 *
 * <p>{@code fixedMaterial} is the part's own material (tyres, windows, skin), or null when the part
 * takes the object's material from the frame (a car's body, a pedestrian's clothes).
 *
 * @param positions xyz per vertex
 * @param normals   unit xyz per vertex
 * @param indices   three per triangle
 */
public record MeshPart(String slot, float[] positions, float[] normals, int[] indices, Material fixedMaterial) {
    public MeshPart {
        Objects.requireNonNull(slot, "slot");
        if (positions.length % 3 != 0 || normals.length != positions.length) {
            throw new IllegalArgumentException("part " + slot + ": positions and normals must be xyz triples of equal count");
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

    public int vertexCount() {
        return positions.length / 3;
    }

    public int triangleCount() {
        return indices.length / 3;
    }
}
