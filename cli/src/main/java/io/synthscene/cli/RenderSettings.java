package io.synthscene.cli;

import io.synthscene.annotators.ImageFormat;
import io.synthscene.annotators.MaskFormat;
import io.synthscene.engine.DevicePreference;
import java.util.List;

/**
 * The render command's options, checked. {@code frames}, {@code seed} and {@code size} are null
 * when the scene's own values apply. {@code formats} are the label formats written besides COCO
 * (which every render writes); {@code maskFormat} is how COCO's segmentation is written.
 */
record RenderSettings(Integer frames, Long seed, DevicePreference device, ImageFormat imageFormat,
                      int jpegQuality, int msaaSamples, int threads, ImageSize size,
                      List<ExportFormat> formats, MaskFormat maskFormat) {

    RenderSettings {
        formats = List.copyOf(formats);
    }

    /** COCO only, with RLE masks. */
    RenderSettings(Integer frames, Long seed, DevicePreference device, ImageFormat imageFormat,
                   int jpegQuality, int msaaSamples, int threads, ImageSize size) {
        this(frames, seed, device, imageFormat, jpegQuality, msaaSamples, threads, size, List.of(), MaskFormat.RLE);
    }

    /** The same options writing images in {@code format}. */
    RenderSettings withImageFormat(ImageFormat format) {
        return new RenderSettings(frames, seed, device, format, jpegQuality, msaaSamples, threads, size, formats,
                maskFormat);
    }
}
