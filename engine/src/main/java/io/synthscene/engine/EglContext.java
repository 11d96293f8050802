package io.synthscene.engine;

import static org.lwjgl.egl.EGL10.EGL_EXTENSIONS;
import static org.lwjgl.egl.EGL10.EGL_NONE;
import static org.lwjgl.egl.EGL10.EGL_NO_DISPLAY;
import static org.lwjgl.egl.EGL10.EGL_NO_CONTEXT;
import static org.lwjgl.egl.EGL10.EGL_NO_SURFACE;
import static org.lwjgl.egl.EGL10.EGL_PBUFFER_BIT;
import static org.lwjgl.egl.EGL10.EGL_SURFACE_TYPE;
import static org.lwjgl.egl.EGL10.eglChooseConfig;
import static org.lwjgl.egl.EGL10.eglCreateContext;
import static org.lwjgl.egl.EGL10.eglDestroyContext;
import static org.lwjgl.egl.EGL10.eglGetError;
import static org.lwjgl.egl.EGL14.eglGetCurrentContext;
import static org.lwjgl.egl.EGL10.eglMakeCurrent;
import static org.lwjgl.egl.EGL10.eglQueryString;
import static org.lwjgl.egl.EGL11.EGL_CONTEXT_LOST;
import static org.lwjgl.egl.EGL12.EGL_RENDERABLE_TYPE;
import static org.lwjgl.egl.EGL12.eglReleaseThread;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_API;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_BIT;
import static org.lwjgl.egl.EGL14.eglBindAPI;
import static org.lwjgl.opengl.GL11C.GL_RENDERER;
import static org.lwjgl.opengl.GL11C.GL_VENDOR;
import static org.lwjgl.opengl.GL11C.GL_VERSION;
import static org.lwjgl.opengl.GL11C.glGetInteger;
import static org.lwjgl.opengl.GL11C.glGetString;
import static org.lwjgl.opengl.GL45C.GL_LOSE_CONTEXT_ON_RESET;
import static org.lwjgl.opengl.GL45C.GL_RESET_NOTIFICATION_STRATEGY;
import static org.lwjgl.opengl.GL45C.glGetGraphicsResetStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL10;
import org.lwjgl.egl.EXTDeviceEnumeration;
import org.lwjgl.egl.EXTDeviceQuery;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GLCapabilities;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.MemoryStack;

/**
 * A headless OpenGL 4.5 core context on one EGL device, current on the thread that opened it,
 * with no surface at all (EGL_KHR_surfaceless_context): all rendering goes into framebuffer
 * objects. The same code path serves NVIDIA's EGL device and Mesa's software device (llvmpipe).
 *
 * <p>Opened by {@link #open} (the {@link Renderer} does it), closed by whoever opened it, on the
 * same thread. Every method except {@link #devices} must be called on that thread; after
 * {@link #close} they throw {@link IllegalStateException}.
 *
 * <p>The context is asked for reset notification ({@link ResetNotification}), so that a GPU reset
 * shows as a lost context ({@link #graphicsResetStatus}) rather than as wrong pixels.
 *
 * <p>{@link #close} tears down in order (release the context from the thread, destroy it,
 * terminate the display, release the thread's EGL state): without that, NVIDIA's libEGL crashes
 * the JVM at exit.
 */
public final class EglContext implements AutoCloseable {
    // EGL_KHR_create_context / EGL 1.5 attribute names, spelled out to keep the imports short.
    private static final int EGL_CONTEXT_MAJOR_VERSION = 0x3098;
    private static final int EGL_CONTEXT_MINOR_VERSION = 0x30FB;
    private static final int EGL_CONTEXT_OPENGL_PROFILE_MASK = 0x30FD;
    private static final int EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT = 0x1;
    private static final int MAX_DEVICES = 32;

    private static boolean glFunctionsLoaded;

    private final EglDevice device;
    private final long display;
    private final long context;
    private final Thread owner;
    private final String renderer;
    private final String vendor;
    private final String glVersion;
    private final GLCapabilities capabilities;
    private final ResetNotification resetNotification;
    private final String resetNegotiation;
    private boolean closed;

    private EglContext(EglDevice device, long display, long context, GLCapabilities capabilities,
                       ResetNotification resetNotification, String resetNegotiation) {
        this.device = device;
        this.resetNotification = resetNotification;
        this.resetNegotiation = resetNegotiation;
        this.display = display;
        this.context = context;
        this.capabilities = capabilities;
        this.owner = Thread.currentThread();
        this.renderer = glGetString(GL_RENDERER);
        this.vendor = glGetString(GL_VENDOR);
        this.glVersion = glGetString(GL_VERSION);
    }

    /** The EGL devices of this machine, in enumeration order. Callable from any thread. */
    public static List<EglDevice> devices() {
        // Decided by the entry points, not by the names in the client extension string: glvnd's
        // libEGL and the vendors it loads spell the device extensions differently (NVIDIA's
        // stack reports EGL_EXT_device_base, which includes enumeration and query).
        org.lwjgl.egl.EGLCapabilities egl = org.lwjgl.egl.EGL.getCapabilities();
        if (egl.eglQueryDevicesEXT == 0 || egl.eglQueryDeviceStringEXT == 0 || egl.eglGetPlatformDisplayEXT == 0) {
            String extensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
            throw new NoSuchDeviceException("the EGL library (libEGL.so.1) has no eglQueryDevicesEXT, "
                    + "eglQueryDeviceStringEXT or eglGetPlatformDisplayEXT (EGL_EXT_device_enumeration, "
                    + "EGL_EXT_device_query, EGL_EXT_platform_device); a headless device display cannot be opened;"
                    + " its client extensions: " + (extensions == null || extensions.isBlank() ? "none" : extensions.trim()));
        }
        try (MemoryStack stack = MemoryStack.stackPush()) {
            PointerBuffer handles = stack.mallocPointer(MAX_DEVICES);
            int[] count = new int[1];
            if (!EXTDeviceEnumeration.eglQueryDevicesEXT(handles, count)) {
                throw new NoSuchDeviceException("eglQueryDevicesEXT failed: " + EglErrors.name(eglGetError()));
            }
            List<EglDevice> devices = new ArrayList<>();
            for (int i = 0; i < count[0]; i++) {
                long handle = handles.get(i);
                devices.add(new EglDevice(i, handle, EXTDeviceQuery.eglQueryDeviceStringEXT(handle, EGL_EXTENSIONS)));
            }
            return List.copyOf(devices);
        }
    }

    /**
     * Opens a context on the first device that {@code preference} allows and that opens; makes it
     * current on the calling thread.
     *
     * @throws NoSuchDeviceException when no device qualifies or none of those that do could be opened
     */
    public static EglContext open(DevicePreference preference) {
        List<EglDevice> found;
        try {
            found = devices();
        } catch (NoSuchDeviceException e) {
            // libglvnd's libEGL with no vendor library (Mesa, NVIDIA) behind it lacks these extensions.
            // A vendor library may be loaded by now: without releasing the thread's EGL state,
            // NVIDIA's crashes the JVM at exit.
            eglReleaseThread();
            throw new NoSuchDeviceException("--device " + preference.name().toLowerCase(Locale.ROOT)
                    + ": cannot list the EGL devices: " + e.getMessage() + " (is an EGL driver installed? libglvnd reads its"
                    + " vendor files from /usr/share/glvnd/egl_vendor.d, or from __EGL_VENDOR_LIBRARY_FILENAMES when set)", e);
        }
        List<EglDevice> candidates = preference.candidates(found);
        List<String> failures = new ArrayList<>();
        RuntimeException firstFailure = null;
        for (EglDevice device : candidates) {
            try {
                return openOn(device);
            } catch (RuntimeException e) {
                failures.add("#" + device.index() + " " + device.description() + ": " + e.getMessage());
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        throw new NoSuchDeviceException("--device " + preference.name().toLowerCase(Locale.ROOT)
                + ": no device could be opened; " + String.join("; ", failures) + "; found: " + EglDevice.describe(found),
                firstFailure);
    }

    private static EglContext openOn(EglDevice device) {
        long display = EglDisplays.acquire(device);
        long context = EGL_NO_CONTEXT;
        try {
            if (!hasExtension(eglQueryString(display, EGL_EXTENSIONS), "EGL_KHR_surfaceless_context")) {
                throw new IllegalStateException("the display lacks EGL_KHR_surfaceless_context");
            }
            if (!eglBindAPI(EGL_OPENGL_API)) {
                throw new IllegalStateException("eglBindAPI(EGL_OPENGL_API) failed: " + EglErrors.name(eglGetError()));
            }
            long config = chooseConfig(display);
            ResetNotification.Negotiated negotiated = ResetNotification.negotiate(
                    kind -> createContext(display, config, kind), EGL10::eglGetError);
            context = negotiated.context();
            if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
                throw new IllegalStateException("eglMakeCurrent without a surface failed: " + EglErrors.name(eglGetError()));
            }
            loadGlFunctions();
            GLCapabilities capabilities = GL.createCapabilities(true);
            if (!capabilities.OpenGL45) {
                throw new IllegalStateException("the context lacks OpenGL 4.5 core functions (looked up through eglGetProcAddress)");
            }
            ResetNotification notification = negotiated.notification();
            String tried = negotiated.tried();
            // What the context says it got is the truth: a driver may accept the attribute and ignore it.
            if (notification != ResetNotification.NONE
                    && glGetInteger(GL_RESET_NOTIFICATION_STRATEGY) != GL_LOSE_CONTEXT_ON_RESET) {
                notification = ResetNotification.NONE;
                tried += ", but the context reports GL_NO_RESET_NOTIFICATION";
            }
            return new EglContext(device, display, context, capabilities, notification, tried);
        } catch (RuntimeException e) {
            if (context != EGL_NO_CONTEXT) {
                eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
                eglDestroyContext(display, context);
            }
            EglDisplays.release(display);
            eglReleaseThread();
            throw e;
        }
    }

    /** An OpenGL 4.5 core context with {@code kind}'s reset notification attribute; EGL_NO_CONTEXT when refused. */
    private static long createContext(long display, long config, ResetNotification kind) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            java.nio.IntBuffer attributes = stack.mallocInt(9);
            attributes.put(EGL_CONTEXT_MAJOR_VERSION).put(4)
                    .put(EGL_CONTEXT_MINOR_VERSION).put(5)
                    .put(EGL_CONTEXT_OPENGL_PROFILE_MASK).put(EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT);
            if (kind != ResetNotification.NONE) {
                attributes.put(kind.attribute()).put(ResetNotification.EGL_LOSE_CONTEXT_ON_RESET);
            }
            attributes.put(EGL_NONE).flip();
            return eglCreateContext(display, config, EGL_NO_CONTEXT, attributes);
        }
    }

    /**
     * A config that can render OpenGL. We never draw to an EGL surface, but EGL's default surface
     * type is "window", which a device display has none of; ask for pbuffer-capable configs (both
     * Mesa and NVIDIA have them), else any surface type at all.
     */
    private static long chooseConfig(long display) {
        for (int surfaceType : new int[] {EGL_PBUFFER_BIT, 0}) {
            try (MemoryStack stack = MemoryStack.stackPush()) {
                PointerBuffer configs = stack.mallocPointer(1);
                java.nio.IntBuffer count = stack.mallocInt(1);
                boolean ok = eglChooseConfig(display, stack.ints(
                        EGL_SURFACE_TYPE, surfaceType,
                        EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
                        EGL_NONE), configs, count);
                if (ok && count.get(0) > 0) {
                    return configs.get(0);
                }
            }
        }
        throw new IllegalStateException("no EGL config renders OpenGL: " + EglErrors.name(eglGetError()));
    }

    /**
     * Points LWJGL's GL bindings at EGL's eglGetProcAddress, once per process. Left to itself,
     * LWJGL would load libGLX.so.0 / libGL.so.1 and look functions up through GLX, which a
     * headless render node need not have; with EGL_KHR_client_get_all_proc_addresses or EGL 1.5
     * (Mesa and NVIDIA both) eglGetProcAddress returns core functions as well as extensions. The
     * extension string is not consulted (glvnd's spelling varies by vendor): the capabilities read
     * afterwards say whether the 4.5 functions were found ({@link #openOn}).
     * OPENGL_EXPLICIT_INIT stops GL's static initialiser from loading the GLX library first.
     */
    private static synchronized void loadGlFunctions() {
        if (glFunctionsLoaded) {
            return;
        }
        Configuration.OPENGL_EXPLICIT_INIT.set(true);
        if (GL.getFunctionProvider() == null) {
            GL.create(name -> EGL10.eglGetProcAddress(name));
        }
        glFunctionsLoaded = true;
    }

    private static boolean hasExtension(String extensions, String name) {
        return extensions != null && java.util.Arrays.asList(extensions.trim().split("\\s+")).contains(name);
    }

    /** The device this context runs on. */
    public EglDevice device() {
        requireOpenOnOwnerThread();
        return device;
    }

    /** GL_RENDERER, e.g. {@code llvmpipe (LLVM 15.0.6, 256 bits)} or {@code NVIDIA H100 80GB HBM3/PCIe/SSE2}. */
    public String renderer() {
        requireOpenOnOwnerThread();
        return renderer;
    }

    /** GL_VENDOR, e.g. {@code Mesa} or {@code NVIDIA Corporation}. */
    public String vendor() {
        requireOpenOnOwnerThread();
        return vendor;
    }

    /** GL_VERSION, e.g. {@code 4.5 (Core Profile) Mesa 22.3.6}. */
    public String glVersion() {
        requireOpenOnOwnerThread();
        return glVersion;
    }

    /** What the context got for GPU resets (see {@link ResetNotification}). */
    public ResetNotification resetNotification() {
        requireOpenOnOwnerThread();
        return resetNotification;
    }

    /**
     * How it was asked for, each attempt with the driver's answer, e.g. {@code EGL 1.5 reset
     * notification (0x31BD): accepted}: for messages about a lost context.
     */
    public String resetNegotiation() {
        requireOpenOnOwnerThread();
        return resetNegotiation;
    }

    /**
     * {@code glGetGraphicsResetStatus} (OpenGL 4.5): GL_NO_ERROR, or the kind of reset this
     * context has seen (GL_GUILTY_CONTEXT_RESET, GL_INNOCENT_CONTEXT_RESET,
     * GL_UNKNOWN_CONTEXT_RESET). Always GL_NO_ERROR without reset notification.
     */
    public int graphicsResetStatus() {
        requireOpenOnOwnerThread();
        return glGetGraphicsResetStatus();
    }

    /** False for Mesa's software rasterizer, true for every other device. */
    public boolean isHardware() {
        requireOpenOnOwnerThread();
        return device.isHardware();
    }

    /**
     * Throws unless this context is open and the caller is the thread it is current on: GL calls
     * from any other thread would go to no context, or to another one.
     */
    public void requireOpenOnOwnerThread() {
        if (closed) {
            throw new IllegalStateException("the EGL context on " + device.description() + " is closed");
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("the EGL context is current on thread " + owner.getName()
                    + "; it cannot be used from thread " + Thread.currentThread().getName());
        }
    }

    /**
     * Makes this context current on its thread again if another one was made current since (a
     * second renderer opened on the same thread): GL calls go to whichever context is current.
     */
    public void makeCurrent() {
        requireOpenOnOwnerThread();
        // Current contexts are per client API, and eglReleaseThread (another context's close)
        // resets the thread's API to OpenGL ES: bind OpenGL again before asking what is current.
        eglBindAPI(EGL_OPENGL_API);
        if (eglGetCurrentContext() != context) {
            if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
                int error = eglGetError();
                if (error == EGL_CONTEXT_LOST) {
                    throw new GpuContextLostException(renderer, device, "eglMakeCurrent failed with EGL_CONTEXT_LOST",
                            "making the context current", resetNegotiation);
                }
                throw new IllegalStateException("eglMakeCurrent failed: " + EglErrors.name(error));
            }
        }
        // LWJGL keeps GL function pointers per thread; point them at this context's.
        GL.setCapabilities(capabilities);
    }

    /** Releases and destroys the context and gives the display back. Idempotent; owner thread only. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        makeCurrent();
        closed = true;
        GL.setCapabilities(null);
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(display, context);
        EglDisplays.release(display);
        eglReleaseThread();
    }
}
