package io.synthscene.cli;

import io.synthscene.annotators.ImageEncoder;
import io.synthscene.annotators.ImageFormat;
import io.synthscene.annotators.InstanceAnnotator;
import io.synthscene.annotators.LensWarp;
import io.synthscene.assets.AssetLibrary;
import io.synthscene.engine.DevicePreference;
import io.synthscene.engine.Renderer;
import io.synthscene.scenes.FrameJson;
import io.synthscene.scenes.Scene;
import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Measures where the time of a batch goes, stage by stage, on the frames of a scene:
 * <ol>
 * <li>one thread doing all of a frame's GL-side work, cold (the pipeline moves the sampling and
 *     mesh building of it to its {@link FramePrefetcher}'s threads): sampling, mesh building and uploads on first
 *     use, render and synchronous readback;</li>
 * <li>render only: draw every pass, read nothing back, {@code glFinish} before the clock stops;</li>
 * <li>render + readback: {@link Renderer#render} (what the pipeline does), and through the ring of
 *     pixel buffer objects ({@link Renderer#startRender} / {@link Renderer#collectRender});</li>
 * <li>annotate + encode on one thread, on frames rendered beforehand: instance annotations, colour
 *     (PNG or JPEG), the 16-bit mask and the frame JSON, encoded but not written;</li>
 * <li>the whole {@link RenderPipeline}, as it is, writing a dataset into a temporary folder that
 *     is deleted after, once with PNG and once with JPEG colour.</li>
 * </ol>
 * Each stage sees the same frames 0..frames-1. A scene with a camera rig is timed by rig frame:
 * every stage renders and encodes each camera's view of a frame, as the pipeline does. The first stage samples them and fills the mesh cache;
 * the render stages after it reuse both, so they time the device and the readback alone (as far as
 * the mesh cache holds every frame's meshes). The pipeline runs cold: it opens its own GL context,
 * included in its time, and samples and builds meshes again. The passes are the pipeline's: COLOR and
 * what the instance annotator needs.
 *
 * <p>Created and run by {@link BenchCommand} on the thread that will own the GL context.
 */
final class ThroughputBench {
    private static final int WARM_UP_FRAMES = 5;
    /** Distinct rendered frames kept for the annotate-and-encode stage, reused in turn. */
    private static final int ENCODE_SAMPLE_FRAMES = 8;

    private final Scene scene;
    private final DevicePreference device;
    private final int width;
    private final int height;
    private final int frames;
    private final int threads;
    private final int msaaSamples;
    private final int jpegQuality;
    private final Path scratchParent;
    private final PrintWriter log;

    ThroughputBench(Scene scene, DevicePreference device, ImageSize size, int frames, int threads, int msaaSamples,
                    int jpegQuality, Path scratchParent, PrintWriter log) {
        this.scene = scene;
        this.device = device;
        this.width = size != null ? size.width() : scene.width();
        this.height = size != null ? size.height() : scene.height();
        this.frames = frames;
        this.threads = threads;
        this.msaaSamples = msaaSamples;
        this.jpegQuality = jpegQuality;
        this.scratchParent = scratchParent;
        this.log = log;
    }

    BenchReport run() {
        String date = Instant.now().toString();
        Set<RenderPass> passes = EnumSet.of(RenderPass.COLOR);
        passes.addAll(new InstanceAnnotator().requiredPasses());
        List<Frame> sampled = new ArrayList<>(frames);
        String deviceName;
        boolean hardware;
        double openMillis;
        BenchReport.Measurement renderThread;
        BenchReport.Measurement renderOnly;
        BenchReport.Measurement readback;
        BenchReport.Measurement readbackRing;
        List<Frame> encodeFrames;
        List<RenderedFrame> encodeRendered = new ArrayList<>();
        long openStart = System.nanoTime();
        try (Renderer renderer = Renderer.open(device, width, height, msaaSamples, new AssetLibrary())) {
            openMillis = (System.nanoTime() - openStart) / 1e6;
            deviceName = renderer.deviceName();
            hardware = renderer.isHardware();
            progress("device: %s; warming up", deviceName);
            if (scene.cameraNames().size() > 1) {
                progress("the scene has a camera rig of %d cameras: every figure is per rig frame (%d images)",
                        scene.cameraNames().size(), scene.cameraNames().size());
            }
            // Frames beyond the measured ones, untimed: JIT, shaders and driver warm, but none of
            // the measured frames' meshes in the cache yet.
            for (int i = frames; i < frames + WARM_UP_FRAMES; i++) {
                for (Frame view : views(RenderPipeline.withImageSize(scene.sampleFrame(scene.seed(), i), width, height))) {
                    renderer.render(view, passes);
                }
            }
            progress("measuring sample + build meshes + render + readback on one thread");
            // A frame's whole GL-side work on one thread, cold: sample it, build and upload meshes on
            // first use, render, read back (the pipeline samples and builds on other threads). It also warms up the JIT and the mesh cache for the rest.
            renderThread = rate(() -> {
                for (int i = 0; i < frames; i++) {
                    for (Frame view : views(RenderPipeline.withImageSize(scene.sampleFrame(scene.seed(), i), width, height))) {
                        sampled.add(view);
                        renderer.render(view, passes);
                    }
                }
            });
            progress("measuring render only");
            renderOnly = rate(() -> {
                for (Frame frame : sampled) {
                    renderer.drawOnly(frame, passes);
                }
                renderer.finish();
            });
            progress("measuring render + readback");
            readback = rate(() -> {
                for (Frame frame : sampled) {
                    renderer.render(frame, passes);
                }
            });
            readbackRing = rate(() -> {
                for (Frame frame : sampled) {
                    if (renderer.framesInFlight() == Renderer.READBACK_RING_SIZE) {
                        renderer.collectRender();
                    }
                    renderer.startRender(frame, passes);
                }
                while (renderer.framesInFlight() > 0) {
                    renderer.collectRender();
                }
            });
            encodeFrames = List.copyOf(sampled.subList(0, Math.min(ENCODE_SAMPLE_FRAMES, frames)));
            for (Frame frame : encodeFrames) {
                encodeRendered.add(renderer.render(frame, passes));
            }
        }

        progress("measuring annotate + encode on one thread");
        BenchReport.Measurement encodePng = annotateEncodeRate(encodeFrames, encodeRendered, ImageFormat.PNG);
        BenchReport.Measurement encodeJpeg = annotateEncodeRate(encodeFrames, encodeRendered, ImageFormat.JPG);
        encodeRendered.clear();
        progress("measuring the whole pipeline, PNG colour");
        BenchReport.Measurement pipelinePng = pipelineRate(ImageFormat.PNG);
        progress("measuring the whole pipeline, JPEG colour");
        BenchReport.Measurement pipelineJpeg = pipelineRate(ImageFormat.JPG);
        long peak = ProcessMemory.peakResidentBytes();

        return new BenchReport(String.valueOf(scene.file()), date, deviceName, hardware, width, height, frames, threads,
                msaaSamples, jpegQuality, openMillis, renderThread, renderOnly, readback, readbackRing, encodePng, encodeJpeg,
                pipelinePng, pipelineJpeg,
                BenchReport.efficiency(pipelinePng.fps(), readback.fps(), encodePng.fps(), threads),
                BenchReport.efficiency(pipelineJpeg.fps(), readback.fps(), encodeJpeg.fps(), threads),
                peak < 0 ? -1 : peak / (1024.0 * 1024.0));
    }

    /** What the renderer draws for a frame: each camera's view (one without a rig), as a pinhole frame. */
    private static List<Frame> views(Frame frame) {
        return frame.views().stream().map(view -> LensWarp.pinholeFrame(view.frame())).toList();
    }

    /** The per-frame work of a pipeline worker, minus the file writes, on the calling thread. */
    private BenchReport.Measurement annotateEncodeRate(List<Frame> sampleFrames, List<RenderedFrame> rendered, ImageFormat format) {
        InstanceAnnotator annotator = new InstanceAnnotator();
        ImageEncoder encoder = new ImageEncoder();
        int n = sampleFrames.size();
        Runnable all = () -> annotateEncode(sampleFrames, rendered, format, frames * scene.cameraNames().size(), annotator,
                encoder);
        // One untimed pass over the sample frames warms up the JIT, OpenCV and Jackson.
        annotateEncode(sampleFrames, rendered, format, n, annotator, encoder);
        return rate(all);
    }

    private void annotateEncode(List<Frame> sampleFrames, List<RenderedFrame> rendered, ImageFormat format, int count,
                                InstanceAnnotator annotator, ImageEncoder encoder) {
        int n = sampleFrames.size();
        for (int i = 0; i < count; i++) {
            Frame frame = sampleFrames.get(i % n);
            RenderedFrame pixels = rendered.get(i % n);
            annotator.annotate(frame, pixels);
            encoder.encodeColor(pixels, format, jpegQuality);
            encoder.encodeInstanceMask(pixels.instanceIds(), pixels.width(), pixels.height());
            FrameJson.toJson(frame);
        }
    }

    /** Frames/s of the unchanged RenderPipeline writing a whole dataset (GL context opening included). */
    private BenchReport.Measurement pipelineRate(ImageFormat format) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory(scratchParent, "synthscene-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder in " + scratchParent, e);
        }
        try {
            RenderSettings settings = new RenderSettings(frames, scene.seed(), device, format, jpegQuality, msaaSamples,
                    threads, new ImageSize(width, height));
            OutputFolder folder = OutputFolder.check(scratch.resolve("dataset"), false);
            RenderPipeline pipeline = new RenderPipeline(scene, settings, folder, RunRecord.of(scene, settings, Shard.WHOLE),
                    java.time.Instant.now().toString(), new PrintWriter(Writer.nullWriter()), () -> false);
            return rate(pipeline::run);
        } finally {
            deleteRecursively(scratch);
        }
    }

    /**
     * Wall-clock frames/s of {@code work} (which handles {@code frames} frames), and the CPU time
     * the whole process spent on it per frame: every thread, llvmpipe's rasterizer threads and
     * the pipeline's workers included. On a shared machine the wall-clock rate drops with the
     * other load; the CPU time per frame much less so.
     */
    private BenchReport.Measurement rate(Runnable work) {
        long cpuStart = ProcessCpuTime.nanos();
        long start = System.nanoTime();
        work.run();
        long wall = System.nanoTime() - start;
        long cpu = ProcessCpuTime.nanos() - cpuStart;
        return new BenchReport.Measurement(frames / (wall / 1e9), cpuStart < 0 ? -1 : cpu / 1e6 / frames);
    }

    private void progress(String format, Object... args) {
        log.printf("bench: " + format + "%n", args);
        log.flush();
    }


    private static void deleteRecursively(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the bench's temporary folder " + root, e);
        }
    }
}
