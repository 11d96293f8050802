package io.synthscene.engine;

import static org.lwjgl.egl.EGL10.EGL_NO_DISPLAY;
import static org.lwjgl.egl.EGL10.eglGetError;
import static org.lwjgl.egl.EGL10.eglInitialize;
import static org.lwjgl.egl.EGL10.eglTerminate;
import static org.lwjgl.egl.EXTPlatformBase.eglGetPlatformDisplayEXT;

import java.util.HashMap;
import java.util.Map;
import org.lwjgl.system.MemoryStack;

/**
 * Initialised EGL displays, counted per device. EGL hands out one display per (platform, device)
 * for the whole process, and {@code eglTerminate} ends it for every context on it, so two
 * {@link EglContext}s on the same device (two renderers on two threads, or one closing while the
 * next opens) must share it: the display is initialised by the first user and terminated by the
 * last. Process-wide by nature, hence static.
 */
final class EglDisplays {
    /** EGL_PLATFORM_DEVICE_EXT from EGL_EXT_platform_device. */
    static final int EGL_PLATFORM_DEVICE_EXT = 0x313F;

    private static final Map<Long, Integer> usersByDisplay = new HashMap<>();

    private EglDisplays() {
    }

    /** The initialised display of {@code device}; pair every call with {@link #release}. */
    static synchronized long acquire(EglDevice device) {
        // The device platform needs no native display; eglGetPlatformDisplay(EGL_DEFAULT_DISPLAY)
        // is refused by LWJGL's null check, so this is also the only path that works there.
        long display = eglGetPlatformDisplayEXT(EGL_PLATFORM_DEVICE_EXT, device.handle(), (int[]) null);
        if (display == EGL_NO_DISPLAY) {
            throw new IllegalStateException("eglGetPlatformDisplayEXT failed for device " + device.description()
                    + ": " + EglErrors.name(eglGetError()));
        }
        int users = usersByDisplay.getOrDefault(display, 0);
        if (users == 0) {
            try (MemoryStack stack = MemoryStack.stackPush()) {
                if (!eglInitialize(display, stack.mallocInt(1), stack.mallocInt(1))) {
                    throw new IllegalStateException("eglInitialize failed for device " + device.description()
                            + ": " + EglErrors.name(eglGetError()));
                }
            }
        }
        usersByDisplay.put(display, users + 1);
        return display;
    }

    /** Gives the display back; the last user terminates it. */
    static synchronized void release(long display) {
        int users = usersByDisplay.getOrDefault(display, 0);
        if (users <= 1) {
            usersByDisplay.remove(display);
            eglTerminate(display);
        } else {
            usersByDisplay.put(display, users - 1);
        }
    }
}
