package io.synthscene.annotators;

/**
 * A COCO file that cannot be read: not JSON, or a value of the wrong type or out of range. The
 * message names the file, the line and column, and the JSON Pointer of the element, e.g.
 * {@code instances.json:1:2345: /annotations/12/bbox/2: expected a number, found a string}.
 * Thrown by {@link CocoReader}.
 */
public final class CocoFormatException extends RuntimeException {
    public CocoFormatException(String message) {
        super(message);
    }

    public CocoFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
