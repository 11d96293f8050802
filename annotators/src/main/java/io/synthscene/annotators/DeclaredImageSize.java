package io.synthscene.annotators;

import io.synthscene.scenes.Limits;
import io.synthscene.scenes.image.ImageHeader;
import io.synthscene.scenes.image.ImageHeaderException;
import java.util.Optional;

/**
 * The width and height a PNG, JPEG or BMP file declares in its header ({@link ImageHeader}),
 * checked against the image size limits before the image is decoded. OpenCV allocates the
 * declared size first: a 1.1 MB PNG of zeros declaring 20000 x 20000 pixels (a decompression
 * bomb) took 56 s and 2.5 GB of memory in {@code validate}, then failed with the JVM out of
 * memory (docs/RELIABILITY.md). Other formats are left to OpenCV and its own limit
 * (2<sup>30</sup> pixels). Stateless; used by {@link ImageEncoder}.
 */
final class DeclaredImageSize {
    private DeclaredImageSize() {
    }

    /**
     * @throws IllegalArgumentException when the header cannot be read ({@link ImageHeaderException}),
     *                                  declares no pixels, or declares a side or a pixel count
     *                                  beyond {@code limits}, naming the size and the limit
     */
    static void requireWithin(byte[] bytes, Limits limits) {
        Optional<ImageHeader> header = ImageHeader.read(bytes);
        if (header.isEmpty()) {
            return;
        }
        String format = header.get().format().name();
        long width = header.get().width();
        long height = header.get().height();
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("the " + format + " declares a size of " + width + "x" + height + " pixels");
        }
        if (width > limits.maxImageSide() || height > limits.maxImageSide()) {
            throw new IllegalArgumentException("the " + format + " declares " + width + "x" + height
                    + " pixels, more than " + limits.maxImageSide() + " a side " + Limits.howToRaise(Limits.Setting.MAX_IMAGE_SIDE));
        }
        if (width * height > limits.maxImagePixels()) { // both sides are below 2^31 here: no overflow
            throw new IllegalArgumentException("the " + format + " declares " + width + "x" + height + " = "
                    + width * height + " pixels, more than " + limits.maxImagePixels() + " "
                    + Limits.howToRaise(Limits.Setting.MAX_IMAGE_PIXELS));
        }
    }
}
