package io.synthscene.scenes.image;

/**
 * Bytes that start like a PNG, JPEG or BMP but whose header does not give a size: cut short or
 * damaged. The message says which, in words fit for a user ("the JPEG ends before its frame
 * header: the file was cut short"). Thrown by {@link ImageHeader#read}.
 */
public final class ImageHeaderException extends IllegalArgumentException {
    public ImageHeaderException(String message) {
        super(message);
    }
}
