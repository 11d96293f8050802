package io.synthscene.engine.gl;

import static org.lwjgl.opengl.GL15C.glBindBuffer;
import static org.lwjgl.opengl.GL21C.GL_PIXEL_PACK_BUFFER;
import static org.lwjgl.opengl.GL30C.GL_MAP_READ_BIT;
import static org.lwjgl.opengl.GL44C.GL_CLIENT_STORAGE_BIT;
import static org.lwjgl.opengl.GL44C.GL_MAP_COHERENT_BIT;
import static org.lwjgl.opengl.GL44C.GL_MAP_PERSISTENT_BIT;
import static org.lwjgl.opengl.GL45C.glCreateBuffers;
import static org.lwjgl.opengl.GL45C.glDeleteBuffers;
import static org.lwjgl.opengl.GL45C.glMapNamedBufferRange;
import static org.lwjgl.opengl.GL45C.glNamedBufferStorage;
import static org.lwjgl.opengl.GL45C.glUnmapNamedBuffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A buffer object that {@code glReadPixels} writes into (a pixel buffer object bound to
 * {@code GL_PIXEL_PACK_BUFFER}): the read returns at once and the transfer runs while the GL
 * thread issues more work; the bytes are mapped for the CPU once a {@link FenceSync} placed after
 * the read has signalled.
 *
 * <p>Immutable storage, mappable for reading only, with {@code GL_CLIENT_STORAGE_BIT} (a hint that
 * the driver keep it in memory the CPU reads fast). Created and closed by the engine on its GL
 * thread; use after {@link #close} throws {@link IllegalStateException}.
 */
public final class PixelPackBuffer implements AutoCloseable {
    private static final int PERSISTENT_READ = GL_MAP_READ_BIT | GL_MAP_PERSISTENT_BIT | GL_MAP_COHERENT_BIT;

    private final int buffer;
    private final long sizeBytes;
    /** The whole buffer, mapped for good; null unless made by {@link #createMapped}. */
    private final ByteBuffer persistent;
    private boolean mapped;
    private boolean closed;

    private PixelPackBuffer(int buffer, long sizeBytes, ByteBuffer persistent) {
        this.buffer = buffer;
        this.sizeBytes = sizeBytes;
        this.persistent = persistent;
    }

    public static PixelPackBuffer create(long sizeBytes) {
        if (sizeBytes < 1) {
            throw new IllegalArgumentException("pixel pack buffer size " + sizeBytes + " must be positive");
        }
        int buffer = glCreateBuffers();
        glNamedBufferStorage(buffer, sizeBytes, GL_MAP_READ_BIT | GL_CLIENT_STORAGE_BIT);
        return new PixelPackBuffer(buffer, sizeBytes, null);
    }

    /**
     * A buffer mapped for reading once, for its whole life (persistent and coherent): once a fence
     * placed after a read has signalled, any thread may read the pixels through
     * {@link #persistentlyMapped} without a GL call, so the copy into Java arrays can leave the GL thread.
     */
    public static PixelPackBuffer createMapped(long sizeBytes) {
        if (sizeBytes < 1) {
            throw new IllegalArgumentException("pixel pack buffer size " + sizeBytes + " must be positive");
        }
        int buffer = glCreateBuffers();
        glNamedBufferStorage(buffer, sizeBytes, PERSISTENT_READ | GL_CLIENT_STORAGE_BIT);
        ByteBuffer bytes = glMapNamedBufferRange(buffer, 0, sizeBytes, PERSISTENT_READ);
        if (bytes == null) {
            glDeleteBuffers(buffer);
            throw new IllegalStateException("glMapNamedBufferRange (persistent) failed for a pixel pack buffer of "
                    + sizeBytes + " bytes");
        }
        return new PixelPackBuffer(buffer, sizeBytes, bytes.order(ByteOrder.nativeOrder()));
    }

    /**
     * A view of the whole buffer of {@link #createMapped}, in native byte order, with its own
     * position: callable from any thread, valid until {@link #close}, which the caller must not race.
     */
    public ByteBuffer persistentlyMapped() {
        requireOpen();
        if (persistent == null) {
            throw new IllegalStateException("this pixel pack buffer is not persistently mapped");
        }
        return persistent.duplicate().order(ByteOrder.nativeOrder());
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /**
     * Binds this buffer to {@code GL_PIXEL_PACK_BUFFER}: pixel reads now go here, their pointer
     * argument taken as a byte offset. Pair with {@link #unbind}, or later client-memory reads
     * would be taken as offsets into this buffer.
     */
    void bindForPacking() {
        requireOpen();
        glBindBuffer(GL_PIXEL_PACK_BUFFER, buffer);
    }

    static void unbind() {
        glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    }

    /**
     * The whole buffer, readable by the CPU, in native byte order, valid until {@link #unmap}.
     * Waits for pending writes when no fence has been waited for first.
     */
    public ByteBuffer map() {
        requireOpen();
        if (mapped) {
            throw new IllegalStateException("pixel pack buffer is already mapped");
        }
        ByteBuffer bytes = glMapNamedBufferRange(buffer, 0, sizeBytes, GL_MAP_READ_BIT);
        if (bytes == null) {
            throw new IllegalStateException("glMapNamedBufferRange failed for a pixel pack buffer of " + sizeBytes + " bytes");
        }
        mapped = true;
        return bytes.order(ByteOrder.nativeOrder());
    }

    public void unmap() {
        requireOpen();
        if (mapped) {
            mapped = false;
            // False means the contents were lost while mapped (e.g. a mode change); reads were already made.
            glUnmapNamedBuffer(buffer);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("pixel pack buffer is closed");
        }
    }

    /** Deletes the buffer (a mapped one is unmapped by the deletion). Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            mapped = false;
            glDeleteBuffers(buffer);
        }
    }
}
