package io.synthscene.engine;

import io.synthscene.scenes.frame.RenderedFrame;

/**
 * A rendered frame whose pixels have arrived in host memory but are not yet copied into Java
 * arrays ({@link Renderer#collectPixels}). {@link #toRenderedFrame} does the copy on whichever
 * thread calls it, once: the GL thread hands the frame to a worker, which copies it, so the GL
 * thread only draws. Until it is copied, the frame holds one of the renderer's readback slots.
 */
public interface FramePixels {
    /** The frame's index. */
    int index();

    /**
     * The frame's passes as a {@link RenderedFrame}, copied out of the readback buffers, which are
     * free for another frame afterwards; callable from any thread, once.
     *
     * @throws IllegalStateException when called twice, or after the renderer was closed
     */
    RenderedFrame toRenderedFrame();
}
