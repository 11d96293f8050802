package io.synthscene.scenes.frame;

/** A label category; ids start at 1 (0 is the background in every id image). */
public record Category(int id, String name, String supercategory) {
    public Category {
        if (id < 1) {
            throw new IllegalArgumentException("category id " + id + " must be >= 1");
        }
    }
}
