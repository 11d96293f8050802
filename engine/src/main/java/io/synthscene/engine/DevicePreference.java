package io.synthscene.engine;

import java.util.List;

/**
 * Which EGL device the renderer may use. Chosen by the user ({@code --device auto|gpu|cpu});
 * {@link #candidates} turns it into the devices to try, in order.
 */
public enum DevicePreference {
    /** A hardware device if there is one, else the software rasterizer. */
    AUTO,
    /** A hardware device only; fails with {@link NoSuchDeviceException} rather than fall back to software. */
    GPU,
    /** The software rasterizer (Mesa llvmpipe) only, even where a GPU exists: for reproducible CI renders. */
    CPU;

    /**
     * The devices this preference allows, best first: hardware devices in enumeration order, then
     * software ones (AUTO); only hardware (GPU); only software (CPU).
     *
     * @throws NoSuchDeviceException when no device qualifies; the message lists what was found
     */
    public List<EglDevice> candidates(List<EglDevice> found) {
        List<EglDevice> hardware = found.stream().filter(EglDevice::isHardware).toList();
        List<EglDevice> software = found.stream().filter(d -> !d.isHardware()).toList();
        List<EglDevice> allowed = switch (this) {
            case AUTO -> java.util.stream.Stream.concat(hardware.stream(), software.stream()).toList();
            case GPU -> hardware;
            case CPU -> software;
        };
        if (allowed.isEmpty()) {
            String wanted = switch (this) {
                case AUTO -> "no EGL device found";
                case GPU -> "no hardware EGL device found";
                case CPU -> "no software EGL device (EGL_MESA_device_software) found";
            };
            throw new NoSuchDeviceException("--device " + name().toLowerCase(java.util.Locale.ROOT) + ": " + wanted
                    + "; found: " + EglDevice.describe(found));
        }
        return allowed;
    }
}
