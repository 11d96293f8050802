package io.synthscene.assets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Refuses, before Assimp sees it, a PLY file whose header declares more elements than the file's
 * bytes could hold. Assimp trusts the declared count: a 200-byte PLY declaring 2,000,000,000
 * vertices kept a probe JVM busy (in native code, allocating) for over two minutes, until it was
 * killed (see docs/RELIABILITY.md, corrupt model files). Each element takes at least one byte in
 * every PLY encoding, so a count above the file's size is a lie. Stateless; used by {@link MeshFileImporter}.
 */
final class DeclaredCounts {
    /** A PLY header is text and short; this much of a file's start is enough to check it. */
    static final int HEADER_BYTES = 64 * 1024;

    private DeclaredCounts() {
    }

    static boolean applies(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ply");
    }

    /**
     * @param start the file's first {@link #HEADER_BYTES} bytes (or all of it, if shorter); read by {@link MeshFileImporter}
     * @param size  the file's size in bytes
     */
    static void check(Path file, byte[] start, long size) {
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
