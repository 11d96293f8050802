package io.synthscene.assets;

import static org.lwjgl.assimp.Assimp.AI_SCENE_FLAGS_INCOMPLETE;
import static org.lwjgl.assimp.Assimp.aiGetErrorString;
import static org.lwjgl.assimp.Assimp.aiImportFile;
import static org.lwjgl.assimp.Assimp.aiPrimitiveType_TRIANGLE;
import static org.lwjgl.assimp.Assimp.aiProcess_JoinIdenticalVertices;
import static org.lwjgl.assimp.Assimp.aiProcess_PreTransformVertices;
import static org.lwjgl.assimp.Assimp.aiProcess_SortByPType;
import static org.lwjgl.assimp.Assimp.aiProcess_Triangulate;
import static org.lwjgl.assimp.Assimp.aiReleaseImport;

import io.synthscene.scenes.Limits;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.lwjgl.PointerBuffer;
import org.lwjgl.assimp.AIFace;
import org.lwjgl.assimp.AIMesh;
import org.lwjgl.assimp.AIScene;
import org.lwjgl.assimp.AIVector3D;

/**
 * Reads a model file with Assimp (OBJ, glTF with embedded or external buffers, GLB, PLY, STL, FBX
 * and the other formats Assimp knows) and fits it into the asset frame (see
 * {@link MeshNormalisation}): +Y up, footprint centred on the origin, resting on y = 0, longest
 * side {@code sizeMeters} metres.
 *
 * <p>Node transforms are baked into the vertices; points and lines are dropped. Normals come
 * from the file where it has them; where it has none (or zero vectors, as many STL exporters
 * write) they are smoothed over the triangles sharing each vertex. Each Assimp mesh
 * becomes one {@link MeshPart} with its file material ({@link FileMaterials}: base colour,
 * roughness, metalness, base-colour image with the mesh's uvs) as the part's own material, or none
 * where the file declares none (the part then takes the object's). Whether a scene's group
 * overrides them is decided per object at render time ({@code SceneObject.materialFor}).
 *
 * <p>Material slots: a part's slot is its material's slot ({@link MaterialSlotNames}): the slot the
 * catalog entry's {@code material_slots} puts the material in, else the material's own name made
 * a slot name; {@code body} for parts of no file material. A {@code material_slots} name that the
 * file has no material of refuses the model ({@link UnknownMaterialsException}). Keypoints given
 * in the file's coordinates (after its node transforms) are moved with the vertices.
 *
 * <p>Texture files are confined like the files a glTF names ({@link ExternalReferences}): a
 * relative path inside the model's folder (no {@code ..}, absolute path, URI scheme, or symbolic
 * link leading out); a missing, corrupt, unsupported or oversized image
 * ({@link Limits#maxTextureSide()}) refuses the model with a message naming both files.
 * Stateless; created by {@link AssetLibrary}, which caches the results.
 */
public final class MeshFileImporter {
    /** The slot of parts that have no material in the file (they take the group's {@code color}). */
    static final String SLOT = "body";
    /**
     * No aiProcess_GenSmoothNormals: it gets shared vertices wrong (see {@link VertexNormals}),
     * so missing normals are computed here after the vertices are joined.
     */
    private static final int POST_PROCESSING = aiProcess_Triangulate
            | aiProcess_JoinIdenticalVertices
            | aiProcess_PreTransformVertices
            | aiProcess_SortByPType;
    /**
     * Assimp keeps its last error in one process-wide string, so an import and the reading of its
     * error must not interleave with another thread's import.
     */
    private static final Object ASSIMP_LOCK = new Object();

    private final long maxTriangles;
    private final int maxTextureSide;

    /** An importer under the triangle and texture limits in force ({@link Limits#fromEnvironment()}). */
    public MeshFileImporter() {
        this(Limits.fromEnvironment());
    }

    private MeshFileImporter(Limits limits) {
        this(limits.maxTrianglesPerAsset(), limits.maxTextureSide());
    }

    /** @param maxTriangles most triangles a file may hold; a larger one is refused before it is copied */
    public MeshFileImporter(long maxTriangles) {
        this(maxTriangles, (int) Limits.Setting.MAX_TEXTURE_SIDE.defaultValue());
    }

    /**
     * @param maxTriangles   most triangles a file may hold; a larger one is refused before it is copied
     * @param maxTextureSide largest width or height of a texture image; a larger one is refused before it is decoded
     */
    public MeshFileImporter(long maxTriangles, int maxTextureSide) {
        this.maxTriangles = maxTriangles;
        this.maxTextureSide = maxTextureSide;
    }

    /**
     * @param upAxis     {@code "y"} or {@code "z"}: which of the file's axes points up
     * @param sizeMeters length of the longest side of the bounding box after normalisation
     * @throws AssetLoadException when the file is missing, unreadable, corrupt or has no triangles
     */
    public Mesh load(Path file, String upAxis, double sizeMeters) {
        return load(file, upAxis, sizeMeters, Map.of(), List.of());
    }

    /**
     * @param materialSlots slot name to the file's material names it gathers (exact names); the
     *                      file's other materials keep slots of their own names
     * @param keypoints     named points in the file's coordinates (after its node transforms), moved
     *                      into the asset frame with the vertices
     * @throws UnknownMaterialsException when {@code materialSlots} names a material the file lacks
     * @throws AssetLoadException        when the file is missing, unreadable, corrupt or has no triangles
     */
    public Mesh load(Path file, String upAxis, double sizeMeters, Map<String, List<String>> materialSlots,
                     List<Keypoint> keypoints) {
        Mesh read = read(file, materialSlots);
        Mesh mesh = new Mesh(read.name(), read.parts(), keypoints);
        try {
            return MeshNormalisation.normalise(mesh, upAxis, sizeMeters);
        } catch (AssetLoadException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // a mesh that cannot be fitted (all vertices in one point) is the file's fault
            throw new AssetLoadException(file, e.getMessage());
        }
    }

    /**
     * The part of a model file where it names other files: a glTF's JSON (all of a .gltf; a GLB's
     * JSON chunk comes first, within its first 16 MiB), or an OBJ's {@code mtllib} lines, read as
     * a stream so that a large OBJ is never held whole.
     */
    private static byte[] referencingPart(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        try {
            if (name.endsWith(".obj")) {
                StringBuilder libraries = new StringBuilder();
                try (java.io.BufferedReader lines = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.stripLeading().startsWith("mtllib")) {
                            libraries.append(line).append('\n');
                        }
                    }
                }
                return libraries.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            try (java.io.InputStream in = Files.newInputStream(file)) {
                return in.readNBytes(name.endsWith(".glb") ? 16 << 20 : 64 << 20);
            }
        } catch (java.io.IOException e) {
            throw new AssetLoadException(file, "cannot read it: " + e.getMessage());
        }
    }

    /** The file's triangles as they are in the file's own frame and units, each material in its own slot. */
    Mesh read(Path file) {
        return read(file, Map.of());
    }

    /**
     * The file's materials in the file's order, each with the slot it fills when no catalog entry
     * gathers it (for {@code synthscene assets list --model}); Assimp's made-up default material
     * left out. Imports the file like {@link #load}, with the same checks.
     *
     * @throws AssetLoadException when the file cannot be imported
     */
    public List<MaterialSlotNames.Material> materials(Path file) {
        read(file); // every check a render makes: a file that fails here would fail there
        synchronized (ASSIMP_LOCK) {
            AIScene scene = aiImportFile(file.toAbsolutePath().toString(), 0);
            if (scene == null) {
                throw new AssetLoadException(file, "Assimp: " + aiGetErrorString());
            }
            try {
                String[] names = new FileMaterials(scene, file.getFileName().toString(), reference -> {
                    throw new TextureException("not read for a listing");
                }, maxTextureSide).names();
                String[] slots = MaterialSlotNames.slots(file, names, Map.of());
                List<MaterialSlotNames.Material> materials = new ArrayList<>();
                for (int i = 0; i < names.length; i++) {
                    if (names[i] != null) {
                        materials.add(new MaterialSlotNames.Material(names[i], slots[i]));
                    }
                }
                return materials;
            } finally {
                aiReleaseImport(scene);
            }
        }
    }

    /** The file's triangles as they are in the file's own frame and units. */
    private Mesh read(Path file, Map<String, List<String>> materialSlots) {
        if (!Files.isRegularFile(file)) {
            throw new AssetLoadException(file, "no such file");
        }
        if (!Files.isReadable(file)) {
            throw new AssetLoadException(file, "file is not readable");
        }
        if (DeclaredCounts.applies(file)) {
            try (java.io.InputStream in = Files.newInputStream(file)) {
                DeclaredCounts.check(file, in.readNBytes(DeclaredCounts.HEADER_BYTES), Files.size(file));
            } catch (java.io.IOException e) {
                throw new AssetLoadException(file, "cannot read it: " + e.getMessage());
            }
        }
        if (ExternalReferences.applies(file)) {
            ExternalReferences.check(file, referencingPart(file));
        }
        synchronized (ASSIMP_LOCK) {
            AIScene scene = aiImportFile(file.toAbsolutePath().toString(), POST_PROCESSING);
            if (scene == null) {
                throw new AssetLoadException(file, "Assimp: " + aiGetErrorString());
            }
            try {
                if ((scene.mFlags() & AI_SCENE_FLAGS_INCOMPLETE) != 0) {
                    throw new AssetLoadException(file, "Assimp read an incomplete scene: " + aiGetErrorString());
                }
                checkTriangleCount(file, scene);
                List<MeshPart> parts;
                FileMaterials materials = new FileMaterials(scene, file.getFileName().toString(),
                        reference -> textureFile(file, reference), maxTextureSide);
                String[] slots = MaterialSlotNames.slots(file, materials.names(), materialSlots);
                try {
                    parts = triangleParts(scene, materials, slots);
                } catch (NonFiniteVertexException | TextureException e) {
                    throw new AssetLoadException(file, e.getMessage());
                }
                if (parts.isEmpty()) {
                    throw new AssetLoadException(file, "the file holds no triangles");
                }
                return new Mesh(file.getFileName().toString(), parts);
            } finally {
                aiReleaseImport(scene);
            }
        }
    }

    /** A vertex coordinate that is NaN or infinite; turned into an {@link AssetLoadException} naming the file. */
    private static final class NonFiniteVertexException extends RuntimeException {
        NonFiniteVertexException(int vertex, float x, float y, float z) {
            super("vertex " + vertex + " is (" + x + ", " + y + ", " + z + "): not finite numbers");
        }
    }

    /** Counts faces before anything is copied out of Assimp, so a huge file costs no Java memory. */
    private void checkTriangleCount(Path file, AIScene scene) {
        long faces = 0;
        PointerBuffer meshes = scene.mMeshes();
        for (int m = 0; m < scene.mNumMeshes(); m++) {
            AIMesh mesh = AIMesh.create(meshes.get(m));
            if ((mesh.mPrimitiveTypes() & aiPrimitiveType_TRIANGLE) != 0) {
                faces += Integer.toUnsignedLong(mesh.mNumFaces());
            }
        }
        if (faces > maxTriangles) {
            throw new AssetLoadException(file, "it has " + faces + " triangles, more than " + maxTriangles + " "
                    + Limits.howToRaise(Limits.Setting.MAX_TRIANGLES_PER_ASSET));
        }
    }

    /**
     * A texture file that {@code model} names: a relative path inside the model's folder (tried as
     * written, then percent-decoded), not leaving it through a symbolic link, at most as large as
     * an image of the texture-side limit can plausibly be, decoded.
     *
     * @throws TextureException saying why it cannot be used; {@link FileMaterials} adds which texture
     */
    private TextureImage textureFile(Path model, String reference) {
        String problem = ExternalReferences.problem(reference);
        if (problem != null) {
            throw new TextureException("it is " + problem + "; the files a model names must lie in its own folder");
        }
        Path folder = model.toAbsolutePath().getParent();
        Path image = folder.resolve(reference.replace('\\', '/')).normalize();
        if (!Files.exists(image) && reference.contains("%")) {
            try {
                image = folder.resolve(java.net.URLDecoder.decode(reference.replace("+", "%2B"),
                        java.nio.charset.StandardCharsets.UTF_8).replace('\\', '/')).normalize();
            } catch (IllegalArgumentException e) {
                // not valid percent-encoding: the path as written is the one reported missing
            }
        }
        if (!image.startsWith(folder)) {
            throw new TextureException("it leads out of the model's folder; the files a model names must lie in its own folder");
        }
        if (!Files.isRegularFile(image)) {
            throw new TextureException("there is no such file next to the model");
        }
        try {
            if (!image.toRealPath().startsWith(folder.toRealPath())) {
                throw new TextureException("it is a symbolic link that leads out of the model's folder");
            }
            long size = Files.size(image);
            // no image of the largest allowed size compresses to more than its raw pixels plus headers
            long largest = 4L * maxTextureSide * maxTextureSide + (16 << 20);
            if (size > largest) {
                throw new TextureException("the file has " + size + " bytes, more than any image within the limit of "
                        + maxTextureSide + " pixels a side " + Limits.howToRaise(Limits.Setting.MAX_TEXTURE_SIDE));
            }
            String name = image.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return TextureDecoder.decode(name, Files.readAllBytes(image), dot < 0 ? null : name.substring(dot + 1),
                    maxTextureSide);
        } catch (java.io.IOException e) {
            throw new TextureException("cannot read it: " + e.getMessage());
        }
    }

    /** One part per Assimp mesh made of triangles; after SortByPType, point and line meshes stand apart and are skipped. */
    private static List<MeshPart> triangleParts(AIScene scene, FileMaterials materials, String[] slots) {
        List<MeshPart> parts = new ArrayList<>();
        PointerBuffer meshes = scene.mMeshes();
        for (int m = 0; m < scene.mNumMeshes(); m++) {
            AIMesh mesh = AIMesh.create(meshes.get(m));
            if ((mesh.mPrimitiveTypes() & aiPrimitiveType_TRIANGLE) == 0) {
                continue;
            }
            int material = mesh.mMaterialIndex();
            String slot = material >= 0 && material < slots.length ? slots[material] : SLOT;
            MeshPart part = toPart(mesh, materials.look(material), slot);
            if (part.triangleCount() > 0) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static MeshPart toPart(AIMesh mesh, FileMaterials.Look look, String slot) {
        int vertices = mesh.mNumVertices();
        float[] positions = new float[vertices * 3];
        AIVector3D.Buffer fileVertices = mesh.mVertices();
        for (int v = 0; v < vertices; v++) {
            AIVector3D p = fileVertices.get(v);
            positions[v * 3] = p.x();
            positions[v * 3 + 1] = p.y();
            positions[v * 3 + 2] = p.z();
            if (!Float.isFinite(p.x()) || !Float.isFinite(p.y()) || !Float.isFinite(p.z())) {
                // 1e400 in a text file reads as infinity; NaN and infinities would poison the normalisation
                throw new NonFiniteVertexException(v, p.x(), p.y(), p.z());
            }
        }
        int[] indices = triangleIndices(mesh);
        float[] normals = normals(mesh, positions, indices);
        if (look == null) {
            return new MeshPart(slot, positions, normals, indices, null);
        }
        float[] uvs = look.image() == null ? null : uvs(mesh, look.uvChannel());
        // an image without uvs to map it cannot be placed: the part keeps the material's colour alone
        return new MeshPart(slot, positions, normals, indices, look.material(), uvs, uvs == null ? null : look.image());
    }

    /**
     * The mesh's uvs of one channel, turned into the image convention of {@link MeshPart} (v from
     * the image's top row: Assimp's v grows upwards); null when the mesh has no such channel.
     * Values that are not finite become 0.
     */
    private static float[] uvs(AIMesh mesh, int channel) {
        if (channel < 0 || channel >= 8) {
            return null;
        }
        AIVector3D.Buffer coordinates = mesh.mTextureCoords(channel);
        if (coordinates == null) {
            return null;
        }
        int vertices = mesh.mNumVertices();
        float[] uvs = new float[vertices * 2];
        for (int v = 0; v < vertices; v++) {
            AIVector3D uv = coordinates.get(v);
            uvs[2 * v] = Float.isFinite(uv.x()) ? uv.x() : 0;
            uvs[2 * v + 1] = Float.isFinite(uv.y()) ? 1 - uv.y() : 0;
        }
        return uvs;
    }

    /** The corners of the mesh's triangles; any face that is not a triangle is left out. */
    private static int[] triangleIndices(AIMesh mesh) {
        AIFace.Buffer faces = mesh.mFaces();
        int[] indices = new int[mesh.mNumFaces() * 3];
        int count = 0;
        for (int f = 0; f < mesh.mNumFaces(); f++) {
            IntBuffer corners = faces.get(f).mIndices();
            if (corners.remaining() == 3) {
                for (int c = 0; c < 3; c++) {
                    indices[count++] = corners.get(corners.position() + c);
                }
            }
        }
        return Arrays.copyOf(indices, count);
    }

    /** The file's normals made unit length; smooth ones where the file has none or a zero vector. */
    private static float[] normals(AIMesh mesh, float[] positions, int[] indices) {
        AIVector3D.Buffer fileNormals = mesh.mNormals();
        if (fileNormals == null) {
            return VertexNormals.smooth(positions, indices);
        }
        float[] normals = new float[positions.length];
        float[] smooth = null;
        for (int v = 0; v < normals.length / 3; v++) {
            AIVector3D n = fileNormals.get(v);
            normals[v * 3] = n.x();
            normals[v * 3 + 1] = n.y();
            normals[v * 3 + 2] = n.z();
            if (!VertexNormals.isUsable(normals, v * 3)) {
                smooth = smooth != null ? smooth : VertexNormals.smooth(positions, indices);
                System.arraycopy(smooth, v * 3, normals, v * 3, 3);
            }
            VertexNormals.normaliseOrUp(normals, v * 3);
        }
        return normals;
    }
}
