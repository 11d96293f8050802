package io.synthscene.engine.gl;

import static org.lwjgl.opengl.GL11C.GL_LINEAR;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_2D;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_MAG_FILTER;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_MIN_FILTER;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_WRAP_S;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_WRAP_T;
import static org.lwjgl.opengl.GL11C.glDeleteTextures;
import static org.lwjgl.opengl.GL12C.GL_CLAMP_TO_EDGE;
import static org.lwjgl.opengl.GL30C.GL_COLOR;
import static org.lwjgl.opengl.GL30C.GL_COLOR_ATTACHMENT0;
import static org.lwjgl.opengl.GL30C.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL30C.GL_DEPTH;
import static org.lwjgl.opengl.GL30C.GL_DEPTH_ATTACHMENT;
import static org.lwjgl.opengl.GL30C.GL_DRAW_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30C.GL_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30C.GL_FRAMEBUFFER_COMPLETE;
import static org.lwjgl.opengl.GL30C.GL_NEAREST;
import static org.lwjgl.opengl.GL30C.GL_READ_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30C.GL_RENDERBUFFER;
import static org.lwjgl.opengl.GL30C.glBindFramebuffer;
import static org.lwjgl.opengl.GL30C.glReadPixels;
import static org.lwjgl.opengl.GL30C.glViewport;
import static org.lwjgl.opengl.GL45C.glBindTextureUnit;
import static org.lwjgl.opengl.GL45C.glBlitNamedFramebuffer;
import static org.lwjgl.opengl.GL45C.glCheckNamedFramebufferStatus;
import static org.lwjgl.opengl.GL45C.glClearNamedFramebufferfv;
import static org.lwjgl.opengl.GL45C.glClearNamedFramebufferuiv;
import static org.lwjgl.opengl.GL45C.glCreateFramebuffers;
import static org.lwjgl.opengl.GL45C.glCreateRenderbuffers;
import static org.lwjgl.opengl.GL45C.glCreateTextures;
import static org.lwjgl.opengl.GL45C.glDeleteFramebuffers;
import static org.lwjgl.opengl.GL45C.glDeleteRenderbuffers;
import static org.lwjgl.opengl.GL45C.glNamedFramebufferDrawBuffers;
import static org.lwjgl.opengl.GL45C.glNamedFramebufferReadBuffer;
import static org.lwjgl.opengl.GL45C.glNamedFramebufferRenderbuffer;
import static org.lwjgl.opengl.GL45C.glNamedFramebufferTexture;
import static org.lwjgl.opengl.GL45C.glNamedRenderbufferStorageMultisample;
import static org.lwjgl.opengl.GL45C.glTextureParameteri;
import static org.lwjgl.opengl.GL45C.glTextureStorage2D;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/**
 * A framebuffer object with renderbuffer attachments: colour attachments 0..n-1 (each its own
 * internal format, all drawn to in one pass through {@code glDrawBuffers}) and an optional depth
 * buffer, all {@code width x height} and with the same sample count (1 = not multisampled).
 * Completeness is checked at creation; an incomplete one throws {@link FramebufferException}
 * naming the status. {@link #createSampled} makes one whose single colour attachment is a texture
 * instead, so that a later pass can sample what was drawn into it.
 *
 * <p>Created and closed by the Renderer on its GL thread. Pixel rows are OpenGL's: bottom row first.
 */
public final class Framebuffer implements AutoCloseable {
    private final String name;
    private final int framebuffer;
    private final int[] renderbuffers;
    /** The sampled colour texture of {@link #createSampled}; 0 for renderbuffer attachments. */
    private final int texture;
    private final int width;
    private final int height;
    private final int samples;
    private boolean closed;

    private Framebuffer(String name, int framebuffer, int[] renderbuffers, int texture, int width, int height,
                        int samples) {
        this.name = name;
        this.framebuffer = framebuffer;
        this.renderbuffers = renderbuffers;
        this.texture = texture;
        this.width = width;
        this.height = height;
        this.samples = samples;
    }

    /**
     * @param colorFormats sized internal formats of the colour attachments, e.g. GL_RGBA8, GL_R32UI
     * @param depthFormat  sized depth format (GL_DEPTH_COMPONENT32F), or 0 for no depth buffer
     * @param samples      1 for an ordinary framebuffer, more for a multisampled one
     */
    public static Framebuffer create(String name, int width, int height, int samples, int[] colorFormats, int depthFormat) {
        if (samples < 1) {
            throw new IllegalArgumentException("framebuffer " + name + ": samples " + samples + " must be >= 1");
        }
        int framebuffer = glCreateFramebuffers();
        int[] renderbuffers = new int[colorFormats.length + (depthFormat != 0 ? 1 : 0)];
        glCreateRenderbuffers(renderbuffers);
        // 0 samples asks for a single-sample buffer; 1 would be allowed to give a multisampled one.
        int storageSamples = samples == 1 ? 0 : samples;
        int[] drawBuffers = new int[colorFormats.length];
        for (int i = 0; i < colorFormats.length; i++) {
            glNamedRenderbufferStorageMultisample(renderbuffers[i], storageSamples, colorFormats[i], width, height);
            glNamedFramebufferRenderbuffer(framebuffer, GL_COLOR_ATTACHMENT0 + i, GL_RENDERBUFFER, renderbuffers[i]);
            drawBuffers[i] = GL_COLOR_ATTACHMENT0 + i;
        }
        if (depthFormat != 0) {
            int depth = renderbuffers[renderbuffers.length - 1];
            glNamedRenderbufferStorageMultisample(depth, storageSamples, depthFormat, width, height);
            glNamedFramebufferRenderbuffer(framebuffer, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depth);
        }
        glNamedFramebufferDrawBuffers(framebuffer, drawBuffers);
        return checkedComplete(new Framebuffer(name, framebuffer, renderbuffers, 0, width, height, samples));
    }

    /**
     * A single-sample framebuffer whose one colour attachment is a {@code width x height} texture
     * of {@code colorFormat}, without depth buffer, for passes that sample what an earlier pass
     * drew (see {@link #bindColorTexture}). Reads outside the texture clamp to the edge pixels.
     *
     * @param linearFiltering true for bilinear filtering of {@code texture()} lookups, false for nearest
     */
    public static Framebuffer createSampled(String name, int width, int height, int colorFormat, boolean linearFiltering) {
        int framebuffer = glCreateFramebuffers();
        int texture = glCreateTextures(GL_TEXTURE_2D);
        glTextureStorage2D(texture, 1, colorFormat, width, height);
        int filter = linearFiltering ? GL_LINEAR : GL_NEAREST;
        glTextureParameteri(texture, GL_TEXTURE_MIN_FILTER, filter);
        glTextureParameteri(texture, GL_TEXTURE_MAG_FILTER, filter);
        glTextureParameteri(texture, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTextureParameteri(texture, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glNamedFramebufferTexture(framebuffer, GL_COLOR_ATTACHMENT0, texture, 0);
        glNamedFramebufferDrawBuffers(framebuffer, new int[] {GL_COLOR_ATTACHMENT0});
        return checkedComplete(new Framebuffer(name, framebuffer, new int[0], texture, width, height, 1));
    }

    private static Framebuffer checkedComplete(Framebuffer created) {
        int status = glCheckNamedFramebufferStatus(created.framebuffer, GL_FRAMEBUFFER);
        if (status != GL_FRAMEBUFFER_COMPLETE) {
            created.close();
            throw new FramebufferException("framebuffer " + created.name + " (" + created.width + "x" + created.height
                    + ", " + created.samples + " samples) is incomplete: " + FramebufferStatus.name(status));
        }
        return created;
    }

    /** Binds the colour texture of a {@link #createSampled} framebuffer to texture unit {@code unit}. */
    public void bindColorTexture(int unit) {
        requireOpen();
        requireTexture();
        glBindTextureUnit(unit, texture);
    }

    /** The GL name of the colour texture of a {@link #createSampled} framebuffer, for uploads into it. */
    public int colorTexture() {
        requireOpen();
        requireTexture();
        return texture;
    }

    private void requireTexture() {
        if (texture == 0) {
            throw new IllegalStateException("framebuffer " + name + " has renderbuffers, not a texture, to sample");
        }
    }

    /** Directs the following draw calls here, over the whole framebuffer. */
    public void bindForDrawing() {
        requireOpen();
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, framebuffer);
        glViewport(0, 0, width, height);
    }

    /**
     * Directs the following draw calls here, with the viewport {@code (0, 0, viewportWidth,
     * viewportHeight)}: the lower-left part of a framebuffer larger than the image, so that the
     * window coordinates are exactly those of a framebuffer of the viewport's size.
     */
    public void bindForDrawing(int viewportWidth, int viewportHeight) {
        requireOpen();
        if (viewportWidth < 1 || viewportHeight < 1 || viewportWidth > width || viewportHeight > height) {
            throw new IllegalArgumentException("framebuffer " + name + " (" + width + "x" + height + "): viewport "
                    + viewportWidth + "x" + viewportHeight + " does not fit");
        }
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, framebuffer);
        glViewport(0, 0, viewportWidth, viewportHeight);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Clears a float or normalized colour attachment to {r, g, b, a} (or {value} for one channel). */
    public void clearColor(int attachment, float[] value) {
        requireOpen();
        glClearNamedFramebufferfv(framebuffer, GL_COLOR, attachment, value);
    }

    /** Clears an unsigned-integer colour attachment. */
    public void clearUnsigned(int attachment, int[] value) {
        requireOpen();
        glClearNamedFramebufferuiv(framebuffer, GL_COLOR, attachment, value);
    }

    /** Clears the depth buffer to {@code depth} (1 = far plane for a GL_LESS test). */
    public void clearDepth(float depth) {
        requireOpen();
        glClearNamedFramebufferfv(framebuffer, GL_DEPTH, 0, new float[] {depth});
    }

    /**
     * Resolves (averages) this multisampled framebuffer's colour attachment 0 into {@code target}'s;
     * for a single-sample one, a plain copy.
     */
    public void resolveColorInto(Framebuffer target) {
        requireOpen();
        target.requireOpen();
        glNamedFramebufferReadBuffer(framebuffer, GL_COLOR_ATTACHMENT0);
        glBlitNamedFramebuffer(framebuffer, target.framebuffer, 0, 0, width, height, 0, 0, target.width, target.height,
                GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }

    /**
     * Copies colour attachment {@code attachment} of this single-sample framebuffer into
     * {@code target}'s attachment 0, pixel for pixel (both the same size and format class): how a
     * renderbuffer's pixels become a texture a later pass can sample.
     */
    public void copyColorInto(int attachment, Framebuffer target) {
        requireOpen();
        target.requireOpen();
        if (samples > 1) {
            throw new IllegalStateException("framebuffer " + name + " is multisampled; resolve it before copying");
        }
        glNamedFramebufferReadBuffer(framebuffer, GL_COLOR_ATTACHMENT0 + attachment);
        glBlitNamedFramebuffer(framebuffer, target.framebuffer, 0, 0, width, height, 0, 0, target.width, target.height,
                GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }

    /** Reads a colour attachment, bottom row first, into {@code into} (pack alignment must suit the rows). */
    public void read(int attachment, int format, int type, ByteBuffer into) {
        bindForReading(attachment);
        glReadPixels(0, 0, width, height, format, type, into);
    }

    public void read(int attachment, int format, int type, IntBuffer into) {
        bindForReading(attachment);
        glReadPixels(0, 0, width, height, format, type, into);
    }

    public void read(int attachment, int format, int type, FloatBuffer into) {
        bindForReading(attachment);
        glReadPixels(0, 0, width, height, format, type, into);
    }

    /**
     * Starts reading the rectangle {@code [x, x + w) x [y, y + h)} (GL window coordinates: y up from
     * the bottom row) of a colour attachment, bottom row first, into {@code into} from byte
     * {@code offset}: like {@link #read(int, int, int, PixelPackBuffer)}, the call does not wait.
     */
    public void readRegion(int attachment, int x, int y, int w, int h, int format, int type, PixelPackBuffer into,
                           long offset) {
        bindForReading(attachment);
        into.bindForPacking();
        try {
            glReadPixels(x, y, w, h, format, type, offset);
        } finally {
            PixelPackBuffer.unbind();
        }
    }

    /**
     * Starts reading a colour attachment, bottom row first, into {@code into} from byte 0: the
     * call returns without waiting for the pixels; a {@link FenceSync} placed after it tells when
     * they have arrived.
     */
    public void read(int attachment, int format, int type, PixelPackBuffer into) {
        bindForReading(attachment);
        into.bindForPacking();
        try {
            glReadPixels(0, 0, width, height, format, type, 0L);
        } finally {
            PixelPackBuffer.unbind();
        }
    }

    private void bindForReading(int attachment) {
        requireOpen();
        if (samples > 1) {
            throw new IllegalStateException("framebuffer " + name + " is multisampled; resolve it before reading");
        }
        glNamedFramebufferReadBuffer(framebuffer, GL_COLOR_ATTACHMENT0 + attachment);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer);
    }

    public int samples() {
        return samples;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("framebuffer " + name + " is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            glDeleteFramebuffers(framebuffer);
            glDeleteRenderbuffers(renderbuffers);
            if (texture != 0) {
                glDeleteTextures(texture);
            }
        }
    }
}
