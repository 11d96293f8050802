package io.synthscene.assets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A corpus of damaged model files, made from the valid ones {@link ModelFiles} writes (OBJ, glTF
 * with an embedded buffer, GLB, PLY, ASCII and binary STL): truncated at several points, empty,
 * wrong magic, huge declared sizes and counts, random bytes under the right extension, and
 * bytes overwritten at random. Each file keeps its format's extension so that Assimp picks the
 * importer it would pick for a real file. Deterministic (fixed seeds).
 */
final class CorruptModelFiles {
    private static final double[] CUTS = {0.0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99};

    private CorruptModelFiles() {
    }

    /** Writes the corpus into {@code dir} and returns the damaged files (the valid originals are in {@code dir/valid}). */
    static List<Path> write(Path dir) throws IOException {
        Path valid = Files.createDirectories(dir.resolve("valid"));
        List<Path> originals = List.of(
                ModelFiles.objBox(valid, "box.obj", 1, 2, 3),
                ModelFiles.gltfBoxEmbedded(valid, "box.gltf", 1, 2, 3, null),
                ModelFiles.glbBox(valid, 1, 2, 3),
                ModelFiles.plyBox(valid, 1, 2, 3),
                ModelFiles.stlTetrahedron(valid, "tetra.stl", true),
                binaryStlBox(valid));
        List<Path> corpus = new ArrayList<>();
        Random random = new Random(20261126);
        for (Path original : originals) {
            byte[] bytes = Files.readAllBytes(original);
            String name = original.getFileName().toString();
            String stem = name.substring(0, name.lastIndexOf('.'));
            String ext = name.substring(name.lastIndexOf('.'));
            for (double cut : CUTS) {
                int length = (int) (bytes.length * cut);
                corpus.add(put(dir, stem + "-cut" + length + ext, Arrays.copyOf(bytes, length)));
            }
            byte[] wrongMagic = bytes.clone();
            for (int i = 0; i < Math.min(4, wrongMagic.length); i++) {
                wrongMagic[i] = (byte) 'X';
            }
            corpus.add(put(dir, stem + "-magic" + ext, wrongMagic));
            for (int r = 0; r < 3; r++) {
                byte[] noise = new byte[1 << (8 + 2 * r)];
                random.nextBytes(noise);
                corpus.add(put(dir, stem + "-random" + noise.length + ext, noise));
            }
            for (int m = 0; m < 12; m++) {
                byte[] flipped = bytes.clone();
                for (int k = 0; k <= m % 4; k++) {
                    flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
                }
                corpus.add(put(dir, stem + "-bytes" + m + ext, flipped));
            }
        }
        corpus.addAll(hugeDeclarations(dir, Files.readString(originals.get(0)), Files.readAllBytes(originals.get(2)),
                Files.readString(originals.get(3)), Files.readAllBytes(originals.get(5))));
        return corpus;
    }

    /** Counts, sizes and indices that claim far more than the file holds. */
    private static List<Path> hugeDeclarations(Path dir, String obj, byte[] glb, String ply, byte[] stl) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(put(dir, "obj-index-max.obj", (obj + "f 1 2 2147483647\n").getBytes(StandardCharsets.UTF_8)));
        files.add(put(dir, "obj-index-negative.obj", (obj + "f -1 -2 -2147483648\n").getBytes(StandardCharsets.UTF_8)));
        files.add(put(dir, "obj-index-40-digits.obj", (obj + "f 1 2 9999999999999999999999999999999999999999\n").getBytes(StandardCharsets.UTF_8)));
        files.add(put(dir, "obj-face-of-10000-corners.obj",
                (obj + "f" + " 1".repeat(10000) + "\n").getBytes(StandardCharsets.UTF_8)));
        files.add(put(dir, "obj-vertex-1e400.obj", (obj.replaceFirst("v [^\\n]*", "v 1e400 -1e400 nan")).getBytes(StandardCharsets.UTF_8)));
        files.add(put(dir, "ply-vertex-count-2e9.ply", ply.replace("element vertex 8", "element vertex 2000000000").getBytes(StandardCharsets.UTF_8)));
        files.add(put(dir, "ply-face-count-4e9.ply", ply.replaceFirst("element face \\d+", "element face 4294967295").getBytes(StandardCharsets.UTF_8)));
        files.add(put(dir, "ply-binary-huge.ply", "ply\nformat binary_little_endian 1.0\nelement vertex 2147483647\nproperty float x\nproperty float y\nproperty float z\nend_header\n\0\0\0\0".getBytes(StandardCharsets.UTF_8)));
        ByteBuffer header = ByteBuffer.wrap(glb.clone()).order(ByteOrder.LITTLE_ENDIAN);
        files.add(put(dir, "glb-total-length-max.glb", header.duplicate().order(ByteOrder.LITTLE_ENDIAN).putInt(8, Integer.MAX_VALUE).array().clone()));
        byte[] chunk = glb.clone();
        ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN).putInt(12, Integer.MAX_VALUE);
        files.add(put(dir, "glb-json-chunk-length-max.glb", chunk));
        byte[] negative = glb.clone();
        ByteBuffer.wrap(negative).order(ByteOrder.LITTLE_ENDIAN).putInt(12, -16);
        files.add(put(dir, "glb-json-chunk-length-negative.glb", negative));
        files.add(put(dir, "glb-as-gltf-json-chunk-length-max.gltf", chunk)); // Assimp reads a .gltf as GLB by its magic
        String json = ModelFiles.gltfBoxJson(1, 1, 1, "data:application/octet-stream;base64,AAAA", null);
        files.add(put(dir, "gltf-accessor-count-max.gltf", json.replace("\"count\":8", "\"count\":2147483647").getBytes(StandardCharsets.UTF_8)));
        files.add(put(dir, "gltf-index-count-max.gltf", json.replace("\"count\":36", "\"count\":4294967295").getBytes(StandardCharsets.UTF_8)));
        files.add(put(dir, "gltf-byte-length-max.gltf", json.replace("\"byteLength\":168", "\"byteLength\":9223372036854775807").getBytes(StandardCharsets.UTF_8)));
        files.add(put(dir, "gltf-byte-offset-past-end.gltf", json.replace("\"byteOffset\":96", "\"byteOffset\":2147483600").getBytes(StandardCharsets.UTF_8)));
        files.add(put(dir, "gltf-external-uri-missing.gltf", ModelFiles.gltfBoxJson(1, 1, 1, "nowhere.bin", null).getBytes(StandardCharsets.UTF_8)));
        files.add(put(dir, "gltf-uri-out-of-folder.gltf", ModelFiles.gltfBoxJson(1, 1, 1, "../../../../etc/passwd", null).getBytes(StandardCharsets.UTF_8)));
        files.add(put(dir, "gltf-mesh-index-max.gltf", json.replace("{\"mesh\":0}", "{\"mesh\":2147483647}").getBytes(StandardCharsets.UTF_8)));
        files.add(put(dir, "gltf-node-cycle.gltf", json.replace("{\"mesh\":0}", "{\"mesh\":0,\"children\":[0]}").getBytes(StandardCharsets.UTF_8)));
        byte[] stlCount = stl.clone();
        ByteBuffer.wrap(stlCount).order(ByteOrder.LITTLE_ENDIAN).putInt(80, -1);
        files.add(put(dir, "stl-binary-count-max.stl", stlCount));
        return files;
    }

    /** A binary STL (80-byte header, uint32 count, 50 bytes per facet) of the 12 triangles of a box. */
    private static Path binaryStlBox(Path dir) throws IOException {
        float[] corners = ModelFiles.boxCorners(1, 2, 3);
        int[] triangles = ModelFiles.boxTriangles();
        ByteBuffer stl = ByteBuffer.allocate(84 + 50 * triangles.length / 3).order(ByteOrder.LITTLE_ENDIAN);
        stl.put(Arrays.copyOf("binary box written by CorruptModelFiles".getBytes(StandardCharsets.US_ASCII), 80));
        stl.putInt(triangles.length / 3);
        for (int t = 0; t < triangles.length; t += 3) {
            stl.putFloat(0).putFloat(0).putFloat(0);
            for (int c = 0; c < 3; c++) {
                int v = triangles[t + c] * 3;
                stl.putFloat(corners[v]).putFloat(corners[v + 1]).putFloat(corners[v + 2]);
            }
            stl.putShort((short) 0);
        }
        Path file = dir.resolve("box-binary.stl");
        Files.write(file, stl.array());
        return file;
    }

    private static Path put(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
