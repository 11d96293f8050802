package io.synthscene.assets;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import io.synthscene.scenes.Limits;
import io.synthscene.scenes.image.ImageHeader;
import io.synthscene.scenes.image.ImageHeaderException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Turns the bytes of a texture image into a {@link TextureImage}: PNG, JPEG and BMP through
 * OpenCV's {@code imdecode} (the JavaCPP API only: {@code org.opencv} would load highgui and GTK),
 * TGA (which OpenCV does not read) through {@link TgaDecoder}, and Assimp's raw embedded texels.
 *
 * <p>Hostile bytes are refused with a {@link TextureException} before any decoder sees them: the
 * format is known by its magic bytes (a TGA, which has none, by its name), the size is read from
 * the header ({@link ImageHeader}) and checked against the texture-side limit before anything is
 * allocated (a 60-byte PNG may declare 100000 x 100000 pixels), and a PNG without its IEND chunk or a JPEG without an
 * end-of-image marker after its scan is refused as cut short (OpenCV would fill the missing rows
 * with grey and only print a warning). The decoded size must be the declared one.
 *
 * <p>Pure (no files): {@link MeshFileImporter} reads the bytes. Stateless and thread-safe.
 */
final class TextureDecoder {
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
        Optional<ImageHeader> header;
        try {
            header = ImageHeader.read(bytes);
        } catch (ImageHeaderException e) {
            throw new TextureException(e.getMessage());
        }
        if (header.isPresent()) {
            checkSize(header.get().width(), header.get().height(), maxSide);
            Optional<String> cutShort = ImageHeader.cutShort(bytes);
            if (cutShort.isPresent()) {
                throw new TextureException(cutShort.get());
            }
            return openCv(source, bytes, (int) header.get().width(), (int) header.get().height());
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

    private static TextureImage openCv(String source, byte[] bytes, int width, int height) {
        try (BytePointer data = new BytePointer(bytes);
             Mat encoded = new Mat(1, bytes.length, CV_8UC1, data);
             Mat decoded = imdecode(encoded, IMREAD_COLOR)) {
            if (decoded == null || decoded.empty()) {
                throw new TextureException("OpenCV cannot decode it (corrupt image data)");
            }
            if (decoded.cols() != width || decoded.rows() != height) {
                throw new TextureException("its header says " + width + "x" + height + " pixels but it decodes to "
                        + decoded.cols() + "x" + decoded.rows());
            }
            if (decoded.channels() != 3 || !decoded.isContinuous()) {
                throw new TextureException("OpenCV decoded it to " + decoded.channels() + " channel(s), not 3");
            }
            cvtColor(decoded, decoded, COLOR_BGR2RGB);
            byte[] rgb = new byte[3 * width * height];
            decoded.data().get(rgb);
            return new TextureImage(source, width, height, rgb);
        } catch (TextureException e) {
            throw e;
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage()).strip();
            throw new TextureException("OpenCV cannot decode it: " + message.lines().findFirst().orElse(message));
        }
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
