package io.synthscene.cli;

import io.synthscene.assets.AssetLibrary;
import io.synthscene.engine.DevicePreference;
import io.synthscene.engine.Renderer;
import io.synthscene.scenes.frame.Sensor;

/**
 * The engine's camera sensor ({@link Renderer#applySensor}) for photos of any size: a renderer
 * serves one size, so one is opened on the first photo that needs the sensor and opened again
 * only when the size changes (photos of one camera share a size). Opened and closed by the
 * augment run on its thread; the device is printed when first opened.
 */
final class PhotoSensor implements AutoCloseable {
    private final DevicePreference device;
    private final java.io.PrintWriter log;
    private Renderer renderer;
    private int opened;
    private String deviceName;

    PhotoSensor(DevicePreference device, java.io.PrintWriter log) {
        this.device = device;
        this.log = log;
    }

    /** @param rgb sRGB bytes, row-major, top row first; not modified */
    byte[] apply(Sensor sensor, long noiseSeed, byte[] rgb, int width, int height) {
        if (sensor == null || sensor.changesNothing()) {
            return rgb;
        }
        if (renderer == null || renderer.width() != width || renderer.height() != height) {
            close();
            renderer = Renderer.open(device, width, height, 1, new AssetLibrary());
            if (opened++ == 0) {
                deviceName = renderer.deviceName();
                log.printf("sensor effects on %s%n", deviceName);
            }
        }
        return renderer.applySensor(sensor, noiseSeed, 0, rgb);
    }

    /** The device name, or null when no photo needed the sensor. */
    String deviceName() {
        return deviceName;
    }

    /** How many times a renderer was opened (once per change of photo size). */
    int renderersOpened() {
        return opened;
    }

    @Override
    public void close() {
        if (renderer != null) {
            renderer.close();
            renderer = null;
        }
    }
}
