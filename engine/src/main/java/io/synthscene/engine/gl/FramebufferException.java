package io.synthscene.engine.gl;

/** A framebuffer is incomplete; the message names the status the driver gave. */
public class FramebufferException extends RuntimeException {
    public FramebufferException(String message) {
        super(message);
    }
}
