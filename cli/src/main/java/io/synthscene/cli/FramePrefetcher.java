package io.synthscene.cli;

import io.synthscene.assets.Mesh;
import io.synthscene.assets.MeshSource;
import io.synthscene.scenes.Scene;
import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.SceneObject;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Samples frames and builds their meshes ahead of the GL thread, on threads of its own, so that
 * the GL thread only uploads and draws. Profiled on an NVIDIA H100, sampling and building the
 * ~40 new meshes of a street frame (vehicles and people of random sizes) took more of the GL
 * thread than drawing it.
 *
 * <p>Frames come out in the order asked for and are the same objects {@code scene.sampleFrame}
 * gives (a frame depends only on seed and index), so output does not depend on this class. At
 * most {@code depth} frames are sampled ahead; a failure while sampling or building (a bad model
 * file, say) is thrown by {@link #next} as it was thrown there.
 *
 * <p>Each mesh's bounds and keypoints go to the {@link AssetGeometry} the frame writers read.
 * Used by one thread (the GL thread); {@link #close} stops the workers.
 */
final class FramePrefetcher implements AutoCloseable {
    /** A sampled frame with the meshes of its objects, by asset key. */
    record Prefetched(Frame frame, Map<AssetRef, Mesh> meshes) {
    }

    private final Scene scene;
    private final long seed;
    private final int width;
    private final int height;
    private final MeshSource library;
    private final AssetGeometry geometry;
    private final int[] indices;
    private final int depth;
    private final ExecutorService workers;
    private final ArrayDeque<Future<Prefetched>> ahead = new ArrayDeque<>();
    private int submitted;

    /**
     * @param indices the frame indices that {@link #next} will be asked for, in that order
     * @param threads sampling threads; {@code depth}: frames sampled ahead at most
     */
    FramePrefetcher(Scene scene, long seed, int width, int height, MeshSource library, AssetGeometry geometry,
                    int[] indices, int threads, int depth) {
        this.scene = scene;
        this.seed = seed;
        this.width = width;
        this.height = height;
        this.library = library;
        this.geometry = geometry;
        this.indices = indices.clone();
        this.depth = depth;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "frame-sampler-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sampling threads for a pipeline of {@code workerThreads} writers: about one per four, 1 to 4. */
    static int threadsFor(int workerThreads) {
        return Math.max(1, Math.min(4, workerThreads / 4));
    }

    /** The next frame of the indices given, waiting for it if it is not ready. */
    Prefetched next() {
        while (submitted < indices.length && ahead.size() < depth) {
            int index = indices[submitted++];
            ahead.addLast(workers.submit(() -> prefetch(index)));
        }
        if (ahead.isEmpty()) {
            throw new IllegalStateException("no frame left to prefetch");
        }
        try {
            return ahead.removeFirst().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Prefetched prefetch(int index) {
        Frame frame = RenderPipeline.withImageSize(scene.sampleFrame(seed, index), width, height);
        Map<AssetRef, Mesh> meshes = new HashMap<>();
        for (SceneObject object : frame.objects()) {
            meshes.computeIfAbsent(object.asset(), asset -> {
                Mesh mesh = library.meshFor(object.asset());
                geometry.remember(object.asset(), mesh); // for the 3-D boxes and keypoints the writers draw
                return mesh;
            });
        }
        return new Prefetched(frame, meshes);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /**
     * The mesh source the renderer is opened with: the meshes prefetched for the frame being
     * drawn, else the library's. Used on the GL thread only.
     */
    static final class CurrentFrameMeshes implements MeshSource {
        private final MeshSource library;
        private Map<AssetRef, Mesh> current = Map.of();

        CurrentFrameMeshes(MeshSource library) {
            this.library = library;
        }

        /** The meshes of the frame about to be drawn; the previous frame's are let go. */
        void use(Map<AssetRef, Mesh> meshes) {
            current = meshes;
        }

        @Override
        public Mesh meshFor(AssetRef asset) {
            Mesh mesh = current.get(asset);
            return mesh != null ? mesh : library.meshFor(asset);
        }
    }
}
