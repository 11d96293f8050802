package io.synthscene.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The other files a model file makes Assimp open — a glTF's buffers and images, an OBJ's material
 * libraries — checked before Assimp sees the model: each must be a relative path that stays in the
 * model's folder (no {@code ..} segment, no absolute path, no URI scheme other than an embedded
 * {@code data:} URI). A scene's own model paths are confined to its asset folders by the scenes
 * module; this keeps the files a model names confined the same way.
 *
 * <p>Pure: works on bytes the caller ({@link MeshFileImporter}) has read. Stateless.
 */
final class ExternalReferences {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int GLB_MAGIC = 0x46546C67; // "glTF", little-endian
    private static final int GLB_JSON_CHUNK = 0x4E4F534A; // "JSON"

    private ExternalReferences() {
    }

    static boolean applies(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".gltf") || name.endsWith(".glb") || name.endsWith(".obj");
    }

    /** @throws AssetLoadException naming the first reference that leaves the model's folder */
    static void check(Path file, byte[] content) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<String> references = name.endsWith(".obj") ? objMaterialLibraries(content)
                : gltfUris(file, name.endsWith(".glb") ? glbJson(file, content) : content);
        for (String reference : references) {
            String problem = problem(reference);
            if (problem != null) {
                throw new AssetLoadException(file, "it refers to '" + shorten(reference) + "', " + problem
                        + "; the files a model names must lie in its own folder");
            }
        }
    }

    /** Why {@code reference} may not be followed (a scheme, an absolute path, a {@code ..}), or null when it may. */
    static String problem(String reference) {
        if (reference.regionMatches(true, 0, "data:", 0, 5)) {
            return null; // embedded in the model file itself
        }
        if (reference.matches("(?i)^[a-z]:[\\\\/].*")) {
            return "an absolute path"; // C:\textures\wood.png
        }
        if (reference.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
            return "a URI with a scheme";
        }
        String path = reference.replace('\\', '/');
        if (path.startsWith("/")) {
            return "an absolute path";
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equalsIgnoreCase("%2e%2e")) {
                return "a path that climbs out with ..";
            }
        }
        return null;
    }

    private static List<String> gltfUris(Path file, byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            return List.of(); // not JSON: Assimp reports it
        }
        List<String> uris = new ArrayList<>();
        for (String array : new String[] {"buffers", "images"}) {
            JsonNode items = root == null ? null : root.get(array);
            if (items != null && items.isArray()) {
                for (JsonNode item : items) {
                    JsonNode uri = item.get("uri");
                    if (uri != null && uri.isTextual()) {
                        uris.add(uri.asText());
                    }
                }
            }
        }
        return uris;
    }

    /** The JSON chunk of a binary glTF (header: magic, version, length; then chunk length, type, data). */
    private static byte[] glbJson(Path file, byte[] content) {
        if (content.length < 20) {
            return new byte[0];
        }
        ByteBuffer in = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        if (in.getInt(0) != GLB_MAGIC || in.getInt(16) != GLB_JSON_CHUNK) {
            return new byte[0]; // not a GLB we understand: Assimp reports it
        }
        long length = Integer.toUnsignedLong(in.getInt(12));
        if (length > content.length - 20) {
            return new byte[0];
        }
        byte[] json = new byte[(int) length];
        in.get(20, json);
        return json;
    }

    private static List<String> objMaterialLibraries(byte[] content) {
        List<String> libraries = new ArrayList<>();
        for (String line : new String(content, StandardCharsets.ISO_8859_1).split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("mtllib")) {
                String rest = trimmed.substring(6).strip();
                if (!rest.isEmpty()) {
                    libraries.add(rest);
                }
            }
        }
        return libraries;
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
