package io.synthscene.annotators;

/**
 * One entry of a COCO file's {@code categories}, as read by {@link CocoReader}. Immutable.
 *
 * @param supercategory null when the file has none
 * @param ignore        {@code synthscene.ignore}: true for a scene's ignore category, whose
 *                      instances are all ignore regions; false when absent (any other tool's file)
 * @param path          JSON Pointer of the entry in its file, e.g. {@code /categories/0}
 */
public record CocoCategory(long id, String name, String supercategory, boolean ignore, String path) {

    /** A category without synthscene's ignore flag. */
    public CocoCategory(long id, String name, String supercategory, String path) {
        this(id, name, supercategory, false, path);
    }
}
