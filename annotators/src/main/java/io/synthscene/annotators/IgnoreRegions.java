package io.synthscene.annotators;

import io.synthscene.scenes.frame.Category;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.IgnoreThresholds;
import io.synthscene.scenes.frame.SceneObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which of a frame's visible instances are ignore regions rather than normal annotations:
 * objects of an ignore category ({@link Category#ignore}), and instances below the frame's
 * {@link IgnoreThresholds} for their group: visibility below {@code min_visibility}, or fewer
 * visible pixels than {@code min_visible_pixels} (both strict: an instance exactly at a threshold
 * stays an annotation). The instances stay in the masks; only their label changes. A pure
 * function of the frame and its annotations, so the render, resume, merge and export agree.
 *
 * <p>An instance without occlusion data (a dataset written without occlusion records) cannot be
 * compared with {@code min_visibility}; only the other two rules apply to it.
 */
public final class IgnoreRegions {
    /** The objects' category is an ignore category. */
    public static final String IGNORE_CATEGORY = "ignore_category";
    /** Visibility below the group's or scene's {@code min_visibility}. */
    public static final String MIN_VISIBILITY = "min_visibility";
    /** Fewer visible pixels than the group's or scene's {@code min_visible_pixels}. */
    public static final String MIN_VISIBLE_PIXELS = "min_visible_pixels";
    /** Every reason, in the order they are tried. */
    public static final List<String> REASONS = List.of(IGNORE_CATEGORY, MIN_VISIBILITY, MIN_VISIBLE_PIXELS);

    private IgnoreRegions() {
    }

    /** {@code annotations} with each ignore region marked with its reason (the others unchanged), in the same order. */
    public static List<InstanceAnnotation> mark(Frame frame, List<InstanceAnnotation> annotations) {
        Map<Integer, Category> categories = new HashMap<>();
        frame.categories().forEach(c -> categories.put(c.id(), c));
        Map<Integer, SceneObject> objects = new HashMap<>();
        for (SceneObject object : frame.objects()) {
            if (object.isLabelled()) {
                objects.put(object.instanceId(), object);
            }
        }
        List<InstanceAnnotation> marked = new ArrayList<>(annotations.size());
        for (InstanceAnnotation a : annotations) {
            SceneObject object = objects.get(a.instanceId());
            marked.add(a.withIgnoreReason(reason(a, categories.get(a.categoryId()), frame.ignoreThresholds(),
                    object == null ? null : object.group())));
        }
        return marked;
    }

    /** Why {@code a} is an ignore region, or null when it is a normal annotation. */
    static String reason(InstanceAnnotation a, Category category, IgnoreThresholds thresholds, String group) {
        return reason(category, thresholds, group, a.occlusion() == null ? null : a.occlusion().visibility(),
                a.visiblePixels());
    }

    /**
     * Why an instance is an ignore region, or null when it is a normal annotation.
     *
     * @param category   its category, or null when unknown
     * @param thresholds the frame's, or null
     * @param group      its object's group, or null
     * @param visibility null when unknown (then min_visibility cannot apply)
     */
    public static String reason(Category category, IgnoreThresholds thresholds, String group, Double visibility,
            long visiblePixels) {
        if (category != null && category.ignore()) {
            return IGNORE_CATEGORY;
        }
        if (thresholds == null) {
            return null;
        }
        IgnoreThresholds.Limits limits = thresholds.forGroup(group);
        if (limits.minVisibility() != null && visibility != null && visibility < limits.minVisibility()) {
            return MIN_VISIBILITY;
        }
        if (limits.minVisiblePixels() != null && visiblePixels < limits.minVisiblePixels()) {
            return MIN_VISIBLE_PIXELS;
        }
        return null;
    }
}
