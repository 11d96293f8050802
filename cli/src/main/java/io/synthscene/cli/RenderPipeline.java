package io.synthscene.cli;

import io.synthscene.annotators.CocoDatasetWriter;
import io.synthscene.annotators.DatasetMetadata;
import io.synthscene.annotators.DatasetMetadataWriter;
import io.synthscene.annotators.ImageFormat;
import io.synthscene.annotators.SemanticLabels;
import io.synthscene.assets.AssetLibrary;
import io.synthscene.engine.Renderer;
import io.synthscene.scenes.Scene;
import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Renders a whole batch. The calling thread owns the GL context and only samples and renders;
 * a pool of workers annotates, encodes and writes each frame while the next one renders. A
 * bounded number of frames is in flight at once, so memory stays flat however long the batch.
 *
 * <p>Files of a frame depend only on (scene, seed, frame index) and the options, never on timing
 * or thread count; the COCO file is assembled in frame order at the end, and {@code dataset.json}
 * is written last.
 */
final class RenderPipeline {
    private final Scene scene;
    private final RenderSettings settings;
    private final OutputFolder folder;
    private final PrintWriter log;

    RenderPipeline(Scene scene, RenderSettings settings, OutputFolder folder, PrintWriter log) {
        this.scene = scene;
        this.settings = settings;
        this.folder = folder;
        this.log = log;
    }

    void run() {
        int frameCount = settings.frames() != null ? settings.frames() : scene.frames();
        long seed = settings.seed() != null ? settings.seed() : scene.seed();
        int width = settings.size() != null ? settings.size().width() : scene.width();
        int height = settings.size() != null ? settings.size().height() : scene.height();
        String startedAt = Instant.now().toString();

        try (Renderer renderer = Renderer.open(settings.device(), width, height, settings.msaaSamples(), new AssetLibrary())) {
            log.printf("device: %s (%s)%n", renderer.deviceName(), renderer.isHardware() ? "hardware GPU" : "software rasterizer");
            log.printf("rendering %d frames of %s at %dx%d, seed %d, into %s%n",
                    frameCount, scene.file(), width, height, seed, folder.root());
            log.flush();
            folder.create();
            DatasetLayout layout = new DatasetLayout(folder.root());
            createFolders(layout);

            FrameWriter.WrittenFrame[] written = renderAll(renderer, layout, frameCount, seed, width, height);

            CocoDatasetWriter coco = new CocoDatasetWriter(scene.categories());
            for (FrameWriter.WrittenFrame frame : written) {
                coco.addImage(frame.index(), frame.imageFileName(), frame.width(), frame.height(), frame.camera(),
                        frame.annotations());
            }
            coco.write(layout.cocoInstances());
            DatasetMetadataWriter.write(layout.metadata(), new DatasetMetadata(
                    VersionInfo.version(), VersionInfo.gitCommit(),
                    scene.file() == null ? null : scene.file().toAbsolutePath().normalize().toString(), scene.sha256(),
                    seed, frameCount, width, height, renderer.deviceName(), renderer.isHardware(),
                    settings.imageFormat().extension().substring(1),
                    settings.imageFormat() == ImageFormat.JPG ? settings.jpegQuality() : null, settings.msaaSamples(),
                    startedAt, Instant.now().toString()));
            log.printf("wrote %d frames to %s%n", frameCount, folder.root());
            log.flush();
        }
    }

    private FrameWriter.WrittenFrame[] renderAll(Renderer renderer, DatasetLayout layout, int frameCount, long seed,
                                                 int width, int height) {
        FrameWriter frameWriter = new FrameWriter(layout, settings, scene.outputs(),
                SemanticLabels.fitsEightBits(scene.categories()));
        Set<RenderPass> passes = frameWriter.requiredPasses();
        FrameWriter.WrittenFrame[] written = new FrameWriter.WrittenFrame[frameCount];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Semaphore inFlight = new Semaphore(settings.threads() * 2);
        ExecutorService workers = Executors.newFixedThreadPool(settings.threads(), workerThreads());
        try (ProgressReporter progress = ProgressReporter.forConsole(frameCount, log)) {
            for (int i = 0; i < frameCount && failure.get() == null; i++) {
                Frame frame = withImageSize(scene.sampleFrame(seed, i), width, height);
                RenderedFrame rendered = renderer.render(frame, passes);
                acquire(inFlight);
                int index = i;
                workers.execute(() -> {
                    try {
                        written[index] = frameWriter.write(frame, rendered);
                        progress.frameDone();
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    } finally {
                        inFlight.release();
                    }
                });
            }
            workers.shutdown();
            awaitTermination(workers);
        } finally {
            workers.shutdownNow();
        }
        Throwable t = failure.get();
        if (t != null) {
            throw new IllegalStateException("a frame could not be written", t);
        }
        return written;
    }

    /** The scene's frame at another image size: same camera, same field of view, more or fewer pixels. */
    private static Frame withImageSize(Frame frame, int width, int height) {
        Camera c = frame.camera();
        if (c.width() == width && c.height() == height) {
            return frame;
        }
        Camera resized = new Camera(c.position(), c.yawDegrees(), c.pitchDegrees(), c.rollDegrees(), c.hfovDegrees(),
                c.nearMeters(), c.farMeters(), width, height);
        return new Frame(frame.index(), frame.sceneSeed(), resized, frame.lighting(), frame.ground(),
                frame.categories(), frame.objects());
    }

    private void createFolders(DatasetLayout layout) {
        try {
            Files.createDirectories(layout.imagesDir());
            Files.createDirectories(layout.instanceMasksDir());
            Files.createDirectories(layout.framesDir());
            if (scene.outputs().semanticMasks()) {
                Files.createDirectories(layout.semanticMasksDir());
            }
            if (scene.outputs().depth()) {
                Files.createDirectories(layout.depthDir());
            }
            Files.createDirectories(layout.annotationsDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the dataset folders", e);
        }
    }

    private static java.util.concurrent.ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "frame-writer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void acquire(Semaphore semaphore) {
        try {
            semaphore.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void awaitTermination(ExecutorService workers) {
        try {
            while (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
                // keep waiting: frames are still being written
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
