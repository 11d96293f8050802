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
    /** A drawable part, its material slot and its own material, null = the object's. */
    public record Part(VertexArray vertices, String slot, Material fixedMaterial) {
    }

    private final List<Part> parts;
    private boolean closed;

    private MeshBuffers(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    public static MeshBuffers upload(Mesh mesh) {
        List<Part> parts = new ArrayList<>();
        try {
            for (MeshPart part : mesh.parts()) {
                parts.add(new Part(VertexArray.upload(part), part.slot(), part.fixedMaterial()));
            }
        } catch (RuntimeException e) {
            parts.forEach(p -> p.vertices().close());
            throw e;
        }
        return new MeshBuffers(parts);
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
