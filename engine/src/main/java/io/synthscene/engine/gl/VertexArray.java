package io.synthscene.engine.gl;

import static org.lwjgl.opengl.GL11C.GL_TRIANGLES;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_INT;
import static org.lwjgl.opengl.GL32C.glDrawElementsBaseVertex;
import static org.lwjgl.opengl.GL45C.glNamedBufferSubData;

import io.synthscene.assets.MeshPart;
import java.nio.ByteBuffer;
import java.util.List;
import org.lwjgl.system.MemoryUtil;

/**
 * Mesh parts on the GPU, all in one buffer object (from the renderer's {@link MeshStorage}): every part's positions (xyz metres in the
 * asset's local frame), then every part's normals (unit xyz), then, when any part has uvs, every
 * part's uvs (two floats; zeros for a part without), then every part's indices (unsigned
 * 32-bit, three per triangle, each part's counted from its own first vertex). A part is a range of
 * the indices with a base vertex ({@link #draw(int, int, int)}), drawn through the renderer's
 * {@link MeshStorage}.
 *
 * <p>One buffer per mesh rather than three per part: a street frame places ~40 new meshes of ~3
 * parts each (vehicles and people of random sizes), and creating, filling and deleting the GL
 * objects of each part took a large share of the GL thread on an NVIDIA H100 (see {@link MeshStorage}).
 *
 * <p>Created by its {@link MeshBuffers} (or by the Renderer for the ground) and closed by it, on
 * the GL thread; closing gives the buffer back to the storage. The data is gathered once in native
 * memory, written into the buffer and freed.
 */
public final class VertexArray implements AutoCloseable {
    private final MeshStorage storage;
    private final MeshStorage.Buffer buffer;
    private final long normalsOffset;
    /** Where the uvs start; -1 when no part has uvs (drawn through the untextured vertex array). */
    private final long uvsOffset;
    private final long indicesOffset;
    private final int indexCount;
    private boolean closed;

    private VertexArray(MeshStorage storage, MeshStorage.Buffer buffer, long normalsOffset, long uvsOffset,
                        long indicesOffset, int indexCount) {
        this.storage = storage;
        this.buffer = buffer;
        this.normalsOffset = normalsOffset;
        this.uvsOffset = uvsOffset;
        this.indicesOffset = indicesOffset;
        this.indexCount = indexCount;
    }

    /** One part alone, drawn whole by {@link #draw()}. */
    public static VertexArray upload(MeshPart part, MeshStorage storage) {
        return upload(List.of(part), storage);
    }

    /**
     * The parts one after the other: part k's indices start at the sum of the index counts of the
     * parts before it, its vertices at the sum of their vertex counts.
     */
    public static VertexArray upload(List<MeshPart> parts, MeshStorage storage) {
        int vertexFloats = 0;
        int indexCount = 0;
        boolean textured = false;
        for (MeshPart part : parts) {
            vertexFloats += part.positions().length;
            indexCount += part.indices().length;
            textured |= part.uvs() != null;
        }
        if (indexCount == 0) {
            // GL refuses zero-sized buffer storage; parts without triangles simply draw nothing.
            return new VertexArray(storage, null, 0, -1, 0, 0);
        }
        long normalsOffset = (long) vertexFloats * Float.BYTES;
        long uvsOffset = textured ? 2 * normalsOffset : -1;
        long indicesOffset = 2 * normalsOffset + (textured ? (long) vertexFloats / 3 * 2 * Float.BYTES : 0);
        long size = indicesOffset + (long) indexCount * Integer.BYTES;
        ByteBuffer data = MemoryUtil.memAlloc(Math.toIntExact(size));
        MeshStorage.Buffer buffer;
        try {
            var floats = data.asFloatBuffer();
            for (MeshPart part : parts) {
                floats.put(part.positions());
            }
            for (MeshPart part : parts) {
                floats.put(part.normals());
            }
            if (textured) {
                for (MeshPart part : parts) {
                    // memAlloc is not zeroed: a part without uvs gets explicit zeros
                    floats.put(part.uvs() != null ? part.uvs() : new float[part.vertexCount() * 2]);
                }
            }
            var ints = data.position(Math.toIntExact(indicesOffset)).slice().order(data.order()).asIntBuffer();
            for (MeshPart part : parts) {
                ints.put(part.indices());
            }
            data.position(0);
            buffer = storage.take(size);
            glNamedBufferSubData(buffer.name(), 0, data);
        } finally {
            MemoryUtil.memFree(data);
        }
        return new VertexArray(storage, buffer, normalsOffset, uvsOffset, indicesOffset, indexCount);
    }

    /** Draws all triangles with the program and framebuffer currently bound. */
    public void draw() {
        draw(0, indexCount, 0);
    }

    /**
     * Draws the triangles of indices {@code firstIndex .. firstIndex + count - 1}, each index
     * counted from vertex {@code baseVertex}, with the program and framebuffer currently bound.
     */
    public void draw(int firstIndex, int count, int baseVertex) {
        if (closed) {
            throw new IllegalStateException("vertex array is closed");
        }
        if (count == 0) {
            return;
        }
        if (firstIndex < 0 || count < 0 || firstIndex + count > indexCount) {
            throw new IllegalArgumentException("indices " + firstIndex + ".." + (firstIndex + count - 1)
                    + " are outside 0.." + (indexCount - 1));
        }
        if (uvsOffset >= 0) {
            storage.bindTextured(buffer.name(), 0, normalsOffset, uvsOffset);
        } else {
            storage.bind(buffer.name(), 0, normalsOffset);
        }
        glDrawElementsBaseVertex(GL_TRIANGLES, count, GL_UNSIGNED_INT, indicesOffset + (long) firstIndex * Integer.BYTES,
                baseVertex);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (buffer != null) {
                storage.give(buffer);
            }
        }
    }
}
