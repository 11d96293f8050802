package io.synthscene.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Locale;

/**
 * The figures of one {@code synthscene bench} run. Each stage has its wall-clock rate (frames per
 * second) and the process's CPU time per frame; the annotate-and-encode stages run on one thread; efficiency is the whole pipeline's rate over
 * the lower of the two limits it is built from:
 * {@code pipeline / min(render + readback, annotate-and-encode per thread x threads)}.
 *
 * <p>Created by {@link ThroughputBench}; printed as a table and written as JSON by {@link BenchCommand}.
 */
record BenchReport(
        @JsonProperty("scene") String scene,
        @JsonProperty("date") String date,
        @JsonProperty("device") String device,
        @JsonProperty("hardware") boolean hardware,
        @JsonProperty("width") int width,
        @JsonProperty("height") int height,
        @JsonProperty("frames") int frames,
        @JsonProperty("threads") int threads,
        @JsonProperty("msaa") int msaa,
        @JsonProperty("jpeg_quality") int jpegQuality,
        @JsonProperty("context_open_ms") double contextOpenMillis,
        @JsonProperty("render_thread_cold") Measurement renderThreadCold,
        @JsonProperty("render_only") Measurement renderOnly,
        @JsonProperty("render_readback") Measurement renderReadback,
        @JsonProperty("render_readback_pbo_ring") Measurement renderReadbackRing,
        @JsonProperty("annotate_encode_png") Measurement annotateEncodePng,
        @JsonProperty("annotate_encode_jpeg") Measurement annotateEncodeJpeg,
        @JsonProperty("pipeline_png") Measurement pipelinePng,
        @JsonProperty("pipeline_jpeg") Measurement pipelineJpeg,
        @JsonProperty("efficiency_png") double efficiencyPng,
        @JsonProperty("efficiency_jpeg") double efficiencyJpeg,
        @JsonProperty("peak_rss_mib") double peakRssMib) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** pipeline / min(render + readback, annotate-and-encode per thread x threads). */
    static double efficiency(double pipelineFps, double renderReadbackFps, double annotateEncodeFpsPerThread, int threads) {
        return pipelineFps / Math.min(renderReadbackFps, annotateEncodeFpsPerThread * threads);
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a bench report always serialises", e);
        }
    }

    /** A plain-text table for a terminal or a log. */
    String toTable() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "device: %s (%s)%n", device, hardware ? "hardware GPU" : "software rasterizer"));
        out.append(String.format(Locale.ROOT, "scene %s, %dx%d, %d frames a measurement, msaa %d, %d worker thread(s), JPEG q%d%n",
                scene, width, height, frames, msaa, threads, jpegQuality));
        out.append(String.format(Locale.ROOT, "%-52s %10s %10s %12s%n", "measurement", "frames/s", "ms/frame", "CPU ms/frame"));
        row(out, "one thread, cold (sample, build meshes, render)", renderThreadCold);
        row(out, "render only (glFinish)", renderOnly);
        row(out, "render + readback (synchronous)", renderReadback);
        row(out, "render + readback (PBO ring)", renderReadbackRing);
        row(out, "annotate + encode, PNG colour (per thread)", annotateEncodePng);
        row(out, "annotate + encode, JPEG colour (per thread)", annotateEncodeJpeg);
        row(out, "whole pipeline, PNG colour", pipelinePng);
        row(out, "whole pipeline, JPEG colour", pipelineJpeg);
        out.append(String.format(Locale.ROOT, "efficiency, PNG:  %.2f  (pipeline / min(render + readback, annotate-encode x %d threads))%n",
                efficiencyPng, threads));
        out.append(String.format(Locale.ROOT, "efficiency, JPEG: %.2f%n", efficiencyJpeg));
        out.append(String.format(Locale.ROOT, "GL context open: %.0f ms (included in each whole-pipeline run)%n", contextOpenMillis));
        out.append(String.format(Locale.ROOT, "peak resident memory (VmHWM): %.0f MiB%n", peakRssMib));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, Measurement m) {
        out.append(String.format(Locale.ROOT, "%-52s %10.1f %10.2f %12.2f%n", name, m.fps(), 1000.0 / m.fps(), m.cpuMsPerFrame()));
    }

    /**
     * One stage's figures: wall-clock frames/s, and CPU milliseconds per frame of the whole
     * process (all threads; -1 where the JVM cannot tell).
     */
    record Measurement(@JsonProperty("fps") double fps, @JsonProperty("cpu_ms_per_frame") double cpuMsPerFrame) {
    }
}
