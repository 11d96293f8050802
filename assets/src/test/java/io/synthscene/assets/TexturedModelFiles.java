package io.synthscene.assets;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes textured model files for the material tests: a unit square in the xy plane (z = 0,
 * facing +z) with uvs, whose image's top row lies at the top edge (y = 1), and a material with a
 * base colour factor, roughness and metalness, in glTF (image as a file next to it, as a data URI,
 * or inside a GLB) and OBJ + MTL (map_Kd).
 */
final class TexturedModelFiles {
    private TexturedModelFiles() {
    }

    /** A width x height PNG whose pixel (x, y) is {@code rgb.apply(x, y)} as 0xRRGGBB. */
    static byte[] png(int width, int height, java.util.function.IntBinaryOperator rgb) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb.applyAsInt(x, y));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Red left half, blue right half; the top row green (to see which way up the image is). */
    static byte[] halvesPng() throws IOException {
        return png(8, 8, (x, y) -> y == 0 ? 0x00ff00 : x < 4 ? 0xff0000 : 0x0000ff);
    }

    /** Square positions (4 x float3), uvs (4 x float2, glTF: v down from the image's top) and 6 uint16 indices. */
    static byte[] squareBuffer() {
        ByteBuffer b = ByteBuffer.allocate(48 + 32 + 12).order(ByteOrder.LITTLE_ENDIAN);
        float[][] corners = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
        for (float[] c : corners) {
            b.putFloat(c[0]).putFloat(c[1]).putFloat(0);
        }
        for (float[] c : corners) {
            b.putFloat(c[0]).putFloat(1 - c[1]);
        }
        for (int i : new int[] {0, 1, 2, 0, 2, 3}) {
            b.putShort((short) i);
        }
        return b.array();
    }

    /**
     * glTF JSON of the square with one material; {@code imageJson} is the image object
     * ({@code {"uri": ...}} or {@code {"bufferView": 3, "mimeType": ...}}), or null for no texture.
     */
    static String gltfJson(String bufferUri, int bufferBytes, String imageJson, double[] factor, double roughness,
                           double metallic, String extraBufferViews) {
        String texture = imageJson == null ? "" : ",\"baseColorTexture\":{\"index\":0}";
        String images = imageJson == null ? "" : ",\"images\":[" + imageJson + "],\"textures\":[{\"source\":0}]";
        String buffer = bufferUri == null ? "{\"byteLength\":" + bufferBytes + "}"
                : "{\"uri\":\"" + bufferUri + "\",\"byteLength\":" + bufferBytes + "}";
        return String.format(Locale.ROOT, """
                {"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"mesh":0}],
                 "meshes":[{"primitives":[{"attributes":{"POSITION":0,"TEXCOORD_0":1},"indices":2,"material":0}]}],
                 "materials":[{"name":"painted","pbrMetallicRoughness":{"baseColorFactor":[%f,%f,%f,1],
                   "roughnessFactor":%f,"metallicFactor":%f%s}}]%s,
                 "buffers":[%s],
                 "bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":48},{"buffer":0,"byteOffset":48,"byteLength":32},
                                {"buffer":0,"byteOffset":80,"byteLength":12}%s],
                 "accessors":[{"bufferView":0,"componentType":5126,"count":4,"type":"VEC3","min":[0,0,0],"max":[1,1,0]},
                              {"bufferView":1,"componentType":5126,"count":4,"type":"VEC2"},
                              {"bufferView":2,"componentType":5123,"count":6,"type":"SCALAR"}]}
                """, factor[0], factor[1], factor[2], roughness, metallic, texture, images, buffer,
                extraBufferViews == null ? "" : extraBufferViews);
    }

    private static String dataUri(String mime, byte[] bytes) {
        return "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /** The square with its image in a file next to it ({@code imageName}, whatever its bytes). */
    static Path gltfWithImageFile(Path dir, String imageName, byte[] image, double[] factor) throws IOException {
        if (image != null) {
            Files.write(dir.resolve(imageName), image);
        }
        return ModelFiles.write(dir.resolve("square.gltf"), gltfJson(dataUri("application/octet-stream", squareBuffer()), 92,
                "{\"uri\":\"" + imageName + "\"}", factor, 0.3, 0.2, null));
    }

    /** The square with its image as a base64 data URI. */
    static Path gltfWithDataUriImage(Path dir, byte[] png, double[] factor) throws IOException {
        return ModelFiles.write(dir.resolve("embedded.gltf"), gltfJson(dataUri("application/octet-stream", squareBuffer()), 92,
                "{\"uri\":\"" + dataUri("image/png", png) + "\"}", factor, 0.3, 0.2, null));
    }

    /** The square without a texture, coloured by its factor alone. */
    static Path gltfColourOnly(Path dir, double[] factor, double roughness, double metallic) throws IOException {
        return ModelFiles.write(dir.resolve("plain.gltf"), gltfJson(dataUri("application/octet-stream", squareBuffer()), 92,
                null, factor, roughness, metallic, null));
    }

    /** A GLB whose binary chunk holds the geometry and then the PNG (buffer view 3). */
    static Path glbWithImage(Path dir, byte[] png) throws IOException {
        byte[] geometry = squareBuffer();
        int imageOffset = geometry.length;
        int total = imageOffset + png.length;
        String json = gltfJson(null, total, "{\"bufferView\":3,\"mimeType\":\"image/png\"}", new double[] {1, 1, 1}, 0.5, 0,
                ",{\"buffer\":0,\"byteOffset\":" + imageOffset + ",\"byteLength\":" + png.length + "}");
        byte[] jsonBytes = pad(json.getBytes(StandardCharsets.UTF_8), (byte) ' ');
        byte[] bin = new byte[(total + 3) / 4 * 4];
        System.arraycopy(geometry, 0, bin, 0, geometry.length);
        System.arraycopy(png, 0, bin, imageOffset, png.length);
        int length = 12 + 8 + jsonBytes.length + 8 + bin.length;
        ByteBuffer glb = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        glb.putInt(0x46546C67).putInt(2).putInt(length);
        glb.putInt(jsonBytes.length).putInt(0x4E4F534A).put(jsonBytes);
        glb.putInt(bin.length).putInt(0x004E4942).put(bin);
        Path file = dir.resolve("square.glb");
        Files.write(file, glb.array());
        return file;
    }

    /** OBJ + MTL: the square with a material whose map_Kd is {@code mapKd} (written as given). */
    static Path objWithMapKd(Path dir, String mapKd) throws IOException {
        ModelFiles.write(dir.resolve("square.mtl"), """
                newmtl painted
                Kd 0.8 0.7 0.6
                Ns 30
                map_Kd %s
                """.formatted(mapKd));
        return ModelFiles.write(dir.resolve("square.obj"), """
                mtllib square.mtl
                v 0 0 0
                v 1 0 0
                v 1 1 0
                v 0 1 0
                vt 0 0
                vt 1 0
                vt 1 1
                vt 0 1
                usemtl painted
                f 1/1 2/2 3/3 4/4
                """);
    }

    private static byte[] pad(byte[] bytes, byte filler) {
        byte[] padded = new byte[(bytes.length + 3) / 4 * 4];
        java.util.Arrays.fill(padded, filler);
        System.arraycopy(bytes, 0, padded, 0, bytes.length);
        return padded;
    }
}
