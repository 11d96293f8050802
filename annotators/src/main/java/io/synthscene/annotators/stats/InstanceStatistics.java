package io.synthscene.annotators.stats;

import io.synthscene.annotators.CocoAnnotation;
import io.synthscene.annotators.CocoCategory;
import io.synthscene.annotators.CocoDataset;
import io.synthscene.annotators.CocoImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instance-level statistics of one COCO file, the same for synthscene's files and any other
 * tool's: instances per category, objects per image, box size and box aspect ratio. Made by
 * {@link #of}; immutable once returned (its histograms are not changed again).
 *
 * <p>Crowd annotations ({@code iscrowd: 1}) are regions of many objects, not instances: they are
 * counted in {@link #crowdAnnotations} and left out of everything else. Box size is
 * {@code sqrt(w * h)} of the annotation's {@code bbox}, in pixels; aspect ratio is {@code w / h}.
 * Annotations without a bbox (or with a zero side) are counted in {@link #withoutBox} and left
 * out of those two histograms.
 *
 * @param categories every category of the file, in file order, with its instance count
 */
public record InstanceStatistics(int images, int instances, int emptyImages, int crowdAnnotations, int withoutBox,
                                 List<CategoryCount> categories, Histogram objectsPerImage, Histogram boxSize,
                                 Histogram aspectRatio) {
    /** Box size bins: 24 log bins from 1 to 4096 px, two per octave (edges 2^(k/2)). */
    public static final double BOX_SIZE_MIN_PX = 1;
    public static final double BOX_SIZE_MAX_PX = 4096;
    public static final int BOX_SIZE_BINS = 24;
    /** Aspect-ratio bins: 16 log bins from 1/16 to 16, two per octave. */
    public static final double ASPECT_MIN = 1.0 / 16;
    public static final double ASPECT_MAX = 16;
    public static final int ASPECT_BINS = 16;
    /** Objects-per-image histograms have at most this many bins; wider ranges get wider bins. */
    public static final int MAX_COUNT_BINS = 40;

    /** One category and how many instances it has. */
    public record CategoryCount(long id, String name, long instances) {
    }

    public InstanceStatistics {
        categories = List.copyOf(categories);
    }

    /** The most non-crowd instances in one image of the file: the range that objects-per-image bins must cover. */
    public static int maxObjectsPerImage(CocoDataset coco) {
        return perImage(coco).values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /**
     * @param maxObjectsPerImage the largest count the objects-per-image bins must cover: this
     *                           file's own {@link #maxObjectsPerImage}, or the larger of two files'
     *                           when they are to be compared bin by bin
     */
    public static InstanceStatistics of(CocoDataset coco, int maxObjectsPerImage) {
        Map<Long, Integer> perImage = perImage(coco);
        Map<Long, Long> perCategory = new HashMap<>();
        Histogram boxSize = Histogram.logarithmic(BOX_SIZE_MIN_PX, BOX_SIZE_MAX_PX, BOX_SIZE_BINS);
        Histogram aspect = Histogram.logarithmic(ASPECT_MIN, ASPECT_MAX, ASPECT_BINS);
        int crowd = 0;
        int withoutBox = 0;
        int instances = 0;
        for (CocoAnnotation a : coco.annotations()) {
            if (a.crowd()) {
                crowd++;
                continue;
            }
            instances++;
            perCategory.merge(a.categoryId(), 1L, Long::sum);
            double[] box = a.bbox();
            if (box == null || !(box[2] > 0) || !(box[3] > 0)) {
                withoutBox++;
                continue;
            }
            boxSize.add(Math.sqrt(box[2] * box[3]));
            aspect.add(box[2] / box[3]);
        }
        List<CategoryCount> categories = new ArrayList<>();
        for (CocoCategory c : coco.categories()) {
            categories.add(new CategoryCount(c.id(), c.name(), perCategory.getOrDefault(c.id(), 0L)));
        }
        Histogram objects = countHistogram(Math.max(maxObjectsPerImage, maxObjectsPerImage(coco)));
        int empty = 0;
        for (CocoImage image : coco.images()) {
            int n = perImage.getOrDefault(image.id(), 0);
            objects.add(n);
            if (n == 0) {
                empty++;
            }
        }
        return new InstanceStatistics(coco.images().size(), instances, empty, crowd, withoutBox, categories, objects, boxSize, aspect);
    }

    /**
     * Bins for whole counts 0..max: one per count ([k, k + 1)) up to {@link #MAX_COUNT_BINS}
     * counts, else bins of equal whole width.
     */
    static Histogram countHistogram(int max) {
        int width = Math.max(1, (max + MAX_COUNT_BINS) / MAX_COUNT_BINS);
        int bins = max / width + 1;
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = (double) i * width;
        }
        return new Histogram(edges);
    }

    private static Map<Long, Integer> perImage(CocoDataset coco) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        for (CocoAnnotation a : coco.annotations()) {
            if (!a.crowd()) {
                counts.merge(a.imageId(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The largest category's instances over the smallest's; empty categories make it infinite, none at all NaN. */
    public double imbalanceRatio() {
        long largest = categories.stream().mapToLong(CategoryCount::instances).max().orElse(0);
        long smallest = categories.stream().mapToLong(CategoryCount::instances).min().orElse(0);
        if (largest == 0) {
            return Double.NaN;
        }
        return smallest == 0 ? Double.POSITIVE_INFINITY : (double) largest / smallest;
    }

    /** A category's share of all (non-crowd) instances, 0..1; 0 when there are none. */
    public double share(CategoryCount category) {
        return instances == 0 ? 0 : (double) category.instances() / instances;
    }
}
