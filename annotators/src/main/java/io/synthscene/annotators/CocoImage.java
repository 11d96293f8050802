package io.synthscene.annotators;

/**
 * One entry of a COCO file's {@code images}, as read by {@link CocoReader}. Immutable.
 *
 * @param id       as written; may be any integer (the validator checks that ids are >= 1 and unique)
 * @param fileName relative to the images folder
 * @param path     JSON Pointer of the entry in its file, e.g. {@code /images/3}, for messages
 */
public record CocoImage(long id, String fileName, int width, int height, String path) {
}
