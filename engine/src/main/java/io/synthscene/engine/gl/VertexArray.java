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

/**
 * One mesh part on the GPU: a vertex array object with a position buffer (attribute 0, xyz
 * metres in the asset's local frame), a normal buffer (attribute 1, unit xyz) and an index
 * buffer (unsigned 32-bit, three per triangle).
 *
 * <p>Created from a {@link MeshPart} and closed by its {@link MeshBuffers} (or by the Renderer for
 * the ground), on the GL thread. The arrays are uploaded straight from the Java heap: no native
 * staging memory is allocated.
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

    public static VertexArray upload(MeshPart part) {
        if (part.indices().length == 0) {
            // GL refuses zero-sized buffer storage; a part without triangles simply draws nothing.
            return new VertexArray(0, new int[0], 0);
        }
        int[] buffers = new int[3];
        glCreateBuffers(buffers);
        // Immutable storage: these buffers are written once and only read by draws afterwards.
        glNamedBufferStorage(buffers[0], part.positions(), 0);
        glNamedBufferStorage(buffers[1], part.normals(), 0);
        glNamedBufferStorage(buffers[2], part.indices(), 0);
        int vertexArray = glCreateVertexArrays();
        attach(vertexArray, POSITION_ATTRIBUTE, buffers[0]);
        attach(vertexArray, NORMAL_ATTRIBUTE, buffers[1]);
        glVertexArrayElementBuffer(vertexArray, buffers[2]);
        return new VertexArray(vertexArray, buffers, part.indices().length);
    }

    private static void attach(int vertexArray, int attribute, int buffer) {
        glVertexArrayVertexBuffer(vertexArray, attribute, buffer, 0, 3 * Float.BYTES);
        glVertexArrayAttribFormat(vertexArray, attribute, 3, GL_FLOAT, false, 0);
        glVertexArrayAttribBinding(vertexArray, attribute, attribute);
        glEnableVertexArrayAttrib(vertexArray, attribute);
    }

    /** Draws all triangles with the program and framebuffer currently bound. */
    public void draw() {
        if (closed) {
            throw new IllegalStateException("vertex array is closed");
        }
        if (indexCount == 0) {
            return;
        }
        glBindVertexArray(vertexArray);
        glDrawElements(GL_TRIANGLES, indexCount, GL_UNSIGNED_INT, 0L);
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
