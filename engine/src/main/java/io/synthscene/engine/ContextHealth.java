package io.synthscene.engine;

import static org.lwjgl.opengl.GL11C.GL_NO_ERROR;
import static org.lwjgl.opengl.GL45C.GL_CONTEXT_LOST;
import static org.lwjgl.opengl.GL45C.GL_GUILTY_CONTEXT_RESET;
import static org.lwjgl.opengl.GL45C.GL_INNOCENT_CONTEXT_RESET;
import static org.lwjgl.opengl.GL45C.GL_UNKNOWN_CONTEXT_RESET;

import java.util.Objects;
import java.util.function.Function;

/**
 * Watches one GL context for loss: the {@link Renderer} asks it after every frame it draws, after
 * every frame's pixels arrive, and whenever a GL call fails. Once lost, every later check throws
 * the same {@link GpuContextLostException}: a lost context is never trusted again.
 *
 * <p>The reset status comes from a {@link ResetProbe}: {@code glGetGraphicsResetStatus} on the
 * real context, or, for testing the way a run stops, an injected loss after a given number of
 * healthy frames ({@link #injectedLossAfterFrames}). Created by the renderer with its context,
 * used on the renderer's GL thread only; holds no GL objects, so there is nothing to close.
 */
public final class ContextHealth {
    /** Environment variable: report a context loss once this many frames were drawn healthy (testing only). */
    public static final String INJECT_ENVIRONMENT = "SYNTHSCENE_INJECT_CONTEXT_LOSS_AFTER_FRAMES";
    /** System property with the same meaning; wins over the environment variable. */
    public static final String INJECT_PROPERTY = "synthscene.inject.context-loss-after-frames";

    /** Where the reset status comes from; given the number of frames checked healthy so far. */
    @FunctionalInterface
    public interface ResetProbe {
        /** GL_NO_ERROR, or GL_GUILTY_CONTEXT_RESET, GL_INNOCENT_CONTEXT_RESET, GL_UNKNOWN_CONTEXT_RESET. */
        int resetStatus(int healthyFrames);
    }

    private final EglContext context;
    private final ResetProbe probe;
    private final boolean injected;
    private int healthyFrames;
    private GpuContextLostException lost;

    ContextHealth(EglContext context, ResetProbe probe, boolean injected) {
        this.context = Objects.requireNonNull(context, "context");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.injected = injected;
    }

    /**
     * The health of {@code context}: its real reset status, unless {@link #INJECT_PROPERTY} or
     * {@link #INJECT_ENVIRONMENT} asks for an injected loss.
     *
     * @param environment {@code System::getenv} outside tests
     * @throws io.synthscene.scenes.Limits.InvalidLimitException when the injection setting is not a whole number >= 0 (bad usage)
     */
    static ContextHealth of(EglContext context, Function<String, String> environment) {
        Integer after = injectedLossAfterFrames(System.getProperty(INJECT_PROPERTY), environment.apply(INJECT_ENVIRONMENT));
        if (after == null) {
            return new ContextHealth(context, healthy -> context.graphicsResetStatus(), false);
        }
        int frames = after;
        return new ContextHealth(context, healthy -> healthy >= frames ? GL_UNKNOWN_CONTEXT_RESET : GL_NO_ERROR, true);
    }

    /** The number of frames after which to inject a loss (property first), or null when neither is set. */
    static Integer injectedLossAfterFrames(String property, String environment) {
        String value = property != null && !property.isBlank() ? property : environment;
        String name = property != null && !property.isBlank() ? "-D" + INJECT_PROPERTY : INJECT_ENVIRONMENT;
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int frames = Integer.parseInt(value.trim());
            if (frames >= 0) {
                return frames;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new io.synthscene.scenes.Limits.InvalidLimitException(name + "=" + value + " is not a whole number >= 0");
    }

    /** Checks after frame {@code frameIndex} was drawn and its readback started; counts it healthy. */
    void afterFrame(int frameIndex) {
        check("rendering frame " + frameIndex);
        healthyFrames++;
    }

    /** Throws {@link GpuContextLostException} when the context has been lost; {@code doing} names the moment. */
    void check(String doing) {
        if (lost != null) {
            throw lost;
        }
        int status = probe.resetStatus(healthyFrames);
        if (status != GL_NO_ERROR) {
            lost = new GpuContextLostException(context.renderer(), context.device(),
                    "glGetGraphicsResetStatus = " + statusName(status) + (injected ? " (injected by " + INJECT_PROPERTY
                            + " or " + INJECT_ENVIRONMENT + ")" : ""), doing, context.resetNegotiation());
            throw lost;
        }
    }

    /**
     * What to throw for {@code failure}, a GL call that failed while {@code doing}: a
     * {@link GpuContextLostException} (with {@code failure} as its cause) when the context is lost,
     * else {@code failure} itself.
     */
    RuntimeException explain(RuntimeException failure, String doing) {
        if (failure instanceof GpuContextLostException) {
            return failure;
        }
        try {
            check(doing);
        } catch (GpuContextLostException e) {
            e.addSuppressed(failure);
            return e;
        }
        return failure;
    }

    /** A GL error read with glGetError while {@code doing}: the loss when the context is lost, else null. */
    GpuContextLostException lostOnError(int glError, String doing) {
        try {
            check(doing);
        } catch (GpuContextLostException e) {
            return e;
        }
        if (glError == GL_CONTEXT_LOST) {
            lost = new GpuContextLostException(context.renderer(), context.device(), "glGetError = GL_CONTEXT_LOST",
                    doing, context.resetNegotiation());
            return lost;
        }
        return null;
    }

    /** Whether a loss has been seen. */
    public boolean isLost() {
        return lost != null;
    }

    static String statusName(int status) {
        return switch (status) {
            case GL_GUILTY_CONTEXT_RESET -> "GL_GUILTY_CONTEXT_RESET (this context caused the reset)";
            case GL_INNOCENT_CONTEXT_RESET -> "GL_INNOCENT_CONTEXT_RESET (another context caused the reset)";
            case GL_UNKNOWN_CONTEXT_RESET -> "GL_UNKNOWN_CONTEXT_RESET (a reset of unknown cause)";
            default -> "0x" + Integer.toHexString(status);
        };
    }
}
