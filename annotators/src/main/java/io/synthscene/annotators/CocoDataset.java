package io.synthscene.annotators;

import java.util.List;

/**
 * The content of one COCO instances file, in file order. Made by {@link CocoReader}; immutable.
 * Holds only numbers, names and segmentations in their compact form (compressed RLE strings are
 * kept as strings), so it costs about as much memory as the file's text.
 */
public record CocoDataset(List<CocoImage> images, List<CocoAnnotation> annotations, List<CocoCategory> categories) {
    public CocoDataset {
        images = List.copyOf(images);
        annotations = List.copyOf(annotations);
        categories = List.copyOf(categories);
    }
}
