package io.synthscene.scenes.spec;

import io.synthscene.scenes.frame.Category;
import io.synthscene.scenes.frame.IgnoreThresholds;
import java.util.Comparator;
import java.util.List;

/**
 * A scene file after validation: every value checked, every distribution built. Made by the
 * scene loader, read by the frame sampler; immutable.
 *
 * @param categories sorted by id
 * @param groups     in file order, which is also the order objects are placed and numbered in
 * @param sensor     null when the scene has no {@code sensor} section
 * @param layout     null when the scene has no {@code layout} section
 * @param classBalance null when the scene has no {@code class_balance} section
 * @param ignoreThresholds null when the scene sets no {@code min_visibility} or {@code min_visible_pixels}
 */
public record SceneSpec(
        long seed,
        int frames,
        int width,
        int height,
        List<Category> categories,
        CameraSpec camera,
        LightingSpec lighting,
        GroundSpec ground,
        List<GroupSpec> groups,
        OutputSpec outputs,
        WeatherSpec weather,
        SensorSpec sensor,
        LayoutSpec layout,
        ClassBalanceSpec classBalance,
        IgnoreThresholds ignoreThresholds) {

    /** A scene without ignore thresholds. */
    public SceneSpec(long seed, int frames, int width, int height, List<Category> categories, CameraSpec camera,
                     LightingSpec lighting, GroundSpec ground, List<GroupSpec> groups, OutputSpec outputs, WeatherSpec weather,
                     SensorSpec sensor, LayoutSpec layout, ClassBalanceSpec classBalance) {
        this(seed, frames, width, height, categories, camera, lighting, ground, groups, outputs, weather, sensor, layout,
                classBalance, null);
    }

    /** A scene without road layout or class balance. */
    public SceneSpec(long seed, int frames, int width, int height, List<Category> categories, CameraSpec camera,
                     LightingSpec lighting, GroundSpec ground, List<GroupSpec> groups, OutputSpec outputs, WeatherSpec weather,
                     SensorSpec sensor) {
        this(seed, frames, width, height, categories, camera, lighting, ground, groups, outputs, weather, sensor, null, null);
    }

    public SceneSpec {
        categories = categories.stream().sorted(Comparator.comparingInt(Category::id)).toList();
        groups = List.copyOf(groups);
        weather = weather == null ? WeatherSpec.CLEAR : weather;
    }
}
