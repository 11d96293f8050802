package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/**
 * Below what an instance is written as an ignore region instead of a normal annotation, as the
 * scene set it ({@code min_visibility}, {@code min_visible_pixels} at the top level and per group):
 * an instance whose visibility is below {@code minVisibility}, or whose visible pixels are fewer
 * than {@code minVisiblePixels}, is still in the masks, but its COCO entry is an ignore region
 * ({@code iscrowd: 1}), so that training neither asks for it nor punishes detecting it.
 *
 * <p>{@code scene} holds the scene's values, {@code groups} each group's own (by group name, only
 * groups that set one); a group's value replaces the scene's key by key; null: not set. Written in
 * the frame JSON as {@code ignore_thresholds}, so merge and resume apply the same rule. Created by
 * the scene reader; plain immutable data.
 */
public record IgnoreThresholds(
        Limits scene,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Limits> groups) {

    /** One set of thresholds; a null field is not set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Limits(
            @JsonProperty("min_visibility") Double minVisibility,
            @JsonProperty("min_visible_pixels") Long minVisiblePixels) {
        public static final Limits NONE = new Limits(null, null);

        public Limits {
            if (minVisibility != null && !(minVisibility >= 0 && minVisibility <= 1)) {
                throw new IllegalArgumentException("min_visibility " + minVisibility + " is outside [0, 1]");
            }
            if (minVisiblePixels != null && minVisiblePixels < 0) {
                throw new IllegalArgumentException("min_visible_pixels " + minVisiblePixels + " is negative");
            }
        }

        /** These thresholds with {@code over}'s set values in place of these. */
        public Limits overriddenBy(Limits over) {
            return new Limits(over.minVisibility != null ? over.minVisibility : minVisibility,
                    over.minVisiblePixels != null ? over.minVisiblePixels : minVisiblePixels);
        }
    }

    public IgnoreThresholds {
        scene = scene == null ? Limits.NONE : scene;
        groups = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(groups == null ? Map.of() : groups));
    }

    /** The thresholds that apply to an object of {@code group} (null: the scene's alone). */
    public Limits forGroup(String group) {
        Limits own = group == null ? null : groups.get(group);
        return own == null ? scene : scene.overriddenBy(own);
    }
}
