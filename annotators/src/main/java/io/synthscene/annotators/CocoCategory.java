package io.synthscene.annotators;

/**
 * One entry of a COCO file's {@code categories}, as read by {@link CocoReader}. Immutable.
 *
 * @param supercategory null when the file has none
 * @param path          JSON Pointer of the entry in its file, e.g. {@code /categories/0}
 */
public record CocoCategory(long id, String name, String supercategory, String path) {
}
