package io.synthscene.assets;

/**
 * An image that cannot be a texture: empty, cut short, of a format that is not read, larger than
 * the texture-side limit, or one the decoder refuses. The message says why, without the file's
 * name: {@link MeshFileImporter} turns it into an {@link AssetLoadException} naming the model file
 * and the image.
 */
final class TextureException extends IllegalArgumentException {
    TextureException(String message) {
        super(message);
    }
}
