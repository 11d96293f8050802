package io.synthscene.engine;

/**
 * No EGL device matches the {@link DevicePreference}, or none of the matching ones could be
 * opened. The message lists the devices that were found, so a user can see why.
 */
public class NoSuchDeviceException extends RuntimeException {
    public NoSuchDeviceException(String message) {
        super(message);
    }

    public NoSuchDeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
