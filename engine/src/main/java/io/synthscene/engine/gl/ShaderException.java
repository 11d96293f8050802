package io.synthscene.engine.gl;

/** A shader did not compile or link; the message carries the driver's info log. */
public class ShaderException extends RuntimeException {
    public ShaderException(String message) {
        super(message);
    }
}
