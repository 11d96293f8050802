package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The whole truth about one frame: every randomized value resolved. Made by the scene sampler
 * from (scene, seed, frame index) alone; read by the engine and the annotators; written next to
 * the frame's outputs as {@code frames/NNNNNN.json}, from which the frame can be rendered again.
 *
 * <p>Immutable. Objects are listed in instance-id order for labelled objects (ids 1..n), with
 * scenery (id 0) anywhere in the list.
 */
public record Frame(
        int index,
        @JsonProperty("scene_seed") long sceneSeed,
        Camera camera,
        Lighting lighting,
        Ground ground,
        List<Category> categories,
        List<SceneObject> objects,
        // absent (null) when the scene has no sensor section, and in frames written before it existed
        @JsonInclude(JsonInclude.Include.NON_NULL) Sensor sensor,
        // absent when the scene has no layout; its pieces are scenery objects in objects
        @JsonInclude(JsonInclude.Include.NON_NULL) RoadLayout layout,
        // the scene's class_balance target shares by category name; absent when it has none
        @JsonProperty("class_balance") @JsonInclude(JsonInclude.Include.NON_EMPTY) java.util.Map<String, Double> classBalance,
        // absent (null) without rain or snow, and in frames written before they existed
        @JsonInclude(JsonInclude.Include.NON_NULL) Weather weather,
        // absent (null) when the scene sets no min_visibility or min_visible_pixels
        @JsonProperty("ignore_thresholds") @JsonInclude(JsonInclude.Include.NON_NULL) IgnoreThresholds ignoreThresholds,
        // the cameras of a rig, each with its resolved pose and intrinsics; absent (null) without a rig,
        // and then camera is the one camera. With a rig, camera is the rig's pose with the scene's intrinsics.
        @JsonInclude(JsonInclude.Include.NON_NULL) List<RigCamera> rig,
        // objects each group asked for but could not place (no free place after the placer's tries, no occluder
        // target, no flying place), by group name, counts >= 1; absent (empty) when every object was placed, and in
        // frames written before it existed
        @JsonInclude(JsonInclude.Include.NON_EMPTY) java.util.Map<String, Integer> unplaced) {

    /** A frame in which every object asked for was placed. */
    public Frame(int index, long sceneSeed, Camera camera, Lighting lighting, Ground ground, List<Category> categories,
            List<SceneObject> objects, Sensor sensor, RoadLayout layout, java.util.Map<String, Double> classBalance,
            Weather weather, IgnoreThresholds ignoreThresholds, List<RigCamera> rig) {
        this(index, sceneSeed, camera, lighting, ground, categories, objects, sensor, layout, classBalance, weather,
                ignoreThresholds, rig, null);
    }

    /** A frame without a rig. */
    public Frame(int index, long sceneSeed, Camera camera, Lighting lighting, Ground ground, List<Category> categories,
            List<SceneObject> objects, Sensor sensor, RoadLayout layout, java.util.Map<String, Double> classBalance,
            Weather weather, IgnoreThresholds ignoreThresholds) {
        this(index, sceneSeed, camera, lighting, ground, categories, objects, sensor, layout, classBalance, weather,
                ignoreThresholds, null);
    }

    /** A frame without ignore thresholds and without a rig. */
    public Frame(int index, long sceneSeed, Camera camera, Lighting lighting, Ground ground, List<Category> categories,
            List<SceneObject> objects, Sensor sensor, RoadLayout layout, java.util.Map<String, Double> classBalance,
            Weather weather) {
        this(index, sceneSeed, camera, lighting, ground, categories, objects, sensor, layout, classBalance, weather, null);
    }

    /** A frame of a scene without road layout, class balance, rain or snow. */
    public Frame(int index, long sceneSeed, Camera camera, Lighting lighting, Ground ground, List<Category> categories,
            List<SceneObject> objects, Sensor sensor) {
        this(index, sceneSeed, camera, lighting, ground, categories, objects, sensor, null, null, null);
    }

    /** A frame whose colour image is written as rendered (no sensor effects). */
    public Frame(int index, long sceneSeed, Camera camera, Lighting lighting, Ground ground, List<Category> categories,
            List<SceneObject> objects) {
        this(index, sceneSeed, camera, lighting, ground, categories, objects, null);
    }

    /** The same frame with another camera. */
    public Frame withCamera(Camera newCamera) {
        return new Frame(index, sceneSeed, newCamera, lighting, ground, categories, objects, sensor, layout, classBalance,
                weather, ignoreThresholds, rig, unplaced);
    }

    /** The same frame with other weather (null: no rain or snow). */
    public Frame withWeather(Weather newWeather) {
        return new Frame(index, sceneSeed, camera, lighting, ground, categories, objects, sensor, layout, classBalance,
                newWeather, ignoreThresholds, rig, unplaced);
    }

    /**
     * The same frame on images of another size, each camera (the rig's too) keeping its field of
     * view ({@link Camera#withImageSize}).
     */
    public Frame withImageSize(int newWidth, int newHeight) {
        if (camera.width() == newWidth && camera.height() == newHeight) {
            return this;
        }
        List<RigCamera> newRig = rig == null ? null : rig.stream()
                .map(c -> new RigCamera(c.name(), c.camera().withImageSize(newWidth, newHeight))).toList();
        return new Frame(index, sceneSeed, camera.withImageSize(newWidth, newHeight), lighting, ground, categories,
                objects, sensor, layout, classBalance, weather, ignoreThresholds, newRig, unplaced);
    }

    /** The same frame with another rig (null: none). */
    public Frame withRig(List<RigCamera> newRig) {
        return new Frame(index, sceneSeed, camera, lighting, ground, categories, objects, sensor, layout, classBalance,
                weather, ignoreThresholds, newRig, unplaced);
    }

    /**
     * What each camera sees, in rig order: one view per rig camera (the frame with that camera and
     * no rig), or the frame itself, unnamed, without a rig.
     */
    public List<RigView> views() {
        if (rig == null) {
            return List.of(new RigView(this, null, 0, 1));
        }
        java.util.ArrayList<RigView> views = new java.util.ArrayList<>(rig.size());
        for (int i = 0; i < rig.size(); i++) {
            views.add(new RigView(withCamera(rig.get(i).camera()).withRig(null), rig.get(i).name(), i, rig.size()));
        }
        return views;
    }

    /** The camera names of the rig in order, or a list holding only null without a rig. */
    public List<String> cameraNames() {
        return rig == null ? java.util.Collections.singletonList(null) : rig.stream().map(RigCamera::name).toList();
    }

    public Frame {
        categories = List.copyOf(categories);
        if (rig != null) {
            rig = List.copyOf(rig);
            if (rig.isEmpty() || rig.stream().map(RigCamera::name).distinct().count() != rig.size()) {
                throw new IllegalArgumentException("a rig needs at least one camera, with distinct names");
            }
            for (RigCamera c : rig) {
                if (c.camera().width() != camera.width() || c.camera().height() != camera.height()) {
                    throw new IllegalArgumentException("rig camera " + c.name() + " is " + c.camera().width() + "x"
                            + c.camera().height() + ", the frame " + camera.width() + "x" + camera.height());
                }
            }
        }
        objects = List.copyOf(objects);
        classBalance = java.util.Collections.unmodifiableSortedMap(
                new java.util.TreeMap<>(classBalance == null ? java.util.Map.of() : classBalance));
        unplaced = java.util.Collections.unmodifiableSortedMap(
                new java.util.TreeMap<>(unplaced == null ? java.util.Map.of() : unplaced));
        for (java.util.Map.Entry<String, Integer> group : unplaced.entrySet()) {
            if (group.getValue() == null || group.getValue() < 1) {
                throw new IllegalArgumentException("unplaced: group " + group.getKey() + " has " + group.getValue()
                        + " objects; a group with none is left out");
            }
        }
    }

    public int width() {
        return camera.width();
    }

    public int height() {
        return camera.height();
    }

    /** Labelled objects only, in instance-id order. */
    public List<SceneObject> labelledObjects() {
        return objects.stream().filter(SceneObject::isLabelled)
                .sorted(java.util.Comparator.comparingInt(SceneObject::instanceId)).toList();
    }
}
