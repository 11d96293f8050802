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
    private final float[] bounds;
    private boolean closed;

    private MeshBuffers(List<Part> parts, float[] bounds) {
        this.parts = List.copyOf(parts);
        this.bounds = bounds;
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
        return new MeshBuffers(parts, mesh.bounds());
    }

    public List<Part> parts() {
        if (closed) {
            throw new IllegalStateException("mesh buffers are closed");
        }
        return parts;
    }

    /**
     * The mesh's axis-aligned bounds in its local frame, {minX, minY, minZ, maxX, maxY, maxZ}
     * (metres), kept from upload so that a projected extent needs no CPU geometry. A copy.
     */
    public float[] bounds() {
        return bounds.clone();
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
