package io.synthscene.assets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Refuses, before Assimp sees it, a file whose header declares more than its bytes could hold,
 * where Assimp would trust the declaration and allocate for it (see docs/RELIABILITY.md, corrupt
 * model files):
 *
 * <ul>
 *   <li>a PLY header's element counts: a 200-byte PLY declaring 2,000,000,000 vertices kept a probe
 *       JVM busy (in native code, allocating) for over two minutes, until it was killed. Each
 *       element takes at least one byte in every PLY encoding, so a count above the file's size is a lie;
 *   <li>a binary glTF's (GLB: magic {@code glTF}, in a {@code .glb} or {@code .gltf} file) first chunk
 *       length: Assimp allocates the declared JSON length before reading it; a 748-byte GLB declaring
 *       2<sup>31</sup>-1 bytes took 2.1 GB of memory and 18 s, one declaring 2<sup>32</sup>-16 (a
 *       negative int) 4.2 GB and 40 s, enough for a memory-limited render job to be killed. Assimp
 *       checks the later (BIN) chunk's length itself.
 * </ul>
 *
 * Stateless; used by {@link MeshFileImporter}.
 */
final class DeclaredCounts {
    /** A PLY header is text and short; this much of a file's start is enough to check it. */
    static final int HEADER_BYTES = 64 * 1024;

    private DeclaredCounts() {
    }

    /** The GLB header: magic, version, total length (12 bytes); then the first chunk's length and type. */
    private static final int GLB_FIRST_CHUNK = 12;
    private static final int GLB_CHUNK_HEADER = 8;

    static boolean applies(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".ply") || name.endsWith(".glb") || name.endsWith(".gltf");
    }

    /**
     * @param start the file's first {@link #HEADER_BYTES} bytes (or all of it, if shorter); read by {@link MeshFileImporter}
     * @param size  the file's size in bytes
     */
    static void check(Path file, byte[] start, long size) {
        if (start.length >= 4 && start[0] == 'g' && start[1] == 'l' && start[2] == 'T' && start[3] == 'F') {
            checkGlb(file, start, size);
        } else if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ply")) {
            checkPly(file, start, size);
        }
    }

    private static void checkGlb(Path file, byte[] start, long size) {
        if (start.length < GLB_FIRST_CHUNK + GLB_CHUNK_HEADER) {
            return; // too short for a chunk: Assimp refuses it without allocating
        }
        long declared = java.nio.ByteBuffer.wrap(start, GLB_FIRST_CHUNK, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getInt() & 0xFFFFFFFFL;
        long left = size - GLB_FIRST_CHUNK - GLB_CHUNK_HEADER;
        if (declared > left) {
            throw new AssetLoadException(file, "the binary glTF's first chunk declares " + declared
                    + " bytes, more than the " + left + " bytes left in a file of " + size + " bytes");
        }
    }

    private static void checkPly(Path file, byte[] start, long size) {
        String header = new String(start, StandardCharsets.ISO_8859_1);
        int end = header.indexOf("end_header");
        for (String line : (end < 0 ? header : header.substring(0, end)).split("\\r?\\n")) {
            String[] words = line.trim().split("\\s+");
            if (words.length == 3 && words[0].equals("element")) {
                long count;
                try {
                    count = Long.parseLong(words[2]);
                } catch (NumberFormatException e) {
                    throw new AssetLoadException(file, "the PLY header's element '" + words[1] + "' has the count '"
                            + cut(words[2]) + "', which is not a whole number");
                }
                if (count < 0 || count > size) {
                    throw new AssetLoadException(file, "the PLY header declares " + count + " " + cut(words[1])
                            + " elements, more than a file of " + size + " bytes can hold");
                }
            }
        }
    }

    private static String cut(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "... (" + value.length() + " characters)";
    }
}
