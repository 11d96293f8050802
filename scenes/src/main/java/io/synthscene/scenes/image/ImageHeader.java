package io.synthscene.scenes.image;

import java.util.Optional;

/**
 * The width and height a PNG, JPEG or BMP file declares in its header, read from the bytes
 * without decoding anything, and whether such a file was cut short. Decoders (OpenCV's
 * {@code imdecode}) allocate the declared size before reading the pixel data, so a 60-byte file
 * may ask for 100000 x 100000 pixels; callers hold the size read here to their limits first: the
 * annotators' {@code ImageEncoder} (photos, masks read back) to the image limits, the assets'
 * {@code TextureDecoder} (model textures) to the texture-side limit.
 *
 * <p>A JPEG is walked the way libjpeg walks it, so the size read is the one libjpeg will decode:
 * the first start-of-frame marker (SOF0..SOF15 but DHT, JPG and DAC) before the scan; fill bytes
 * (0xFF repeated before a marker code) are legal and swallowed; stray bytes between segments,
 * including a stuffed {@code FF 00}, are skipped to the next marker, as libjpeg does with a
 * "corrupt JPEG data: extraneous bytes" warning.
 *
 * <p>Made by {@link #read}; immutable. The class is stateless and thread-safe.
 *
 * @param format the format the magic bytes name
 * @param width  the declared width in pixels: unsigned 32 bits for a PNG, unsigned 16 for a JPEG,
 *               signed 32 (so possibly negative) for a BMP
 * @param height the declared height in pixels (a BMP's absolute value: a negative height there
 *               only means top row first)
 */
public record ImageHeader(Format format, long width, long height) {

    /** The formats whose header is read. The name is the one used in messages. */
    public enum Format {
        PNG, JPEG, BMP
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PNG_END = {'I', 'E', 'N', 'D'};

    /**
     * The format by its magic bytes: the 8-byte PNG signature, a JPEG's start-of-image marker
     * {@code FF D8} (all libjpeg asks for), a BMP's {@code BM}; empty for anything else.
     */
    public static Optional<Format> formatOf(byte[] bytes) {
        if (startsWith(bytes, PNG_SIGNATURE)) {
            return Optional.of(Format.PNG);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8) {
            return Optional.of(Format.JPEG);
        }
        if (bytes.length >= 2 && bytes[0] == 'B' && bytes[1] == 'M') {
            return Optional.of(Format.BMP);
        }
        return Optional.empty();
    }

    /**
     * The declared size, as written: a zero, negative or huge size is returned, not judged.
     *
     * @return empty when the bytes are no PNG, JPEG or BMP ({@link #formatOf})
     * @throws ImageHeaderException when they are one but its size cannot be read (the header is
     *                              cut short or damaged), saying why
     */
    public static Optional<ImageHeader> read(byte[] bytes) {
        Optional<Format> format = formatOf(bytes);
        if (format.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (format.get()) {
            case PNG -> png(bytes);
            case JPEG -> jpeg(bytes);
            case BMP -> bmp(bytes);
        });
    }

    /**
     * Why a PNG or JPEG was cut short, when it was: a PNG without its IEND chunk, a JPEG without
     * an end-of-image marker (FF D9) after its first start-of-scan (FF DA). Decoders fill the
     * missing rows with grey and only print a warning. Not "the file ends with FF D9": valid
     * files may carry data after it (motion photos append a video). A JPEG with an EXIF
     * thumbnail (whose own markers come first) may pass this check cut short.
     *
     * @return the reason, e.g. "the PNG has no IEND chunk: the file was cut short"; empty when the
     *         file is whole or is neither a PNG nor a JPEG
     */
    public static Optional<String> cutShort(byte[] bytes) {
        Optional<Format> format = formatOf(bytes);
        if (format.equals(Optional.of(Format.PNG)) && lastIndexOf(bytes, PNG_END) < 0) {
            return Optional.of("the PNG has no IEND chunk: the file was cut short");
        }
        if (format.equals(Optional.of(Format.JPEG)) && !hasEndAfterScan(bytes)) {
            return Optional.of("the JPEG has no end-of-image marker after its image data: the file was cut short");
        }
        return Optional.empty();
    }

    /** Width and height from the IHDR chunk, which must come first (libpng refuses a PNG without). */
    private static ImageHeader png(byte[] bytes) {
        if (bytes.length < 24 || bytes[12] != 'I' || bytes[13] != 'H' || bytes[14] != 'D' || bytes[15] != 'R') {
            throw new ImageHeaderException("the PNG has no IHDR header chunk: the file was cut short or is damaged");
        }
        return new ImageHeader(Format.PNG, uint32BigEndian(bytes, 16), uint32BigEndian(bytes, 20));
    }

    /** Width and height from the first start-of-frame segment, walking the segments as libjpeg does. */
    private static ImageHeader jpeg(byte[] bytes) {
        int at = 2; // after the start-of-image marker
        while (true) {
            int marker = nextMarker(bytes, at);
            if (marker < 0) {
                throw new ImageHeaderException("the JPEG ends before its frame header: the file was cut short");
            }
            int code = bytes[marker] & 0xFF;
            at = marker + 1;
            if (code == 0x00) {
                continue; // FF 00 outside a scan is stray data too: libjpeg discards it and looks on
            }
            if (code == 0x01 || (code >= 0xD0 && code <= 0xD8)) {
                continue; // TEM, RSTn, SOI: markers without a length
            }
            if (code == 0xDA || code == 0xD9) {
                throw new ImageHeaderException("the JPEG has no frame header before its image data");
            }
            if (at + 2 > bytes.length) {
                throw new ImageHeaderException("the JPEG ends before its frame header: the file was cut short");
            }
            int length = uint16BigEndian(bytes, at); // counts its own two bytes
            if (length < 2) {
                throw new ImageHeaderException("the JPEG has a marker segment of length " + length);
            }
            boolean frame = code >= 0xC0 && code <= 0xCF && code != 0xC4 && code != 0xC8 && code != 0xCC;
            if (frame) {
                // length, precision, height, width
                if (at + 7 > bytes.length) {
                    throw new ImageHeaderException("the JPEG ends before its frame header: the file was cut short");
                }
                return new ImageHeader(Format.JPEG, uint16BigEndian(bytes, at + 5), uint16BigEndian(bytes, at + 3));
            }
            at += length;
        }
    }

    /**
     * The index of the next marker code at or after {@code from}, or -1 at the end: skips any
     * bytes that are not 0xFF (stray data), then the 0xFF fill bytes (libjpeg's next_marker).
     */
    private static int nextMarker(byte[] bytes, int from) {
        int at = from;
        while (at < bytes.length && (bytes[at] & 0xFF) != 0xFF) {
            at++;
        }
        while (at < bytes.length && (bytes[at] & 0xFF) == 0xFF) {
            at++;
        }
        return at < bytes.length ? at : -1;
    }

    /** Width and |height| from the info header: BITMAPCOREHEADER (16-bit sizes) or a later one (32-bit, signed). */
    private static ImageHeader bmp(byte[] bytes) {
        if (bytes.length < 26) {
            throw new ImageHeaderException("the BMP ends inside its header: the file was cut short");
        }
        long headerSize = int32LittleEndian(bytes, 14);
        if (headerSize == 12) {
            return new ImageHeader(Format.BMP, uint16LittleEndian(bytes, 18), uint16LittleEndian(bytes, 20));
        }
        return new ImageHeader(Format.BMP, int32LittleEndian(bytes, 18), Math.abs(int32LittleEndian(bytes, 22)));
    }

    /** Whether an end-of-image marker (FF D9) follows the first start-of-scan (FF DA). */
    private static boolean hasEndAfterScan(byte[] bytes) {
        int scan = -1;
        for (int i = 0; i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xFF && (bytes[i + 1] & 0xFF) == 0xDA) {
                scan = i;
                break;
            }
        }
        if (scan < 0) {
            return false;
        }
        for (int i = bytes.length - 2; i > scan; i--) {
            if ((bytes[i] & 0xFF) == 0xFF && (bytes[i + 1] & 0xFF) == 0xD9) {
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

    private static int uint16BigEndian(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }

    private static long uint32BigEndian(byte[] bytes, int at) {
        return ((long) (bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
    }

    private static int uint16LittleEndian(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | ((bytes[at + 1] & 0xFF) << 8);
    }

    private static long int32LittleEndian(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | ((bytes[at + 1] & 0xFF) << 8) | ((bytes[at + 2] & 0xFF) << 16) | (bytes[at + 3] << 24);
    }
}
