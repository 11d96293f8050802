package io.synthscene.engine;

import static org.lwjgl.opengl.GL11C.GL_DEPTH_TEST;
import static org.lwjgl.opengl.GL11C.GL_TRIANGLES;
import static org.lwjgl.opengl.GL11C.glDepthMask;
import static org.lwjgl.opengl.GL11C.glDisable;
import static org.lwjgl.opengl.GL11C.glDrawArrays;
import static org.lwjgl.opengl.GL11C.glEnable;
import static org.lwjgl.opengl.GL30C.glBindVertexArray;
import static org.lwjgl.opengl.GL30C.glDeleteVertexArrays;
import static org.lwjgl.opengl.GL45C.glCreateVertexArrays;

import io.synthscene.engine.gl.ShaderProgram;
import io.synthscene.scenes.frame.Daylight;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.Sky;
import io.synthscene.scenes.frame.Vec3;
import org.joml.Matrix4f;

/**
 * The sky of a frame whose lighting has a {@link Sky}: a full-screen triangle drawn into the
 * COLOR target right after its clear, with depth test and depth writes off, so every later draw
 * covers it (sky.frag.glsl has the formulas). It belongs to the colour pass alone: the id, depth,
 * normals and silhouette passes never see it, so labels do not change.
 *
 * <p>Created by {@link Renderer} on the first frame with a sky, used and closed on its GL thread.
 */
final class SkyPass implements AutoCloseable {
    private final ShaderProgram program;
    /** Empty: the triangle comes from gl_VertexID, but core GL draws need a bound vertex array. */
    private final int emptyVertexArray;
    private final Matrix4f inverseViewProjection = new Matrix4f();
    private boolean closed;

    SkyPass() {
        program = ShaderProgram.fromResources("fullscreen.vert.glsl", "sky.frag.glsl");
        emptyVertexArray = glCreateVertexArrays();
    }

    /** Whether the frame draws a sky (else the colour target's clear colour is its sky). */
    static boolean draws(Frame frame) {
        return frame.lighting().sky() != null;
    }

    /** Draws the sky into the bound colour target, which must be cleared and {@code width x height}. */
    void draw(Frame frame, CameraProjection camera, int width, int height) {
        if (closed) {
            throw new IllegalStateException("sky pass is closed");
        }
        Lighting light = frame.lighting();
        Sky sky = light.sky();
        program.use();
        program.set(program.uniform("inverseViewProjection"),
                new Matrix4f(camera.projection()).mul(camera.view()).invert(inverseViewProjection));
        program.set(program.uniform("viewportSize"), width, height);
        Vec3 eye = frame.camera().position();
        program.set(program.uniform("cameraPosition"), (float) eye.x(), (float) eye.y(), (float) eye.z());
        Vec3 toSun = light.directionToSun();
        program.set(program.uniform("directionToSun"), (float) toSun.x(), (float) toSun.y(), (float) toSun.z());
        set("horizon", Daylight.horizonSky(light));
        set("zenith", Daylight.zenithSky(light));
        set("sunGlow", Daylight.sunGlow(light));
        program.set(program.uniform("gradient"), sky.gradient() ? 1f : 0f);
        set("cloudColor", Daylight.cloudColor(light));
        program.set(program.uniform("cloudCover"), (float) sky.cloudCover());
        program.set(program.uniform("cloudOffsetMeters"), (float) (double) sky.cloudOffsetMeters().get(0),
                (float) (double) sky.cloudOffsetMeters().get(1));
        program.set(program.uniform("cloudHeightMeters"), (float) Sky.CLOUD_HEIGHT_METERS);
        program.set(program.uniform("cloudScaleMeters"), (float) Sky.CLOUD_SCALE_METERS);
        program.set(program.uniform("fogExtinctionPerMeter"), (float) Daylight.fogExtinctionPerMeter(light));
        program.set(program.uniform("fogLayerMeters"), (float) Daylight.SKY_FOG_LAYER_METERS);
        program.set(program.uniform("exposureGain"), (float) light.exposureGain());
        glDisable(GL_DEPTH_TEST);
        glDepthMask(false);
        glBindVertexArray(emptyVertexArray);
        glDrawArrays(GL_TRIANGLES, 0, 3);
        glBindVertexArray(0);
        glDepthMask(true);
        glEnable(GL_DEPTH_TEST);
    }

    private void set(String name, Rgb c) {
        program.set(program.uniform(name), (float) c.r(), (float) c.g(), (float) c.b());
    }

    private void set(String name, Vec3 c) {
        program.set(program.uniform(name), (float) c.x(), (float) c.y(), (float) c.z());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        glDeleteVertexArrays(emptyVertexArray);
        program.close();
    }
}
