package io.synthscene.engine;

import static org.lwjgl.opengl.GL11C.GL_FLOAT;
import static org.lwjgl.opengl.GL11C.GL_RGB;
import static org.lwjgl.opengl.GL30C.GL_RGBA32F;
import static org.lwjgl.opengl.GL30C.GL_DEPTH_COMPONENT32F;

import io.synthscene.engine.gl.Framebuffer;
import io.synthscene.engine.gl.MeshBuffers;
import io.synthscene.engine.gl.MeshCache;
import io.synthscene.engine.gl.ShaderProgram;
import io.synthscene.engine.gl.VertexArray;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.SceneObject;
import java.nio.FloatBuffer;
import org.joml.Matrix3f;
import org.joml.Matrix4f;
import org.lwjgl.system.MemoryUtil;

/**
 * The NORMALS pass: the scene drawn once more, with the same vertex shader as the other passes
 * (so the same pixels are covered as in the id pass), writing each pixel's camera-space normal
 * into a single-sample GL_RGBA32F target, read back synchronously. Only rendered when asked for.
 *
 * <p>Created on first use and closed by the {@link Renderer}, used on its GL thread.
 */
final class NormalsPass implements AutoCloseable {
    private final int width;
    private final int height;
    private final ShaderProgram program;
    private final Framebuffer target;
    private final FloatBuffer pixels;
    private final Matrix4f model = new Matrix4f();
    private final Matrix3f normalMatrix = new Matrix3f();
    private final Matrix3f worldToEye = new Matrix3f();
    private boolean closed;

    NormalsPass(int width, int height) {
        this.width = width;
        this.height = height;
        ShaderProgram createdProgram = ShaderProgram.fromResources("object.vert.glsl", "normals.frag.glsl");
        try {
            this.target = Framebuffer.create("normals", width, height, 1, new int[] {GL_RGBA32F}, GL_DEPTH_COMPONENT32F);
        } catch (RuntimeException e) {
            createdProgram.close();
            throw e;
        }
        this.program = createdProgram;
        this.pixels = MemoryUtil.memAllocFloat(width * height * 3);
    }

    /** x, y, z per pixel, row-major, top row first. */
    float[] render(Frame frame, CameraProjection camera, MeshCache meshes, VertexArray ground) {
        if (closed) {
            throw new IllegalStateException("the normals pass is closed");
        }
        target.bindForDrawing();
        target.clearColor(0, new float[] {0f, 0f, 0f, 0f});
        target.clearDepth(0f); // reversed Z, as in the other passes
        program.use();
        program.set(program.uniform("view"), camera.view());
        program.set(program.uniform("projection"), camera.projection());
        program.set(program.uniform("worldToEye"), camera.view().get3x3(worldToEye));
        int modelLocation = program.uniform("model");
        int normalLocation = program.uniform("normalMatrix");
        if (frame.ground() != null && ground != null) {
            program.set(modelLocation, model.identity());
            program.set(normalLocation, model.normal(normalMatrix));
            ground.draw();
        }
        for (SceneObject object : frame.objects()) {
            MeshBuffers mesh = meshes.get(object.asset());
            program.set(modelLocation, model.set(object.modelMatrix()));
            program.set(normalLocation, model.normal(normalMatrix));
            for (MeshBuffers.Part part : mesh.parts()) {
                part.draw();
            }
        }
        target.read(0, GL_RGB, GL_FLOAT, pixels);
        float[] out = new float[width * height * 3];
        int row = width * 3;
        for (int y = 0; y < height; y++) {
            pixels.get((height - 1 - y) * row, out, y * row, row); // GL rows are bottom-up
        }
        return out;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            MemoryUtil.memFree(pixels);
            target.close();
            program.close();
        }
    }
}
