package io.synthscene.annotators;

import io.synthscene.scenes.Limits;

/**
 * The width and height a PNG or JPEG file declares in its header, checked against the image size
 * limits before the image is decoded. OpenCV allocates the declared size first: a 1.1 MB PNG of
 * zeros declaring 20000 x 20000 pixels (a decompression bomb) took 56 s and 2.5 GB of memory in
 * {@code validate}, then failed with the JVM out of memory (docs/RELIABILITY.md). Other formats
 * are left to OpenCV and its own limit (2<sup>30</sup> pixels). Stateless; used by {@link ImageEncoder}.
 */
final class DeclaredImageSize {
    private DeclaredImageSize() {
    }

    /**
     * @throws IllegalArgumentException when the header declares a side or a pixel count beyond
     *                                  {@code limits}, naming the size and the limit
     */
    static void requireWithin(byte[] bytes, Limits limits) {
        long[] size = declared(bytes);
        if (size == null) {
            return;
        }
        String format = bytes[0] == (byte) 0x89 ? "PNG" : "JPEG";
        long width = size[0];
        long height = size[1];
        if (width > limits.maxImageSide() || height > limits.maxImageSide()) {
            throw new IllegalArgumentException("the " + format + " declares " + width + "x" + height
                    + " pixels, more than " + limits.maxImageSide() + " a side " + Limits.howToRaise(Limits.Setting.MAX_IMAGE_SIDE));
        }
        if (width * height > limits.maxImagePixels()) {
            throw new IllegalArgumentException("the " + format + " declares " + width + "x" + height + " = "
                    + width * height + " pixels, more than " + limits.maxImagePixels() + " "
                    + Limits.howToRaise(Limits.Setting.MAX_IMAGE_PIXELS));
        }
    }

    /** {width, height} from a PNG's IHDR or a JPEG's first start-of-frame; null when there is none to read. */
    static long[] declared(byte[] bytes) {
        if (bytes.length >= 24 && bytes[0] == (byte) 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
                && bytes[12] == 'I' && bytes[13] == 'H' && bytes[14] == 'D' && bytes[15] == 'R') {
            return new long[] {uint32(bytes, 16), uint32(bytes, 20)};
        }
        if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8) {
            return jpegFrameSize(bytes);
        }
        return null;
    }

    /** Walks the JPEG's marker segments up to the first frame header (SOF0..SOF15 but DHT, JPG, DAC) or the scan. */
    private static long[] jpegFrameSize(byte[] bytes) {
        int at = 2;
        while (at + 4 <= bytes.length) {
            if ((bytes[at] & 0xFF) != 0xFF) {
                return null; // not a marker where one must be: OpenCV will say what is wrong
            }
            int marker = bytes[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                at += 2; // markers without a length
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return null; // scan or end before any frame header
            }
            int length = ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame && at + 9 <= bytes.length) {
                long height = ((bytes[at + 5] & 0xFF) << 8) | (bytes[at + 6] & 0xFF);
                long width = ((bytes[at + 7] & 0xFF) << 8) | (bytes[at + 8] & 0xFF);
                return new long[] {width, height};
            }
            at += 2 + length;
        }
        return null;
    }

    private static long uint32(byte[] bytes, int at) {
        return ((long) (bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
    }
}
