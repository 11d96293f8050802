package io.synthscene.engine.gl;

import static org.lwjgl.opengl.GL11C.GL_FLOAT;
import static org.lwjgl.opengl.GL11C.GL_TRIANGLES;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_INT;
import static org.lwjgl.opengl.GL11C.glDrawElements;
import static org.lwjgl.opengl.GL15C.GL_STATIC_DRAW;
import static org.lwjgl.opengl.GL30C.glBindVertexArray;
import static org.lwjgl.opengl.GL45C.glCreateBuffers;
import static org.lwjgl.opengl.GL45C.glCreateVertexArrays;
import static org.lwjgl.opengl.GL45C.glDeleteBuffers;
import static org.lwjgl.opengl.GL45C.glDeleteVertexArrays;
import static org.lwjgl.opengl.GL45C.glEnableVertexArrayAttrib;
import static org.lwjgl.opengl.GL45C.glNamedBufferStorage;
import static org.lwjgl.opengl.GL45C.glVertexArrayAttribBinding;
import static org.lwjgl.opengl.GL45C.glVertexArrayAttribFormat;
import static org.lwjgl.opengl.GL45C.glVertexArrayElementBuffer;
import static org.lwjgl.opengl.GL45C.glVertexArrayVertexBuffer;

import io.synthscene.assets.MeshPart;
import java.util.List;

/**
 * Mesh parts on the GPU, all in one vertex array object: one position buffer (attribute 0, xyz
 * metres in the asset's local frame), one normal buffer (attribute 1, unit xyz) and one index
 * buffer (unsigned 32-bit, three per triangle) hold every part, one after the other; a part is a
 * range of the indices ({@link #draw(int, int)}).
 *
 * <p>One array per mesh rather than per part: a street frame places ~40 new meshes of ~3 parts
 * each (vehicles and people of random sizes), and creating, binding and deleting the GL objects
 * of each part took a large share of the GL thread on an NVIDIA H100.
 *
 * <p>Created by its {@link MeshBuffers} (or by the Renderer for the ground) and closed by it, on
 * the GL thread. The arrays are uploaded straight from the Java heap: no native staging memory is
 * allocated.
 */
public final class VertexArray implements AutoCloseable {
    static final int POSITION_ATTRIBUTE = 0;
    static final int NORMAL_ATTRIBUTE = 1;

    private final int vertexArray;
    private final int[] buffers;
    private final int indexCount;
    private boolean closed;

    private VertexArray(int vertexArray, int[] buffers, int indexCount) {
        this.vertexArray = vertexArray;
        this.buffers = buffers;
        this.indexCount = indexCount;
    }

    /** One part alone, drawn whole by {@link #draw()}. */
    public static VertexArray upload(MeshPart part) {
        return upload(List.of(part));
    }

    /**
     * The parts one after the other: part k's indices start at the sum of the index counts of
     * the parts before it, and point at its own vertices.
     */
    public static VertexArray upload(List<MeshPart> parts) {
        int vertexFloats = 0;
        int indexCount = 0;
        for (MeshPart part : parts) {
            vertexFloats += part.positions().length;
            indexCount += part.indices().length;
        }
        if (indexCount == 0) {
            // GL refuses zero-sized buffer storage; parts without triangles simply draw nothing.
            return new VertexArray(0, new int[0], 0);
        }
        float[] positions = new float[vertexFloats];
        float[] normals = new float[vertexFloats];
        int[] indices = new int[indexCount];
        int floats = 0;
        int at = 0;
        for (MeshPart part : parts) {
            int firstVertex = floats / 3;
            System.arraycopy(part.positions(), 0, positions, floats, part.positions().length);
            System.arraycopy(part.normals(), 0, normals, floats, part.normals().length);
            for (int index : part.indices()) {
                indices[at++] = index + firstVertex;
            }
            floats += part.positions().length;
        }
        int[] buffers = new int[3];
        glCreateBuffers(buffers);
        // Immutable storage: these buffers are written once and only read by draws afterwards.
        glNamedBufferStorage(buffers[0], positions, 0);
        glNamedBufferStorage(buffers[1], normals, 0);
        glNamedBufferStorage(buffers[2], indices, 0);
        int vertexArray = glCreateVertexArrays();
        attach(vertexArray, POSITION_ATTRIBUTE, buffers[0]);
        attach(vertexArray, NORMAL_ATTRIBUTE, buffers[1]);
        glVertexArrayElementBuffer(vertexArray, buffers[2]);
        return new VertexArray(vertexArray, buffers, indexCount);
    }

    private static void attach(int vertexArray, int attribute, int buffer) {
        glVertexArrayVertexBuffer(vertexArray, attribute, buffer, 0, 3 * Float.BYTES);
        glVertexArrayAttribFormat(vertexArray, attribute, 3, GL_FLOAT, false, 0);
        glVertexArrayAttribBinding(vertexArray, attribute, attribute);
        glEnableVertexArrayAttrib(vertexArray, attribute);
    }

    /** Draws all triangles with the program and framebuffer currently bound. */
    public void draw() {
        draw(0, indexCount);
    }

    /**
     * Draws the triangles of indices {@code firstIndex .. firstIndex + count - 1} with the program
     * and framebuffer currently bound.
     */
    public void draw(int firstIndex, int count) {
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
        glBindVertexArray(vertexArray); // a no-op in the driver when already bound
        glDrawElements(GL_TRIANGLES, count, GL_UNSIGNED_INT, (long) firstIndex * Integer.BYTES);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (indexCount > 0) {
                glDeleteVertexArrays(vertexArray);
                glDeleteBuffers(buffers);
            }
        }
    }
}
