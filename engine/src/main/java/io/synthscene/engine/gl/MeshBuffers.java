package io.synthscene.engine.gl;

import io.synthscene.assets.Mesh;
import io.synthscene.assets.MeshPart;
import io.synthscene.scenes.frame.Material;
import java.util.ArrayList;
import java.util.List;

/**
 * One uploaded {@link Mesh}: a {@link VertexArray} per part, with the part's fixed material (or
 * null where the part takes the object's material). Created by {@link MeshCache} and closed when
 * evicted from it or when the cache closes.
 */
public final class MeshBuffers implements AutoCloseable {
    /** A drawable part and its own material, null = the object's. */
    public record Part(VertexArray vertices, Material fixedMaterial) {
    }

    private final List<Part> parts;
    /** Object-local axis-aligned bounds of every part: min x, y, z, then max x, y, z (metres). */
    private final float[] localBounds;
    private boolean closed;

    private MeshBuffers(List<Part> parts, float[] localBounds) {
        this.parts = List.copyOf(parts);
        this.localBounds = localBounds;
    }

    public static MeshBuffers upload(Mesh mesh) {
        List<Part> parts = new ArrayList<>();
        try {
            for (MeshPart part : mesh.parts()) {
                parts.add(new Part(VertexArray.upload(part), part.fixedMaterial()));
            }
        } catch (RuntimeException e) {
            parts.forEach(p -> p.vertices().close());
            throw e;
        }
        return new MeshBuffers(parts, bounds(mesh));
    }

    private static float[] bounds(Mesh mesh) {
        float[] b = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (MeshPart part : mesh.parts()) {
            float[] p = part.positions();
            for (int i = 0; i + 2 < p.length; i += 3) {
                for (int axis = 0; axis < 3; axis++) {
                    b[axis] = Math.min(b[axis], p[i + axis]);
                    b[axis + 3] = Math.max(b[axis + 3], p[i + axis]);
                }
            }
        }
        return b;
    }

    /**
     * The mesh's object-local axis-aligned bounds, {min x, y, z, max x, y, z} in metres (a copy);
     * min > max for a mesh without vertices. Used to fit the sun's shadow map around the casters.
     */
    public float[] localBounds() {
        return localBounds.clone();
    }

    public List<Part> parts() {
        if (closed) {
            throw new IllegalStateException("mesh buffers are closed");
        }
        return parts;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            parts.forEach(p -> p.vertices().close());
        }
    }
}
