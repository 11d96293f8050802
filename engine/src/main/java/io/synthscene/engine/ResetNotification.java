package io.synthscene.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.ToLongFunction;

/**
 * What a GL context was given for GPU resets, and how it was asked for. A context with
 * "lose context on reset" learns of a reset (the driver or the GPU gave up on it: a hang, a fault,
 * a driver update, a GPU falling off the bus) through {@code glGetGraphicsResetStatus}; without it,
 * a lost context may only show as GL errors or wrong pixels.
 *
 * <p>{@link EglContext} asks in this order and keeps the first that the driver accepts: EGL 1.5's
 * attribute, then the older {@code EGL_EXT_create_context_robustness} attribute, then a context
 * without reset notification. The {@link #metadataName} is recorded in {@code dataset.json}.
 */
public enum ResetNotification {
    /** {@code EGL_CONTEXT_OPENGL_RESET_NOTIFICATION_STRATEGY} (EGL 1.5) = {@code EGL_LOSE_CONTEXT_ON_RESET}. */
    EGL15_LOSE_CONTEXT_ON_RESET("egl15_lose_context_on_reset", "EGL 1.5 reset notification (0x31BD)", 0x31BD),
    /** {@code EGL_CONTEXT_OPENGL_RESET_NOTIFICATION_STRATEGY_EXT} = {@code EGL_LOSE_CONTEXT_ON_RESET_EXT}. */
    EXT_LOSE_CONTEXT_ON_RESET("ext_lose_context_on_reset", "EGL_EXT_create_context_robustness reset notification (0x3138)", 0x3138),
    /** A plain context: the driver refused both attributes (or its context reports no reset notification). */
    NONE("none", "no reset notification", 0);

    /** {@code EGL_LOSE_CONTEXT_ON_RESET} and {@code EGL_LOSE_CONTEXT_ON_RESET_EXT} share this value. */
    static final int EGL_LOSE_CONTEXT_ON_RESET = 0x31BF;

    private final String metadataName;
    private final String description;
    private final int attribute;

    ResetNotification(String metadataName, String description, int attribute) {
        this.metadataName = metadataName;
        this.description = description;
        this.attribute = attribute;
    }

    /** As written in {@code dataset.json}'s {@code gpu_reset_notification}: {@code egl15_lose_context_on_reset}, ... */
    public String metadataName() {
        return metadataName;
    }

    /** For messages, e.g. {@code EGL 1.5 reset notification (0x31BD)}. */
    public String description() {
        return description;
    }

    /** The EGL attribute name to add to eglCreateContext's list; 0 for {@link #NONE}. */
    int attribute() {
        return attribute;
    }

    /**
     * The outcome of asking: the context (an EGLContext handle), what it got, and every attempt
     * with the driver's answer, e.g.
     * {@code EGL 1.5 reset notification (0x31BD): EGL_BAD_ATTRIBUTE; EGL_EXT_create_context_robustness
     * reset notification (0x3138): accepted}.
     */
    record Negotiated(long context, ResetNotification notification, String tried) {
    }

    /**
     * Tries each kind in order with {@code create} (which returns 0, EGL_NO_CONTEXT, when refused)
     * and keeps the first context made. Pure apart from {@code create} and {@code lastError}
     * ({@code eglGetError}), so that the order can be tested without a driver that refuses.
     *
     * @throws IllegalStateException naming every attempt and its error when none is accepted
     */
    static Negotiated negotiate(ToLongFunction<ResetNotification> create, IntSupplier lastError) {
        List<String> tried = new ArrayList<>();
        String lastName = null;
        for (ResetNotification kind : values()) {
            long context = create.applyAsLong(kind);
            if (context != 0) {
                tried.add(kind.description + ": accepted");
                return new Negotiated(context, kind, String.join("; ", tried));
            }
            lastName = EglErrors.name(lastError.getAsInt());
            tried.add(kind.description + ": " + lastName);
        }
        throw new IllegalStateException("eglCreateContext (OpenGL 4.5 core) failed: " + lastName
                + " (tried " + String.join("; ", tried) + ")");
    }
}
