package io.synthscene.engine;

/**
 * The GL context was lost: the GPU or its driver reset it (a hang, a fault, a driver restart),
 * so nothing drawn since the last good check can be trusted and the context cannot be used again.
 * Not a bug in synthscene and not bad input: the machine's state, like {@link NoSuchDeviceException}.
 *
 * <p>The message names the device (GL_RENDERER and the EGL device), how the loss was seen, what
 * was being done, and what reset notification the context was asked for and got, e.g.
 * {@code the GPU context on NVIDIA H100 80GB HBM3/PCIe/SSE2 (EGL device #0, hardware (EGL_NV_device_cuda))
 * was lost while rendering frame 7: glGetGraphicsResetStatus = GL_INNOCENT_CONTEXT_RESET (another
 * context caused the reset); reset notification: EGL 1.5 reset notification (0x31BD): accepted}.
 * Thrown on the renderer's GL thread by {@link ContextHealth} and {@link EglContext#makeCurrent}.
 */
public final class GpuContextLostException extends RuntimeException {
    private final String doing;

    GpuContextLostException(String renderer, EglDevice device, String howSeen, String doing, String resetNegotiation) {
        this(renderer, device, howSeen, doing, resetNegotiation, null);
    }

    GpuContextLostException(String renderer, EglDevice device, String howSeen, String doing, String resetNegotiation,
                            Throwable cause) {
        super("the GPU context on " + renderer + " (EGL device #" + device.index() + ", " + device.description()
                + ") was lost while " + doing + ": " + howSeen + "; reset notification: " + resetNegotiation, cause);
        this.doing = doing;
    }

    /** What the renderer was doing when the loss was seen, e.g. {@code rendering frame 7}. */
    public String doing() {
        return doing;
    }
}
