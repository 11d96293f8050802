package io.synthscene.engine;

import static org.lwjgl.opengl.GL11C.GL_RGB;
import static org.lwjgl.opengl.GL11C.GL_RGBA8;
import static org.lwjgl.opengl.GL11C.GL_TRIANGLES;
import static org.lwjgl.opengl.GL11C.GL_UNPACK_ALIGNMENT;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL11C.glDrawArrays;
import static org.lwjgl.opengl.GL11C.glPixelStorei;
import static org.lwjgl.opengl.GL30C.GL_R32F;
import static org.lwjgl.opengl.GL30C.GL_RGBA32F;
import static org.lwjgl.opengl.GL30C.glBindVertexArray;
import static org.lwjgl.opengl.GL30C.glDeleteVertexArrays;
import static org.lwjgl.opengl.GL45C.glCreateVertexArrays;
import static org.lwjgl.opengl.GL45C.glTextureSubImage2D;

import io.synthscene.engine.gl.Framebuffer;
import io.synthscene.engine.gl.ShaderProgram;
import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.CameraMotion;
import io.synthscene.scenes.frame.Sensor;
import io.synthscene.scenes.random.FrameRandom;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.joml.Matrix3f;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.lwjgl.system.MemoryUtil;

/**
 * The camera sensor, applied on the GPU to the colour image after the colour pass and before
 * readback: what the camera does to the light, never to ids, depth or normals. Full-screen passes
 * over the image, in this order:
 * <ol>
 *   <li>sRGB decode to linear L; L times 2^exposure_ev, times the white balance gain of the channel
 *       ({@link Sensor#whiteBalanceGains}, once per frame on the CPU), times the vignetting factor
 *       1 - v (r / r_corner)² (r from the image centre to the pixel centre, at +0.5);
 *   <li>when the camera moves during the exposure ({@link CameraMotion}): motion blur, the mean of
 *       the linear image along each pixel's path in the exposure, found by reprojecting the pixel's
 *       scene point (from the depth pass and the intrinsics) into the camera at instants spread
 *       over the exposure (sensor_motion.frag.glsl; at least one sample per pixel of path, at most
 *       {@link #MAX_MOTION_SAMPLES}); the vignetting is applied after it then, as the lens sees the
 *       smeared light;
 *   <li>lateral chromatic aberration (red sampled magnified, blue shrunk about the centre,
 *       bilinearly on the linear image, edges clamped), when chromatic_aberration_px > 0;
 *   <li>a separable Gaussian blur of std blur_px over the linear image, rows then columns (radius
 *       ceil(3σ), normalised weights, edges clamped), when blur_px > 0;
 *   <li>clip to [0, 1]; shot noise L + sqrt(L / n) N(0, 1) for n photons at white (the normal
 *       approximation of Poisson(L n) / n: it differs only where fewer than ~30 photons are
 *       expected, and costs the same in every pixel), clipped again; sRGB encode to 8-bit levels;
 *       Gaussian read noise of std gaussian_std_levels levels; round and clip to 0..255.
 * </ol>
 * Linear images between passes are GL_RGBA32F (unclipped: the blur spreads highlights; full
 * rather than half floats because llvmpipe converts halves slowly: ~10 % of the sensor's CPU time
 * there at 1280x720, nothing measurable on a GPU); the result is GL_RGBA8, read back like the colour pass itself. Shaders: sensor_*.frag.glsl.
 *
 * <p>Noise is counter-based, so a frame's image is the same bytes on any thread, shard or
 * re-render: its key is the first 128 bits of the frame's {@code sensor/noise} stream
 * ({@link FrameRandom}, scene seed and frame index), and the shader hashes it with the pixel and
 * channel (see sensor_finish.frag.glsl). The same inputs give the same bytes on the same device;
 * another device's log, cos and pow may differ in the last bits, and so a level here and there.
 *
 * <p>Created on the first sensed frame and closed by the {@link Renderer}, used on its GL thread;
 * its targets are made once, at the renderer's size, so memory stays flat over a batch.
 */
final class SensorPass implements AutoCloseable {
    /** The widest blur kernel's radius, ceil(3 · {@link Sensor#MAX_BLUR_PX}); MAX_RADIUS in sensor_blur.frag.glsl. */
    static final int MAX_BLUR_RADIUS = 150;
    /** Samples along the longest motion path; MAX_SAMPLES in sensor_motion.frag.glsl. Longer paths are sampled sparser. */
    static final int MAX_MOTION_SAMPLES = 128;
    /** The unit the motion pass reads depth from ({@code binding = 2} in sensor_motion.frag.glsl). */
    static final int DEPTH_TEXTURE_UNIT = 2;
    /**
     * The unit the passes sample from ({@code binding = 1} in sensor_*.frag.glsl): not the shadow
     * map's, so the colour pass's shadow sampler never finds a colour texture bound.
     */
    static final int TEXTURE_UNIT = 1;

    private final int width;
    private final int height;
    private final GpuResources gpu;
    /** Empty: the full-screen triangle comes from gl_VertexID, but core GL draws need a bound one. */
    private final int emptyVertexArray;
    private boolean closed;

    SensorPass(int width, int height) {
        this.width = width;
        this.height = height;
        GpuResources made = new GpuResources();
        try {
            made.create(width, height);
        } catch (RuntimeException e) {
            made.close();
            throw e;
        }
        gpu = made;
        emptyVertexArray = glCreateVertexArrays();
    }

    /** False for no sensor or one that changes nothing: such a frame's colour image skips this pass. */
    static boolean affects(Sensor sensor) {
        return sensor != null && !sensor.changesNothing();
    }

    /** Whether the camera moves during the exposure, so the colour image is motion-blurred (which needs depth). */
    static boolean blursMotion(Camera camera) {
        return camera.motion() != null && !camera.motion().staysStill();
    }

    /** False when neither the sensor nor the camera's motion changes the image: the colour image skips this pass. */
    static boolean affects(Sensor sensor, Camera camera) {
        return affects(sensor) || blursMotion(camera);
    }

    /**
     * Senses the colour image in {@code color}'s attachment 0 (single-sample, RGBA8, sRGB-encoded)
     * and returns the framebuffer holding the result, valid until the next call.
     */
    Framebuffer apply(Framebuffer color, Sensor sensor, long sceneSeed, int frameIndex) {
        requireOpen();
        color.resolveColorInto(gpu.source); // a plain copy: a renderbuffer cannot be sampled
        return run(sensor == null ? Sensor.NONE : sensor, null, sceneSeed, frameIndex);
    }

    /**
     * Like {@link #apply(Framebuffer, Sensor, long, int)}, and motion-blurs the image for
     * {@code camera}'s motion (when it moves) using the depth in metres along the viewing axis in
     * {@code depth}'s colour attachment {@code depthAttachment} (single-sample R32F, +infinity for
     * sky), drawn for the same camera.
     *
     * @param sensor null for none: then only the motion blur changes the image
     */
    Framebuffer apply(Framebuffer color, Sensor sensor, Camera camera, Framebuffer depth, int depthAttachment,
            long sceneSeed, int frameIndex) {
        requireOpen();
        color.resolveColorInto(gpu.source);
        Camera moving = null;
        if (blursMotion(camera)) {
            depth.copyColorInto(depthAttachment, gpu.depth); // a renderbuffer cannot be sampled either
            moving = camera;
        }
        return run(sensor == null ? Sensor.NONE : sensor, moving, sceneSeed, frameIndex);
    }

    /**
     * Senses an image that did not come from the renderer.
     *
     * @param rgb sRGB bytes, R, G, B, row-major, top row first, at this pass's size; not modified
     */
    Framebuffer apply(byte[] rgb, Sensor sensor, long sceneSeed, int frameIndex) {
        requireOpen();
        if (rgb.length != 3 * width * height) {
            throw new IllegalArgumentException("rgb has " + rgb.length + " bytes, expected " + 3 * width * height
                    + " for " + width + "x" + height);
        }
        ByteBuffer rows = MemoryUtil.memAlloc(rgb.length);
        try {
            int row = 3 * width;
            for (int y = 0; y < height; y++) {
                rows.put((height - 1 - y) * row, rgb, y * row, row); // GL rows are bottom-up
            }
            glPixelStorei(GL_UNPACK_ALIGNMENT, 1); // 3-byte pixels: rows need not be 4-byte aligned
            glTextureSubImage2D(gpu.source.colorTexture(), 0, 0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, rows);
        } finally {
            MemoryUtil.memFree(rows);
        }
        return run(sensor, null, sceneSeed, frameIndex);
    }

    /** @param moving the camera whose motion blurs the image (depth already copied), or null for none */
    private Framebuffer run(Sensor sensor, Camera moving, long sceneSeed, int frameIndex) {
        glBindVertexArray(emptyVertexArray);
        drawExposed(sensor, moving == null ? sensor.vignetting() : 0);
        Framebuffer linear = gpu.linearA;
        if (moving != null) {
            linear = drawMotionBlurred(linear, moving, sensor.vignetting());
        }
        if (sensor.chromaticAberrationPx() > 0) {
            linear = drawAberrated(linear, sensor.chromaticAberrationPx());
        }
        if (sensor.blurPx() > 0) {
            linear = drawBlurred(linear, sensor.blurPx());
        }
        drawFinished(linear, sensor, FrameRandom.stream(sceneSeed, frameIndex, "sensor/noise"));
        glBindVertexArray(0);
        return gpu.output;
    }

    private void drawExposed(Sensor sensor, double vignetting) {
        double exposure = Math.pow(2, sensor.exposureEv());
        double[] gains = Sensor.whiteBalanceGains(sensor.whiteBalanceK());
        gpu.expose.set(gpu.expose.uniform("gain"), (float) (exposure * gains[0]), (float) (exposure * gains[1]),
                (float) (exposure * gains[2]));
        gpu.expose.set(gpu.expose.uniform("vignetting"), (float) vignetting);
        gpu.expose.set(gpu.expose.uniform("imageSize"), width, height);
        gpu.source.bindColorTexture(TEXTURE_UNIT);
        draw(gpu.expose, gpu.linearA);
    }

    private Framebuffer drawMotionBlurred(Framebuffer linear, Camera camera, double vignetting) {
        CameraMotion motion = camera.motion();
        ShaderProgram program = gpu.motion;
        Matrix4d cameraToWorld = camera.glCameraToWorld();
        Vector3d travel = motion.travelMeters(camera.yawDegrees());
        program.set(program.uniform("imageSize"), width, height);
        program.set(program.uniform("principalPoint"), (float) camera.principalPointXPixels(),
                (float) camera.principalPointYPixels());
        program.set(program.uniform("focalPx"), (float) camera.focalLengthPixels());
        program.set(program.uniform("cameraToWorld"), new Matrix3f().set(new org.joml.Matrix4f(cameraToWorld)));
        program.set(program.uniform("travel"), (float) travel.x, (float) travel.y, (float) travel.z);
        program.set(program.uniform("turnRadians"), (float) Math.toRadians(motion.turnDegrees()));
        program.set(program.uniform("vignetting"), (float) vignetting);
        linear.bindColorTexture(TEXTURE_UNIT);
        gpu.depth.bindColorTexture(DEPTH_TEXTURE_UNIT);
        Framebuffer into = other(linear);
        draw(program, into);
        return into;
    }

    private Framebuffer drawAberrated(Framebuffer linear, double px) {
        double cornerPx = Math.hypot(width / 2.0, height / 2.0);
        gpu.aberrate.set(gpu.aberrate.uniform("imageSize"), width, height);
        gpu.aberrate.set(gpu.aberrate.uniform("shift"), (float) (px / cornerPx));
        linear.bindColorTexture(TEXTURE_UNIT);
        Framebuffer into = other(linear);
        draw(gpu.aberrate, into);
        return into;
    }

    private Framebuffer drawBlurred(Framebuffer linear, double sigmaPx) {
        float[] weights = halfGaussianKernel(sigmaPx);
        gpu.blur.setInt(gpu.blur.uniform("radius"), weights.length - 1);
        gpu.blur.set(gpu.blur.uniform("weights"), weights);
        gpu.blur.set(gpu.blur.uniform("direction"), 1, 0);
        linear.bindColorTexture(TEXTURE_UNIT);
        Framebuffer rows = other(linear);
        draw(gpu.blur, rows);
        gpu.blur.set(gpu.blur.uniform("direction"), 0, 1);
        rows.bindColorTexture(TEXTURE_UNIT);
        draw(gpu.blur, linear);
        return linear;
    }

    private void drawFinished(Framebuffer linear, Sensor sensor, SplittableRandom noise) {
        gpu.finish.set(gpu.finish.uniform("photonsAtWhite"), (float) sensor.photonsAtWhite());
        gpu.finish.set(gpu.finish.uniform("readNoiseStdLevels"), (float) sensor.gaussianStdLevels());
        gpu.finish.setUnsigned(gpu.finish.uniform("noiseKey"), noise.nextInt(), noise.nextInt(), noise.nextInt(), noise.nextInt());
        gpu.finish.setInt(gpu.finish.uniform("imageHeight"), height);
        linear.bindColorTexture(TEXTURE_UNIT);
        draw(gpu.finish, gpu.output);
    }

    private Framebuffer other(Framebuffer linear) {
        return linear == gpu.linearA ? gpu.linearB : gpu.linearA;
    }

    private static void draw(ShaderProgram program, Framebuffer into) {
        into.bindForDrawing();
        program.use();
        glDrawArrays(GL_TRIANGLES, 0, 3);
    }

    /**
     * The normalised Gaussian kernel of std {@code sigmaPx} and radius max(1, ceil(3σ)), from the
     * centre outwards: element k weighs the offsets +k and -k (the sum over all offsets is 1).
     */
    static float[] halfGaussianKernel(double sigmaPx) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigmaPx));
        if (radius > MAX_BLUR_RADIUS) {
            throw new IllegalArgumentException("blur std " + sigmaPx + " px needs a radius over " + MAX_BLUR_RADIUS);
        }
        double[] weights = new double[radius + 1];
        double sum = 0;
        for (int k = 0; k <= radius; k++) {
            weights[k] = Math.exp(-0.5 * k * k / (sigmaPx * sigmaPx));
            sum += k == 0 ? weights[k] : 2 * weights[k];
        }
        float[] normalised = new float[radius + 1];
        for (int k = 0; k <= radius; k++) {
            normalised[k] = (float) (weights[k] / sum);
        }
        return normalised;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the sensor pass is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            glDeleteVertexArrays(emptyVertexArray);
            gpu.close();
        }
    }

    /** The targets and programs: created together, freed together. */
    private static final class GpuResources implements AutoCloseable {
        /** The sRGB image to sense: a copy of the colour pass, or uploaded bytes. */
        Framebuffer source;
        /** Linear images, drawn into and sampled in turn. */
        Framebuffer linearA;
        Framebuffer linearB;
        Framebuffer output;
        /** A sampled copy of the depth pass, for the motion blur. */
        Framebuffer depth;
        ShaderProgram expose;
        ShaderProgram motion;
        ShaderProgram aberrate;
        ShaderProgram blur;
        ShaderProgram finish;

        void create(int width, int height) {
            source = Framebuffer.createSampled("sensor source", width, height, GL_RGBA8, false);
            linearA = Framebuffer.createSampled("sensor linear A", width, height, GL_RGBA32F, true);
            linearB = Framebuffer.createSampled("sensor linear B", width, height, GL_RGBA32F, true);
            output = Framebuffer.create("sensor output", width, height, 1, new int[] {GL_RGBA8}, 0);
            depth = Framebuffer.createSampled("sensor depth", width, height, GL_R32F, false);
            expose = ShaderProgram.fromResources("fullscreen.vert.glsl", "sensor_expose.frag.glsl");
            motion = ShaderProgram.fromResources("fullscreen.vert.glsl", "sensor_motion.frag.glsl");
            aberrate = ShaderProgram.fromResources("fullscreen.vert.glsl", "sensor_aberrate.frag.glsl");
            blur = ShaderProgram.fromResources("fullscreen.vert.glsl", "sensor_blur.frag.glsl");
            finish = ShaderProgram.fromResources("fullscreen.vert.glsl", "sensor_finish.frag.glsl");
        }

        /** Frees whatever was created, in reverse order; safe after a partial {@link #create}. */
        @Override
        public void close() {
            for (ShaderProgram program : new ShaderProgram[] {finish, blur, aberrate, motion, expose}) {
                if (program != null) {
                    program.close();
                }
            }
            for (Framebuffer target : new Framebuffer[] {depth, output, linearB, linearA, source}) {
                if (target != null) {
                    target.close();
                }
            }
        }
    }
}
