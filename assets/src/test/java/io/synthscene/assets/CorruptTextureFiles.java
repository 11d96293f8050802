package io.synthscene.assets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A corpus of damaged texture images for {@link CorruptTextureCorpusTest}: copies of real textures
 * from Debian's {@code assimp-testmodels} (PNG, JPEG, BMP, TGA) and of images made here, each
 * damaged one way, and for each a glTF square ({@link TexturedModelFiles}) that names it as its
 * base-colour image. The damage classes (the file name's first word):
 * <ul>
 *   <li>{@code cut}: the first 0 % (an empty file) to 99 % of the bytes;</li>
 *   <li>{@code magic}: the first bytes replaced (zeros, "GIF8", another format's magic);</li>
 *   <li>{@code huge}: the header declares sizes far beyond the limit, zero, or negative;</li>
 *   <li>{@code flip}: one to eight random bytes changed anywhere (fixed seed);</li>
 *   <li>{@code garbage}: the right magic bytes followed by random bytes.</li>
 * </ul>
 */
final class CorruptTextureFiles {
    static final Path MODELS = Path.of("/usr/share/assimp/models");
    /** Real textures of the package, one or two of each format read. */
    static final List<String> REAL = List.of("glTF2/BoxTextured-glTF/CesiumLogoFlat.png", "glTF2/textureTransform/UV.png",
            "3DS/test.png", "OBJ/SpiderTex.jpg", "OBJ/wal67ar_small.jpg", "MD2/sydney.bmp", "LWO/LWO2/white.bmp",
            "Collada/duckCM.tga", "X/top.tga");
    private static final double[] CUTS = {0.0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99};
    private static final int FLIPS = 10;

    /** One damaged image and the model that names it. */
    record Case(String damage, String image, Path model) {
    }

    private CorruptTextureFiles() {
    }

    static List<Case> write(Path dir) throws IOException {
        List<Case> cases = new ArrayList<>();
        List<String[]> sources = new ArrayList<>();
        for (String real : REAL) {
            sources.add(new String[] {real, MODELS.resolve(real).toString()});
        }
        Files.write(dir.resolve("made.png"), TexturedModelFiles.halvesPng());
        sources.add(new String[] {"made.png", dir.resolve("made.png").toString()});
        SplittableRandom random = new SplittableRandom(20261127);
        int n = 0;
        for (String[] source : sources) {
            byte[] original = Files.readAllBytes(Path.of(source[1]));
            String name = Path.of(source[0]).getFileName().toString();
            String extension = name.substring(name.lastIndexOf('.'));
            List<Object[]> damaged = new ArrayList<>();
            for (double cut : CUTS) {
                damaged.add(new Object[] {"cut", Arrays.copyOf(original, (int) (original.length * cut))});
            }
            for (byte[] magic : new byte[][] {{0, 0, 0, 0}, "GIF8".getBytes(), {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0},
                    {(byte) 0x89, 'P', 'N', 'G'}}) {
                if (Arrays.equals(Arrays.copyOf(original, 4), magic)) {
                    continue; // not a change
                }
                byte[] copy = original.clone();
                System.arraycopy(magic, 0, copy, 0, Math.min(magic.length, copy.length));
                damaged.add(new Object[] {"magic", copy});
            }
            for (byte[] copy : hugeSizes(original, extension)) {
                damaged.add(new Object[] {"huge", copy});
            }
            for (int f = 0; f < FLIPS; f++) {
                byte[] copy = original.clone();
                int edits = 1 + random.nextInt(8);
                for (int e = 0; e < edits; e++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                damaged.add(new Object[] {"flip", copy});
            }
            for (int g = 0; g < 2; g++) {
                byte[] copy = new byte[64 + random.nextInt(4096)];
                random.nextBytes(copy);
                System.arraycopy(original, 0, copy, 0, Math.min(extension.equals(".tga") ? 3 : 8, original.length));
                damaged.add(new Object[] {"garbage", copy});
            }
            for (Object[] d : damaged) {
                String image = String.format("%s-%03d-%s", d[0], n++, name);
                Files.write(dir.resolve(image), (byte[]) d[1]);
                Path model = ModelFiles.write(dir.resolve(image + ".gltf"), TexturedModelFiles.gltfJson(
                        "data:application/octet-stream;base64,"
                                + java.util.Base64.getEncoder().encodeToString(TexturedModelFiles.squareBuffer()), 92,
                        "{\"uri\":\"" + image + "\"}", new double[] {1, 1, 1}, 0.5, 0, null));
                cases.add(new Case((String) d[0], image, model));
            }
        }
        return cases;
    }

    /** Copies whose header declares sizes far beyond any limit, zero, or (BMP) the most negative height. */
    private static List<byte[]> hugeSizes(byte[] original, String extension) {
        List<byte[]> copies = new ArrayList<>();
        switch (extension) {
            case ".png" -> {
                for (int[] size : new int[][] {{100_000, 100_000}, {0x7fffffff, 1}, {0, 16}, {-1, -1}}) {
                    copies.add(patched(original, ByteOrder.BIG_ENDIAN, 16, size[0], 20, size[1], 4));
                }
            }
            case ".jpg" -> {
                int sof = sofOffset(original);
                for (int[] size : new int[][] {{65535, 65535}, {0, 0}, {9000, 10}}) {
                    byte[] copy = original.clone();
                    copy[sof + 5] = (byte) (size[1] >> 8);
                    copy[sof + 6] = (byte) size[1];
                    copy[sof + 7] = (byte) (size[0] >> 8);
                    copy[sof + 8] = (byte) size[0];
                    copies.add(copy);
                }
            }
            case ".bmp" -> {
                for (int[] size : new int[][] {{0x7fffffff, 1}, {1, Integer.MIN_VALUE}, {100_000, -100_000}, {0, 0}}) {
                    copies.add(patched(original, ByteOrder.LITTLE_ENDIAN, 18, size[0], 22, size[1], 4));
                }
            }
            case ".tga" -> {
                for (int[] size : new int[][] {{65535, 65535}, {0, 0}, {9000, 1}}) {
                    copies.add(patched(original, ByteOrder.LITTLE_ENDIAN, 12, size[0], 14, size[1], 2));
                }
            }
            default -> throw new IllegalArgumentException(extension);
        }
        return copies;
    }

    private static byte[] patched(byte[] original, ByteOrder order, int widthAt, int width, int heightAt, int height, int bytes) {
        byte[] copy = original.clone();
        ByteBuffer b = ByteBuffer.wrap(copy).order(order);
        if (bytes == 4) {
            b.putInt(widthAt, width).putInt(heightAt, height);
        } else {
            b.putShort(widthAt, (short) width).putShort(heightAt, (short) height);
        }
        return copy;
    }

    private static int sofOffset(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            int m = jpeg[i + 1] & 0xff;
            if ((jpeg[i] & 0xff) == 0xff && m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc) {
                return i;
            }
        }
        throw new IllegalArgumentException("no SOF marker");
    }
}
