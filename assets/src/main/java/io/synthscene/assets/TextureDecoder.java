package io.synthscene.assets;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import io.synthscene.scenes.Limits;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Turns the bytes of a texture image into a {@link TextureImage}: PNG, JPEG and BMP through
 * OpenCV's {@code imdecode} (the JavaCPP API only: {@code org.opencv} would load highgui and GTK),
 * TGA (which OpenCV does not read) through {@link TgaDecoder}, and Assimp's raw embedded texels.
 *
 * <p>Hostile bytes are refused with a {@link TextureException} before any decoder sees them: the
 * format is known by its magic bytes (a TGA, which has none, by its name), the size is read from
 * the header and checked against the texture-side limit before anything is allocated (a 60-byte
 * PNG may declare 100000 x 100000 pixels), and a PNG without its IEND chunk or a JPEG without an
 * end-of-image marker after its scan is refused as cut short (OpenCV would fill the missing rows
 * with grey and only print a warning). The decoded size must be the declared one.
 *
 * <p>Pure (no files): {@link MeshFileImporter} reads the bytes. Stateless and thread-safe.
 */
final class TextureDecoder {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] PNG_END = {'I', 'E', 'N', 'D'};
    /** Bytes a Java array of RGB pixels may hold. */
    private static final long MAX_RGB_BYTES = Integer.MAX_VALUE - 16;

    static {
        // The natives load with the first class of the API that is touched; a Mat made before
        // imdecode's class is loaded would find none ("No native JavaCPP library in memory").
        org.bytedeco.javacpp.Loader.load(org.bytedeco.opencv.global.opencv_imgcodecs.class);
    }

    private TextureDecoder() {
    }

    /**
     * @param formatHint the file's extension or Assimp's format hint ({@code png}, {@code jpg}, {@code tga}...), or null;
     *                   used only for TGA, which has no magic bytes
     * @param maxSide    largest width or height accepted ({@link Limits#maxTextureSide()})
     * @throws TextureException saying why the bytes are no usable image
     */
    static TextureImage decode(String source, byte[] bytes, String formatHint, int maxSide) {
        if (bytes.length == 0) {
            throw new TextureException("the image is empty (0 bytes)");
        }
        String hint = formatHint == null ? "" : formatHint.toLowerCase(Locale.ROOT).replace(".", "").strip();
        if (startsWith(bytes, PNG_SIGNATURE)) {
            int[] size = checkSize(pngSize(bytes), maxSide);
            if (lastIndexOf(bytes, PNG_END) < 0) {
                throw new TextureException("the PNG has no IEND chunk: the file was cut short");
            }
            return openCv(source, bytes, size);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            int[] size = checkSize(jpegSize(bytes), maxSide);
            if (!hasEndAfterScan(bytes)) {
                throw new TextureException("the JPEG has no end-of-image marker after its image data: the file was cut short");
            }
            return openCv(source, bytes, size);
        }
        if (bytes.length >= 2 && bytes[0] == 'B' && bytes[1] == 'M') {
            int[] size = checkSize(bmpSize(bytes), maxSide);
            return openCv(source, bytes, size);
        }
        if (hint.equals("tga")) {
            return TgaDecoder.decode(source, bytes, maxSide);
        }
        throw new TextureException("it is not a PNG, JPEG, BMP or TGA image (it starts with " + hex(bytes, 8) + ")");
    }

    /**
     * Assimp's uncompressed embedded texture: {@code width x height} texels of 4 bytes, B, G, R, A,
     * top row first.
     */
    static TextureImage fromBgraTexels(String source, int width, int height, ByteBuffer texels, int maxSide) {
        checkSize(width, height, maxSide);
        if (texels.remaining() < 4L * width * height) {
            throw new TextureException("the embedded image holds " + texels.remaining() + " bytes, less than its "
                    + width + "x" + height + " texels need");
        }
        byte[] rgb = new byte[3 * width * height];
        int from = texels.position();
        for (int i = 0; i < width * height; i++) {
            rgb[3 * i] = texels.get(from + 4 * i + 2);
            rgb[3 * i + 1] = texels.get(from + 4 * i + 1);
            rgb[3 * i + 2] = texels.get(from + 4 * i);
        }
        return new TextureImage(source, width, height, rgb);
    }

    /** {@code size} as ints, once {@link #checkSize(long, long, int)} accepts it. */
    private static int[] checkSize(long[] size, int maxSide) {
        checkSize(size[0], size[1], maxSide);
        return new int[] {(int) size[0], (int) size[1]};
    }

    /** @throws TextureException when a side is not positive, above the limit, or the pixels do not fit one array */
    static void checkSize(long width, long height, int maxSide) {
        if (width < 1 || height < 1) {
            throw new TextureException("the image declares a size of " + width + "x" + height + " pixels");
        }
        if (width > maxSide || height > maxSide) {
            throw new TextureException("the image is " + width + "x" + height + " pixels, larger than " + maxSide
                    + " pixels a side " + Limits.howToRaise(Limits.Setting.MAX_TEXTURE_SIDE));
        }
        if (3 * width * height > MAX_RGB_BYTES) {
            throw new TextureException("the image is " + width + "x" + height + " pixels, more than one texture can hold");
        }
    }

    private static TextureImage openCv(String source, byte[] bytes, int[] size) {
        try (BytePointer data = new BytePointer(bytes);
             Mat encoded = new Mat(1, bytes.length, CV_8UC1, data);
             Mat decoded = imdecode(encoded, IMREAD_COLOR)) {
            if (decoded == null || decoded.empty()) {
                throw new TextureException("OpenCV cannot decode it (corrupt image data)");
            }
            if (decoded.cols() != size[0] || decoded.rows() != size[1]) {
                throw new TextureException("its header says " + size[0] + "x" + size[1] + " pixels but it decodes to "
                        + decoded.cols() + "x" + decoded.rows());
            }
            if (decoded.channels() != 3 || !decoded.isContinuous()) {
                throw new TextureException("OpenCV decoded it to " + decoded.channels() + " channel(s), not 3");
            }
            cvtColor(decoded, decoded, COLOR_BGR2RGB);
            byte[] rgb = new byte[3 * size[0] * size[1]];
            decoded.data().get(rgb);
            return new TextureImage(source, size[0], size[1], rgb);
        } catch (TextureException e) {
            throw e;
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage()).strip();
            throw new TextureException("OpenCV cannot decode it: " + message.lines().findFirst().orElse(message));
        }
    }

    /** Width and height from the IHDR chunk, which must come first. */
    private static long[] pngSize(byte[] bytes) {
        if (bytes.length < 24 || bytes[12] != 'I' || bytes[13] != 'H' || bytes[14] != 'D' || bytes[15] != 'R') {
            throw new TextureException("the PNG has no IHDR header chunk: the file was cut short or is damaged");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        long width = Integer.toUnsignedLong(in.getInt(16));
        long height = Integer.toUnsignedLong(in.getInt(20));
        return new long[] {width, height};
    }

    /** Width and height from the first start-of-frame marker before the scan. */
    private static long[] jpegSize(byte[] bytes) {
        int at = 2;
        while (at + 4 <= bytes.length) {
            if ((bytes[at] & 0xff) != 0xff) {
                at++; // stray bytes between segments: libjpeg skips them with a warning, and so does this
                continue;
            }
            int marker = bytes[at + 1] & 0xff;
            if (marker == 0xff) {
                at++; // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                at += 2; // no length
                continue;
            }
            int length = ((bytes[at + 2] & 0xff) << 8) | (bytes[at + 3] & 0xff);
            if (length < 2) {
                throw new TextureException("the JPEG has a marker segment of length " + length);
            }
            boolean frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (frame) {
                if (at + 9 > bytes.length) {
                    break;
                }
                int height = ((bytes[at + 5] & 0xff) << 8) | (bytes[at + 6] & 0xff);
                int width = ((bytes[at + 7] & 0xff) << 8) | (bytes[at + 8] & 0xff);
                return new long[] {width, height};
            }
            if (marker == 0xda || marker == 0xd9) {
                throw new TextureException("the JPEG has no frame header before its image data");
            }
            at += 2 + length;
        }
        throw new TextureException("the JPEG ends before its frame header: the file was cut short");
    }

    /** Width and |height| from the BMP info header (BITMAPCOREHEADER or a later one). */
    private static long[] bmpSize(byte[] bytes) {
        if (bytes.length < 26) {
            throw new TextureException("the BMP ends inside its header: the file was cut short");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int headerSize = in.getInt(14);
        if (headerSize == 12) {
            return new long[] {in.getShort(18) & 0xffff, in.getShort(20) & 0xffff};
        }
        long width = in.getInt(18);
        long height = Math.abs((long) in.getInt(22));
        return new long[] {width, height};
    }

    /** Whether an end-of-image marker (FF D9) follows the first start-of-scan (FF DA); valid files may carry data after it. */
    private static boolean hasEndAfterScan(byte[] bytes) {
        int scan = -1;
        for (int i = 0; i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xff) == 0xff && (bytes[i + 1] & 0xff) == 0xda) {
                scan = i;
                break;
            }
        }
        if (scan < 0) {
            return false;
        }
        for (int i = bytes.length - 2; i > scan; i--) {
            if ((bytes[i] & 0xff) == 0xff && (bytes[i + 1] & 0xff) == 0xd9) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int lastIndexOf(byte[] bytes, byte[] part) {
        for (int i = bytes.length - part.length; i >= 0; i--) {
            int k = 0;
            while (k < part.length && bytes[i + k] == part[k]) {
                k++;
            }
            if (k == part.length) {
                return i;
            }
        }
        return -1;
    }

    static String hex(byte[] bytes, int count) {
        return hex(bytes, 0, Math.min(count, bytes.length));
    }

    private static String hex(byte[] bytes, int from, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < from + count && i < bytes.length; i++) {
            text.append(text.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%02X", bytes[i] & 0xff));
        }
        return text.toString();
    }
}
