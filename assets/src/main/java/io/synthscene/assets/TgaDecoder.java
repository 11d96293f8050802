package io.synthscene.assets;

/**
 * Reads Truevision TGA images, which OpenCV does not (Collada and 3DS models often use them):
 * true-colour (16, 24 or 32 bits, B, G, R[, A]) and greyscale (8 bits), plain or run-length
 * encoded (image types 2, 3, 10, 11), either origin corner. Colour-mapped images (types 1 and 9)
 * are refused as unsupported. Every read is bounds-checked: a file cut short, or whose runs
 * overflow the image, is a {@link TextureException}, never an exception of another kind. Alpha is
 * dropped. Pure and stateless; used by {@link TextureDecoder}.
 */
final class TgaDecoder {
    private static final int HEADER_BYTES = 18;

    private TgaDecoder() {
    }

    static TextureImage decode(String source, byte[] bytes, int maxSide) {
        if (bytes.length < HEADER_BYTES) {
            throw new TextureException("the TGA ends inside its 18-byte header: the file was cut short");
        }
        int idLength = bytes[0] & 0xff;
        int colorMapType = bytes[1] & 0xff;
        int imageType = bytes[2] & 0xff;
        int colorMapLength = u16(bytes, 5);
        int colorMapEntryBits = bytes[7] & 0xff;
        int width = u16(bytes, 12);
        int height = u16(bytes, 14);
        int bits = bytes[16] & 0xff;
        int descriptor = bytes[17] & 0xff;
        boolean rle = imageType == 10 || imageType == 11;
        boolean grey = imageType == 3 || imageType == 11;
        if (imageType != 2 && imageType != 3 && imageType != 10 && imageType != 11) {
            throw new TextureException("it is a TGA of image type " + imageType
                    + "; only true-colour and greyscale TGA images (types 2, 3, 10, 11) are read");
        }
        if (grey ? bits != 8 : bits != 16 && bits != 24 && bits != 32) {
            throw new TextureException("it is a " + (grey ? "greyscale" : "true-colour") + " TGA of " + bits
                    + " bits per pixel, which is not read (" + (grey ? "8" : "16, 24 or 32") + " are)");
        }
        TextureDecoder.checkSize(width, height, maxSide);
        int bytesPerPixel = bits / 8;
        // a colour map may be present (and is skipped) even in a true-colour image
        long at = HEADER_BYTES + idLength + (colorMapType == 1 ? (long) colorMapLength * ((colorMapEntryBits + 7) / 8) : 0);
        byte[] rgb = new byte[3 * width * height];
        int pixels = width * height;
        int pixel = 0;
        while (pixel < pixels) {
            int run = 1;
            boolean repeat = false;
            if (rle) {
                requireBytes(bytes, at, 1);
                int packet = bytes[(int) at++] & 0xff;
                run = (packet & 0x7f) + 1;
                repeat = (packet & 0x80) != 0;
                if (pixel + run > pixels) {
                    throw new TextureException("the TGA's run-length data runs past its " + width + "x" + height + " pixels");
                }
            }
            if (repeat) {
                requireBytes(bytes, at, bytesPerPixel);
                for (int k = 0; k < run; k++) {
                    put(rgb, pixel++, bytes, (int) at, bits);
                }
                at += bytesPerPixel;
            } else {
                requireBytes(bytes, at, (long) run * bytesPerPixel);
                for (int k = 0; k < run; k++) {
                    put(rgb, pixel++, bytes, (int) at, bits);
                    at += bytesPerPixel;
                }
            }
        }
        return new TextureImage(source, width, height, toTopLeft(rgb, width, height,
                (descriptor & 0x20) != 0, (descriptor & 0x10) != 0));
    }

    private static void put(byte[] rgb, int pixel, byte[] bytes, int at, int bits) {
        int o = 3 * pixel;
        switch (bits) {
            case 8 -> {
                rgb[o] = bytes[at];
                rgb[o + 1] = bytes[at];
                rgb[o + 2] = bytes[at];
            }
            case 16 -> {
                int v = (bytes[at] & 0xff) | ((bytes[at + 1] & 0xff) << 8); // A1 R5 G5 B5
                rgb[o] = (byte) (((v >> 10) & 31) * 255 / 31);
                rgb[o + 1] = (byte) (((v >> 5) & 31) * 255 / 31);
                rgb[o + 2] = (byte) ((v & 31) * 255 / 31);
            }
            default -> {
                rgb[o] = bytes[at + 2];
                rgb[o + 1] = bytes[at + 1];
                rgb[o + 2] = bytes[at];
            }
        }
    }

    /** TGA rows go bottom up unless descriptor bit 5 is set, and left to right unless bit 4 is. */
    private static byte[] toTopLeft(byte[] rgb, int width, int height, boolean topFirst, boolean rightFirst) {
        if (topFirst && !rightFirst) {
            return rgb;
        }
        byte[] out = new byte[rgb.length];
        for (int y = 0; y < height; y++) {
            int fromRow = topFirst ? y : height - 1 - y;
            for (int x = 0; x < width; x++) {
                int fromX = rightFirst ? width - 1 - x : x;
                System.arraycopy(rgb, 3 * (fromRow * width + fromX), out, 3 * (y * width + x), 3);
            }
        }
        return out;
    }

    private static void requireBytes(byte[] bytes, long at, long count) {
        if (at + count > bytes.length) {
            throw new TextureException("the TGA's pixel data ends early (byte " + bytes.length + " of a file that needs more):"
                    + " the file was cut short");
        }
    }

    private static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | ((bytes[at + 1] & 0xff) << 8);
    }
}
