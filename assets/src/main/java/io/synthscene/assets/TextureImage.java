package io.synthscene.assets;

import java.util.Objects;

/**
 * A decoded base-colour image of a model file: 8-bit sRGB-encoded R, G, B per pixel, row-major,
 * top row first (the way image files store them). Made by {@link TextureDecoder} for
 * {@link MeshFileImporter}; uploaded by the engine as an sRGB texture, so sampling it gives linear
 * colour. Immutable by contract: nobody writes into {@code rgb} after it is made.
 *
 * @param source what it was read from, for messages: a file name, or {@code model.glb (embedded image 0)}
 */
public record TextureImage(String source, int width, int height, byte[] rgb) {
    public TextureImage {
        Objects.requireNonNull(source, "source");
        if (width < 1 || height < 1 || rgb.length != 3L * width * height) {
            throw new IllegalArgumentException("texture " + source + ": " + rgb.length + " bytes for " + width + "x" + height
                    + " RGB pixels");
        }
    }

    /** The R, G, B bytes (0..255, sRGB-encoded) of pixel (x, y), x from the left, y from the top. */
    public int[] rgbAt(int x, int y) {
        int at = (y * width + x) * 3;
        return new int[] {rgb[at] & 0xff, rgb[at + 1] & 0xff, rgb[at + 2] & 0xff};
    }

    @Override
    public String toString() {
        return "TextureImage[" + source + ", " + width + "x" + height + "]";
    }
}
