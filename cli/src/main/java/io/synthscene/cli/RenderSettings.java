package io.synthscene.cli;

import io.synthscene.annotators.ImageFormat;
import io.synthscene.engine.DevicePreference;

/**
 * The render command's options, checked. {@code frames}, {@code seed} and {@code size} are null
 * when the scene's own values apply.
 */
record RenderSettings(Integer frames, Long seed, DevicePreference device, ImageFormat imageFormat,
                      int jpegQuality, int msaaSamples, int threads, ImageSize size) {
}
