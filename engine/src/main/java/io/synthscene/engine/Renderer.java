package io.synthscene.engine;

import static org.lwjgl.opengl.GL11C.GL_CULL_FACE;
import static org.lwjgl.opengl.GL11C.GL_DEPTH_TEST;
import static org.lwjgl.opengl.GL11C.GL_GREATER;
import static org.lwjgl.opengl.GL11C.GL_RGBA8;
import static org.lwjgl.opengl.GL11C.glDepthFunc;
import static org.lwjgl.opengl.GL11C.glDisable;
import static org.lwjgl.opengl.GL11C.glEnable;
import static org.lwjgl.opengl.GL11C.GL_NO_ERROR;
import static org.lwjgl.opengl.GL11C.glFinish;
import static org.lwjgl.opengl.GL11C.glGetError;
import static org.lwjgl.opengl.GL11C.glGetInteger;
import static org.lwjgl.opengl.GL11C.glGetIntegerv;
import static org.lwjgl.opengl.GL11C.GL_MAX_VIEWPORT_DIMS;
import static org.lwjgl.opengl.GL13C.GL_MULTISAMPLE;
import static org.lwjgl.opengl.GL30C.GL_DEPTH_COMPONENT32F;
import static org.lwjgl.opengl.GL30C.GL_MAX_RENDERBUFFER_SIZE;
import static org.lwjgl.opengl.GL30C.GL_MAX_SAMPLES;
import static org.lwjgl.opengl.GL30C.GL_R32F;
import static org.lwjgl.opengl.GL30C.GL_R32UI;
import static org.lwjgl.opengl.GL30C.GL_R8UI;
import static org.lwjgl.opengl.GL30C.glColorMaski;
import static org.lwjgl.opengl.GL45C.GL_LOWER_LEFT;
import static org.lwjgl.opengl.GL45C.GL_ZERO_TO_ONE;
import static org.lwjgl.opengl.GL45C.glClipControl;

import io.synthscene.assets.MeshPart;
import io.synthscene.assets.MeshSource;
import io.synthscene.assets.Primitives;
import io.synthscene.engine.gl.Framebuffer;
import io.synthscene.engine.gl.ImageTexture;
import io.synthscene.engine.gl.MeshBuffers;
import io.synthscene.engine.gl.MeshCache;
import io.synthscene.engine.gl.ShaderProgram;
import io.synthscene.engine.gl.VertexArray;
import io.synthscene.engine.gl.MeshStorage;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Ground;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.RenderedLayers;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Sensor;
import io.synthscene.scenes.frame.Silhouettes;
import io.synthscene.scenes.frame.Shadows;
import java.util.Objects;
import java.util.Set;
import org.joml.Matrix3f;
import org.joml.Matrix4f;

/**
 * Renders {@link Frame}s headless and reads the requested passes back into a
 * {@link RenderedFrame}: COLOR (8-bit sRGB, optionally multisampled), INSTANCE_ID (32-bit, never
 * anti-aliased), DEPTH (float metres along the viewing axis, +infinity for sky) and SILHOUETTES
 * (each labelled object alone, inside the image and over a guard band; see {@link SilhouettePass}).
 *
 * <p>Opened with {@link #open} by the pipeline, which closes it. It owns an {@link EglContext}
 * current on the thread that opened it: every call, {@link #close} included, must come from that
 * thread (others throw {@link IllegalStateException}), and after {@link #close} {@link #render}
 * throws {@link IllegalStateException}. All frames must have the renderer's width and height.
 *
 * <p>{@link #render} waits for the pixels. {@link #startRender} and {@link #collectRender} split
 * it: the readback goes into a ring of {@link #READBACK_RING_SIZE} pixel buffer objects with a
 * fence each, so the next frame can be drawn while this one's pixels are in transfer; the ring is
 * created on first use and freed by {@link #close}.
 *
 * <p>Pixel convention: pixel (x, y), x to the right and y down from the top-left corner, covers
 * [x, x+1) x [y, y+1) with its centre at (x + 0.5, y + 0.5); a triangle covers a pixel iff it
 * covers the centre (GL's rasterization rule), so an object's id mask is exactly the set of pixel
 * centres inside its visible projection.
 *
 * <p>Back faces are not culled: a model file with inconsistent winding must not get holes in its
 * labels; the depth test alone decides visibility. The ground is drawn in colour and writes id 0.
 *
 * <p>The sky ({@link SkyPass}: gradient from the sun's position, clouds, when the frame's lighting
 * has one; else the clear colour, the horizon sky) is drawn in COLOR only, behind everything.
 * Sun shadows ({@link ShadowMap}, when the frame's lighting asks for them), the sky/ground
 * hemisphere light, point and spot lights (unshadowed), emission, fog and the scene exposure
 * ({@link ShadedLighting}) belong to the COLOR pass alone: INSTANCE_ID and DEPTH never change.
 * Rain and snow ({@link PrecipitationPass}) are drawn in COLOR; INSTANCE_ID, DEPTH and SILHOUETTES
 * never change. Where opaque enough particles (snowflakes) cover a pixel, the frame read with
 * INSTANCE_ID also carries {@link RenderedFrame#particleCoverage()}; other frames pay nothing for it.
 *
 * <p>The frame's camera sensor ({@link Sensor}: exposure, white balance, vignetting, chromatic
 * aberration, blur, noise) is applied to the COLOR pass on the GPU, before readback, by
 * {@link SensorPass}: the colour image returned is the sensed one. A frame without a sensor, or
 * with one that changes nothing, is read back as drawn. {@link #applySensor} runs the same pass
 * on an image that did not come from the renderer.
 *
 * <p>A camera that moves during the exposure ({@link io.synthscene.scenes.frame.CameraMotion})
 * blurs the COLOR pass in the same {@link SensorPass}, from the depth of the INSTANCE_ID/DEPTH
 * draw, which such frames draw before the colour (once: their ids and depth come from that draw
 * too); INSTANCE_ID, DEPTH, NORMALS and SILHOUETTES show the pose at mid-exposure, unchanged.
 *
 * <p>Frames whose camera has lens distortion are refused: the rasterizer draws pinhole images;
 * the pipeline renders a covering pinhole camera and warps every pass to the distorted image
 * ({@code io.synthscene.annotators.LensWarp}).
 */
public final class Renderer implements AutoCloseable {
    /** Uploaded meshes kept on the GPU by default; more distinct assets evict the least recently used. */
    public static final int DEFAULT_MESH_CACHE_CAPACITY = 512;
    /**
     * Frames that {@link #startRender} keeps in flight at most: one being drawn, one whose pixels
     * are in transfer, one being collected.
     */
    public static final int READBACK_RING_SIZE = 3;
    /** Readback slots beyond the ring, for frames collected with {@link #collectPixels} and not yet copied. */
    public static final int READBACK_SPARE_SLOTS = 4;

    /** Shadow lookups move off the surface by this many shadow-map texels x sin(angle to the sun). */
    static final float SHADOW_NORMAL_OFFSET_TEXELS = 1.5f;

    private static final int ID_ATTACHMENT = 0;
    private static final int DEPTH_ATTACHMENT = 1;
    /** Particle coverage (R8UI): cleared, drawn and read only on frames with opaque enough particles. */
    private static final int COVERAGE_ATTACHMENT = 2;

    private final EglContext context;
    /** Asked after every frame and on every GL failure; a lost context stops all later calls. */
    private final ContextHealth health;
    private final int width;
    private final int height;
    private final int msaaSamples;
    private final GpuResources gpu;
    private final MeshCache meshes;
    /** Scratch matrices for per-object uniforms, reused so that drawing allocates nothing. */
    private final Matrix4f model = new Matrix4f();
    private final Matrix3f normalMatrix = new Matrix3f();
    /** The ground quad, re-uploaded when a frame's ground size differs from the last one's. */
    private VertexArray ground;
    private double groundSizeMeters = Double.NaN;
    /** The SILHOUETTES pass's program and guard-band target; created when first asked for. */
    private SilhouettePass silhouettePass;
    /** Created on the first frame that asks for NORMALS. */
    private NormalsPass normalsPass;
    /** The sun's shadow map; created by the first frame with shadows, recreated for another size. */
    private ShadowMap shadowMap;
    /** Created on the first frame whose sensor changes anything. */
    private SensorPass sensorPass;
    /** The sky gradient and clouds; created on the first frame with a sky. */
    private SkyPass skyPass;
    /** Object coverage for {@link #renderLayers}; created on its first call. */
    private CoveragePass coveragePass;
    /** Rain and snow particles; created on the first frame with either. */
    private PrecipitationPass precipitationPass;
    /** Pixel buffer objects for {@link #startRender}; created on its first call. */
    private ReadbackRing ring;
    private boolean closed;

    private Renderer(EglContext context, ContextHealth health, int width, int height, int msaaSamples, MeshSource meshSource,
                     int meshCacheCapacity, GpuResources gpu) {
        this.context = context;
        this.health = health;
        this.width = width;
        this.height = height;
        this.msaaSamples = msaaSamples;
        this.meshes = new MeshCache(meshSource, gpu.meshStorage, meshCacheCapacity);
        this.gpu = gpu;
    }

    /** Opens a renderer with the default mesh cache capacity; see {@link #open(DevicePreference, int, int, int, MeshSource, int)}. */
    public static Renderer open(DevicePreference device, int width, int height, int msaaSamples, MeshSource meshes) {
        return open(device, width, height, msaaSamples, meshes, DEFAULT_MESH_CACHE_CAPACITY);
    }

    /**
     * Opens an EGL context on a device that {@code device} allows, current on the calling thread,
     * and creates the shaders and render targets for {@code width x height} images.
     *
     * @param msaaSamples 1 for no anti-aliasing; more multisamples the COLOR pass only
     * @param meshes      where object meshes come from; called on this thread, results cached by asset key
     * @param meshCacheCapacity how many uploaded meshes stay on the GPU (least recently used go first)
     * @throws NoSuchDeviceException    when no allowed device can be opened
     * @throws IllegalArgumentException when the size or sample count is beyond what the device supports
     */
    public static Renderer open(DevicePreference device, int width, int height, int msaaSamples, MeshSource meshes,
                                int meshCacheCapacity) {
        Objects.requireNonNull(meshes, "meshes");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size " + width + "x" + height + " is not positive");
        }
        if (msaaSamples < 1) {
            throw new IllegalArgumentException("msaa samples " + msaaSamples + " must be >= 1");
        }
        EglContext context = EglContext.open(device);
        GpuResources gpu = new GpuResources();
        try {
            ContextHealth health = ContextHealth.of(context, System::getenv);
            int maxSize = glGetInteger(GL_MAX_RENDERBUFFER_SIZE);
            if (width > maxSize || height > maxSize) {
                throw new IllegalArgumentException("image size " + width + "x" + height + " exceeds " + context.renderer()
                        + "'s largest render target, " + maxSize + " pixels a side");
            }
            int maxSamples = glGetInteger(GL_MAX_SAMPLES);
            if (msaaSamples > maxSamples) {
                throw new IllegalArgumentException("msaa samples " + msaaSamples + " exceeds " + context.renderer()
                        + "'s maximum of " + maxSamples);
            }
            gpu.create(width, height, msaaSamples);
            configureFixedState();
            return new Renderer(context, health, width, height, msaaSamples, meshes, meshCacheCapacity, gpu);
        } catch (RuntimeException e) {
            gpu.close();
            context.close();
            throw e;
        }
    }

    /** GL state that never changes between draws. */
    private static void configureFixedState() {
        glClipControl(GL_LOWER_LEFT, GL_ZERO_TO_ONE); // reversed Z, see CameraProjection
        glEnable(GL_DEPTH_TEST);
        glDepthFunc(GL_GREATER);
        glDisable(GL_CULL_FACE);
        glEnable(GL_MULTISAMPLE);
    }

    /** GL_RENDERER of the device, e.g. {@code llvmpipe (LLVM 15.0.6, 256 bits)}. */
    public String deviceName() {
        requireOpen();
        return context.renderer();
    }

    /** False on Mesa's software rasterizer. */
    public boolean isHardware() {
        requireOpen();
        return context.isHardware();
    }

    public String glVersion() {
        requireOpen();
        return context.glVersion();
    }

    /** What the context got for GPU resets; recorded in dataset.json as {@code gpu_reset_notification}. */
    public ResetNotification resetNotification() {
        requireOpen();
        return context.resetNotification();
    }

    /** Whether the context has been lost (every later call throws {@link GpuContextLostException}). */
    public boolean isContextLost() {
        return health.isLost();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int msaaSamples() {
        return msaaSamples;
    }

    /** How many meshes are on the GPU now; at most the cache capacity. */
    public int cachedMeshCount() {
        requireOpen();
        return meshes.size();
    }

    /** How many mesh uploads there have been since opening (re-uploads after eviction included). */
    public long meshUploads() {
        requireOpen();
        return meshes.uploads();
    }

    /**
     * Renders the passes asked for, and only those; a pass not asked for is null in the result.
     * INSTANCE_ID and DEPTH come from the same draw. Waits for the pixels: see {@link #startRender}
     * for reading back while the next frame draws.
     */
    public RenderedFrame render(Frame frame, Set<RenderPass> passes) {
        requireOpen();
        context.makeCurrent();
        requireSize(frame);
        try {
            RenderedFrame rendered = renderChecked(frame, passes);
            health.afterFrame(frame.index());
            return rendered;
        } catch (RuntimeException e) {
            throw health.explain(e, "rendering frame " + frame.index());
        }
    }

    private RenderedFrame renderChecked(Frame frame, Set<RenderPass> passes) {
        CameraProjection camera = CameraProjection.of(frame.camera());
        prepareGround(frame.ground());
        byte[] rgb = null;
        int[] ids = null;
        float[] depth = null;
        byte[] coverage = null;
        boolean wantIds = passes.contains(RenderPass.INSTANCE_ID);
        boolean wantDepth = passes.contains(RenderPass.DEPTH);
        Boolean coveredEarly = drawLabelsForMotion(frame, camera, passes);
        if (passes.contains(RenderPass.COLOR)) {
            rgb = gpu.readback.rgb(drawColorSensed(frame, camera), 0);
        }
        if (wantIds || wantDepth) {
            boolean covered = coveredEarly != null ? coveredEarly : drawLabels(frame, camera, wantIds);
            ids = wantIds ? gpu.readback.unsigned(gpu.labelTarget, ID_ATTACHMENT) : null;
            depth = wantDepth ? gpu.readback.floats(gpu.labelTarget, DEPTH_ATTACHMENT) : null;
            coverage = covered ? gpu.readback.unsignedBytes(gpu.labelTarget, COVERAGE_ATTACHMENT) : null;
        }
        Silhouettes silhouettes = passes.contains(RenderPass.SILHOUETTES)
                ? silhouettePass().render(frame, camera, meshes) : null;
        float[] normals = passes.contains(RenderPass.NORMALS) ? drawNormals(frame, camera) : null;
        checkGlError(frame);
        return new RenderedFrame(frame.index(), width, height, rgb, ids, depth, context.renderer(), silhouettes, normals,
                coverage);
    }

    /**
     * Draws the passes asked for and starts reading them back into a ring of pixel buffer objects,
     * without waiting for the pixels: the frame is collected later with {@link #collectRender},
     * oldest first, and meanwhile the next frames can be drawn. At most {@link #READBACK_RING_SIZE}
     * frames are in flight; the ring's buffers are created on first use and freed by {@link #close}.
     * The collected frame is byte-identical to what {@link #render} returns for the same frame.
     *
     * @throws IllegalStateException when {@link #READBACK_RING_SIZE} frames are already in flight
     */
    public void startRender(Frame frame, Set<RenderPass> passes) {
        requireOpen();
        context.makeCurrent();
        requireSize(frame);
        try {
            startRenderChecked(frame, passes);
            health.afterFrame(frame.index());
        } catch (RuntimeException e) {
            throw health.explain(e, "rendering frame " + frame.index());
        }
    }

    private void startRenderChecked(Frame frame, Set<RenderPass> passes) {
        if (ring == null) {
            ring = new ReadbackRing(width, height, READBACK_RING_SIZE, READBACK_SPARE_SLOTS);
        }
        ReadbackRing.Slot slot = ring.next();
        CameraProjection camera = CameraProjection.of(frame.camera());
        prepareGround(frame.ground());
        boolean wantIds = passes.contains(RenderPass.INSTANCE_ID);
        boolean wantDepth = passes.contains(RenderPass.DEPTH);
        Boolean coveredEarly = drawLabelsForMotion(frame, camera, passes);
        if (passes.contains(RenderPass.COLOR)) {
            slot.readRgb(drawColorSensed(frame, camera), 0);
        }
        if (wantIds || wantDepth) {
            boolean covered = coveredEarly != null ? coveredEarly : drawLabels(frame, camera, wantIds);
            if (wantIds) {
                slot.readUnsigned(gpu.labelTarget, ID_ATTACHMENT);
            }
            if (covered) {
                slot.readCoverage(gpu.labelTarget, COVERAGE_ATTACHMENT);
            }
            if (wantDepth) {
                slot.readFloats(gpu.labelTarget, DEPTH_ATTACHMENT);
            }
        }
        SilhouettePass.Pending silhouettes = passes.contains(RenderPass.SILHOUETTES)
                ? silhouettePass().draw(frame, camera, meshes, slot::silhouetteBufferOfAtLeast) : null;
        // Normals are read synchronously: only datasets that ask for them pay the wait.
        float[] normals = passes.contains(RenderPass.NORMALS) ? drawNormals(frame, camera) : null;
        checkGlError(frame);
        ring.commit(slot, frame.index(), silhouettes, normals);
    }

    /**
     * The oldest frame started with {@link #startRender}, waiting for its pixels if they have not
     * arrived yet.
     *
     * @throws IllegalStateException when no frame is in flight
     */
    public RenderedFrame collectRender() {
        return collectPixels().toRenderedFrame();
    }

    /**
     * The oldest frame started with {@link #startRender}, waiting for its pixels to arrive if they
     * have not, but not copying them: see {@link FramePixels}. Frames taken and not yet copied
     * hold readback slots; when {@link #READBACK_SPARE_SLOTS} of them are waiting, the next
     * {@link #startRender} waits for one to be copied.
     *
     * @throws IllegalStateException when no frame is in flight
     */
    public FramePixels collectPixels() {
        requireOpen();
        context.makeCurrent();
        if (ring == null || ring.inFlight() == 0) {
            throw new IllegalStateException("no frame is in flight: startRender() first");
        }
        FramePixels pixels;
        try {
            pixels = ring.take(context.renderer());
        } catch (RuntimeException e) {
            throw health.explain(e, "reading frames back");
        }
        // The pixels arrived; checked again now, since the reset may have come while they travelled.
        health.check("reading back frame " + pixels.index());
        return pixels;
    }

    /** Frames started with {@link #startRender} and not yet collected: 0..{@link #READBACK_RING_SIZE}. */
    public int framesInFlight() {
        requireOpen();
        return ring == null ? 0 : ring.inFlight();
    }

    /**
     * Draws the passes asked for and reads nothing back: with {@link #finish}, what the device
     * alone costs per frame (used to measure throughput).
     */
    public void drawOnly(Frame frame, Set<RenderPass> passes) {
        requireOpen();
        context.makeCurrent();
        requireSize(frame);
        CameraProjection camera = CameraProjection.of(frame.camera());
        prepareGround(frame.ground());
        Boolean coveredEarly = drawLabelsForMotion(frame, camera, passes);
        if (passes.contains(RenderPass.COLOR)) {
            drawColorSensed(frame, camera);
        }
        if (coveredEarly == null && (passes.contains(RenderPass.INSTANCE_ID) || passes.contains(RenderPass.DEPTH))) {
            drawLabels(frame, camera, passes.contains(RenderPass.INSTANCE_ID));
        }
        if (passes.contains(RenderPass.SILHOUETTES)) {
            silhouettePass().render(frame, camera, meshes); // it draws and reads object by object: the reads are part of it
        }
        if (passes.contains(RenderPass.NORMALS)) {
            drawNormals(frame, camera); // reads back too
        }
        checkGlError(frame);
    }

    /**
     * The image through {@code sensor}, exactly as a rendered frame of that scene seed and index
     * would be sensed: for images that did not come from the renderer (photos to augment).
     *
     * @param rgb sRGB bytes, R, G, B, row-major, top row first, at the renderer's size; not modified
     * @return a new array of the same layout; a copy of {@code rgb} for a null sensor or one that
     *         changes nothing
     */
    public byte[] applySensor(Sensor sensor, long sceneSeed, int frameIndex, byte[] rgb) {
        requireOpen();
        context.makeCurrent();
        if (rgb.length != 3 * width * height) {
            throw new IllegalArgumentException("rgb has " + rgb.length + " bytes, expected " + 3 * width * height
                    + " for the renderer's " + width + "x" + height);
        }
        if (!SensorPass.affects(sensor)) {
            return rgb.clone();
        }
        byte[] sensed = gpu.readback.rgb(sensorPass().apply(rgb, sensor, sceneSeed, frameIndex), 0);
        checkGlError("applying the sensor to image " + frameIndex);
        return sensed;
    }

    /**
     * The frame's objects as layers to put over a photo ({@link RenderedLayers}); the frame's ground
     * is the photo's ground, a shadow catcher. The colour (premultiplied, from the COLOR pass with the
     * renderer's multisamples), coverage, id and depth layers show the objects alone: there the
     * ground is replaced by one of size 0, which bounces light onto the objects as the real one
     * would but covers no pixel. The shadow layer is the ratio of two COLOR draws of the whole
     * frame, with and without sun shadows: on the ground, the share of light the objects' shadows
     * leave. No sensor, rain, snow or sky; the frame's lighting is used as it is otherwise (give it no fog).
     *
     * @throws IllegalArgumentException when the frame has no ground
     */
    public RenderedLayers renderLayers(Frame frame) {
        requireOpen();
        context.makeCurrent();
        requireSize(frame);
        if (frame.ground() == null) {
            throw new IllegalArgumentException("frame " + frame.index() + " has no ground to catch the shadows");
        }
        CameraProjection camera = CameraProjection.of(frame.camera());
        // no sky either: the premultiplication takes the background to be the one clear colour
        Frame alone = new Frame(frame.index(), frame.sceneSeed(), frame.camera(), frame.lighting().withSky(null),
                new Ground(0, frame.ground().material()), frame.categories(), frame.objects());
        prepareGround(alone.ground());
        byte[] colour = gpu.readback.rgb(drawColorResolved(alone, camera), 0);
        if (coveragePass == null) {
            coveragePass = new CoveragePass(width, height, msaaSamples);
        }
        byte[] coverage = coveragePass.render(alone, camera, meshes);
        drawLabels(alone, camera, false);
        int[] ids = gpu.readback.unsigned(gpu.labelTarget, ID_ATTACHMENT);
        float[] depth = gpu.readback.floats(gpu.labelTarget, DEPTH_ATTACHMENT);
        Silhouettes silhouettes = silhouettePass().render(alone, camera, meshes);
        float[] shadowRatio = null;
        if (frame.lighting().shadows().enabled()) {
            prepareGround(frame.ground());
            Frame unshadowed = new Frame(frame.index(), frame.sceneSeed(), frame.camera(),
                    frame.lighting().withShadows(Shadows.OFF), frame.ground(), frame.categories(), frame.objects());
            byte[] shadowed = gpu.readback.rgb(drawColorResolved(frame, camera), 0);
            shadowRatio = PhotoLayers.shadowRatio(shadowed, gpu.readback.rgb(drawColorResolved(unshadowed, camera), 0));
        }
        checkGlError(frame);
        return new RenderedLayers(width, height,
                PhotoLayers.premultiplied(colour, coverage, ShadedLighting.clearColor(frame.lighting())), coverage, ids, depth,
                shadowRatio, silhouettes);
    }

    /** Blocks until every GL command issued so far has finished on the device ({@code glFinish}). */
    public void finish() {
        requireOpen();
        context.makeCurrent();
        glFinish();
    }

    private void requireSize(Frame frame) {
        if (frame.width() != width || frame.height() != height) {
            throw new IllegalArgumentException("frame " + frame.index() + " is " + frame.width() + "x" + frame.height()
                    + " but the renderer was opened for " + width + "x" + height);
        }
        if (!frame.camera().distortion().isNone()) {
            // drawing a pinhole image and labelling it as distorted would be silently wrong
            throw new IllegalArgumentException("frame " + frame.index() + "'s camera has lens distortion "
                    + frame.camera().distortion() + ": the renderer draws pinhole images only; render the pinhole frame"
                    + " of io.synthscene.annotators.LensWarp and warp the result with it");
        }
    }

    private void checkGlError(Frame frame) {
        checkGlError("rendering frame " + frame.index());
    }

    private void checkGlError(String doing) {
        int error = glGetError();
        GpuContextLostException lost = health.lostOnError(error, doing);
        if (lost != null) {
            throw lost;
        }
        if (error != GL_NO_ERROR) {
            // One check per frame costs nothing measurable and turns a silent wrong image into a message.
            throw new IllegalStateException("OpenGL error 0x" + Integer.toHexString(error) + " while " + doing + " on "
                    + context.renderer());
        }
    }

    /**
     * When the colour pass will be motion-blurred, draws the labels (ids and depth) before it: the
     * blur reads that depth, and the labels' target keeps it for readback, as the colour pass never
     * draws there.
     *
     * @return the coverage flag of {@link #drawLabels} when it drew them, null when it did not
     */
    private Boolean drawLabelsForMotion(Frame frame, CameraProjection camera, Set<RenderPass> passes) {
        if (!passes.contains(RenderPass.COLOR) || !SensorPass.blursMotion(frame.camera())) {
            return null;
        }
        return drawLabels(frame, camera, passes.contains(RenderPass.INSTANCE_ID));
    }

    /**
     * The colour pass through the frame's sensor and camera motion: the single-sample RGBA8
     * framebuffer to read back. With motion blur, the labels' depth must already be drawn
     * ({@link #drawLabelsForMotion}).
     */
    private Framebuffer drawColorSensed(Frame frame, CameraProjection camera) {
        Framebuffer color = drawColorResolved(frame, camera);
        if (!SensorPass.affects(frame.sensor(), frame.camera())) {
            return color; // byte-identical to a renderer without sensor support
        }
        return sensorPass().apply(color, frame.sensor(), frame.camera(), gpu.labelTarget, DEPTH_ATTACHMENT,
                frame.sceneSeed(), frame.index());
    }

    private SensorPass sensorPass() {
        if (sensorPass == null) {
            sensorPass = new SensorPass(width, height);
        }
        return sensorPass;
    }

    /** Draws the colour pass and returns the single-sample framebuffer holding it (resolved if multisampled). */
    private Framebuffer drawColorResolved(Frame frame, CameraProjection camera) {
        drawColor(frame, camera);
        if (gpu.colorResolved != null) {
            gpu.colorTarget.resolveColorInto(gpu.colorResolved);
            return gpu.colorResolved;
        }
        return gpu.colorTarget;
    }

    private void drawColor(Frame frame, CameraProjection camera) {
        Lighting light = frame.lighting();
        boolean shadowed = light.shadows().enabled() && !frame.objects().isEmpty();
        if (shadowed) {
            shadowMapFor(light.shadows()).draw(frame, meshes);
        }
        gpu.colorTarget.bindForDrawing();
        gpu.colorTarget.clearColor(0, ShadedLighting.clearColor(light));
        gpu.colorTarget.clearDepth(0f);
        if (SkyPass.draws(frame)) {
            if (skyPass == null) {
                skyPass = new SkyPass();
            }
            skyPass.draw(frame, camera, width, height); // before the geometry, which covers it
        }

        ShaderProgram shaded = gpu.shaded;
        shaded.use();
        shaded.set(shaded.uniform("view"), camera.view());
        shaded.set(shaded.uniform("projection"), camera.projection());
        gpu.shadedLighting.apply(frame);
        shaded.set(shaded.uniform("shadowsEnabled"), shadowed ? 1f : 0f);
        if (shadowed) {
            SunShadowFit fit = shadowMap.fit();
            shadowMap.bindForSampling();
            shaded.set(shaded.uniform("lightViewProjection"), fit.lightViewProjection());
            shaded.set(shaded.uniform("shadowTexelMeters"), (float) fit.texelMeters());
            shaded.set(shaded.uniform("shadowNormalOffsetTexels"), SHADOW_NORMAL_OFFSET_TEXELS);
        }

        if (frame.ground() != null) {
            setShadedModel(model.identity());
            gpu.shadedLighting.setMaterial(frame.ground().material(), 1, null);
            shaded.set(shaded.uniform("groundSurface"), 1f);
            ground.draw();
            shaded.set(shaded.uniform("groundSurface"), 0f);
        }
        for (SceneObject object : frame.objects()) {
            MeshBuffers mesh = meshes.get(object.asset());
            setShadedModel(model.set(object.modelMatrix()));
            for (MeshBuffers.Part part : mesh.parts()) {
                // a model file's image, unless the group replaced the file's base colour (or this slot's)
                ImageTexture image = object.keepsFileBaseColor(part.slot()) ? part.baseColorTexture() : null;
                gpu.shadedLighting.setMaterial(object.materialFor(part.slot(), part.fixedMaterial()), object.scale(), image);
                part.draw();
            }
        }
        if (frame.weather() != null) {
            precipitationPass().drawColor(frame, camera); // after the opaque scene: blended, depth-tested
        }
    }

    private PrecipitationPass precipitationPass() {
        if (precipitationPass == null) {
            precipitationPass = new PrecipitationPass(width, height);
        }
        return precipitationPass;
    }

    /**
     * Draws ids and depth in metres; with {@code coverage} and particles opaque enough to cover
     * pixels, also the particle coverage.
     *
     * @return whether the coverage attachment was drawn (and is to be read)
     */
    private boolean drawLabels(Frame frame, CameraProjection camera, boolean coverage) {
        boolean covered = coverage && PrecipitationPass.covers(frame.weather());
        gpu.labelTarget.bindForDrawing();
        gpu.labelTarget.clearUnsigned(ID_ATTACHMENT, new int[] {0, 0, 0, 0});
        gpu.labelTarget.clearColor(DEPTH_ATTACHMENT, new float[] {Float.POSITIVE_INFINITY, 0f, 0f, 0f});
        gpu.labelTarget.clearDepth(0f);
        if (covered) {
            gpu.labelTarget.clearUnsigned(COVERAGE_ATTACHMENT, new int[] {0, 0, 0, 0}); // before the mask: clears obey it
        }
        // labels.frag writes no coverage: without the mask the attachment would take undefined values
        glColorMaski(COVERAGE_ATTACHMENT, false, false, false, false);

        gpu.labels.use();
        gpu.labels.set(gpu.labels.uniform("view"), camera.view());
        gpu.labels.set(gpu.labels.uniform("projection"), camera.projection());
        int modelLocation = gpu.labels.uniform("model");
        int idLocation = gpu.labels.uniform("instanceId");
        if (frame.ground() != null) {
            gpu.labels.set(modelLocation, model.identity());
            gpu.labels.setUnsigned(idLocation, 0);
            ground.draw();
        }
        for (SceneObject object : frame.objects()) {
            MeshBuffers mesh = meshes.get(object.asset());
            gpu.labels.set(modelLocation, model.set(object.modelMatrix()));
            gpu.labels.setUnsigned(idLocation, Math.max(object.instanceId(), 0));
            for (MeshBuffers.Part part : mesh.parts()) {
                part.draw();
            }
        }
        glColorMaski(COVERAGE_ATTACHMENT, true, true, true, true);
        if (covered) {
            precipitationPass().drawCoverage(frame, camera, COVERAGE_ATTACHMENT);
        }
        return covered;
    }

    private float[] drawNormals(Frame frame, CameraProjection camera) {
        if (normalsPass == null) {
            normalsPass = new NormalsPass(width, height);
        }
        return normalsPass.render(frame, camera, meshes, frame.ground() != null ? ground : null);
    }

    /** The SILHOUETTES pass; its guard-band target is created on first use (it is 4 times the image). */
    private SilhouettePass silhouettePass() {
        if (silhouettePass == null) {
            int[] maxViewport = new int[2];
            glGetIntegerv(GL_MAX_VIEWPORT_DIMS, maxViewport);
            int largest = Math.min(glGetInteger(GL_MAX_RENDERBUFFER_SIZE), Math.min(maxViewport[0], maxViewport[1]));
            silhouettePass = new SilhouettePass(width, height, largest);
        }
        return silhouettePass;
    }

    private void setShadedModel(Matrix4f modelMatrix) {
        gpu.shaded.set(gpu.shaded.uniform("model"), modelMatrix);
        gpu.shaded.set(gpu.shaded.uniform("normalMatrix"), modelMatrix.normal(normalMatrix));
    }

    /** The shadow map of the size asked for, made (again) when there is none of that size. */
    private ShadowMap shadowMapFor(Shadows shadows) {
        if (shadowMap == null || shadowMap.size() != shadows.mapSize()) {
            if (shadowMap != null) {
                shadowMap.close();
                shadowMap = null;
            }
            shadowMap = ShadowMap.create(shadows.mapSize(), context.renderer());
        }
        return shadowMap;
    }

    /** The ground quad for this frame's size, uploaded again only when the size changes; a frame without ground draws none. */
    private void prepareGround(Ground groundSpec) {
        if (groundSpec == null) {
            return;
        }
        if (ground == null || groundSpec.sizeMeters() != groundSizeMeters) {
            if (ground != null) {
                ground.close();
            }
            float size = (float) groundSpec.sizeMeters();
            MeshPart quad = Primitives.plane("ground", size, size, null);
            ground = VertexArray.upload(quad, gpu.meshStorage);
            groundSizeMeters = groundSpec.sizeMeters();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("renderer is closed");
        }
        context.requireOpenOnOwnerThread();
    }

    /** Frees every GPU object, then the context. Idempotent; on the thread that opened it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        context.makeCurrent();
        closed = true;
        try {
            if (ring != null) {
                ring.close();
            }
            if (sensorPass != null) {
                sensorPass.close();
            }
            if (precipitationPass != null) {
                precipitationPass.close();
            }
            if (skyPass != null) {
                skyPass.close();
            }
            if (coveragePass != null) {
                coveragePass.close();
            }
            if (normalsPass != null) {
                normalsPass.close();
            }
            if (silhouettePass != null) {
                silhouettePass.close();
            }
            meshes.close();
            if (shadowMap != null) {
                shadowMap.close();
            }
            if (ground != null) {
                ground.close();
            }
            gpu.close();
        } finally {
            context.close();
        }
    }

    /** The programs, render targets and readback buffers: created together, freed together. */
    private static final class GpuResources implements AutoCloseable {
        ShaderProgram shaded;
        /** The shaded program's light: uniforms and the local lights' storage buffer. */
        ShadedLighting shadedLighting;
        ShaderProgram labels;
        Framebuffer colorTarget;
        /** Single-sample copy of a multisampled colorTarget; null when msaaSamples is 1. */
        Framebuffer colorResolved;
        Framebuffer labelTarget;
        PixelReadback readback;
        MeshStorage meshStorage;

        void create(int width, int height, int msaaSamples) {
            meshStorage = MeshStorage.create();
            shaded = ShaderProgram.fromResources("object.vert.glsl", "shaded.frag.glsl");
            shadedLighting = new ShadedLighting(shaded);
            labels = ShaderProgram.fromResources("object.vert.glsl", "labels.frag.glsl");
            colorTarget = Framebuffer.create("color", width, height, msaaSamples, new int[] {GL_RGBA8}, GL_DEPTH_COMPONENT32F);
            if (msaaSamples > 1) {
                colorResolved = Framebuffer.create("color resolve", width, height, 1, new int[] {GL_RGBA8}, 0);
            }
            labelTarget = Framebuffer.create("labels", width, height, 1, new int[] {GL_R32UI, GL_R32F, GL_R8UI},
                    GL_DEPTH_COMPONENT32F);
            readback = new PixelReadback(width, height);
        }

        /** Frees whatever was created, in reverse order; safe after a partial {@link #create}. */
        @Override
        public void close() {
            if (readback != null) {
                readback.close();
            }
            for (Framebuffer target : new Framebuffer[] {labelTarget, colorResolved, colorTarget}) {
                if (target != null) {
                    target.close();
                }
            }
            if (shadedLighting != null) {
                shadedLighting.close();
            }
            for (ShaderProgram program : new ShaderProgram[] {labels, shaded}) {
                if (program != null) {
                    program.close();
                }
            }
            if (meshStorage != null) {
                meshStorage.close();
            }
        }
    }
}
