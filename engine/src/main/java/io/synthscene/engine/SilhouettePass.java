package io.synthscene.engine;

import static org.lwjgl.opengl.GL11C.GL_DEPTH_TEST;
import static org.lwjgl.opengl.GL11C.GL_PACK_ALIGNMENT;
import static org.lwjgl.opengl.GL11C.GL_SCISSOR_TEST;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL11C.glDisable;
import static org.lwjgl.opengl.GL11C.glEnable;
import static org.lwjgl.opengl.GL11C.glPixelStorei;
import static org.lwjgl.opengl.GL11C.glScissor;
import static org.lwjgl.opengl.GL30C.GL_R8UI;
import static org.lwjgl.opengl.GL30C.GL_RED_INTEGER;

import io.synthscene.engine.gl.Framebuffer;
import io.synthscene.engine.gl.MeshBuffers;
import io.synthscene.engine.gl.MeshCache;
import io.synthscene.engine.gl.PixelPackBuffer;
import io.synthscene.engine.gl.ShaderProgram;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Silhouette;
import io.synthscene.scenes.frame.SilhouetteMask;
import io.synthscene.scenes.frame.Silhouettes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.joml.Matrix4f;
import org.joml.Vector4f;

/**
 * The SILHOUETTES pass: each labelled object drawn alone, without depth test, into a GL_R8UI
 * target, so that what it covers is its amodal silhouette.
 *
 * <p>Per object, at most two draws, each limited by a scissor rectangle around the object's
 * projected bounding box (the 8 corners of its mesh bounds, projected on the CPU; the whole
 * viewport when a corner is not in front of the camera), and a read of that rectangle only, into a
 * pixel buffer (asynchronous: see {@link #draw}):
 * <ol>
 *   <li>inside the image: viewport {@code (0, 0, width, height)} and the frame's own projection,
 *       i.e. exactly the id pass's window coordinates (the shared vertex shader declares
 *       {@code invariant gl_Position}), so this silhouette holds every pixel where the object is
 *       visible in the id pass;</li>
 *   <li>over the guard band, only when the projected bounds reach outside the image: a viewport of
 *       {@code (width + 2 mx) x (height + 2 my)} with the projection's x and y scales shrunk by
 *       {@code width / (width + 2 mx)} and {@code height / (height + 2 my)}: same focal length in
 *       pixels, same principal point, the image's pixel grid extended by whole pixels.</li>
 * </ol>
 * The cost is therefore proportional to the objects' projected areas, not to the image size times
 * the object count.
 *
 * <p>The guard margins are half the image's width and height (rounded up), or less when the
 * device's largest render target or viewport is smaller than twice the image.
 *
 * <p>Created and closed by the {@link Renderer}, used on its GL thread.
 */
final class SilhouettePass implements AutoCloseable {
    private final int width;
    private final int height;
    private final int marginX;
    private final int marginY;
    private final int guardWidth;
    private final int guardHeight;
    private final ShaderProgram program;
    private final Framebuffer target;
    /** Where {@link #render} reads its rectangles; grown on demand (the ring's slots have their own). */
    private PixelPackBuffer ownBuffer;
    private final Matrix4f model = new Matrix4f();
    private final Matrix4f guardProjection = new Matrix4f();
    private final Matrix4f clipFromLocal = new Matrix4f();
    private final Vector4f corner = new Vector4f();
    private boolean closed;

    /** @param maxRenderbufferSize the largest render target and viewport side the device allows, pixels */
    SilhouettePass(int width, int height, int maxRenderbufferSize) {
        this.width = width;
        this.height = height;
        this.marginX = Math.max(0, Math.min((width + 1) / 2, (maxRenderbufferSize - width) / 2));
        this.marginY = Math.max(0, Math.min((height + 1) / 2, (maxRenderbufferSize - height) / 2));
        this.guardWidth = width + 2 * marginX;
        this.guardHeight = height + 2 * marginY;
        ShaderProgram createdProgram = ShaderProgram.fromResources("object.vert.glsl", "silhouette.frag.glsl");
        Framebuffer createdTarget = null;
        try {
            createdTarget = Framebuffer.create("silhouettes", guardWidth, guardHeight, 1, new int[] {GL_R8UI}, 0);
        } catch (RuntimeException e) {
            if (createdTarget != null) {
                createdTarget.close();
            }
            createdProgram.close();
            throw e;
        }
        this.program = createdProgram;
        this.target = createdTarget;
    }

    int marginX() {
        return marginX;
    }

    int marginY() {
        return marginY;
    }

    /**
     * Draws and reads the silhouettes of every labelled object of {@code frame}, sorted by
     * instance id, waiting for the pixels.
     */
    Silhouettes render(Frame frame, CameraProjection camera, MeshCache meshes) {
        Pending pending = draw(frame, camera, meshes, this::ownBufferOfAtLeast);
        ByteBuffer mapped = ownBuffer.map();
        try {
            return pending.resolve(mapped);
        } finally {
            ownBuffer.unmap();
        }
    }

    /**
     * Draws the silhouettes of every labelled object of {@code frame} and starts reading each
     * scissor rectangle into one pixel buffer, rectangle after rectangle, without waiting: the
     * draws of the next object reuse the same target, and GL orders each read before them. Waiting
     * for each read instead stalled the GL thread once per object (on an H100, most of its time).
     *
     * @param bufferOfAtLeast gives a pixel buffer of at least the given number of bytes
     * @return what {@link Pending#resolve} turns into the frame's silhouettes once the buffer's
     *         reads have finished (a fence after them has signalled)
     */
    Pending draw(Frame frame, CameraProjection camera, MeshCache meshes, LongFunction<PixelPackBuffer> bufferOfAtLeast) {
        requireOpen();
        Matrix4f projection = camera.projection();
        guardProjection.set(projection)
                .m00(projection.m00() * width / guardWidth)
                .m11(projection.m11() * height / guardHeight);
        List<SceneObject> objects = frame.labelledObjects();
        // The rectangles first, on the CPU, so that the buffer is sized once before any read.
        int[][] inImageRects = new int[objects.size()][];
        int[][] guardRects = new int[objects.size()][];
        long bytes = 0;
        for (int i = 0; i < objects.size(); i++) {
            SceneObject object = objects.get(i);
            model.set(object.modelMatrix());
            float[] bounds = meshes.get(object.asset()).localBounds();
            inImageRects[i] = projectedRect(camera.view(), projection, bounds, width, height);
            bytes += area(inImageRects[i]);
            int[] guardRect = projectedRect(camera.view(), guardProjection, bounds, guardWidth, guardHeight);
            if (!insideImage(guardRect)) { // else nothing of the object can lie outside the image
                guardRects[i] = guardRect;
                bytes += area(guardRect);
            }
        }
        PixelPackBuffer buffer = bufferOfAtLeast.apply(Math.max(1, bytes));

        program.use();
        program.set(program.uniform("view"), camera.view());
        int modelLocation = program.uniform("model");
        int projectionLocation = program.uniform("projection");
        glDisable(GL_DEPTH_TEST);
        glEnable(GL_SCISSOR_TEST);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        List<PendingSilhouette> pending = new ArrayList<>(objects.size());
        long offset = 0;
        try {
            for (int i = 0; i < objects.size(); i++) {
                SceneObject object = objects.get(i);
                MeshBuffers mesh = meshes.get(object.asset()); // again: a frame may hold more meshes than the cache
                program.set(modelLocation, model.set(object.modelMatrix()));
                program.set(projectionLocation, projection);
                Region inImage = draw(mesh, inImageRects[i], width, height, 0, 0, buffer, offset);
                offset += area(inImageRects[i]);
                Region guardBand = inImage;
                if (guardRects[i] != null) {
                    program.set(projectionLocation, guardProjection);
                    guardBand = draw(mesh, guardRects[i], guardWidth, guardHeight, marginX, marginY, buffer, offset);
                    offset += area(guardRects[i]);
                }
                pending.add(new PendingSilhouette(object.instanceId(), inImage, guardBand));
            }
        } finally {
            glDisable(GL_SCISSOR_TEST);
            glEnable(GL_DEPTH_TEST);
        }
        return new Pending(marginX, marginY, pending);
    }

    private PixelPackBuffer ownBufferOfAtLeast(long bytes) {
        if (ownBuffer == null || ownBuffer.sizeBytes() < bytes) {
            long grown = ownBuffer == null ? bytes : Math.max(bytes, 2 * ownBuffer.sizeBytes());
            if (ownBuffer != null) {
                ownBuffer.close();
            }
            ownBuffer = PixelPackBuffer.create(grown);
        }
        return ownBuffer;
    }

    private static long area(int[] rect) {
        return (long) Math.max(0, rect[2] - rect[0]) * Math.max(0, rect[3] - rect[1]);
    }

    /** Whether a guard-band rectangle lies inside the image part of the guard band. */
    private boolean insideImage(int[] guardRect) {
        return guardRect[0] >= marginX && guardRect[1] >= marginY
                && guardRect[2] <= marginX + width && guardRect[3] <= marginY + height;
    }

    /**
     * Draws the object into the scissor rectangle {@code rect} of a viewport of
     * {@code viewportWidth x viewportHeight} and starts reading the rectangle into {@code buffer}
     * at {@code offset}. {@code offsetX, offsetY}: where the image's top-left pixel is in the viewport.
     */
    private Region draw(MeshBuffers mesh, int[] rect, int viewportWidth, int viewportHeight,
                        int offsetX, int offsetY, PixelPackBuffer buffer, long offset) {
        int x0 = rect[0];
        int y0 = rect[1];
        int w = rect[2] - rect[0];
        int h = rect[3] - rect[1];
        if (w <= 0 || h <= 0) {
            return Region.NONE;
        }
        target.bindForDrawing(viewportWidth, viewportHeight);
        int glY = viewportHeight - rect[3]; // rect rows are top-down, GL's bottom-up
        glScissor(x0, glY, w, h);
        target.clearUnsigned(0, new int[] {0, 0, 0, 0}); // clears honour the scissor: the rectangle only
        for (MeshBuffers.Part part : mesh.parts()) {
            part.draw();
        }
        target.readRegion(0, x0, glY, w, h, GL_RED_INTEGER, GL_UNSIGNED_BYTE, buffer, offset);
        return new Region(w, h, x0 - offsetX, y0 - offsetY, offset);
    }

    /**
     * A rectangle read into the pixel buffer: {@code w x h} bytes from {@code offset}, bottom row
     * first; {@code left, top}: its top-left pixel in image coordinates.
     */
    private record Region(int w, int h, int left, int top, long offset) {
        static final Region NONE = new Region(0, 0, 0, 0, 0);

        /** The covered pixels of the rectangle, as a mask tight to them. */
        SilhouetteMask tightMask(ByteBuffer pixels) {
            if (w == 0) {
                return SilhouetteMask.EMPTY;
            }
            int base0 = Math.toIntExact(offset);
            int minCol = Integer.MAX_VALUE;
            int maxCol = -1;
            int minRow = Integer.MAX_VALUE;
            int maxRow = -1;
            for (int row = 0; row < h; row++) {
                int base = base0 + (h - 1 - row) * w; // GL row of top-down row `row`
                for (int col = 0; col < w; col++) {
                    if (pixels.get(base + col) != 0) {
                        minCol = Math.min(minCol, col);
                        maxCol = Math.max(maxCol, col);
                        minRow = Math.min(minRow, row);
                        maxRow = row;
                    }
                }
            }
            if (maxRow < 0) {
                return SilhouetteMask.EMPTY;
            }
            int tightW = maxCol - minCol + 1;
            int tightH = maxRow - minRow + 1;
            byte[] covered = new byte[tightW * tightH];
            for (int row = 0; row < tightH; row++) {
                pixels.get(base0 + (h - 1 - (minRow + row)) * w + minCol, covered, row * tightW, tightW);
            }
            return new SilhouetteMask(left + minCol, top + minRow, tightW, tightH, covered);
        }
    }

    private record PendingSilhouette(int instanceId, Region inImage, Region guardBand) {
    }

    /** A frame's silhouettes on their way back: turned into {@link Silhouettes} once their reads have finished. */
    static final class Pending {
        private final int marginX;
        private final int marginY;
        private final List<PendingSilhouette> silhouettes;

        private Pending(int marginX, int marginY, List<PendingSilhouette> silhouettes) {
            this.marginX = marginX;
            this.marginY = marginY;
            this.silhouettes = silhouettes;
        }

        /** @param mapped the pixel buffer the reads went into, mapped for the CPU */
        Silhouettes resolve(ByteBuffer mapped) {
            List<Silhouette> resolved = new ArrayList<>(silhouettes.size());
            for (PendingSilhouette s : silhouettes) {
                SilhouetteMask inImage = s.inImage().tightMask(mapped);
                SilhouetteMask guardBand = s.guardBand() == s.inImage() ? inImage : s.guardBand().tightMask(mapped);
                resolved.add(new Silhouette(s.instanceId(), inImage, guardBand));
            }
            return new Silhouettes(marginX, marginY, resolved);
        }
    }

    /**
     * A scissor rectangle {x0, y0, x1, y1} (top-down viewport pixels, x1 and y1 exclusive) that
     * holds every pixel the mesh can cover: its 8 bounding-box corners projected, widened by a
     * pixel for rounding, clipped to the viewport. The whole viewport when a corner is not in front
     * of the camera (its projection is then unbounded).
     */
    private int[] projectedRect(Matrix4f view, Matrix4f projection, float[] bounds, int viewportWidth,
                                int viewportHeight) {
        clipFromLocal.set(projection).mul(view).mul(model);
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 8; i++) {
            corner.set((i & 1) == 0 ? bounds[0] : bounds[3], (i & 2) == 0 ? bounds[1] : bounds[4],
                    (i & 4) == 0 ? bounds[2] : bounds[5], 1f);
            clipFromLocal.transform(corner);
            if (!(corner.w > 1e-6f)) {
                return new int[] {0, 0, viewportWidth, viewportHeight};
            }
            double px = (corner.x / corner.w + 1.0) * 0.5 * viewportWidth;
            double py = (1.0 - corner.y / corner.w) * 0.5 * viewportHeight; // top-down
            minX = Math.min(minX, px);
            maxX = Math.max(maxX, px);
            minY = Math.min(minY, py);
            maxY = Math.max(maxY, py);
        }
        return new int[] {
                clamp(Math.floor(minX) - 1, viewportWidth), clamp(Math.floor(minY) - 1, viewportHeight),
                clamp(Math.ceil(maxX) + 1, viewportWidth), clamp(Math.ceil(maxY) + 1, viewportHeight)};
    }

    private static int clamp(double value, int max) {
        return (int) Math.max(0, Math.min(max, value));
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("silhouette pass is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (ownBuffer != null) {
                ownBuffer.close();
            }
            target.close();
            program.close();
        }
    }
}
