package io.synthscene.assets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/**
 * Writes tiny model files for the importer tests, so that no model file has to be stored or
 * downloaded. Geometry: an axis-aligned box with 8 shared corners and 12 counter-clockwise
 * triangles, in the file's own units.
 */
final class ModelFiles {
    private ModelFiles() {
    }

    /** Corners of a box x in [0, sx], y in [0, sy], z in [0, sz]: bit 0 of the index picks x, bit 1 y, bit 2 z. */
    static float[] boxCorners(float sx, float sy, float sz) {
        float[] corners = new float[8 * 3];
        for (int c = 0; c < 8; c++) {
            corners[c * 3] = (c & 1) == 0 ? 0 : sx;
            corners[c * 3 + 1] = (c & 2) == 0 ? 0 : sy;
            corners[c * 3 + 2] = (c & 4) == 0 ? 0 : sz;
        }
        return corners;
    }

    /** Six faces of the box, each a quad counter-clockwise seen from outside. */
    static final int[][] BOX_QUADS = {
            {0, 2, 3, 1}, // z = 0, facing -z
            {4, 5, 7, 6}, // z = sz, facing +z
            {0, 4, 6, 2}, // x = 0, facing -x
            {1, 3, 7, 5}, // x = sx, facing +x
            {0, 1, 5, 4}, // y = 0, facing -y
            {2, 6, 7, 3}, // y = sy, facing +y
    };

    static int[] boxTriangles() {
        int[] indices = new int[36];
        for (int f = 0; f < 6; f++) {
            int[] q = BOX_QUADS[f];
            int[] two = {q[0], q[1], q[2], q[0], q[2], q[3]};
            System.arraycopy(two, 0, indices, f * 6, 6);
        }
        return indices;
    }

    static Path objBox(Path dir, String name, float sx, float sy, float sz) throws IOException {
        StringBuilder obj = new StringBuilder("# box written by ModelFiles\no box\n");
        appendVertices(obj, "v %f %f %f\n", boxCorners(sx, sy, sz));
        for (int[] q : BOX_QUADS) {
            obj.append(String.format(Locale.ROOT, "f %d %d %d %d\n", q[0] + 1, q[1] + 1, q[2] + 1, q[3] + 1));
        }
        return write(dir.resolve(name), obj.toString());
    }

    /** A square pyramid with its base on z = 0 (x, y in [-1, 1]) and its apex at (0, 1, 3): z-up, leaning to +y. */
    static Path objLeaningPyramid(Path dir) throws IOException {
        String obj = """
                v -1 -1 0
                v 1 -1 0
                v 1 1 0
                v -1 1 0
                v 0 1 3
                f 1 4 3 2
                f 1 2 5
                f 2 3 5
                f 3 4 5
                f 4 1 5
                """;
        return write(dir.resolve("pyramid.obj"), obj);
    }

    static Path plyBox(Path dir, float sx, float sy, float sz) throws IOException {
        StringBuilder ply = new StringBuilder("""
                ply
                format ascii 1.0
                element vertex 8
                property float x
                property float y
                property float z
                element face 6
                property list uchar int vertex_indices
                end_header
                """);
        appendVertices(ply, "%f %f %f\n", boxCorners(sx, sy, sz));
        for (int[] q : BOX_QUADS) {
            ply.append(String.format(Locale.ROOT, "4 %d %d %d %d\n", q[0], q[1], q[2], q[3]));
        }
        return write(dir.resolve("box.ply"), ply.toString());
    }

    /**
     * A tetrahedron as ASCII STL, which stores every triangle's corners on their own (no sharing).
     * Without facet normals the file says "facet normal 0 0 0", as many exporters do.
     */
    static Path stlTetrahedron(Path dir, String name, boolean withFacetNormals) throws IOException {
        float[][] p = {{0, 0, 0}, {2, 0, 0}, {0, 0, -2}, {0, 2, 0}};
        int[][] faces = {{0, 2, 1}, {0, 1, 3}, {0, 3, 2}, {1, 2, 3}};
        float r = (float) (1 / Math.sqrt(3));
        float[][] outward = {{0, -1, 0}, {0, 0, 1}, {-1, 0, 0}, {r, r, -r}};
        StringBuilder stl = new StringBuilder("solid tetra\n");
        for (int i = 0; i < faces.length; i++) {
            int[] f = faces[i];
            float[] n = withFacetNormals ? outward[i] : new float[3];
            stl.append(String.format(Locale.ROOT, "facet normal %f %f %f\n outer loop\n", n[0], n[1], n[2]));
            for (int v : f) {
                stl.append(String.format(Locale.ROOT, "  vertex %f %f %f\n", p[v][0], p[v][1], p[v][2]));
            }
            stl.append(" endloop\nendfacet\n");
        }
        stl.append("endsolid tetra\n");
        return write(dir.resolve(name), stl.toString());
    }

    /** The box's binary buffer: 8 float32 xyz positions, then 36 uint16 indices (little-endian). */
    static byte[] boxBuffer(float sx, float sy, float sz) {
        ByteBuffer buffer = ByteBuffer.allocate(8 * 12 + 36 * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : boxCorners(sx, sy, sz)) {
            buffer.putFloat(f);
        }
        for (int i : boxTriangles()) {
            buffer.putShort((short) i);
        }
        return buffer.array();
    }

    /**
     * glTF JSON for the box; {@code uri} null leaves the buffer to a GLB's binary chunk.
     * {@code nodeRotation} is a unit quaternion [x, y, z, w] on the node (glTF's own transform).
     */
    static String gltfBoxJson(float sx, float sy, float sz, String uri, String nodeRotation) {
        String node = nodeRotation == null ? "{\"mesh\":0}" : "{\"mesh\":0,\"rotation\":" + nodeRotation + "}";
        String buffer = uri == null ? "{\"byteLength\":168}" : "{\"uri\":\"" + uri + "\",\"byteLength\":168}";
        return String.format(Locale.ROOT, """
                {"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[%s],
                 "meshes":[{"primitives":[{"attributes":{"POSITION":0},"indices":1}]}],
                 "buffers":[%s],
                 "bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":96,"target":34962},
                                {"buffer":0,"byteOffset":96,"byteLength":72,"target":34963}],
                 "accessors":[{"bufferView":0,"componentType":5126,"count":8,"type":"VEC3","min":[0,0,0],"max":[%f,%f,%f]},
                              {"bufferView":1,"componentType":5123,"count":36,"type":"SCALAR"}]}
                """, node, buffer, sx, sy, sz);
    }

    static Path gltfBoxEmbedded(Path dir, String name, float sx, float sy, float sz, String nodeRotation) throws IOException {
        String uri = "data:application/octet-stream;base64," + Base64.getEncoder().encodeToString(boxBuffer(sx, sy, sz));
        return write(dir.resolve(name), gltfBoxJson(sx, sy, sz, uri, nodeRotation));
    }

    static Path gltfBoxWithExternalBin(Path dir, float sx, float sy, float sz) throws IOException {
        Files.write(dir.resolve("box.bin"), boxBuffer(sx, sy, sz));
        return write(dir.resolve("box.gltf"), gltfBoxJson(sx, sy, sz, "box.bin", null));
    }

    /** GLB: 12-byte header, a JSON chunk padded with spaces, a BIN chunk padded with zeros (glTF 2.0 spec). */
    static Path glbBox(Path dir, float sx, float sy, float sz) throws IOException {
        byte[] json = pad(gltfBoxJson(sx, sy, sz, null, null).getBytes(StandardCharsets.UTF_8), (byte) ' ');
        byte[] bin = pad(boxBuffer(sx, sy, sz), (byte) 0);
        int total = 12 + 8 + json.length + 8 + bin.length;
        ByteBuffer glb = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        glb.putInt(0x46546C67).putInt(2).putInt(total);
        glb.putInt(json.length).putInt(0x4E4F534A).put(json);
        glb.putInt(bin.length).putInt(0x004E4942).put(bin);
        Path file = dir.resolve("box.glb");
        Files.write(file, glb.array());
        return file;
    }

    static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static byte[] pad(byte[] bytes, byte filler) {
        byte[] padded = new byte[(bytes.length + 3) / 4 * 4];
        java.util.Arrays.fill(padded, filler);
        System.arraycopy(bytes, 0, padded, 0, bytes.length);
        return padded;
    }

    private static void appendVertices(StringBuilder out, String format, float[] xyz) {
        for (int i = 0; i < xyz.length; i += 3) {
            out.append(String.format(Locale.ROOT, format, xyz[i], xyz[i + 1], xyz[i + 2]));
        }
    }
}
