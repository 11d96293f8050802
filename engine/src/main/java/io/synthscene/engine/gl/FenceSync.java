package io.synthscene.engine.gl;

import static org.lwjgl.opengl.GL32C.GL_ALREADY_SIGNALED;
import static org.lwjgl.opengl.GL32C.GL_CONDITION_SATISFIED;
import static org.lwjgl.opengl.GL32C.GL_SYNC_FLUSH_COMMANDS_BIT;
import static org.lwjgl.opengl.GL32C.GL_SYNC_GPU_COMMANDS_COMPLETE;
import static org.lwjgl.opengl.GL32C.GL_TIMEOUT_EXPIRED;
import static org.lwjgl.opengl.GL32C.GL_WAIT_FAILED;
import static org.lwjgl.opengl.GL32C.glClientWaitSync;
import static org.lwjgl.opengl.GL32C.glDeleteSync;
import static org.lwjgl.opengl.GL32C.glFenceSync;

/**
 * A fence in the GL command stream: it signals once every command issued before it has finished,
 * e.g. a {@code glReadPixels} into a {@link PixelPackBuffer}.
 *
 * <p>Created and closed by the engine on its GL thread; use after {@link #close} throws
 * {@link IllegalStateException}.
 */
public final class FenceSync implements AutoCloseable {
    /** One wait's timeout; waiting goes on in slices so that a stuck driver still shows in a thread dump. */
    private static final long WAIT_SLICE_NANOS = 1_000_000_000L;

    private final long sync;
    private boolean closed;

    private FenceSync(long sync) {
        this.sync = sync;
    }

    /** Places a fence after the commands issued so far. */
    public static FenceSync insert() {
        long sync = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
        if (sync == 0) {
            throw new IllegalStateException("glFenceSync failed");
        }
        return new FenceSync(sync);
    }

    /** Blocks until the commands before the fence have finished (flushing them first). */
    public void await() {
        requireOpen();
        while (true) {
            int status = glClientWaitSync(sync, GL_SYNC_FLUSH_COMMANDS_BIT, WAIT_SLICE_NANOS);
            if (status == GL_ALREADY_SIGNALED || status == GL_CONDITION_SATISFIED) {
                return;
            }
            if (status == GL_WAIT_FAILED) {
                throw new IllegalStateException("glClientWaitSync failed");
            }
            if (status != GL_TIMEOUT_EXPIRED) {
                throw new IllegalStateException("glClientWaitSync returned unknown status 0x" + Integer.toHexString(status));
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("fence sync is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            glDeleteSync(sync);
        }
    }
}
