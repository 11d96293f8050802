package io.synthscene.engine.gl;

import io.synthscene.assets.Mesh;
import io.synthscene.assets.MeshPart;
import io.synthscene.assets.TextureImage;
import io.synthscene.scenes.frame.Material;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One uploaded {@link Mesh}: all its parts in one {@link VertexArray}, each part a range of its
 * indices and a base vertex, with the part's fixed material (or null where the part takes the object's material)
 * and its base-colour image as an {@link ImageTexture} (null for none; one texture per distinct
 * image of the mesh, owned and closed with it).
 * Created by {@link MeshCache} and closed when evicted from it or when the cache closes.
 */
public final class MeshBuffers implements AutoCloseable {
    /** A drawable part, its material slot and its own material, null = the object's. */
    public static final class Part {
        private final VertexArray vertices;
        private final int firstIndex;
        private final int indexCount;
        private final int baseVertex;
        private final String slot;
        private final Material fixedMaterial;
        private final ImageTexture baseColorTexture;

        private Part(VertexArray vertices, int firstIndex, int indexCount, int baseVertex, String slot,
                     Material fixedMaterial, ImageTexture baseColorTexture) {
            this.baseColorTexture = baseColorTexture;
            this.vertices = vertices;
            this.firstIndex = firstIndex;
            this.indexCount = indexCount;
            this.baseVertex = baseVertex;
            this.slot = slot;
            this.fixedMaterial = fixedMaterial;
        }

        /** Draws the part's triangles with the program and framebuffer currently bound. */
        public void draw() {
            vertices.draw(firstIndex, indexCount, baseVertex);
        }

        public String slot() {
            return slot;
        }

        public Material fixedMaterial() {
            return fixedMaterial;
        }

        /** The part's base-colour image (a model file's), or null. */
        public ImageTexture baseColorTexture() {
            return baseColorTexture;
        }
    }

    private final VertexArray vertices;
    private final List<Part> parts;
    /** Object-local axis-aligned bounds of every part: min x, y, z, then max x, y, z (metres). */
    private final float[] localBounds;
    private final List<ImageTexture> textures;
    private boolean closed;

    private MeshBuffers(VertexArray vertices, List<Part> parts, float[] localBounds, List<ImageTexture> textures) {
        this.vertices = vertices;
        this.parts = List.copyOf(parts);
        this.localBounds = localBounds;
        this.textures = List.copyOf(textures);
    }

    public static MeshBuffers upload(Mesh mesh, MeshStorage storage) {
        Map<TextureImage, ImageTexture> textures = new IdentityHashMap<>();
        VertexArray vertices = VertexArray.upload(mesh.parts(), storage);
        try {
            List<Part> parts = new ArrayList<>();
            int firstIndex = 0;
            int firstVertex = 0;
            for (MeshPart part : mesh.parts()) {
                int count = part.indices().length;
                ImageTexture texture = part.baseColorTexture() == null ? null
                        : textures.computeIfAbsent(part.baseColorTexture(), ImageTexture::upload);
                parts.add(new Part(vertices, firstIndex, count, firstVertex, part.slot(), part.fixedMaterial(), texture));
                firstIndex += count;
                firstVertex += part.positions().length / 3;
            }
            return new MeshBuffers(vertices, parts, bounds(mesh), new ArrayList<>(textures.values()));
        } catch (RuntimeException e) {
            textures.values().forEach(ImageTexture::close);
            vertices.close();
            throw e;
        }
    }

    private static float[] bounds(Mesh mesh) {
        float[] b = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (MeshPart part : mesh.parts()) {
            float[] p = part.positions();
            for (int i = 0; i + 2 < p.length; i += 3) {
                for (int axis = 0; axis < 3; axis++) {
                    b[axis] = Math.min(b[axis], p[i + axis]);
                    b[axis + 3] = Math.max(b[axis + 3], p[i + axis]);
                }
            }
        }
        return b;
    }

    /**
     * The mesh's object-local axis-aligned bounds, {min x, y, z, max x, y, z} in metres (a copy);
     * min > max for a mesh without vertices. Used to fit the sun's shadow map around the casters.
     */
    public float[] localBounds() {
        return localBounds.clone();
    }

    public List<Part> parts() {
        if (closed) {
            throw new IllegalStateException("mesh buffers are closed");
        }
        return parts;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            vertices.close();
            textures.forEach(ImageTexture::close);
        }
    }
}
