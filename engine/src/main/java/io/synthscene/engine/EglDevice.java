package io.synthscene.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One EGL device as enumerated by {@code eglQueryDevicesEXT}: its native handle (an
 * {@code EGLDeviceEXT}, valid for the life of the process), its position in the enumeration and
 * its device extension string.
 *
 * <p>A device that reports {@code EGL_MESA_device_software} is Mesa's software rasterizer
 * (llvmpipe); every other device counts as hardware (NVIDIA's reports {@code EGL_NV_device_cuda},
 * Mesa's GPU drivers {@code EGL_EXT_device_drm}).
 */
public record EglDevice(int index, long handle, String extensions) {
    static final String SOFTWARE_EXTENSION = "EGL_MESA_device_software";

    /** The extensions that tell a reader what kind of device this is; others are left out of messages. */
    private static final Set<String> TELLING_EXTENSIONS = Set.of(
            "EGL_NV_device_cuda", "EGL_EXT_device_drm", "EGL_EXT_device_drm_render_node");

    public EglDevice {
        extensions = extensions == null ? "" : extensions.trim();
    }

    public boolean hasExtension(String name) {
        return Arrays.asList(extensions.split("\\s+")).contains(name);
    }

    public boolean isHardware() {
        return !hasExtension(SOFTWARE_EXTENSION);
    }

    /** E.g. {@code software (EGL_MESA_device_software)} or {@code hardware (EGL_NV_device_cuda EGL_EXT_device_drm)}. */
    public String description() {
        if (!isHardware()) {
            // Mesa's software device also lists EGL_EXT_device_drm_render_node; that tells a reader nothing.
            return "software (" + SOFTWARE_EXTENSION + ")";
        }
        List<String> telling = new ArrayList<>();
        for (String extension : extensions.split("\\s+")) {
            if (TELLING_EXTENSIONS.contains(extension)) {
                telling.add(extension);
            }
        }
        String shown = telling.isEmpty() ? (extensions.isEmpty() ? "no device extensions" : extensions) : String.join(" ", telling);
        return "hardware (" + shown + ")";
    }

    /** E.g. {@code 1 device: software (EGL_MESA_device_software)}; {@code 0 devices} when none. */
    public static String describe(List<EglDevice> devices) {
        if (devices.isEmpty()) {
            return "0 devices";
        }
        if (devices.size() == 1) {
            return "1 device: " + devices.get(0).description();
        }
        List<String> each = new ArrayList<>();
        for (EglDevice device : devices) {
            each.add("#" + device.index() + " " + device.description());
        }
        return devices.size() + " devices: " + String.join(", ", each);
    }
}
