package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * A label category; ids start at 1 (0 is the background in every id image).
 *
 * @param ignore true for an ignore category (the scene's {@code ignore: true}): its objects are
 *               rendered, get instance ids and masks and occlude like any other, but are written
 *               as ignore regions, never as normal annotations (see {@link IgnoreThresholds});
 *               absent from JSON when false
 */
public record Category(int id, String name, String supercategory,
        // absent when false, and in frames written before ignore categories existed: read as false
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY) boolean ignore) {
    public Category {
        if (id < 1) {
            throw new IllegalArgumentException("category id " + id + " must be >= 1");
        }
    }

    /** A normal (annotated) category. */
    public Category(int id, String name, String supercategory) {
        this(id, name, supercategory, false);
    }
}
