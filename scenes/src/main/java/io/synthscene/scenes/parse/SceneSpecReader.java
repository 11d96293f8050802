package io.synthscene.scenes.parse;

import io.synthscene.scenes.frame.Category;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.spec.CameraSpec;
import io.synthscene.scenes.spec.GroundSpec;
import io.synthscene.scenes.spec.ClassBalanceSpec;
import io.synthscene.scenes.spec.GroupSpec;
import io.synthscene.scenes.spec.LayoutSpec;
import io.synthscene.scenes.spec.LightSpec;
import io.synthscene.scenes.spec.LightingSpec;
import io.synthscene.scenes.spec.OutputSpec;
import io.synthscene.scenes.spec.SceneSpec;
import io.synthscene.scenes.spec.SensorSpec;
import io.synthscene.scenes.spec.WeatherSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the top level of a scene file into a {@link SceneSpec}, delegating each section to its
 * reader. Every problem is reported; the spec is returned only when there were none.
 */
public final class SceneSpecReader {
    static final List<String> KEYS = List.of("seed", "frames", "output", "categories", "camera", "lighting", "ground", "groups", "weather", "sensor",
            "lights", "layout", "class_balance", "catalog", "min_visibility", "min_visible_pixels");
    public static final int DEFAULT_WIDTH = 640;
    public static final int DEFAULT_HEIGHT = 480;

    private final Values values;
    private final Problems problems;

    private SceneSpecReader(Problems problems) {
        this.problems = problems;
        this.values = new Values(problems);
    }

    /**
     * @param baseDir folder that relative mesh paths are resolved against
     * @return the spec, or null when problems were reported
     */
    public static SceneSpec read(YamlNode root, Problems problems, Path baseDir) {
        return read(root, problems, baseDir, io.synthscene.scenes.Limits.fromEnvironment());
    }

    /** @param limits what the asset catalog file is read under (its size and nesting) */
    public static SceneSpec read(YamlNode root, Problems problems, Path baseDir, io.synthscene.scenes.Limits limits) {
        return new SceneSpecReader(problems).read(root, baseDir, limits);
    }

    private SceneSpec read(YamlNode root, Path baseDir, io.synthscene.scenes.Limits limits) {
        int before = problems.count();
        MapFields top = MapFields.open(root, "", values, KEYS);
        if (top == null) {
            return null;
        }
        YamlNode seedNode = top.require("seed");
        Long seed = seedNode == null ? null : values.integer(seedNode, "seed", Interval.ANY);
        YamlNode framesNode = top.require("frames");
        Integer frames = framesNode == null ? null : values.intAtLeast(framesNode, "frames", 1);
        int[] size = outputSize(top.get("output"));
        OutputSpec outputs = outputs(top.get("output"));
        List<Category> categories = categories(top.require("categories"));
        YamlNode cameraNode = top.require("camera");
        CameraSpec camera = cameraNode == null ? null : new CameraSpecReader(values).read(cameraNode, "camera");
        List<LightSpec> lights = new LightsSpecReader(values).read(top.get("lights"), "lights");
        LightingSpec lighting = new LightingSpecReader(values).read(top.get("lighting"), "lighting", lights);
        GroundSpec ground = new GroundSpecReader(values).read(top.get("ground"), "ground");
        LayoutSpec layout = new LayoutSpecReader(values).read(top.get("layout"), "layout");
        boolean layoutValid = !top.has("layout") || layout != null;
        AssetCatalog catalog = top.has("catalog")
                ? AssetCatalogReader.read(top.get("catalog"), "catalog", values, baseDir, categories, limits) : null;
        GroupSpecReader.Catalog groupCatalog = new GroupSpecReader.Catalog(catalog, top.has("catalog") && catalog == null);
        List<GroupSpec> groups = groups(top.get("groups"), categories, baseDir, layout, layoutValid, groupCatalog);
        ClassBalanceSpec balance = new ClassBalanceSpecReader(values).read(top.get("class_balance"), "class_balance", categories, groups);
        checkLightCount(lights, groups, balance, top);
        WeatherSpec weather = new WeatherSpecReader(values).read(top.get("weather"), "weather");
        SensorSpec sensor = new SensorSpecReader(values, true).read(top.get("sensor"), "sensor");
        checkOneShutter(camera, weather, top);
        IgnoreThresholdsReader.Read thresholds = new IgnoreThresholdsReader(values).read(top, top.get("groups"));
        if (problems.count() > before) {
            return null;
        }
        return new SceneSpec(seed, frames, size[0], size[1], categories, camera, lighting, ground, groups, outputs, weather, sensor,
                layout, balance, thresholds.resolve(groups));
    }

    /**
     * Refuses a scene that gives the shutter time twice: {@code camera.motion.exposure_ms} also sets
     * the rain and snow exposure, so {@code weather.exposure_time_s} next to it would contradict it.
     */
    private void checkOneShutter(CameraSpec camera, WeatherSpec weather, MapFields top) {
        if (camera == null || camera.motion() == null || !camera.motion().exposureWritten() || weather == null
                || weather.exposureTimeSeconds() == null) {
            return;
        }
        YamlMap weatherMap = (YamlMap) top.get("weather");
        YamlMap.Entry second = weatherMap.entry("exposure_time_s");
        values.problems().add(second.line(), second.column(), "weather.exposure_time_s",
                "camera.motion.exposure_ms already sets the exposure time of rain and snow; give it once");
    }

    /**
     * Refuses a scene whose frames could hold more than {@link Lighting#MAX_LOCAL_LIGHTS} point and
     * spot lights: its own lights plus, per group with lights, the most objects its count can draw
     * (times its class balance factor, rounded up, when {@code balance} has one for its category)
     * times the lamps each carries. Reported at {@code lights} when the scene has its own, else at
     * {@code groups}.
     */
    private void checkLightCount(List<LightSpec> lights, List<GroupSpec> groups, ClassBalanceSpec balance, MapFields top) {
        double total = lights == null ? 0 : lights.size();
        for (GroupSpec group : groups) {
            if (group.lights() != null) {
                double factor = balance == null || group.category() == null
                        ? 1 : balance.countFactors().getOrDefault(group.category().name(), 1.0);
                total += Math.ceil(mostObjects(group) * factor) * AttachedLightsSpecReader.lightsPerObject(group.lights());
            }
        }
        if (total > Lighting.MAX_LOCAL_LIGHTS) {
            String key = top.has("lights") ? "lights" : "groups";
            YamlMap.Entry at = top.entry(key);
            problems.add(at.line(), at.column(), key, "a frame can hold up to " + (long) total
                    + " point and spot lights (the scene's own and those attached to groups), more than "
                    + Lighting.MAX_LOCAL_LIGHTS);
        }
    }

    /** The most objects a group's count can draw (a Poisson count: its mean plus ten standard deviations and 10). */
    private static double mostObjects(GroupSpec group) {
        if (group.count() instanceof io.synthscene.scenes.sampling.PoissonSampler poisson) {
            return Math.ceil(poisson.lambda() + 10 * Math.sqrt(poisson.lambda()) + 10);
        }
        return group.count().highest();
    }

    private static final List<String> OUTPUT_KEYS = List.of("width", "height", "semantic_masks", "depth", "normals");

    private int[] outputSize(YamlNode node) {
        if (node == null) {
            return new int[] {DEFAULT_WIDTH, DEFAULT_HEIGHT};
        }
        MapFields fields = MapFields.open(node, "output", values, OUTPUT_KEYS);
        if (fields == null) {
            return null;
        }
        // the largest side and pixel count are limits, checked by LimitChecks
        Integer width = fields.has("width") ? values.intAtLeast(fields.get("width"), "output.width", 1) : Integer.valueOf(DEFAULT_WIDTH);
        Integer height = fields.has("height") ? values.intAtLeast(fields.get("height"), "output.height", 1) : Integer.valueOf(DEFAULT_HEIGHT);
        return width == null || height == null ? null : new int[] {width, height};
    }

    /** The optional passes; problems of the section itself were reported by {@link #outputSize}. */
    private OutputSpec outputs(YamlNode node) {
        if (!(node instanceof YamlMap map)) {
            return OutputSpec.DEFAULT;
        }
        YamlNode semantic = map.get("semantic_masks");
        YamlNode depth = map.get("depth");
        Boolean semanticMasks = semantic == null ? Boolean.FALSE : values.bool(semantic, "output.semantic_masks");
        Boolean depthMaps = depth == null ? Boolean.FALSE : values.bool(depth, "output.depth");
        YamlNode normals = map.get("normals");
        Boolean normalMaps = normals == null ? Boolean.FALSE : values.bool(normals, "output.normals");
        return new OutputSpec(Boolean.TRUE.equals(semanticMasks), Boolean.TRUE.equals(depthMaps), Boolean.TRUE.equals(normalMaps));
    }

    private List<Category> categories(YamlNode node) {
        if (node == null) {
            return List.of();
        }
        YamlList list = values.list(node, "categories");
        if (list == null) {
            return List.of();
        }
        if (list.items().isEmpty()) {
            problems.add(node, "categories", "a scene needs at least one category");
        }
        List<Category> categories = new ArrayList<>();
        Map<Integer, String> ids = new HashMap<>();
        for (int i = 0; i < list.items().size(); i++) {
            String path = "categories[" + i + "]";
            MapFields fields = MapFields.open(list.items().get(i), path, values, List.of("id", "name", "supercategory", "ignore"));
            if (fields == null) {
                continue;
            }
            YamlNode idNode = fields.require("id");
            YamlNode nameNode = fields.require("name");
            Integer id = idNode == null ? null : values.intAtLeast(idNode, fields.path("id"), 1);
            String name = nameNode == null ? null : values.text(nameNode, fields.path("name"));
            String supercategory = fields.has("supercategory")
                    ? values.text(fields.get("supercategory"), fields.path("supercategory")) : name;
            Boolean ignore = fields.has("ignore") ? values.bool(fields.get("ignore"), fields.path("ignore")) : Boolean.FALSE;
            if (id != null && ids.containsKey(id)) {
                problems.add(idNode, fields.path("id"), "id " + id + " is already used by category '" + ids.get(id) + "'");
                continue;
            }
            if (name != null && ids.containsValue(name)) {
                problems.add(nameNode, fields.path("name"), "category name '" + name + "' is already used");
                continue;
            }
            if (id != null && name != null && supercategory != null && ignore != null) {
                ids.put(id, name);
                categories.add(new Category(id, name, supercategory, ignore));
            }
        }
        return categories;
    }

    /** @param layoutValid false when the layout section has problems: zones are then not checked against it */
    private List<GroupSpec> groups(YamlNode node, List<Category> categories, Path baseDir, LayoutSpec layout, boolean layoutValid,
                                   GroupSpecReader.Catalog catalog) {
        if (node == null) {
            return List.of();
        }
        YamlList list = values.list(node, "groups");
        if (list == null) {
            return List.of();
        }
        GroupSpecReader reader = new GroupSpecReader(values, categories, baseDir, layout, !layoutValid, catalog);
        List<GroupSpec> groups = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        List<String> earlier = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            String path = "groups[" + i + "]";
            GroupSpec group = reader.read(list.items().get(i), path, List.copyOf(earlier));
            if (group != null) {
                earlier.add(group.name());
            }
            if (group == null) {
                continue;
            }
            Integer previous = names.putIfAbsent(group.name(), i);
            if (previous != null) {
                YamlNode nameNode = ((YamlMap) list.items().get(i)).get("name");
                problems.add(nameNode, path + ".name", "group name '" + group.name() + "' is already used by groups["
                        + previous + "]");
                continue;
            }
            groups.add(group);
        }
        return groups;
    }
}
