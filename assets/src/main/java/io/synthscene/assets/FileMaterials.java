package io.synthscene.assets;

import static org.lwjgl.assimp.Assimp.AI_DEFAULT_MATERIAL_NAME;
import static org.lwjgl.assimp.Assimp.AI_MATKEY_BASE_COLOR;
import static org.lwjgl.assimp.Assimp.AI_MATKEY_COLOR_DIFFUSE;
import static org.lwjgl.assimp.Assimp.AI_MATKEY_METALLIC_FACTOR;
import static org.lwjgl.assimp.Assimp.AI_MATKEY_NAME;
import static org.lwjgl.assimp.Assimp.AI_MATKEY_ROUGHNESS_FACTOR;
import static org.lwjgl.assimp.Assimp.AI_MATKEY_SHININESS;
import static org.lwjgl.assimp.Assimp.aiGetEmbeddedTexture;
import static org.lwjgl.assimp.Assimp.aiGetMaterialColor;
import static org.lwjgl.assimp.Assimp.aiGetMaterialFloatArray;
import static org.lwjgl.assimp.Assimp.aiGetMaterialString;
import static org.lwjgl.assimp.Assimp.aiGetMaterialTexture;
import static org.lwjgl.assimp.Assimp.aiGetMaterialTextureCount;
import static org.lwjgl.assimp.Assimp.aiReturn_SUCCESS;
import static org.lwjgl.assimp.Assimp.aiTextureType_BASE_COLOR;
import static org.lwjgl.assimp.Assimp.aiTextureType_DIFFUSE;
import static org.lwjgl.assimp.Assimp.aiTextureType_METALNESS;

import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.HashMap;
import java.util.Map;
import org.lwjgl.assimp.AIColor4D;
import org.lwjgl.assimp.AIMaterial;
import org.lwjgl.assimp.AIScene;
import org.lwjgl.assimp.AIString;
import org.lwjgl.assimp.AITexture;
import org.lwjgl.system.MemoryStack;

/**
 * The materials a model file declares, read from an imported Assimp scene: per material its base
 * colour (glTF's PBR base colour factor, else the diffuse colour: linear RGB, clamped to [0, 1]),
 * roughness (glTF's roughness factor; else, from a Phong shininess s, the roughness whose
 * highlight in shaded.frag.glsl has that exponent, (2 / (s + 2))^(1/4); else 0.5), metalness
 * (glTF's metallic factor; else 0), and its base-colour image (glTF's base colour texture, else the
 * first diffuse texture) with the uv channel it is mapped by. A glTF metallic-roughness image
 * scales the factors by its mean (metalness: blue, roughness: green), as the factors scale the
 * image per texel in glTF: the renderer has one roughness and metalness per part, and without
 * this a glTF that leaves metallicFactor at its default of 1 and puts its metals in the image would
 * be drawn as solid metal.
 *
 * <p>A material Assimp made up for a file that declares none ({@code DefaultMaterial}) is no file
 * material: its parts take the object's material. Images are embedded in the file (glTF buffers,
 * data URIs, GLB, FBX: Assimp's {@code aiTexture}, compressed or raw texels) or files next to the
 * model, read through the {@link ImageFiles} the importer gives (which confines them to the
 * model's folder). Each image is decoded once per import, however many materials use it.
 *
 * <p>Not read (documented in scenes/README.md): emission, alpha and transparency, normal,
 * occlusion and metallic-roughness maps, texture transforms and wrap modes (images repeat).
 *
 * <p>Created per import by {@link MeshFileImporter}, inside its Assimp lock, and dropped with the scene.
 */
final class FileMaterials {
    /** What a part of the file looks like: its material, and its image with the uv channel that maps it. */
    record Look(Material material, TextureImage image, int uvChannel) {
    }

    /** Reads a texture file that the model names, confined to the model's folder. */
    @FunctionalInterface
    interface ImageFiles {
        /**
         * @param reference the path as the model file wrote it
         * @return the decoded image
         * @throws TextureException     when the image cannot be used
         * @throws AssetLoadException   when the reference leaves the model's folder or names no file
         */
        TextureImage read(String reference);
    }

    private static final double DEFAULT_ROUGHNESS = 0.5;

    private final AIScene scene;
    private final String modelName;
    private final ImageFiles files;
    private final int maxTextureSide;
    private final Map<String, TextureImage> images = new HashMap<>();
    private final Map<Integer, Look> looks = new HashMap<>();
    private final boolean gltf;

    FileMaterials(AIScene scene, String modelName, ImageFiles files, int maxTextureSide) {
        this.scene = scene;
        this.modelName = modelName;
        this.files = files;
        this.maxTextureSide = maxTextureSide;
        String name = modelName.toLowerCase(java.util.Locale.ROOT);
        this.gltf = name.endsWith(".gltf") || name.endsWith(".glb");
    }

    /**
     * The name of each material of the file, by index; null for the one Assimp made up for a file
     * that declares none ({@code DefaultMaterial}), "" for a material without a name.
     */
    String[] names() {
        String[] names = new String[scene.mNumMaterials()];
        try (MemoryStack stack = MemoryStack.stackPush()) {
            AIString name = AIString.calloc(stack);
            for (int i = 0; i < names.length; i++) {
                AIMaterial material = AIMaterial.create(scene.mMaterials().get(i));
                String text = aiGetMaterialString(material, AI_MATKEY_NAME, 0, 0, name) == aiReturn_SUCCESS
                        ? name.dataString() : "";
                names[i] = text.equals(AI_DEFAULT_MATERIAL_NAME) ? null : text;
            }
        }
        return names;
    }

    /**
     * The look of material {@code index}; null when the file declares no material there.
     *
     * @throws TextureException naming the material and image when its image cannot be used
     */
    Look look(int index) {
        if (index < 0 || index >= scene.mNumMaterials()) {
            return null;
        }
        if (!looks.containsKey(index)) {
            looks.put(index, read(AIMaterial.create(scene.mMaterials().get(index))));
        }
        return looks.get(index);
    }

    private Look read(AIMaterial material) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            AIString name = AIString.calloc(stack);
            String materialName = aiGetMaterialString(material, AI_MATKEY_NAME, 0, 0, name) == aiReturn_SUCCESS
                    ? name.dataString() : "";
            if (materialName.equals(AI_DEFAULT_MATERIAL_NAME)) {
                return null;
            }
            AIColor4D color = AIColor4D.calloc(stack);
            boolean hasColor = aiGetMaterialColor(material, AI_MATKEY_BASE_COLOR, 0, 0, color) == aiReturn_SUCCESS
                    || aiGetMaterialColor(material, AI_MATKEY_COLOR_DIFFUSE, 0, 0, color) == aiReturn_SUCCESS;
            Rgb base = hasColor ? new Rgb(channel(color.r()), channel(color.g()), channel(color.b())) : new Rgb(1, 1, 1);
            Float roughnessFactor = factor(material, AI_MATKEY_ROUGHNESS_FACTOR, stack);
            Float shininess = factor(material, AI_MATKEY_SHININESS, stack);
            double roughness = roughnessFactor != null ? unit(roughnessFactor)
                    : shininess != null && shininess >= 0 ? Math.pow(2 / (shininess + 2.0), 0.25) : DEFAULT_ROUGHNESS;
            Float metallic = factor(material, AI_MATKEY_METALLIC_FACTOR, stack);
            double metalness = metallic != null ? unit(metallic) : 0;
            if (gltf && aiGetMaterialTextureCount(material, aiTextureType_METALNESS) > 0) {
                TextureImage map = texture(material, aiTextureType_METALNESS, materialName, stack);
                if (map != null) {
                    metalness *= mean(map, 2);
                    roughness *= mean(map, 1);
                }
            }

            TextureImage image = null;
            int uvChannel = 0;
            int type = aiGetMaterialTextureCount(material, aiTextureType_BASE_COLOR) > 0 ? aiTextureType_BASE_COLOR
                    : aiGetMaterialTextureCount(material, aiTextureType_DIFFUSE) > 0 ? aiTextureType_DIFFUSE : -1;
            if (type >= 0) {
                IntBuffer uvIndex = stack.ints(0);
                image = texture(material, type, materialName, stack, uvIndex);
                uvChannel = uvIndex.get(0);
            }
            if (!hasColor && image == null) {
                return null; // nothing the file says about the colour: the object's material
            }
            return new Look(new Material(base, roughness, metalness, null), image, uvChannel);
        }
    }

    private TextureImage texture(AIMaterial material, int type, String materialName, MemoryStack stack) {
        return texture(material, type, materialName, stack, stack.ints(0));
    }

    /** The first image of {@code type}, decoded; null when Assimp gives none. */
    private TextureImage texture(AIMaterial material, int type, String materialName, MemoryStack stack, IntBuffer uvIndex) {
        AIString path = AIString.calloc(stack);
        if (aiGetMaterialTexture(material, type, 0, path, null, uvIndex, null, null, null, null) != aiReturn_SUCCESS) {
            return null;
        }
        String reference = path.dataString();
        try {
            return image(reference);
        } catch (TextureException e) {
            throw new TextureException("the texture '" + shorten(reference) + "' of material '" + materialName + "': "
                    + e.getMessage());
        }
    }

    /** The mean of one channel (0 red, 1 green, 2 blue) over the image, in [0, 1]. */
    private static double mean(TextureImage image, int channel) {
        long sum = 0;
        byte[] rgb = image.rgb();
        for (int i = channel; i < rgb.length; i += 3) {
            sum += rgb[i] & 0xff;
        }
        return sum / 255.0 / (rgb.length / 3);
    }

    private TextureImage image(String reference) {
        TextureImage cached = images.get(reference);
        if (cached != null) {
            return cached;
        }
        AITexture embedded = reference.isEmpty() ? null : aiGetEmbeddedTexture(scene, reference);
        if (embedded == null && reference.startsWith("*")) {
            throw new TextureException("the file has no embedded image " + reference);
        }
        TextureImage image = embedded != null ? embedded(embedded, reference) : files.read(reference);
        images.put(reference, image);
        return image;
    }

    /** Compressed ({@code mHeight} 0: {@code mWidth} bytes of a PNG, JPEG...) or raw B, G, R, A texels. */
    private TextureImage embedded(AITexture texture, String reference) {
        String source = modelName + " (embedded image " + reference + ")";
        if (texture.mHeight() == 0) {
            ByteBuffer data = texture.pcDataCompressed();
            if (data == null) {
                throw new TextureException("the embedded image holds no data");
            }
            byte[] bytes = new byte[data.remaining()];
            data.get(data.position(), bytes);
            return TextureDecoder.decode(source, bytes, texture.achFormatHintString(), maxTextureSide);
        }
        TextureDecoder.checkSize(Integer.toUnsignedLong(texture.mWidth()), Integer.toUnsignedLong(texture.mHeight()),
                maxTextureSide);
        ByteBuffer texels = org.lwjgl.system.MemoryUtil.memByteBuffer(texture.pcData().address(),
                4 * texture.mWidth() * texture.mHeight());
        return TextureDecoder.fromBgraTexels(source, texture.mWidth(), texture.mHeight(), texels, maxTextureSide);
    }

    private static Float factor(AIMaterial material, String key, MemoryStack stack) {
        FloatBuffer value = stack.mallocFloat(1);
        IntBuffer count = stack.ints(1);
        if (aiGetMaterialFloatArray(material, key, 0, 0, value, count) != aiReturn_SUCCESS || count.get(0) < 1) {
            return null;
        }
        float v = value.get(0);
        return Float.isFinite(v) ? v : null;
    }

    private static double channel(float value) {
        return Float.isFinite(value) ? unit(value) : 0.5;
    }

    private static double unit(double value) {
        return Math.max(0, Math.min(1, value));
    }

    /** A path from a file, fit for a one-line message: at most 80 characters, control characters as '?'. */
    static String shorten(String text) {
        String cut = text.length() <= 80 ? text : text.substring(0, 77) + "...";
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** For tests: how many distinct images this import decoded. */
    int decodedImages() {
        return images.size();
    }
}
