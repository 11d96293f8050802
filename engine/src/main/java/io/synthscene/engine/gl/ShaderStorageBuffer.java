package io.synthscene.engine.gl;

import static org.lwjgl.opengl.GL15C.GL_DYNAMIC_DRAW;
import static org.lwjgl.opengl.GL30C.glBindBufferBase;
import static org.lwjgl.opengl.GL43C.GL_SHADER_STORAGE_BUFFER;
import static org.lwjgl.opengl.GL45C.glCreateBuffers;
import static org.lwjgl.opengl.GL45C.glDeleteBuffers;
import static org.lwjgl.opengl.GL45C.glNamedBufferData;
import static org.lwjgl.opengl.GL45C.glNamedBufferSubData;

import java.nio.FloatBuffer;

/**
 * A shader storage buffer object: floats the CPU writes once per frame and shaders read as a
 * {@code buffer} block. Its storage grows (doubling) when a write needs more and never shrinks, so
 * a batch of frames with similar contents allocates once. Never empty: GL wants a bound block to
 * have some storage even when the shader reads none of it.
 *
 * <p>Created and closed by its owner on the GL thread; use after {@link #close} throws
 * {@link IllegalStateException}.
 */
public final class ShaderStorageBuffer implements AutoCloseable {
    private static final long MIN_BYTES = 256;

    private final int buffer;
    private long capacityBytes;
    private boolean closed;

    private ShaderStorageBuffer(int buffer, long capacityBytes) {
        this.buffer = buffer;
        this.capacityBytes = capacityBytes;
    }

    public static ShaderStorageBuffer create() {
        int buffer = glCreateBuffers();
        glNamedBufferData(buffer, MIN_BYTES, GL_DYNAMIC_DRAW);
        return new ShaderStorageBuffer(buffer, MIN_BYTES);
    }

    /** Replaces the contents from offset 0 with {@code data}'s remaining floats, growing the storage if needed. */
    public void write(FloatBuffer data) {
        requireOpen();
        long bytes = 4L * data.remaining();
        if (bytes > capacityBytes) {
            long grown = capacityBytes;
            while (grown < bytes) {
                grown *= 2;
            }
            glNamedBufferData(buffer, grown, GL_DYNAMIC_DRAW);
            capacityBytes = grown;
        }
        if (bytes > 0) {
            glNamedBufferSubData(buffer, 0, data);
        }
    }

    /** Makes this the buffer of the shaders' {@code layout(binding = index)} storage block. */
    public void bindBase(int index) {
        requireOpen();
        glBindBufferBase(GL_SHADER_STORAGE_BUFFER, index, buffer);
    }

    public long capacityBytes() {
        return capacityBytes;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("shader storage buffer is closed");
        }
    }

    /** Deletes the buffer. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            glDeleteBuffers(buffer);
        }
    }
}
