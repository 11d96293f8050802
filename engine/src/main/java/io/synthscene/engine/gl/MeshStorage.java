package io.synthscene.engine.gl;

import static org.lwjgl.opengl.GL11C.GL_FLOAT;
import static org.lwjgl.opengl.GL30C.glBindVertexArray;
import static org.lwjgl.opengl.GL44C.GL_DYNAMIC_STORAGE_BIT;
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

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a renderer's meshes live on the GPU and how they are drawn:
 * <ul>
 *   <li>one vertex array object for every mesh: attribute 0 the position and attribute 1 the
 *       normal, each three floats, from binding points 0 and 1; a mesh points it at its own
 *       buffer before drawing ({@link VertexArray#draw(int, int, int)});</li>
 *   <li>a second one for meshes with texture coordinates (model files with images): the same,
 *       plus attribute 2, the uv, two floats from binding point 2. Meshes without uvs use the
 *       first, where attribute 2 is off and reads as (0, 0);</li>
 *   <li>the meshes' buffers, recycled: a buffer whose mesh is closed goes back to a pool, by size
 *       class (powers of two), and the next mesh of that class is written into it.</li>
 * </ul>
 * Why: a street frame brings ~40 new meshes (vehicles and people of random sizes). Profiled on an
 * NVIDIA H100, creating a vertex array object per mesh, enabling its attributes and deleting it
 * later took about a fifth of the GL thread, and then creating a buffer per mesh another seventh;
 * re-pointing one array is three cheap calls, and a recycled buffer is only written.
 *
 * <p>Pooled buffers are at most twice the size they hold; the pool holds only buffers that meshes
 * gave back, so it never exceeds the most the meshes held at once. Writing into a recycled buffer
 * that an earlier frame still draws from is ordered by GL itself.
 *
 * <p>Created and closed by the Renderer, on its GL thread; GL objects are not shared between contexts.
 */
public final class MeshStorage implements AutoCloseable {
    static final int POSITION_ATTRIBUTE = 0;
    static final int NORMAL_ATTRIBUTE = 1;
    /** {@code layout(location = 2) in vec2 uv} in object.vert.glsl. */
    static final int UV_ATTRIBUTE = 2;
    private static final int STRIDE = 3 * Float.BYTES;
    private static final int UV_STRIDE = 2 * Float.BYTES;
    /** The smallest size class: a few hundred vertices. */
    private static final long MIN_BUFFER_BYTES = 16 * 1024;

    private final int vertexArray;
    private final int texturedVertexArray;
    private final Map<Long, ArrayDeque<Integer>> freeBySize = new HashMap<>();
    private long buffersCreated;
    private boolean closed;

    private MeshStorage(int vertexArray, int texturedVertexArray) {
        this.vertexArray = vertexArray;
        this.texturedVertexArray = texturedVertexArray;
    }

    public static MeshStorage create() {
        int vertexArray = positionsAndNormals();
        int textured = positionsAndNormals();
        glVertexArrayAttribFormat(textured, UV_ATTRIBUTE, 2, GL_FLOAT, false, 0);
        glVertexArrayAttribBinding(textured, UV_ATTRIBUTE, UV_ATTRIBUTE);
        glEnableVertexArrayAttrib(textured, UV_ATTRIBUTE);
        return new MeshStorage(vertexArray, textured);
    }

    private static int positionsAndNormals() {
        int vertexArray = glCreateVertexArrays();
        for (int attribute : new int[] {POSITION_ATTRIBUTE, NORMAL_ATTRIBUTE}) {
            glVertexArrayAttribFormat(vertexArray, attribute, 3, GL_FLOAT, false, 0);
            glVertexArrayAttribBinding(vertexArray, attribute, attribute);
            glEnableVertexArrayAttrib(vertexArray, attribute);
        }
        return vertexArray;
    }

    /** The size class that holds {@code bytes}: the next power of two, at least {@link #MIN_BUFFER_BYTES}. */
    static long sizeClass(long bytes) {
        long size = MIN_BUFFER_BYTES;
        while (size < bytes) {
            size *= 2;
        }
        return size;
    }

    /** A buffer of {@code sizeClass(bytes)} bytes, writable with glNamedBufferSubData: recycled if one is free. */
    Buffer take(long bytes) {
        requireOpen();
        long size = sizeClass(bytes);
        ArrayDeque<Integer> free = freeBySize.get(size);
        if (free != null && !free.isEmpty()) {
            return new Buffer(free.pop(), size);
        }
        int buffer = glCreateBuffers();
        glNamedBufferStorage(buffer, size, GL_DYNAMIC_STORAGE_BIT);
        buffersCreated++;
        return new Buffer(buffer, size);
    }

    /** Takes back a buffer from {@link #take} whose mesh is closed; after {@link #close}, deletes it. */
    void give(Buffer buffer) {
        if (closed) {
            glDeleteBuffers(buffer.name());
            return;
        }
        freeBySize.computeIfAbsent(buffer.sizeBytes(), size -> new ArrayDeque<>()).push(buffer.name());
    }

    /** Buffers created since creation (recycled ones not counted again): what the pool saves shows here. */
    public long buffersCreated() {
        return buffersCreated;
    }

    /**
     * Binds the vertex array with positions at {@code positionsOffset} and normals at
     * {@code normalsOffset} of {@code buffer}, and indices from the same buffer.
     */
    void bind(int buffer, long positionsOffset, long normalsOffset) {
        requireOpen();
        glBindVertexArray(vertexArray);
        glVertexArrayVertexBuffer(vertexArray, POSITION_ATTRIBUTE, buffer, positionsOffset, STRIDE);
        glVertexArrayVertexBuffer(vertexArray, NORMAL_ATTRIBUTE, buffer, normalsOffset, STRIDE);
        glVertexArrayElementBuffer(vertexArray, buffer);
    }

    /** As {@link #bind(int, long, long)}, through the textured vertex array, with uvs at {@code uvsOffset}. */
    void bindTextured(int buffer, long positionsOffset, long normalsOffset, long uvsOffset) {
        requireOpen();
        glBindVertexArray(texturedVertexArray);
        glVertexArrayVertexBuffer(texturedVertexArray, POSITION_ATTRIBUTE, buffer, positionsOffset, STRIDE);
        glVertexArrayVertexBuffer(texturedVertexArray, NORMAL_ATTRIBUTE, buffer, normalsOffset, STRIDE);
        glVertexArrayVertexBuffer(texturedVertexArray, UV_ATTRIBUTE, buffer, uvsOffset, UV_STRIDE);
        glVertexArrayElementBuffer(texturedVertexArray, buffer);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("mesh storage is closed");
        }
    }

    /** Deletes the vertex array and the free buffers; buffers given back later are deleted then. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            glDeleteVertexArrays(vertexArray);
            glDeleteVertexArrays(texturedVertexArray);
            freeBySize.values().forEach(free -> free.forEach(buffer -> glDeleteBuffers(buffer)));
            freeBySize.clear();
        }
    }

    /** A buffer object of the pool and its size in bytes. */
    record Buffer(int name, long sizeBytes) {
    }
}
