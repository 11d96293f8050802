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

/**
 * Frames whose pixels are on their way back: a ring of slots, each with one pixel buffer object
 * per pass and a fence placed after the slot's reads. Reads into a slot return at once; the
 * oldest frame is collected when its fence has signalled, so the GL thread can draw frame k+1
 * while frame k's pixels are still being transferred.
 *
 * <p>Collecting copies each mapped buffer once, flipping GL's bottom-up rows, straight into the
 * arrays of the {@link RenderedFrame} that annotators and encoders consume: no staging memory.
 * A slot's buffers are created on first use at the renderer's size and reused after.
 *
 * <p>Created and closed by the {@link Renderer}, used on its GL thread only.
 */
final class ReadbackRing implements AutoCloseable {
    private final int width;
    private final int height;
    private final Slot[] slots;
    /** Slot of the oldest frame in flight. */
    private int oldest;
    private int inFlight;
    private boolean closed;

    ReadbackRing(int width, int height, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("readback ring capacity " + capacity + " must be >= 1");
        }
        this.width = width;
        this.height = height;
        this.slots = new Slot[capacity];
        for (int i = 0; i < capacity; i++) {
            slots[i] = new Slot();
        }
    }

    int capacity() {
        return slots.length;
    }

    int inFlight() {
        return inFlight;
    }

    boolean isFull() {
        return inFlight == slots.length;
    }

    /** The slot the next frame's reads go into; it becomes in flight with {@link #commit}. */
    Slot next() {
        requireOpen();
        if (isFull()) {
            throw new IllegalStateException(slots.length + " frames are already in flight; collect one first");
        }
        Slot slot = slots[(oldest + inFlight) % slots.length];
        slot.clearPasses();
        return slot;
    }

    /** Places the fence after the reads issued into {@code slot} (from {@link #next}) and puts it in flight. */
    void commit(Slot slot, int frameIndex, SilhouettePass.Pending silhouettes, float[] normals) {
        requireOpen();
        if (slot != slots[(oldest + inFlight) % slots.length] || isFull()) {
            throw new IllegalStateException("commit must follow next()");
        }
        slot.frameIndex = frameIndex;
        slot.silhouettes = silhouettes;
        slot.normals = normals;
        slot.fence = FenceSync.insert();
        inFlight++;
    }

    /** Waits for the oldest frame's pixels and returns them; frees its slot. */
    RenderedFrame collect(String device) {
        requireOpen();
        if (inFlight == 0) {
            throw new IllegalStateException("no frame is in flight");
        }
        Slot slot = slots[oldest];
        slot.fence.await();
        slot.fence.close();
        slot.fence = null;
        byte[] rgb = slot.wantRgb ? copyRgb(slot.rgb) : null;
        int[] ids = slot.wantIds ? copyInts(slot.ids) : null;
        float[] depth = slot.wantDepth ? copyFloats(slot.depth) : null;
        Silhouettes silhouettes = slot.silhouettes == null ? null : slot.resolveSilhouettes();
        slot.silhouettes = null;
        float[] normals = slot.normals;
        slot.normals = null;
        oldest = (oldest + 1) % slots.length;
        inFlight--;
        return new RenderedFrame(slot.frameIndex, width, height, rgb, ids, depth, device, silhouettes, normals);
    }

    private byte[] copyRgb(PixelPackBuffer buffer) {
        byte[] out = new byte[width * height * 3];
        int row = width * 3;
        ByteBuffer mapped = buffer.map();
        try {
            for (int y = 0; y < height; y++) {
                mapped.get((height - 1 - y) * row, out, y * row, row);
            }
        } finally {
            buffer.unmap();
        }
        return out;
    }

    private int[] copyInts(PixelPackBuffer buffer) {
        int[] out = new int[width * height];
        ByteBuffer mapped = buffer.map();
        try {
            var values = mapped.asIntBuffer();
            for (int y = 0; y < height; y++) {
                values.get((height - 1 - y) * width, out, y * width, width);
            }
        } finally {
            buffer.unmap();
        }
        return out;
    }

    private float[] copyFloats(PixelPackBuffer buffer) {
        float[] out = new float[width * height];
        ByteBuffer mapped = buffer.map();
        try {
            var values = mapped.asFloatBuffer();
            for (int y = 0; y < height; y++) {
                values.get((height - 1 - y) * width, out, y * width, width);
            }
        } finally {
            buffer.unmap();
        }
        return out;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("readback ring is closed");
        }
    }

    /** Deletes every fence and buffer; frames still in flight are dropped. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            for (Slot slot : slots) {
                slot.close();
            }
            inFlight = 0;
        }
    }

    /** One frame's buffers: created on first use, reused by every later frame in this slot. */
    final class Slot implements AutoCloseable {
        private PixelPackBuffer rgb;
        private PixelPackBuffer ids;
        private PixelPackBuffer depth;
        private boolean wantRgb;
        private boolean wantIds;
        private boolean wantDepth;
        private FenceSync fence;
        private int frameIndex;
        /** Where the SILHOUETTES pass reads its rectangles; grown on demand. */
        private PixelPackBuffer silhouetteBuffer;
        /** The frame's silhouettes on their way into {@link #silhouetteBuffer}; resolved at collection. */
        private SilhouettePass.Pending silhouettes;
        /** Read synchronously at start, handed over with the frame. */
        private float[] normals;

        private void clearPasses() {
            wantRgb = false;
            wantIds = false;
            wantDepth = false;
        }

        /** The silhouette buffer, replaced by a larger one when it holds fewer than {@code bytes}. */
        PixelPackBuffer silhouetteBufferOfAtLeast(long bytes) {
            if (silhouetteBuffer == null || silhouetteBuffer.sizeBytes() < bytes) {
                long grown = silhouetteBuffer == null ? bytes : Math.max(bytes, 2 * silhouetteBuffer.sizeBytes());
                if (silhouetteBuffer != null) {
                    silhouetteBuffer.close();
                }
                silhouetteBuffer = PixelPackBuffer.create(grown);
            }
            return silhouetteBuffer;
        }

        private Silhouettes resolveSilhouettes() {
            ByteBuffer mapped = silhouetteBuffer.map();
            try {
                return silhouettes.resolve(mapped);
            } finally {
                silhouetteBuffer.unmap();
            }
        }

        /** Starts reading a single-sample unorm8 colour attachment as R, G, B bytes. */
        void readRgb(Framebuffer framebuffer, int attachment) {
            if (rgb == null) {
                rgb = PixelPackBuffer.create((long) width * height * 3);
            }
            // Rows of 3-byte pixels are not 4-byte aligned unless width is a multiple of 4.
            glPixelStorei(GL_PACK_ALIGNMENT, 1);
            framebuffer.read(attachment, GL_RGB, GL_UNSIGNED_BYTE, rgb);
            wantRgb = true;
        }

        /** Starts reading a GL_R32UI attachment. */
        void readUnsigned(Framebuffer framebuffer, int attachment) {
            if (ids == null) {
                ids = PixelPackBuffer.create((long) width * height * Integer.BYTES);
            }
            framebuffer.read(attachment, GL_RED_INTEGER, GL_UNSIGNED_INT, ids);
            wantIds = true;
        }

        /** Starts reading a GL_R32F attachment. */
        void readFloats(Framebuffer framebuffer, int attachment) {
            if (depth == null) {
                depth = PixelPackBuffer.create((long) width * height * Float.BYTES);
            }
            framebuffer.read(attachment, GL_RED, GL_FLOAT, depth);
            wantDepth = true;
        }

        @Override
        public void close() {
            if (fence != null) {
                fence.close();
                fence = null;
            }
            for (PixelPackBuffer buffer : new PixelPackBuffer[] {depth, ids, rgb, silhouetteBuffer}) {
                if (buffer != null) {
                    buffer.close();
                }
            }
        }
    }
}
