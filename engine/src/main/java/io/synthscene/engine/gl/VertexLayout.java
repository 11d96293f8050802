package io.synthscene.engine.gl;

import static org.lwjgl.opengl.GL11C.GL_FLOAT;
import static org.lwjgl.opengl.GL30C.glBindVertexArray;
import static org.lwjgl.opengl.GL45C.glCreateVertexArrays;
import static org.lwjgl.opengl.GL45C.glDeleteVertexArrays;
import static org.lwjgl.opengl.GL45C.glEnableVertexArrayAttrib;
import static org.lwjgl.opengl.GL45C.glVertexArrayAttribBinding;
import static org.lwjgl.opengl.GL45C.glVertexArrayAttribFormat;
import static org.lwjgl.opengl.GL45C.glVertexArrayElementBuffer;
import static org.lwjgl.opengl.GL45C.glVertexArrayVertexBuffer;

/**
 * The one vertex array object of a renderer, through which every mesh is drawn: attribute 0 the
 * position and attribute 1 the normal, each three floats, from binding points 0 and 1. A mesh
 * points it at its own buffer before drawing ({@link VertexArray#draw(int, int, int)}).
 *
 * <p>Why one for all: a street frame brings ~40 new meshes (vehicles and people of random sizes),
 * and creating a vertex array object per mesh, enabling its attributes and deleting it later took
 * about a fifth of the GL thread on an NVIDIA H100; re-pointing one is three cheap calls.
 *
 * <p>Created and closed by the Renderer, on its GL thread; GL objects are not shared between contexts.
 */
public final class VertexLayout implements AutoCloseable {
    static final int POSITION_ATTRIBUTE = 0;
    static final int NORMAL_ATTRIBUTE = 1;
    private static final int STRIDE = 3 * Float.BYTES;

    private final int vertexArray;
    private boolean closed;

    private VertexLayout(int vertexArray) {
        this.vertexArray = vertexArray;
    }

    public static VertexLayout create() {
        int vertexArray = glCreateVertexArrays();
        for (int attribute : new int[] {POSITION_ATTRIBUTE, NORMAL_ATTRIBUTE}) {
            glVertexArrayAttribFormat(vertexArray, attribute, 3, GL_FLOAT, false, 0);
            glVertexArrayAttribBinding(vertexArray, attribute, attribute);
            glEnableVertexArrayAttrib(vertexArray, attribute);
        }
        return new VertexLayout(vertexArray);
    }

    /**
     * Binds the vertex array with positions at {@code positionsOffset} and normals at
     * {@code normalsOffset} of {@code buffer}, and indices from the same buffer.
     */
    void bind(int buffer, long positionsOffset, long normalsOffset) {
        if (closed) {
            throw new IllegalStateException("vertex layout is closed");
        }
        glBindVertexArray(vertexArray);
        glVertexArrayVertexBuffer(vertexArray, POSITION_ATTRIBUTE, buffer, positionsOffset, STRIDE);
        glVertexArrayVertexBuffer(vertexArray, NORMAL_ATTRIBUTE, buffer, normalsOffset, STRIDE);
        glVertexArrayElementBuffer(vertexArray, buffer);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            glDeleteVertexArrays(vertexArray);
        }
    }
}
