package io.synthscene.engine;

import static org.lwjgl.opengl.GL11C.GL_FLOAT;
import static org.lwjgl.opengl.GL11C.GL_PACK_ALIGNMENT;
import static org.lwjgl.opengl.GL11C.GL_RED;
import static org.lwjgl.opengl.GL11C.GL_RGB;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_INT;
import static org.lwjgl.opengl.GL11C.glPixelStorei;
import static org.lwjgl.opengl.GL30C.GL_RED_INTEGER;

import io.synthscene.engine.gl.Framebuffer;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.lwjgl.system.MemoryUtil;

/**
 * Reads framebuffer attachments into Java arrays, top row first. The native buffers that
 * glReadPixels writes into are allocated once, at the renderer's size, and freed by
 * {@link #close}: reading a frame allocates no native memory, only the Java arrays handed out.
 *
 * <p>Created and closed by the Renderer, used on its GL thread.
 */
final class PixelReadback implements AutoCloseable {
    private final int width;
    private final int height;
    private final ByteBuffer rgb;
    private final IntBuffer ids;
    private final FloatBuffer depth;
    /** For particle coverage; allocated by the first frame with particles. */
    private ByteBuffer bytes;
    private boolean closed;

    PixelReadback(int width, int height) {
        this.width = width;
        this.height = height;
        int pixels = Math.multiplyExact(width, height);
        this.rgb = MemoryUtil.memAlloc(Math.multiplyExact(pixels, 3));
        this.ids = MemoryUtil.memAllocInt(pixels);
        this.depth = MemoryUtil.memAllocFloat(pixels);
    }

    /** Colour attachment {@code attachment} (unorm8) as R, G, B bytes per pixel. */
    byte[] rgb(Framebuffer framebuffer, int attachment) {
        requireOpen();
        // Rows of 3-byte pixels are not 4-byte aligned unless width is a multiple of 4.
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        framebuffer.read(attachment, GL_RGB, GL_UNSIGNED_BYTE, rgb);
        byte[] out = new byte[width * height * 3];
        int row = width * 3;
        for (int y = 0; y < height; y++) {
            rgb.get((height - 1 - y) * row, out, y * row, row);
        }
        return out;
    }

    /** An unsigned-integer attachment (GL_R32UI) as ints. */
    int[] unsigned(Framebuffer framebuffer, int attachment) {
        requireOpen();
        framebuffer.read(attachment, GL_RED_INTEGER, GL_UNSIGNED_INT, ids);
        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            ids.get((height - 1 - y) * width, out, y * width, width);
        }
        return out;
    }

    /** A one-byte unsigned-integer attachment (GL_R8UI) as bytes. */
    byte[] unsignedBytes(Framebuffer framebuffer, int attachment) {
        requireOpen();
        if (bytes == null) {
            bytes = MemoryUtil.memAlloc(width * height);
        }
        glPixelStorei(GL_PACK_ALIGNMENT, 1); // rows of width bytes
        framebuffer.read(attachment, GL_RED_INTEGER, GL_UNSIGNED_BYTE, bytes);
        byte[] out = new byte[width * height];
        for (int y = 0; y < height; y++) {
            bytes.get((height - 1 - y) * width, out, y * width, width);
        }
        return out;
    }

    /** A float attachment (GL_R32F) as floats. */
    float[] floats(Framebuffer framebuffer, int attachment) {
        requireOpen();
        framebuffer.read(attachment, GL_RED, GL_FLOAT, depth);
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            depth.get((height - 1 - y) * width, out, y * width, width);
        }
        return out;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("pixel readback buffers are freed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            MemoryUtil.memFree(rgb);
            MemoryUtil.memFree(ids);
            MemoryUtil.memFree(depth);
            MemoryUtil.memFree(bytes); // null-safe
        }
    }
}
