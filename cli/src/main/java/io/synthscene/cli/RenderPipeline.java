package io.synthscene.cli;

import io.synthscene.annotators.AnnotatedFrame;
import io.synthscene.annotators.CocoDatasetWriter;
import io.synthscene.annotators.CocoInfo;
import io.synthscene.annotators.export.DatasetExporter;
import io.synthscene.annotators.DatasetMetadata;
import io.synthscene.annotators.DatasetMetadataWriter;
import io.synthscene.annotators.DatasetShard;
import io.synthscene.annotators.ImageFormat;
import io.synthscene.annotators.SemanticLabels;
import io.synthscene.assets.AssetLibrary;
import io.synthscene.annotators.LensWarp;
import io.synthscene.engine.FramePixels;
import io.synthscene.engine.GpuContextLostException;
import io.synthscene.engine.Renderer;
import io.synthscene.scenes.Scene;
import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.RigView;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.BitSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Renders a whole batch, or one shard of it. The calling thread owns the GL context and only
 * uploads meshes and renders (a {@link FramePrefetcher} samples the frames and builds their meshes
 * ahead, on threads of its own), reading each frame back through the renderer's ring of pixel buffer objects
 * (frame k's pixels travel while frame k+1 draws); a pool of workers annotates, encodes and writes
 * each frame while the next ones render. A bounded number of frames is in flight at once, so memory stays flat however long
 * the batch.
 *
 * <p>Files of a frame depend only on (scene, seed, frame index) and the options, never on timing,
 * thread count or shard; the COCO file is assembled in frame order at the end, and
 * {@code dataset.json} is written last.
 *
 * <p>A fresh run writes its {@link RunRecord} before the first frame. A resumed run tidies what a
 * killed process left ({@link InterruptedRun}), renders only the frames not done, and reads the
 * done frames' annotations back from their masks ({@link WrittenFrameReader}). When asked to stop
 * (a signal), it starts no new frame, lets the frames in flight be written, and returns without
 * writing the COCO file or {@code dataset.json}.
 */
final class RenderPipeline {
    /**
     * How a run ended: all frames of its shard written (and the COCO file and dataset.json), or
     * stopped early: by a signal, or because the GPU context was lost ({@code contextLost}, else null).
     */
    record Outcome(boolean complete, int framesDone, int framesInShard, GpuContextLostException contextLost) {
        Outcome(boolean complete, int framesDone, int framesInShard) {
            this(complete, framesDone, framesInShard, null);
        }
    }

    private final Scene scene;
    private final RenderSettings settings;
    private final OutputFolder folder;
    private final RunRecord run;
    private final String startedAt;
    private final PrintWriter log;
    private final BooleanSupplier stopRequested;
    /** Set by {@link #renderAll} when the renderer's context was lost; the run then stops like on a signal. */
    private GpuContextLostException contextLost;

    /** @param startedAt when the run first started, ISO-8601 (for a resumed run, its first session) */
    RenderPipeline(Scene scene, RenderSettings settings, OutputFolder folder, RunRecord run, String startedAt,
                   PrintWriter log, BooleanSupplier stopRequested) {
        this.scene = scene;
        this.settings = settings;
        this.folder = folder;
        this.run = run;
        this.startedAt = startedAt;
        this.log = log;
        this.stopRequested = stopRequested;
    }

    Outcome run() {
        Shard shard = run.shard();
        int first = shard.firstFrame(run.frames());
        int end = shard.endFrame(run.frames());
        int width = run.width();
        int height = run.height();

        checkModelFiles();
        AssetLibrary assets = new AssetLibrary(); // one mesh cache for the renderer, the 3-D boxes and the keypoints
        AssetGeometry geometry = new AssetGeometry(assets);
        FramePrefetcher.CurrentFrameMeshes meshes = new FramePrefetcher.CurrentFrameMeshes(assets);
        try (Renderer renderer = Renderer.open(settings.device(), width, height, settings.msaaSamples(), meshes)) {
            log.printf("device: %s (%s)%n", renderer.deviceName(), renderer.isHardware() ? "hardware GPU" : "software rasterizer");
            if (shard.isWhole()) {
                log.printf("rendering %d frames of %s at %dx%d, seed %d, into %s%n",
                        run.frames(), scene.file(), width, height, run.seed(), folder.root());
            } else {
                log.printf("rendering shard %s: %s (%d of %d) of %s at %dx%d, seed %d, into %s%n", shard,
                        end > first ? "frames " + first + ".." + (end - 1) : "no frames, the run has fewer frames than shards",
                        end - first, run.frames(), scene.file(), width, height, run.seed(), folder.root());
            }
            log.flush();
            folder.create();
            DatasetLayout layout = new DatasetLayout(folder.root());
            BitSet done = new BitSet();
            if (folder.resuming()) {
                InterruptedRun.Tidied tidied = InterruptedRun.tidy(layout, settings.imageFormat(), first, end,
                        scene.cameraNames());
                done = tidied.doneFrames();
                log.printf("resuming: %d of %d frames already done; removed %d partly written frame(s) and %d temporary file(s)%n",
                        done.cardinality(), end - first, tidied.partialFramesRemoved(), tidied.temporaryFilesRemoved());
                log.flush();
            } else {
                run.write(folder.runRecordFile());
            }
            createFolders(layout);

            AnnotatedFrame[][] written = renderAll(renderer, meshes, assets, layout, first, end, done, geometry);
            int framesDone = 0;
            for (int i = first; i < end; i++) {
                framesDone += written[i - first] != null || done.get(i) ? 1 : 0;
            }
            if (framesDone < end - first || contextLost != null) {
                return new Outcome(false, framesDone, end - first, contextLost);
            }

            writeLabels(layout, written);
            DatasetMetadataWriter.write(layout.metadata(), new DatasetMetadata(
                    VersionInfo.version(), VersionInfo.gitCommit(), run.sceneFile(), run.sceneSha256(),
                    run.seed(), end - first, new DatasetShard(shard.index(), shard.count(), first, run.frames()),
                    width, height, renderer.deviceName(), renderer.isHardware(), run.imageFormat(), run.jpegQuality(),
                    run.msaaSamples(), startedAt, Instant.now().toString(), renderer.resetNotification().metadataName()));
            log.printf("wrote %d frames to %s%n", end - first, folder.root());
            log.flush();
            return new Outcome(true, end - first, end - first);
        }
    }

    /** COCO, then the other label formats asked for, from every frame's records. */
    private void writeLabels(DatasetLayout layout, AnnotatedFrame[][] byFrame) {
        java.util.List<AnnotatedFrame> frames = java.util.Arrays.stream(byFrame).flatMap(java.util.Arrays::stream).toList();
        CocoDatasetWriter coco = new CocoDatasetWriter(scene.categories(), CocoInfo.synthscene(), settings.maskFormat());
        for (AnnotatedFrame frame : frames) {
            coco.add(frame);
        }
        coco.write(layout.cocoInstances());
        for (ExportFormat format : settings.formats()) {
            DatasetExporter exporter = format.exporter(layout.root(), scene.categories());
            try {
                for (AnnotatedFrame frame : frames) {
                    exporter.addFrame(frame);
                }
                exporter.finish();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the " + format.cliName() + " labels", e);
            }
        }
    }

    /**
     * Imports each model file the scene names once, before --out is created: the renderer loads
     * meshes only when a frame first places one, by which time the folder exists, and a damaged
     * file is bad input that must leave nothing behind (exit 2, {@link io.synthscene.assets.AssetLoadException}).
     * Material names of a catalog's material_slots and slots of a group's colors are checked
     * against the loaded file there too ({@link ModelFileCheck}).
     */
    private void checkModelFiles() {
        ModelFileCheck.check(scene.spec());
    }

    /**
     * Renders and writes the frames {@code first .. end - 1} that are not {@code done}, and reads the
     * done ones back. Returns what each frame contributes to the COCO file, at {@code index - first}
     * (one image per camera of the rig, in rig order); null for frames not reached because a stop
     * was requested.
     */
    private AnnotatedFrame[][] renderAll(Renderer renderer, FramePrefetcher.CurrentFrameMeshes meshes, AssetLibrary assets,
                                       DatasetLayout layout, int first, int end, BitSet done, AssetGeometry geometry) {
        FrameWriter frameWriter = new FrameWriter(layout, settings, scene.outputs(),
                SemanticLabels.fitsEightBits(scene.categories()), geometry);
        Set<RenderPass> passes = frameWriter.requiredPasses();
        WrittenFrameReader frameReader = new WrittenFrameReader(layout, settings.imageFormat(), geometry);
        AnnotatedFrame[][] written = new AnnotatedFrame[end - first][];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Semaphore inFlight = new Semaphore(settings.threads() * 2);
        ExecutorService workers = Executors.newFixedThreadPool(settings.threads(), workerThreads());
        int toRender = end - first - done.cardinality();
        java.util.ArrayDeque<InFlightView> inRing = new java.util.ArrayDeque<>(); // started, not yet collected, oldest first
        int[] toRenderIndices = java.util.stream.IntStream.range(first, end).filter(i -> !done.get(i)).toArray();
        int samplers = FramePrefetcher.threadsFor(settings.threads());
        try (ProgressReporter progress = ProgressReporter.forConsole(toRender, log);
             FramePrefetcher prefetcher = new FramePrefetcher(scene, run.seed(), run.width(), run.height(), assets,
                     geometry, toRenderIndices, samplers, 2 * samplers + 2)) {
            for (int i = first; i < end && failure.get() == null && !stopRequested.getAsBoolean(); i++) {
                int index = i;
                if (done.get(i)) {
                    acquire(inFlight);
                    workers.execute(() -> runTask(() -> written[index - first] = frameReader.read(index)
                            .toArray(AnnotatedFrame[]::new), failure, inFlight));
                    continue;
                }
                FramePrefetcher.Prefetched next = prefetcher.next();
                Frame frame = next.frame();
                if (frame.index() != i) {
                    throw new IllegalStateException("prefetched frame " + frame.index() + " where frame " + i + " was due");
                }
                // Draw each camera's view and start its readback; hand the oldest view in flight to a
                // worker once the ring is full, so the GPU draws view k+1 while view k's pixels travel.
                PendingFrame pending = new PendingFrame(frame);
                meshes.use(next.meshes());
                for (RigView view : frame.views()) {
                    if (renderer.framesInFlight() == Renderer.READBACK_RING_SIZE) {
                        handOver(renderer, frameWriter, inRing, written, first, workers, inFlight, failure, progress);
                    }
                    renderer.startRender(LensWarp.pinholeFrame(view.frame()), passes); // the view without distortion
                    inRing.addLast(new InFlightView(pending, view));
                }
                meshes.use(java.util.Map.of());
            }
            while (!inRing.isEmpty()) { // what is in flight is finished even when a stop was asked for
                handOver(renderer, frameWriter, inRing, written, first, workers, inFlight, failure, progress);
            }
            workers.shutdown();
            awaitTermination(workers);
        } catch (GpuContextLostException lost) {
            // Nothing drawn since the last good check can be trusted: the frames still in the ring
            // are dropped (never written); those handed to workers were checked after their pixels
            // arrived, and are finished. --resume renders the rest on a new context.
            contextLost = lost;
            workers.shutdown();
            awaitTermination(workers);
        } finally {
            workers.shutdownNow();
        }
        Throwable t = failure.get();
        if (t instanceof UserInputException damagedFrame) {
            throw damagedFrame; // --resume found a frame on disk damaged (WrittenFrameReader): its file is named
        }
        if (t != null) {
            throw new IllegalStateException("a frame could not be written", t);
        }
        return written;
    }

    /** A frame whose views are being written: the last view written writes the frame JSON. */
    private static final class PendingFrame {
        final Frame frame;
        final AnnotatedFrame[] views;
        final AtomicInteger viewsLeft;

        PendingFrame(Frame frame) {
            this.frame = frame;
            int cameras = frame.rig() == null ? 1 : frame.rig().size();
            this.views = new AnnotatedFrame[cameras];
            this.viewsLeft = new AtomicInteger(cameras);
        }
    }

    /** A view started in the renderer's readback ring, and the frame it belongs to. */
    private record InFlightView(PendingFrame pending, RigView view) {
    }

    /**
     * Takes the oldest view in the renderer's readback ring and gives it to a worker, which copies
     * its pixels out of the readback buffers and writes it: the GL thread only draws. The worker
     * that writes a frame's last view then writes the frame JSON, so it comes after every view's files.
     */
    private static void handOver(Renderer renderer, FrameWriter frameWriter, java.util.ArrayDeque<InFlightView> inRing,
                                 AnnotatedFrame[][] written, int first, ExecutorService workers, Semaphore inFlight,
                                 AtomicReference<Throwable> failure, ProgressReporter progress) {
        InFlightView next = inRing.removeFirst();
        FramePixels pixels = renderer.collectPixels();
        acquire(inFlight);
        workers.execute(() -> runTask(() -> {
            RenderedFrame rendered = pixels.toRenderedFrame(); // first: it frees the renderer's readback slot
            RigView view = next.view();
            Camera camera = view.frame().camera();
            if (!camera.distortion().isNone()) {
                rendered = LensWarp.apply(camera, LensWarp.pinholeCamera(camera), rendered);
            }
            PendingFrame pending = next.pending();
            pending.views[view.cameraIndex()] = frameWriter.writeView(view, rendered);
            if (pending.viewsLeft.decrementAndGet() == 0) {
                frameWriter.writeFrameJson(pending.frame);
                written[pending.frame.index() - first] = pending.views;
                progress.frameDone();
            }
        }, failure, inFlight));
    }

    private static void runTask(Runnable task, AtomicReference<Throwable> failure, Semaphore inFlight) {
        try {
            task.run();
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        } finally {
            inFlight.release();
        }
    }

    /** The scene's frame at another image size: same cameras, same fields of view, more or fewer pixels. */
    static Frame withImageSize(Frame frame, int width, int height) {
        return frame.withImageSize(width, height);
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
            if (scene.outputs().normals()) {
                Files.createDirectories(layout.normalsDir());
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
