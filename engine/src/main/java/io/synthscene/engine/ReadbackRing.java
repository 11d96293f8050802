package io.synthscene.engine;

import static org.lwjgl.opengl.GL11C.GL_FLOAT;
import static org.lwjgl.opengl.GL11C.GL_PACK_ALIGNMENT;
import static org.lwjgl.opengl.GL11C.GL_RED;
import static org.lwjgl.opengl.GL11C.GL_RGB;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_INT;
import static org.lwjgl.opengl.GL11C.glPixelStorei;
import static org.lwjgl.opengl.GL30C.GL_RED_INTEGER;

import io.synthscene.engine.gl.FenceSync;
import io.synthscene.engine.gl.Framebuffer;
import io.synthscene.engine.gl.PixelPackBuffer;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Silhouettes;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Frames whose pixels are on their way back: slots, each with one pixel buffer object per pass
 * (mapped for good, see {@link PixelPackBuffer#createMapped}) and a fence placed after the slot's
 * reads. Reads into a slot return at once; the oldest frame is taken when its fence has
 * signalled, so the GL thread can draw frame k+1 while frame k's pixels are still being transferred.
 *
 * <p>Taking a frame ({@link #take}) does not copy its pixels: {@link FramePixels#toRenderedFrame}
 * does, on whichever thread calls it, flipping GL's bottom-up rows straight into the arrays of the
 * {@link RenderedFrame}, and resolving the silhouettes. Profiled on an NVIDIA H100, those copies
 * took about a third of the GL thread at 1280x720; a frame writer does them now. The slot is free
 * again once its copy is done: {@link #next} waits for a free slot when every one is drawn into,
 * in flight or taken but not yet copied.
 *
 * <p>Created and closed by the {@link Renderer}; {@link #next}, {@link #commit}, {@link #take} and
 * {@link #close} on its GL thread only. {@link #close} waits for copies in progress and makes
 * later ones fail, so no thread reads a deleted buffer.
 */
final class ReadbackRing implements AutoCloseable {
    /** How long {@link #next} waits for a taken frame to be copied before it gives up. */
    private static final long SLOT_WAIT_SECONDS = 120;

    private final int width;
    private final int height;
    private final int maxInFlight;
    private final Slot[] slots;
    private final BlockingQueue<Slot> free;
    /** Drawn and not yet taken, oldest first. */
    private final ArrayDeque<Slot> inFlight = new ArrayDeque<>();
    private boolean closed;

    /**
     * @param maxInFlight frames drawn and not yet taken at most
     * @param spare       further slots for frames taken and not yet copied
     */
    ReadbackRing(int width, int height, int maxInFlight, int spare) {
        if (maxInFlight < 1 || spare < 0) {
            throw new IllegalArgumentException("readback ring of " + maxInFlight + " in flight and " + spare
                    + " spare slots: at least 1 and 0");
        }
        this.width = width;
        this.height = height;
        this.maxInFlight = maxInFlight;
        this.slots = new Slot[maxInFlight + spare];
        this.free = new ArrayBlockingQueue<>(slots.length);
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot();
            free.add(slots[i]);
        }
    }

    int capacity() {
        return maxInFlight;
    }

    int inFlight() {
        return inFlight.size();
    }

    boolean isFull() {
        return inFlight.size() == maxInFlight;
    }

    /**
     * The slot the next frame's reads go into (it becomes in flight with {@link #commit}); waits
     * while every slot holds a frame not yet copied.
     */
    Slot next() {
        requireOpen();
        if (isFull()) {
            throw new IllegalStateException(maxInFlight + " frames are already in flight; collect one first");
        }
        Slot slot;
        try {
            slot = free.poll(SLOT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a readback slot", e);
        }
        if (slot == null) {
            throw new IllegalStateException("no readback slot was freed in " + SLOT_WAIT_SECONDS
                    + " s: frames were taken from the renderer and never copied");
        }
        slot.clearPasses();
        return slot;
    }

    /** Places the fence after the reads issued into {@code slot} (from {@link #next}) and puts it in flight. */
    void commit(Slot slot, int frameIndex, SilhouettePass.Pending silhouettes, float[] normals) {
        requireOpen();
        if (isFull() || slot.fence != null) {
            throw new IllegalStateException("commit must follow next()");
        }
        slot.frameIndex = frameIndex;
        slot.silhouettes = silhouettes;
        slot.normals = normals;
        slot.fence = FenceSync.insert();
        inFlight.addLast(slot);
    }

    /** Waits for the oldest frame's pixels to arrive; they stay in its slot until copied. */
    FramePixels take(String device) {
        requireOpen();
        if (inFlight.isEmpty()) {
            throw new IllegalStateException("no frame is in flight");
        }
        Slot slot = inFlight.removeFirst();
        slot.fence.await();
        slot.fence.close();
        slot.fence = null;
        return new Taken(slot, device);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("readback ring is closed");
        }
    }

    /**
     * Deletes every fence and buffer, after any copy in progress; frames still in flight or taken
     * and not copied are dropped (copying one later throws). Idempotent.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            for (Slot slot : slots) {
                slot.delete();
            }
            inFlight.clear();
        }
    }

    /** A taken frame: its slot, until copied. */
    private final class Taken implements FramePixels {
        private final Slot slot;
        private final String device;
        private boolean copied;

        Taken(Slot slot, String device) {
            this.slot = slot;
            this.device = device;
        }

        @Override
        public int index() {
            return slot.frameIndex;
        }

        @Override
        public RenderedFrame toRenderedFrame() {
            synchronized (slot) {
                if (copied) {
                    throw new IllegalStateException("frame " + slot.frameIndex + "'s pixels were already copied");
                }
                if (slot.deleted) {
                    throw new IllegalStateException("the renderer was closed before frame " + slot.frameIndex
                            + "'s pixels were copied");
                }
                copied = true;
                try {
                    byte[] rgb = slot.wantRgb ? copyRgb(slot.rgb) : null;
                    int[] ids = slot.wantIds ? copyInts(slot.ids) : null;
                    float[] depth = slot.wantDepth ? copyFloats(slot.depth) : null;
                    byte[] coverage = slot.wantCoverage ? copyBytes(slot.coverage) : null;
                    Silhouettes silhouettes = slot.silhouettes == null ? null
                            : slot.silhouettes.resolve(slot.silhouetteBuffer.persistentlyMapped());
                    return new RenderedFrame(slot.frameIndex, width, height, rgb, ids, depth, device, silhouettes,
                            slot.normals, coverage);
                } finally {
                    slot.silhouettes = null;
                    slot.normals = null;
                    free.add(slot);
                }
            }
        }
    }

    private byte[] copyRgb(PixelPackBuffer buffer) {
        byte[] out = new byte[width * height * 3];
        int row = width * 3;
        ByteBuffer mapped = buffer.persistentlyMapped();
        for (int y = 0; y < height; y++) {
            mapped.get((height - 1 - y) * row, out, y * row, row);
        }
        return out;
    }

    private byte[] copyBytes(PixelPackBuffer buffer) {
        byte[] out = new byte[width * height];
        ByteBuffer mapped = buffer.persistentlyMapped();
        for (int y = 0; y < height; y++) {
            mapped.get((height - 1 - y) * width, out, y * width, width);
        }
        return out;
    }

    private int[] copyInts(PixelPackBuffer buffer) {
        int[] out = new int[width * height];
        var values = buffer.persistentlyMapped().asIntBuffer();
        for (int y = 0; y < height; y++) {
            values.get((height - 1 - y) * width, out, y * width, width);
        }
        return out;
    }

    private float[] copyFloats(PixelPackBuffer buffer) {
        float[] out = new float[width * height];
        var values = buffer.persistentlyMapped().asFloatBuffer();
        for (int y = 0; y < height; y++) {
            values.get((height - 1 - y) * width, out, y * width, width);
        }
        return out;
    }

    /** One frame's buffers: created on first use, reused by every later frame in this slot. */
    final class Slot {
        private PixelPackBuffer rgb;
        private PixelPackBuffer ids;
        private PixelPackBuffer depth;
        /** Particle coverage; created by the first frame with particles in this slot. */
        private PixelPackBuffer coverage;
        /** Where the SILHOUETTES pass reads its rectangles; grown on demand. */
        private PixelPackBuffer silhouetteBuffer;
        private boolean wantRgb;
        private boolean wantIds;
        private boolean wantDepth;
        private boolean wantCoverage;
        private FenceSync fence;
        private int frameIndex;
        /** The frame's silhouettes on their way into {@link #silhouetteBuffer}; resolved when copied. */
        private SilhouettePass.Pending silhouettes;
        /** Read synchronously at start, handed over with the frame. */
        private float[] normals;
        /** Set under the slot's lock by {@link ReadbackRing#close}. */
        private boolean deleted;

        private void clearPasses() {
            wantRgb = false;
            wantIds = false;
            wantDepth = false;
            wantCoverage = false;
        }

        /** The silhouette buffer, replaced by a larger one when it holds fewer than {@code bytes}. */
        PixelPackBuffer silhouetteBufferOfAtLeast(long bytes) {
            if (silhouetteBuffer == null || silhouetteBuffer.sizeBytes() < bytes) {
                long grown = silhouetteBuffer == null ? bytes : Math.max(bytes, 2 * silhouetteBuffer.sizeBytes());
                if (silhouetteBuffer != null) {
                    silhouetteBuffer.close();
                }
                silhouetteBuffer = PixelPackBuffer.createMapped(grown);
            }
            return silhouetteBuffer;
        }

        /** Starts reading a single-sample unorm8 colour attachment as R, G, B bytes. */
        void readRgb(Framebuffer framebuffer, int attachment) {
            if (rgb == null) {
                rgb = PixelPackBuffer.createMapped((long) width * height * 3);
            }
            // Rows of 3-byte pixels are not 4-byte aligned unless width is a multiple of 4.
            glPixelStorei(GL_PACK_ALIGNMENT, 1);
            framebuffer.read(attachment, GL_RGB, GL_UNSIGNED_BYTE, rgb);
            wantRgb = true;
        }

        /** Starts reading a GL_R32UI attachment. */
        void readUnsigned(Framebuffer framebuffer, int attachment) {
            if (ids == null) {
                ids = PixelPackBuffer.createMapped((long) width * height * Integer.BYTES);
            }
            framebuffer.read(attachment, GL_RED_INTEGER, GL_UNSIGNED_INT, ids);
            wantIds = true;
        }

        /** Starts reading a GL_R8UI attachment (particle coverage). */
        void readCoverage(Framebuffer framebuffer, int attachment) {
            if (coverage == null) {
                coverage = PixelPackBuffer.createMapped((long) width * height);
            }
            glPixelStorei(GL_PACK_ALIGNMENT, 1); // rows of width bytes
            framebuffer.read(attachment, GL_RED_INTEGER, GL_UNSIGNED_BYTE, coverage);
            wantCoverage = true;
        }

        /** Starts reading a GL_R32F attachment. */
        void readFloats(Framebuffer framebuffer, int attachment) {
            if (depth == null) {
                depth = PixelPackBuffer.createMapped((long) width * height * Float.BYTES);
            }
            framebuffer.read(attachment, GL_RED, GL_FLOAT, depth);
            wantDepth = true;
        }

        /** Deletes the slot's fence and buffers once no copy is reading them. */
        private synchronized void delete() {
            deleted = true;
            if (fence != null) {
                fence.close();
                fence = null;
            }
            for (PixelPackBuffer buffer : new PixelPackBuffer[] {coverage, depth, ids, rgb, silhouetteBuffer}) {
                if (buffer != null) {
                    buffer.close();
                }
            }
        }
    }
}
