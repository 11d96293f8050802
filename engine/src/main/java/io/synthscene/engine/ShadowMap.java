package io.synthscene.engine;

import static org.lwjgl.opengl.GL11C.GL_DEPTH_COMPONENT;
import static org.lwjgl.opengl.GL11C.GL_GREATER;
import static org.lwjgl.opengl.GL11C.GL_LESS;
import static org.lwjgl.opengl.GL11C.GL_LINEAR;
import static org.lwjgl.opengl.GL11C.GL_NONE;
import static org.lwjgl.opengl.GL11C.GL_POLYGON_OFFSET_FILL;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_2D;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_MAG_FILTER;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_MIN_FILTER;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_WRAP_S;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_WRAP_T;
import static org.lwjgl.opengl.GL11C.GL_MAX_TEXTURE_SIZE;
import static org.lwjgl.opengl.GL11C.glDepthFunc;
import static org.lwjgl.opengl.GL11C.glDisable;
import static org.lwjgl.opengl.GL11C.glEnable;
import static org.lwjgl.opengl.GL11C.glGetInteger;
import static org.lwjgl.opengl.GL11C.glPolygonOffset;
import static org.lwjgl.opengl.GL11C.glViewport;
import static org.lwjgl.opengl.GL13C.GL_CLAMP_TO_BORDER;
import static org.lwjgl.opengl.GL30C.GL_COMPARE_REF_TO_TEXTURE;
import static org.lwjgl.opengl.GL14C.GL_TEXTURE_COMPARE_FUNC;
import static org.lwjgl.opengl.GL14C.GL_TEXTURE_COMPARE_MODE;
import static org.lwjgl.opengl.GL11C.GL_LEQUAL;
import static org.lwjgl.opengl.GL11C.GL_TEXTURE_BORDER_COLOR;
import static org.lwjgl.opengl.GL30C.GL_DEPTH_ATTACHMENT;
import static org.lwjgl.opengl.GL30C.GL_DEPTH_COMPONENT32F;
import static org.lwjgl.opengl.GL30C.GL_DRAW_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30C.GL_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30C.GL_FRAMEBUFFER_COMPLETE;
import static org.lwjgl.opengl.GL30C.glBindFramebuffer;
import static org.lwjgl.opengl.GL45C.glBindTextureUnit;
import static org.lwjgl.opengl.GL45C.glCheckNamedFramebufferStatus;
import static org.lwjgl.opengl.GL45C.glClearNamedFramebufferfv;
import static org.lwjgl.opengl.GL45C.glCreateFramebuffers;
import static org.lwjgl.opengl.GL45C.glCreateTextures;
import static org.lwjgl.opengl.GL45C.glNamedFramebufferDrawBuffer;
import static org.lwjgl.opengl.GL45C.glNamedFramebufferReadBuffer;
import static org.lwjgl.opengl.GL45C.glNamedFramebufferTexture;
import static org.lwjgl.opengl.GL45C.glTextureParameterfv;
import static org.lwjgl.opengl.GL45C.glTextureParameteri;
import static org.lwjgl.opengl.GL45C.glTextureStorage2D;
import static org.lwjgl.opengl.GL11C.GL_DEPTH;
import static org.lwjgl.opengl.GL11C.glDeleteTextures;
import static org.lwjgl.opengl.GL30C.glDeleteFramebuffers;

import io.synthscene.engine.gl.FramebufferException;
import io.synthscene.engine.gl.MeshBuffers;
import io.synthscene.engine.gl.MeshCache;
import io.synthscene.engine.gl.ShaderProgram;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.SceneObject;
import java.util.ArrayList;
import java.util.List;
import org.joml.Matrix4f;
import org.joml.Vector3f;

/**
 * The sun's shadow map: a square GL_DEPTH_COMPONENT32F texture rendered from the sun with an
 * orthographic projection ({@link SunShadowFit}), sampled by the colour pass as a
 * {@code sampler2DShadow} (depth comparison with bilinear filtering, GL_LEQUAL: 1 = lit).
 *
 * <p>Casters are the frame's objects; the ground is not drawn into the map: it is the lowest
 * surface and can shade nothing, and leaving it out means it can never shade itself (no acne on
 * the ground). Casters are drawn with a slope-scaled polygon offset ({@link #SLOPE_OFFSET_FACTOR})
 * so that a lit surface does not shadow itself; the colour pass adds a normal offset.
 *
 * <p>Created by the {@link Renderer} on the first frame that asks for shadows, recreated when a
 * frame asks for another size, closed by the renderer. Not thread-safe; on the renderer's thread.
 */
final class ShadowMap implements AutoCloseable {
    /** glPolygonOffset factor: depth pushed away from the sun by this many times the depth slope. */
    static final float SLOPE_OFFSET_FACTOR = 1.5f;
    /** glPolygonOffset units: with a float depth buffer a unit is tiny; the factor does the work. */
    static final float OFFSET_UNITS = 1f;
    /** Texture unit the colour program reads the map from. */
    static final int TEXTURE_UNIT = 0;

    private final int size;
    private final int texture;
    private final int framebuffer;
    private final ShaderProgram depthProgram;
    private final Matrix4f model = new Matrix4f();
    private SunShadowFit fit;
    private boolean closed;

    private ShadowMap(int size, int texture, int framebuffer, ShaderProgram depthProgram) {
        this.size = size;
        this.texture = texture;
        this.framebuffer = framebuffer;
        this.depthProgram = depthProgram;
    }

    /** @throws IllegalArgumentException when the device's textures cannot be {@code size} texels wide */
    static ShadowMap create(int size, String deviceName) {
        int max = glGetInteger(GL_MAX_TEXTURE_SIZE);
        if (size > max) {
            throw new IllegalArgumentException("shadow map size " + size + " exceeds " + deviceName
                    + "'s largest texture, " + max + " texels a side");
        }
        int texture = glCreateTextures(GL_TEXTURE_2D);
        glTextureStorage2D(texture, 1, GL_DEPTH_COMPONENT32F, size, size);
        glTextureParameteri(texture, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTextureParameteri(texture, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        // Outside the map: depth 1 (the far end), so a lookup there compares as lit.
        glTextureParameteri(texture, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_BORDER);
        glTextureParameteri(texture, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_BORDER);
        glTextureParameterfv(texture, GL_TEXTURE_BORDER_COLOR, new float[] {1f, 1f, 1f, 1f});
        glTextureParameteri(texture, GL_TEXTURE_COMPARE_MODE, GL_COMPARE_REF_TO_TEXTURE);
        glTextureParameteri(texture, GL_TEXTURE_COMPARE_FUNC, GL_LEQUAL);
        int framebuffer = glCreateFramebuffers();
        glNamedFramebufferTexture(framebuffer, GL_DEPTH_ATTACHMENT, texture, 0);
        glNamedFramebufferDrawBuffer(framebuffer, GL_NONE);
        glNamedFramebufferReadBuffer(framebuffer, GL_NONE);
        int status = glCheckNamedFramebufferStatus(framebuffer, GL_FRAMEBUFFER);
        ShaderProgram program = null;
        try {
            if (status != GL_FRAMEBUFFER_COMPLETE) {
                throw new FramebufferException("shadow map framebuffer (" + size + "x" + size
                        + ", GL_DEPTH_COMPONENT32F) is incomplete: status 0x" + Integer.toHexString(status));
            }
            program = ShaderProgram.fromResources("shadow.vert.glsl", "shadow.frag.glsl");
            return new ShadowMap(size, texture, framebuffer, program);
        } catch (RuntimeException e) {
            glDeleteFramebuffers(framebuffer);
            glDeleteTextures(texture);
            throw e;
        }
    }

    int size() {
        return size;
    }

    /** The fit of the last {@link #draw}: what the colour pass needs to look the map up. */
    SunShadowFit fit() {
        requireOpen();
        return fit;
    }

    /**
     * Fits the sun's view to the frame's camera and casters and draws the casters' depth. Leaves
     * GL_GREATER depth testing (the renderer's fixed state) as it found it; the caller binds its
     * own framebuffer and viewport afterwards.
     */
    void draw(Frame frame, MeshCache meshes) {
        requireOpen();
        List<float[]> bounds = new ArrayList<>(frame.objects().size());
        for (SceneObject object : frame.objects()) {
            bounds.add(worldBounds(meshes.get(object.asset()).localBounds(), model.set(object.modelMatrix())));
        }
        fit = SunShadowFit.of(frame.camera(), frame.lighting().directionToSun(), bounds, size,
                frame.lighting().shadows().maxDistanceMeters());

        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, framebuffer);
        glViewport(0, 0, size, size);
        glClearNamedFramebufferfv(framebuffer, GL_DEPTH, 0, new float[] {1f});
        glDepthFunc(GL_LESS);
        glEnable(GL_POLYGON_OFFSET_FILL);
        glPolygonOffset(SLOPE_OFFSET_FACTOR, OFFSET_UNITS);
        try {
            depthProgram.use();
            depthProgram.set(depthProgram.uniform("lightViewProjection"), fit.lightViewProjection());
            int modelLocation = depthProgram.uniform("model");
            for (SceneObject object : frame.objects()) {
                MeshBuffers mesh = meshes.get(object.asset());
                depthProgram.set(modelLocation, model.set(object.modelMatrix()));
                for (MeshBuffers.Part part : mesh.parts()) {
                    part.draw();
                }
            }
        } finally {
            glDisable(GL_POLYGON_OFFSET_FILL);
            glDepthFunc(GL_GREATER);
        }
    }

    /** Binds the map to {@link #TEXTURE_UNIT} for the colour pass. */
    void bindForSampling() {
        requireOpen();
        glBindTextureUnit(TEXTURE_UNIT, texture);
    }

    private static float[] worldBounds(float[] local, Matrix4f modelMatrix) {
        float[] world = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        Vector3f p = new Vector3f();
        for (int corner = 0; corner < 8; corner++) {
            modelMatrix.transformPosition(p.set(local[(corner & 1) == 0 ? 0 : 3], local[(corner & 2) == 0 ? 1 : 4],
                    local[(corner & 4) == 0 ? 2 : 5]));
            world[0] = Math.min(world[0], p.x);
            world[1] = Math.min(world[1], p.y);
            world[2] = Math.min(world[2], p.z);
            world[3] = Math.max(world[3], p.x);
            world[4] = Math.max(world[4], p.y);
            world[5] = Math.max(world[5], p.z);
        }
        return world;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("shadow map is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            depthProgram.close();
            glDeleteFramebuffers(framebuffer);
            glDeleteTextures(texture);
        }
    }
}
