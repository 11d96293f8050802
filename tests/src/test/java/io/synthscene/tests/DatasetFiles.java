package io.synthscene.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Reads a rendered dataset back with tools other than the ones that wrote it (Jackson tree, ImageIO). */
final class DatasetFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetFiles() {
    }

    static JsonNode json(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    /** A 16-bit instance mask, row-major; fails unless the PNG really is 16-bit grey. */
    static int[] instanceMask(Path png, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        if (image.getType() != BufferedImage.TYPE_USHORT_GRAY) {
            throw new AssertionError(png + " is not a 16-bit grey PNG (type " + image.getType() + ")");
        }
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new AssertionError(png + " is " + image.getWidth() + "x" + image.getHeight());
        }
        Raster raster = image.getRaster();
        int[] ids = new int[width * height];
        raster.getSamples(0, 0, width, height, 0, ids);
        return ids;
    }

    private static final java.util.regex.Pattern TIME_FIELD =
            java.util.regex.Pattern.compile("\"(started_at|finished_at)\" : \"[^\"]*\"");

    /**
     * Every file of a dataset with the times blanked out of {@code dataset.json} (the only bytes
     * that may differ between two runs of the same frames), so that whole datasets can be compared
     * with {@code isEqualTo}.
     */
    static Map<String, String> filesWithoutTimes(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        allFiles(root).forEach((name, bytes) -> {
            String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1); // one char per byte
            if (name.equals("dataset.json")) {
                text = TIME_FIELD.matcher(text).replaceAll("\"$1\" : \"(time)\"");
            }
            files.put(name, text);
        });
        return files;
    }

    /** Every regular file under {@code root}, by relative path, with its bytes. */
    static Map<String, byte[]> allFiles(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        }
        return files;
    }

    /** Deletes a folder and everything in it, if it exists. */
    static void deleteQuietly(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
