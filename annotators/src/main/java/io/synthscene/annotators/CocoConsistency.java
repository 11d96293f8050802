package io.synthscene.annotators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The invariants of a COCO file that need nothing but the file: ids >= 1 and unique, references
 * resolved, RLE sizes and counts consistent with their image, polygons of at least 3 points.
 * Used by {@link CocoReader#read} (which throws on the first) and by {@link DatasetValidator}
 * (which reports them all). Stateless.
 */
public final class CocoConsistency {
    private CocoConsistency() {
    }

    public static List<Violation> check(CocoDataset dataset) {
        List<Violation> violations = new ArrayList<>();
        Map<Long, CocoImage> images = new HashMap<>();
        for (CocoImage image : dataset.images()) {
            if (image.id() < 1) {
                violations.add(new Violation("image-id", image.id(), null, image.path(), "image id " + image.id() + " is not >= 1"));
            }
            CocoImage first = images.putIfAbsent(image.id(), image);
            if (first != null) {
                violations.add(new Violation("duplicate-image-id", image.id(), null, image.path(),
                        "image id " + image.id() + " is also the id of " + first.path()));
            }
        }
        Map<Long, CocoCategory> categories = new HashMap<>();
        for (CocoCategory category : dataset.categories()) {
            if (category.id() < 1) {
                violations.add(new Violation("category-id", null, null, category.path(), "category id " + category.id() + " is not >= 1"));
            }
            CocoCategory first = categories.putIfAbsent(category.id(), category);
            if (first != null) {
                violations.add(new Violation("duplicate-category-id", null, null, category.path(),
                        "category id " + category.id() + " is also the id of " + first.path()));
            }
        }
        Map<Long, CocoAnnotation> annotations = new HashMap<>();
        for (CocoAnnotation a : dataset.annotations()) {
            if (a.id() < 1) {
                violations.add(violation("annotation-id", a, "annotation id " + a.id() + " is not >= 1"));
            }
            CocoAnnotation first = annotations.putIfAbsent(a.id(), a);
            if (first != null) {
                violations.add(violation("duplicate-annotation-id", a, "annotation id " + a.id() + " is also the id of " + first.path()));
            }
            if (!categories.containsKey(a.categoryId())) {
                violations.add(violation("dangling-category-id", a, "category_id " + a.categoryId() + " is not the id of any category"));
            }
            CocoImage image = images.get(a.imageId());
            if (image == null) {
                violations.add(violation("dangling-image-id", a, "image_id " + a.imageId() + " is not the id of any image"));
            } else if (a.segmentation() != null) {
                checkSegmentation(a, image, violations);
            }
        }
        return violations;
    }

    private static void checkSegmentation(CocoAnnotation a, CocoImage image, List<Violation> violations) {
        CocoSegmentation segmentation = a.segmentation();
        if (segmentation instanceof CocoSegmentation.Polygons p) {
            for (int i = 0; i < p.polygons().size(); i++) {
                int points = p.polygons().get(i).length / 2;
                if (points < 3) {
                    violations.add(new Violation("polygon-points", a.imageId(), a.id(), a.path() + "/segmentation/" + i,
                            "polygon " + i + " has " + points + " point(s); a polygon needs at least 3"));
                }
            }
        } else if (segmentation instanceof CocoSegmentation.UncompressedRle rle) {
            checkRle(a, image, rle.height(), rle.width(), () -> CocoRle.fromCounts(rle.height(), rle.width(), rle.counts()), violations);
        } else if (segmentation instanceof CocoSegmentation.CompressedRle rle) {
            checkRle(a, image, rle.height(), rle.width(),
                    () -> CocoRle.fromCountsString(rle.height(), rle.width(), rle.counts()), violations);
        }
    }

    private static void checkRle(CocoAnnotation a, CocoImage image, int height, int width,
                                 java.util.function.Supplier<CocoRle> decode, List<Violation> violations) {
        if (height != image.height() || width != image.width()) {
            violations.add(new Violation("rle-size", a.imageId(), a.id(), a.path() + "/segmentation/size",
                    "RLE size [" + height + ", " + width + "] is not the image's [height, width] = ["
                            + image.height() + ", " + image.width() + "]"));
        }
        try {
            decode.get(); // checks that the counts decode and sum to height * width
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("rle-counts", a.imageId(), a.id(), a.path() + "/segmentation/counts", e.getMessage()));
        }
    }

    private static Violation violation(String rule, CocoAnnotation a, String message) {
        return new Violation(rule, a.imageId(), a.id(), a.path(), message);
    }
}
