package io.synthscene.engine;

import static org.lwjgl.opengl.GL11C.GL_PACK_ALIGNMENT;
import static org.lwjgl.opengl.GL11C.GL_RED;
import static org.lwjgl.opengl.GL11C.GL_RGBA8;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL11C.glPixelStorei;
import static org.lwjgl.opengl.GL30C.GL_DEPTH_COMPONENT32F;

import io.synthscene.engine.gl.Framebuffer;
import io.synthscene.engine.gl.MeshBuffers;
import io.synthscene.engine.gl.MeshCache;
import io.synthscene.engine.gl.ShaderProgram;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.SceneObject;
import java.nio.ByteBuffer;
import org.joml.Matrix4f;
import org.lwjgl.system.MemoryUtil;

/**
 * How much of each pixel a frame's objects cover, for putting them over a photo
 * ({@link Renderer#renderLayers}): the objects (not the ground) drawn in white on black into a
 * target with the COLOR pass's sample count, resolved, and read back as one byte per pixel. With
 * one sample a pixel is 0 or 255; with more, the share of its samples covered.
 *
 * <p>Created on first use and closed by the {@link Renderer}, used on its GL thread.
 */
final class CoveragePass implements AutoCloseable {
    private final int width;
    private final int height;
    private final ShaderProgram program;
    private final Framebuffer target;
    /** Single-sample copy of a multisampled target; null with one sample. */
    private final Framebuffer resolved;
    private final ByteBuffer pixels;
    private final Matrix4f model = new Matrix4f();
    private boolean closed;

    CoveragePass(int width, int height, int samples) {
        this.width = width;
        this.height = height;
        ShaderProgram createdProgram = ShaderProgram.fromResources("object.vert.glsl", "coverage.frag.glsl");
        Framebuffer createdTarget = null;
        try {
            createdTarget = Framebuffer.create("coverage", width, height, samples, new int[] {GL_RGBA8}, GL_DEPTH_COMPONENT32F);
            this.resolved = samples > 1 ? Framebuffer.create("coverage resolve", width, height, 1, new int[] {GL_RGBA8}, 0) : null;
        } catch (RuntimeException e) {
            if (createdTarget != null) {
                createdTarget.close();
            }
            createdProgram.close();
            throw e;
        }
        this.target = createdTarget;
        this.program = createdProgram;
        this.pixels = MemoryUtil.memAlloc(width * height);
    }

    /** One byte per pixel, 0..255, row-major, top row first. */
    byte[] render(Frame frame, CameraProjection camera, MeshCache meshes) {
        if (closed) {
            throw new IllegalStateException("the coverage pass is closed");
        }
        target.bindForDrawing();
        target.clearColor(0, new float[] {0f, 0f, 0f, 0f});
        target.clearDepth(0f); // reversed Z, as in the other passes
        program.use();
        program.set(program.uniform("view"), camera.view());
        program.set(program.uniform("projection"), camera.projection());
        int modelLocation = program.uniform("model");
        for (SceneObject object : frame.objects()) {
            MeshBuffers mesh = meshes.get(object.asset());
            program.set(modelLocation, model.set(object.modelMatrix()));
            for (MeshBuffers.Part part : mesh.parts()) {
                part.draw();
            }
        }
        Framebuffer read = target;
        if (resolved != null) {
            target.resolveColorInto(resolved);
            read = resolved;
        }
        glPixelStorei(GL_PACK_ALIGNMENT, 1); // rows of width bytes
        read.read(0, GL_RED, GL_UNSIGNED_BYTE, pixels);
        byte[] out = new byte[width * height];
        for (int y = 0; y < height; y++) {
            pixels.get((height - 1 - y) * width, out, y * width, width); // GL rows are bottom-up
        }
        return out;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            MemoryUtil.memFree(pixels);
            if (resolved != null) {
                resolved.close();
            }
            target.close();
            program.close();
        }
    }
}
