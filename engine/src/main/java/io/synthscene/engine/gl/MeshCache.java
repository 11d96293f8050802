package io.synthscene.engine.gl;

import io.synthscene.assets.MeshSource;
import io.synthscene.scenes.frame.AssetRef;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Uploaded meshes by {@link AssetRef} (equal refs share one), least recently used first out: at most
 * {@code capacity} meshes stay on the GPU, and an evicted one is closed at once. This keeps GPU
 * memory flat over long batches whose assets never repeat (vehicles with continuously random
 * dimensions), while a scene that reuses a handful of assets uploads each once.
 *
 * <p>Created and closed by the Renderer, used on its GL thread only.
 */
public final class MeshCache implements AutoCloseable {
    private final MeshSource source;
    private final MeshStorage storage;
    private final int capacity;
    private final LinkedHashMap<AssetRef, MeshBuffers> byKey;
    /**
     * The meshes of the asset references met lately, by identity: a frame's passes ask for the
     * same references again and again (shadow, colour, ids, silhouettes), and hashing a reference
     * walks its parameter map. Emptied now and then; a reference whose mesh was evicted meanwhile
     * is looked up by value in {@link #byKey}.
     */
    private final Map<AssetRef, MeshBuffers> recentByIdentity = new IdentityHashMap<>();
    private static final int RECENT_LIMIT = 4096;
    private long uploads;
    private boolean closed;

    /** @param storage the renderer's mesh storage, where the meshes are uploaded and through which they are drawn */
    public MeshCache(MeshSource source, MeshStorage storage, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("mesh cache capacity " + capacity + " must be >= 1");
        }
        this.source = source;
        this.storage = storage;
        this.capacity = capacity;
        // Access order: get() moves an entry to the back, so the front is the least recently used.
        this.byKey = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<AssetRef, MeshBuffers> eldest) {
                if (size() > MeshCache.this.capacity) {
                    eldest.getValue().close();
                    return true;
                }
                return false;
            }
        };
    }

    /** The uploaded mesh of {@code asset}, built by the mesh source and uploaded on first use. */
    public MeshBuffers get(AssetRef asset) {
        if (closed) {
            throw new IllegalStateException("mesh cache is closed");
        }
        MeshBuffers recent = recentByIdentity.get(asset);
        if (recent != null && !recent.isClosed()) {
            return recent;
        }
        if (recentByIdentity.size() >= RECENT_LIMIT) {
            recentByIdentity.clear();
        }
        MeshBuffers buffers = byKey.get(asset);
        if (buffers == null) {
            buffers = MeshBuffers.upload(source.meshFor(asset), storage);
            uploads++;
            byKey.put(asset, buffers);
        }
        recentByIdentity.put(asset, buffers);
        return buffers;
    }

    /** How many meshes are on the GPU now (at most the capacity). */
    public int size() {
        return byKey.size();
    }

    /** How many uploads there have been since creation (a re-upload after eviction counts again). */
    public long uploads() {
        return uploads;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            byKey.values().forEach(MeshBuffers::close);
            byKey.clear();
            recentByIdentity.clear();
        }
    }
}
