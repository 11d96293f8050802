package io.synthscene.annotators;

import static org.bytedeco.opencv.global.opencv_core.CV_16UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_PNG_STRATEGY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_PNG_STRATEGY_RLE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.image.ImageHeader;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.ShortPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Encodes a frame's colour image (PNG or JPEG) and its label images (instance ids, category ids,
 * depth in millimetres: 8- or 16-bit single-channel PNG) with
 * OpenCV's imgcodecs, through the JavaCPP bindings only (no {@code org.opencv} classes, which
 * would load highgui and GTK).
 *
 * <p>Each call copies the Java array once into native memory, wraps that memory in a {@link Mat}
 * without another copy, and frees all native memory before returning (try-with-resources on every
 * JavaCPP pointer). Arrays are row-major, top row first, like {@link RenderedFrame}.
 *
 * <p>Stateless and thread-safe: one instance may serve all worker threads.
 */
public final class ImageEncoder {
    /** Largest id a 16-bit mask can hold. */
    public static final int MAX_MASK_ID = 65535;

    // No IMWRITE_PNG_COMPRESSION on purpose: given a level, OpenCV leaves libpng's adaptive filter
    // choice on, which tries all five row filters on every row; without one it takes the SUB filter
    // and zlib's fastest level. Measured at 1280x720 on one core (street scene, 20 frames): instance
    // masks 11.8 -> 3.6 ms for files of 3 -> 6.6 KiB, colour 18.7 -> 6.9 ms for 70 -> 84 KiB.
    // Frames are written once, on the hot path; the files stay small beside a colour image.
    // Z_RLE suits masks (long runs of equal ids) and costs colour nothing measurable (both figures with it).
    private static final int[] PNG_PARAMS = {IMWRITE_PNG_STRATEGY, IMWRITE_PNG_STRATEGY_RLE};

    /** A decoded colour image: 3 bytes per pixel, R, G, B, row-major, top row first. */
    public record RgbImage(int width, int height, byte[] rgb) {
    }

    /** A decoded instance mask: one id 0..65535 per pixel, row-major, top row first. */
    public record IdImage(int width, int height, int[] ids) {
    }

    /**
     * @param jpegQuality 0..100, used only for {@link ImageFormat#JPG}
     * @throws IllegalArgumentException when the frame has no colour pass or the quality is out of range
     */
    public byte[] encodeColor(RenderedFrame frame, ImageFormat format, int jpegQuality) {
        byte[] rgb = frame.rgb();
        if (rgb == null) {
            throw new IllegalArgumentException("frame " + frame.index() + " was rendered without the COLOR pass");
        }
        return encodeRgb(rgb, frame.width(), frame.height(), format, jpegQuality);
    }

    /**
     * R, G, B bytes, row-major, top row first (a rendered frame's colour, or a photo), as PNG or JPEG.
     *
     * @param jpegQuality 0..100, used only for {@link ImageFormat#JPG}
     */
    public byte[] encodeRgb(byte[] rgb, int width, int height, ImageFormat format, int jpegQuality) {
        if (width < 1 || height < 1 || rgb.length != (long) width * height * 3) {
            throw new IllegalArgumentException("RGB image has " + rgb.length + " bytes, expected " + width + " * " + height + " * 3");
        }
        int[] params = switch (format) {
            case PNG -> PNG_PARAMS;
            case JPG -> {
                if (jpegQuality < 0 || jpegQuality > 100) {
                    throw new IllegalArgumentException("JPEG quality " + jpegQuality + " is outside 0..100");
                }
                yield new int[] {IMWRITE_JPEG_QUALITY, jpegQuality};
            }
        };
        try (BytePointer pixels = new BytePointer(rgb);
             Mat image = new Mat(height, width, CV_8UC3, pixels)) {
            cvtColor(image, image, COLOR_RGB2BGR); // OpenCV's codecs expect B, G, R; swapped in place
            return encode(format.extension(), image, params);
        }
    }

    /** A lossless PNG of R, G, B bytes, row-major, top row first (e.g. a COCO panoptic label image). */
    public byte[] encodeRgbPng(byte[] rgb, int width, int height) {
        if (width < 1 || height < 1 || rgb.length != (long) width * height * 3) {
            throw new IllegalArgumentException("RGB image has " + rgb.length + " bytes, expected " + width + " * " + height + " * 3");
        }
        try (BytePointer pixels = new BytePointer(rgb);
             Mat image = new Mat(height, width, CV_8UC3, pixels)) {
            cvtColor(image, image, COLOR_RGB2BGR);
            return encode(".png", image, PNG_PARAMS);
        }
    }

    /**
     * A single-channel 16-bit PNG of the ids, row-major {@code ids[y * width + x]}.
     *
     * @throws IllegalArgumentException when an id is outside 0..65535 or the array size is wrong
     */
    public byte[] encodeInstanceMask(int[] ids, int width, int height) {
        return encodeGray16(ids, width, height, "instance id");
    }

    /**
     * A single-channel 16-bit PNG of any per-pixel values in 0..65535 (instance ids, category ids,
     * depth in millimetres), row-major.
     *
     * @param what names the values in error messages, e.g. "category id"
     */
    public byte[] encodeGray16(int[] values, int width, int height, String what) {
        requireSize(values, width, height);
        short[] narrow = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            int value = values[i];
            if (value < 0 || value > MAX_MASK_ID) {
                throw new IllegalArgumentException(what + " " + value + " at pixel (" + i % width + ", " + i / width
                        + ") does not fit a 16-bit PNG (0.." + MAX_MASK_ID + ")");
            }
            narrow[i] = (short) value; // unsigned 16-bit: 65535 is stored as (short) -1
        }
        try (ShortPointer pixels = new ShortPointer(narrow);
             Mat mask = new Mat(height, width, CV_16UC1, pixels)) {
            return encode(".png", mask, PNG_PARAMS);
        }
    }

    /** A single-channel 8-bit PNG of per-pixel values in 0..255 (e.g. category ids), row-major. */
    public byte[] encodeGray8(int[] values, int width, int height, String what) {
        requireSize(values, width, height);
        byte[] narrow = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            int value = values[i];
            if (value < 0 || value > 255) {
                throw new IllegalArgumentException(what + " " + value + " at pixel (" + i % width + ", " + i / width
                        + ") does not fit an 8-bit PNG (0..255)");
            }
            narrow[i] = (byte) value;
        }
        try (BytePointer pixels = new BytePointer(narrow);
             Mat mask = new Mat(height, width, CV_8UC1, pixels)) {
            return encode(".png", mask, PNG_PARAMS);
        }
    }

    private static void requireSize(int[] values, int width, int height) {
        if (width < 1 || height < 1 || values.length != (long) width * height) {
            throw new IllegalArgumentException("image has " + values.length + " pixels, expected " + width + " * " + height);
        }
    }

    /** The ids of a mask written by {@link #encodeInstanceMask}. */
    public int[] decodeInstanceMask(byte[] png) {
        return decodeInstanceMaskImage(png).ids();
    }

    /** @throws IllegalArgumentException when the bytes are not a single-channel 16-bit image */
    public IdImage decodeInstanceMaskImage(byte[] png) {
        return decodeGray16Image(png, "instance mask");
    }

    /** Any single-channel 16-bit image (a depth map in millimetres), values 0..65535 in {@code ids}. */
    public IdImage decodeGray16Image(byte[] png) {
        return decodeGray16Image(png, "image");
    }

    private IdImage decodeGray16Image(byte[] png, String what) {
        try (Mat decoded = decode(png, IMREAD_UNCHANGED)) {
            requireDecoded(decoded);
            if (decoded.type() != CV_16UC1) {
                throw new IllegalArgumentException(what + " must be single-channel 16-bit, got " + decoded.channels()
                        + " channel(s) of OpenCV depth " + decoded.depth());
            }
            int count = decoded.rows() * decoded.cols();
            short[] narrow = new short[count];
            new ShortPointer(decoded.data()).get(narrow, 0, count); // a view of the Mat's memory, owned by the Mat
            int[] ids = new int[count];
            for (int i = 0; i < count; i++) {
                ids[i] = narrow[i] & 0xffff;
            }
            return new IdImage(decoded.cols(), decoded.rows(), ids);
        }
    }

    /** The R, G, B bytes of a PNG or JPEG image (grey images come back with three equal channels). */
    public byte[] decodeColorRgb(byte[] encoded) {
        return decodeColor(encoded).rgb();
    }

    public RgbImage decodeColor(byte[] encodedBytes) {
        try (Mat decoded = decode(encodedBytes, IMREAD_COLOR)) {
            requireDecoded(decoded);
            cvtColor(decoded, decoded, COLOR_BGR2RGB);
            byte[] rgb = new byte[decoded.rows() * decoded.cols() * 3];
            decoded.data().get(rgb);
            return new RgbImage(decoded.cols(), decoded.rows(), rgb);
        }
    }

    /**
     * OpenCV's decoding of a whole file's bytes; an empty file, or one OpenCV's own checks throw
     * on, is an {@link IllegalArgumentException} like any other undecodable input (OpenCV asserts
     * on an empty buffer rather than returning an empty image). So is a PNG or JPEG cut short:
     * OpenCV would decode the part that is there and fill the rest with grey, with only a warning
     * on the console ({@link ImageHeader#cutShort}). So is a PNG, JPEG or BMP whose header cannot
     * be read or declares more pixels than the image size limits ({@link DeclaredImageSize}):
     * OpenCV would allocate them before finding out.
     */
    private static Mat decode(byte[] bytes, int flags) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("the file is empty");
        }
        Optional<String> cutShort = ImageHeader.cutShort(bytes);
        if (cutShort.isPresent()) {
            throw new IllegalArgumentException(cutShort.get());
        }
        DeclaredImageSize.requireWithin(bytes, io.synthscene.scenes.Limits.fromEnvironment()); // before OpenCV allocates it
        try (BytePointer data = new BytePointer(bytes);
             Mat encoded = new Mat(1, bytes.length, CV_8UC1, data)) {
            return imdecode(encoded, flags);
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage()).strip();
            throw new IllegalArgumentException("OpenCV cannot decode it: " + message.lines().findFirst().orElse(message), e);
        }
    }

    private static byte[] encode(String extension, Mat image, int[] params) {
        try (IntPointer parameters = new IntPointer(params);
             BytePointer out = new BytePointer()) { // filled by imencode's std::vector<uchar>
            if (!imencode(extension, image, out, parameters)) {
                throw new IllegalStateException("OpenCV could not encode a " + image.cols() + "x" + image.rows()
                        + " image as " + extension);
            }
            byte[] bytes = new byte[Math.toIntExact(out.limit())];
            out.get(bytes);
            return bytes;
        }
    }

    private static void requireDecoded(Mat decoded) {
        if (decoded == null || decoded.empty()) {
            throw new IllegalArgumentException("the bytes are not an image OpenCV can decode");
        }
        if (!decoded.isContinuous()) {
            throw new IllegalStateException("OpenCV decoded into a non-continuous matrix");
        }
    }
}
