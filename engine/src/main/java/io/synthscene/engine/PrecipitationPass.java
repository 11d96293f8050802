package io.synthscene.engine;

import static org.lwjgl.opengl.GL11C.GL_BLEND;
import static org.lwjgl.opengl.GL11C.GL_ONE_MINUS_SRC_ALPHA;
import static org.lwjgl.opengl.GL11C.GL_SRC_ALPHA;
import static org.lwjgl.opengl.GL11C.GL_TRIANGLES;
import static org.lwjgl.opengl.GL11C.glBlendFunc;
import static org.lwjgl.opengl.GL11C.glDepthMask;
import static org.lwjgl.opengl.GL11C.glDisable;
import static org.lwjgl.opengl.GL11C.glEnable;
import static org.lwjgl.opengl.GL30C.glBindVertexArray;
import static org.lwjgl.opengl.GL30C.glColorMaski;
import static org.lwjgl.opengl.GL31C.glDrawArraysInstanced;
import static org.lwjgl.opengl.GL45C.glCreateVertexArrays;
import static org.lwjgl.opengl.GL45C.glDeleteVertexArrays;

import io.synthscene.engine.gl.ShaderProgram;
import io.synthscene.scenes.frame.Daylight;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.Vec3;
import io.synthscene.scenes.frame.Weather;
import io.synthscene.scenes.random.FrameRandom;
import java.util.SplittableRandom;

/**
 * Rain streaks and snowflakes as real 3-D geometry: instanced capsules in a cube around the
 * camera, or around a rig's pose so that all its cameras see the same particles
 * ({@link Weather#volumeCentreFor}, {@link Weather#PARTICLE_VOLUME_HALF_SIDE_METERS}), each drawn over the path it falls
 * during the exposure, depth-tested against the scene (see particles.vert.glsl).
 *
 * <p>Positions come from a hash of a key per frame, the first two ints of the frame's
 * {@code weather/particles} stream (rain, then snow): the same frame always gets the same particles.
 *
 * <p>COLOR: blended over the scene with their opacity, writing no depth. Rain streaks take the
 * horizon sky's colour times {@link #RAIN_BRIGHTNESS} (a drop refracts the sky into the lens) at {@link Weather#RAIN_OPACITY}; flakes
 * are white (albedo {@link #SNOW_ALBEDO}) under the sky light and the sun. Particle coverage: the
 * particles whose opacity is at least {@link Weather#OCCLUDER_MIN_OPACITY} write 1 into the label
 * target's coverage attachment where they cover a pixel centre in front of the scene; ids, depth in
 * metres and the depth buffer never change, so masks, amodal silhouettes and DEPTH are those of the
 * clear frame and only visibility counts covered pixels as hidden.
 *
 * <p>Created by {@link Renderer} on the first frame with rain or snow and closed by it.
 */
final class PrecipitationPass implements AutoCloseable {
    /** Rain streaks are the horizon sky times this: drops refract the bright sky above into the lens. */
    static final double RAIN_BRIGHTNESS = 1.5;
    /** Snowflakes reflect this share of the light they receive. */
    static final double SNOW_ALBEDO = 0.9;
    /** Particles whose axis comes nearer the camera plane than this are not drawn, metres. */
    static final float NEAR_METERS = 0.2f;

    private final ShaderProgram color;
    private final ShaderProgram labels;
    private final int emptyVertexArray;
    private final int width;
    private final int height;
    private boolean closed;

    PrecipitationPass(int width, int height) {
        this.width = width;
        this.height = height;
        color = ShaderProgram.fromResources("particles.vert.glsl", "particles.frag.glsl");
        try {
            labels = ShaderProgram.fromResources("particles.vert.glsl", "particle_labels.frag.glsl");
        } catch (RuntimeException e) {
            color.close();
            throw e;
        }
        emptyVertexArray = glCreateVertexArrays();
    }

    /** Blends the frame's particles into the bound colour target; does nothing without weather. */
    void drawColor(Frame frame, CameraProjection camera) {
        requireOpen();
        Weather weather = frame.weather();
        if (weather == null || weather.rainStreaks() + weather.snowflakes() == 0) {
            return;
        }
        Lighting light = frame.lighting();
        color.use();
        color.set(color.uniform("fogExtinctionPerMeter"), (float) Daylight.fogExtinctionPerMeter(light));
        Rgb sky = Daylight.horizonSky(light);
        color.set(color.uniform("airlight"), (float) sky.r(), (float) sky.g(), (float) sky.b());
        color.set(color.uniform("exposureGain"), (float) light.exposureGain());
        glEnable(GL_BLEND);
        glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
        glDepthMask(false);
        int[] keys = keys(frame);
        if (weather.rainStreaks() > 0) {
            float k = (float) RAIN_BRIGHTNESS;
            color.set(color.uniform("radiance"), k * (float) sky.r(), k * (float) sky.g(), k * (float) sky.b());
            draw(color, frame, camera, keys[0], Weather.RAIN_FALL_SPEED_M_PER_S, Weather.RAIN_STREAK_WIDTH_METERS,
                    Weather.RAIN_OPACITY, weather.rainStreaks());
        }
        if (weather.snowflakes() > 0) {
            double[] white = snowRadiance(light);
            color.set(color.uniform("radiance"), (float) white[0], (float) white[1], (float) white[2]);
            draw(color, frame, camera, keys[1], Weather.SNOW_FALL_SPEED_M_PER_S, Weather.SNOWFLAKE_DIAMETER_METERS,
                    Weather.SNOW_OPACITY, weather.snowflakes());
        }
        glDepthMask(true);
        glDisable(GL_BLEND);
    }

    /** Whether the frame has particles opaque enough to cover pixels (snow: yes; rain alone: no). */
    static boolean covers(Weather weather) {
        return weather != null
                && (weather.rainStreaks() > 0 && Weather.RAIN_OPACITY >= Weather.OCCLUDER_MIN_OPACITY
                || weather.snowflakes() > 0 && Weather.SNOW_OPACITY >= Weather.OCCLUDER_MIN_OPACITY);
    }

    /**
     * Writes 1 into attachment {@code coverageAttachment} (R8UI, cleared to 0 by the caller) of the
     * bound label target where an opaque enough particle covers a pixel centre in front of the
     * scene's depth; the other attachments (ids, depth in metres) and the depth buffer are left alone.
     */
    void drawCoverage(Frame frame, CameraProjection camera, int coverageAttachment) {
        requireOpen();
        Weather weather = frame.weather();
        if (!covers(weather)) {
            return;
        }
        int[] keys = keys(frame);
        labels.use();
        labels.set(labels.uniform("minOpacity"), (float) Weather.OCCLUDER_MIN_OPACITY);
        glDepthMask(false);
        for (int attachment = 0; attachment < coverageAttachment; attachment++) {
            glColorMaski(attachment, false, false, false, false);
        }
        glColorMaski(coverageAttachment, true, true, true, true);
        if (weather.rainStreaks() > 0 && Weather.RAIN_OPACITY >= Weather.OCCLUDER_MIN_OPACITY) {
            draw(labels, frame, camera, keys[0], Weather.RAIN_FALL_SPEED_M_PER_S, Weather.RAIN_STREAK_WIDTH_METERS,
                    Weather.RAIN_OPACITY, weather.rainStreaks());
        }
        if (weather.snowflakes() > 0 && Weather.SNOW_OPACITY >= Weather.OCCLUDER_MIN_OPACITY) {
            draw(labels, frame, camera, keys[1], Weather.SNOW_FALL_SPEED_M_PER_S, Weather.SNOWFLAKE_DIAMETER_METERS,
                    Weather.SNOW_OPACITY, weather.snowflakes());
        }
        for (int attachment = 0; attachment < coverageAttachment; attachment++) {
            glColorMaski(attachment, true, true, true, true);
        }
        glDepthMask(true);
    }

    /** A white surface facing up, lit by the sky and the sun above the horizon, times the snow's albedo. */
    static double[] snowRadiance(Lighting light) {
        Vec3 sky = Daylight.skyLight(light);
        double sunUp = light.sunElevationDegrees() <= 0 ? 0
                : light.sunIntensity() * Math.sin(Math.toRadians(light.sunElevationDegrees()));
        Rgb sun = light.sunColor();
        return new double[] {SNOW_ALBEDO * (sky.x() + sun.r() * sunUp), SNOW_ALBEDO * (sky.y() + sun.g() * sunUp),
                SNOW_ALBEDO * (sky.z() + sun.b() * sunUp)};
    }

    private static int[] keys(Frame frame) {
        SplittableRandom random = FrameRandom.stream(frame.sceneSeed(), frame.index(), "weather/particles");
        return new int[] {random.nextInt(), random.nextInt()};
    }

    private void draw(ShaderProgram program, Frame frame, CameraProjection camera, int key, double fallSpeed,
                      double sizeMeters, double opacity, int count) {
        Vec3 eye = frame.camera().position();
        Vec3 centre = frame.weather().volumeCentreFor(frame.camera());
        float fall = (float) (fallSpeed * frame.weather().exposureTimeSeconds());
        program.set(program.uniform("view"), camera.view());
        program.set(program.uniform("projection"), camera.projection());
        if (program == color) { // only the colour draw fogs by distance; the label draw has no such uniform
            program.set(program.uniform("cameraPosition"), (float) eye.x(), (float) eye.y(), (float) eye.z());
        }
        program.set(program.uniform("volumeCentre"), (float) centre.x(), (float) centre.y(), (float) centre.z());
        program.setUnsigned(program.uniform("key"), key);
        program.set(program.uniform("halfSideMeters"), (float) Weather.PARTICLE_VOLUME_HALF_SIDE_METERS);
        program.set(program.uniform("fallMeters"), 0f, -fall, 0f);
        program.set(program.uniform("radiusMeters"), (float) (sizeMeters / 2));
        program.set(program.uniform("baseOpacity"), (float) opacity);
        program.set(program.uniform("nearMeters"), NEAR_METERS);
        program.set(program.uniform("viewportPixels"), (float) width, (float) height);
        glBindVertexArray(emptyVertexArray);
        glDrawArraysInstanced(GL_TRIANGLES, 0, 6, count);
        glBindVertexArray(0);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("precipitation pass is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        glDeleteVertexArrays(emptyVertexArray);
        labels.close();
        color.close();
    }
}
