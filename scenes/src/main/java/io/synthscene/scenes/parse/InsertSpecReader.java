package io.synthscene.scenes.parse;

import io.synthscene.scenes.Limits;
import io.synthscene.scenes.frame.Category;
import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.spec.GroupSpec;
import io.synthscene.scenes.spec.InsertSpec;
import io.synthscene.scenes.spec.InsertSpec.Covered;
import io.synthscene.scenes.spec.InsertSpec.EdgeBlend;
import io.synthscene.scenes.spec.InsertSpec.PlateCamera;
import io.synthscene.scenes.spec.InsertSpec.PlateLight;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the {@code insert:} section of an augment config into an {@link InsertSpec}. Its
 * {@code groups} are the scene file's groups, read by the scene's own group reader (assets, catalog
 * entries and tags, count, region, pose and look distributions), with one more rule: every
 * inserted group needs a category. Every problem is reported with its position; null when there
 * were any.
 */
final class InsertSpecReader {
    static final List<String> KEYS = List.of("categories", "catalog", "groups", "camera", "light", "min_visibility",
            "covered", "blend");
    static final List<String> CAMERA_KEYS = List.of("height_m", "pitch_deg", "hfov_deg", "focal_length_px", "principal_point_px");
    static final List<String> LIGHT_KEYS = List.of("sun_elevation_deg", "sun_azimuth_deg", "sun_intensity", "ambient_intensity",
            "sun_share", "ground_albedo", "shadows");
    static final List<String> BLEND_KEYS = List.of("match_color", "blur_px");
    public static final double DEFAULT_CAMERA_HEIGHT_M = 1.5;
    public static final double DEFAULT_HFOV_DEG = 60;
    public static final double DEFAULT_SUN_ELEVATION_DEG = 45;
    public static final double DEFAULT_SUN_AZIMUTH_DEG = 135;
    /** With an estimate, the share of the ground's light that comes straight from the sun. */
    public static final double DEFAULT_SUN_SHARE = 0.6;
    /** Dry asphalt, grass and soil are about 0.1-0.25. */
    public static final double DEFAULT_GROUND_ALBEDO = 0.2;
    /** Beyond this the blur wipes out the object: most likely a typo. */
    public static final double MAX_BLUR_PX = 10;

    private final Values values;
    private final Problems problems;
    private final SamplerReader samplers;

    InsertSpecReader(Values values) {
        this.values = values;
        this.problems = values.problems();
        this.samplers = new SamplerReader(values);
    }

    /** @param baseDir the config file's folder: catalog and mesh paths are relative to it */
    InsertSpec read(YamlNode node, String path, Path baseDir, Limits limits) {
        int before = problems.count();
        MapFields fields = MapFields.open(node, path, values, KEYS);
        if (fields == null) {
            return null;
        }
        YamlNode categoriesNode = fields.require("categories");
        List<Category> categories = categoriesNode == null ? List.of() : categories(categoriesNode, fields.path("categories"));
        AssetCatalog catalog = fields.has("catalog")
                ? AssetCatalogReader.read(fields.get("catalog"), fields.path("catalog"), values, baseDir, categories, limits) : null;
        GroupSpecReader.Catalog groupCatalog = new GroupSpecReader.Catalog(catalog, fields.has("catalog") && catalog == null);
        YamlNode groupsNode = fields.require("groups");
        List<GroupSpec> groups = groupsNode == null ? List.of()
                : groups(groupsNode, fields.path("groups"), categories, baseDir, groupCatalog);
        PlateCamera camera = camera(fields.get("camera"), fields.path("camera"));
        PlateLight light = light(fields.get("light"), fields.path("light"));
        Double minVisibility = fields.has("min_visibility")
                ? values.number(fields.get("min_visibility"), fields.path("min_visibility"), Interval.closed(0, 1))
                : Double.valueOf(0);
        Covered covered = fields.has("covered") ? covered(fields.get("covered"), fields.path("covered")) : Covered.DROP;
        EdgeBlend blend = blend(fields.get("blend"), fields.path("blend"));
        if (problems.count() > before || camera == null || light == null || minVisibility == null || covered == null
                || blend == null) {
            return null;
        }
        return new InsertSpec(categories, groups, camera, light, minVisibility, covered, blend);
    }

    /** {@code [car, {name: person, supercategory: human}]}: names, unique; ids 1..n in order. */
    private List<Category> categories(YamlNode node, String path) {
        YamlList list = values.list(node, path);
        if (list == null) {
            return List.of();
        }
        if (list.items().isEmpty()) {
            problems.add(node, path, "give the categories of the inserted objects, at least one");
        }
        List<Category> categories = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String at = path + "[" + i + "]";
            String name;
            String supercategory;
            if (item instanceof YamlMap) {
                MapFields fields = MapFields.open(item, at, values, List.of("name", "supercategory"));
                YamlNode nameNode = fields == null ? null : fields.require("name");
                name = nameNode == null ? null : values.text(nameNode, fields.path("name"));
                supercategory = fields != null && fields.has("supercategory")
                        ? values.text(fields.get("supercategory"), fields.path("supercategory")) : name;
            } else {
                name = values.text(item, at);
                supercategory = name;
            }
            if (name == null || supercategory == null) {
                continue;
            }
            if (!names.add(name)) {
                problems.add(item, at, "category '" + YamlScalar.shown(name) + "' is listed twice");
                continue;
            }
            categories.add(new Category(categories.size() + 1, name, supercategory));
        }
        return categories;
    }

    private List<GroupSpec> groups(YamlNode node, String path, List<Category> categories, Path baseDir,
                                   GroupSpecReader.Catalog catalog) {
        YamlList list = values.list(node, path);
        if (list == null) {
            return List.of();
        }
        if (list.items().isEmpty()) {
            problems.add(node, path, "give at least one group of objects to insert");
        }
        // no road layout in a photo: a group's 'on' is reported as needing one
        GroupSpecReader reader = new GroupSpecReader(values, categories, baseDir, null, false, catalog);
        List<GroupSpec> groups = new ArrayList<>();
        List<String> earlier = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            String at = path + "[" + i + "]";
            YamlNode item = list.items().get(i);
            GroupSpec group = reader.read(item, at, List.copyOf(earlier));
            if (group == null) {
                continue;
            }
            if (earlier.contains(group.name())) {
                problems.add(((YamlMap) item).get("name"), at + ".name", "group name '" + group.name() + "' is already used");
                continue;
            }
            earlier.add(group.name());
            if (group.category() == null) {
                // an unlabelled object would hide real labels and leave its own pixels unlabelled
                problems.add(item, at + ".category", "an inserted group needs a category (one of insert.categories):"
                        + " inserted objects are always labelled");
                continue;
            }
            groups.add(group);
        }
        return groups;
    }

    private PlateCamera camera(YamlNode node, String path) {
        if (node == null) {
            return new PlateCamera(new ConstantSampler(DEFAULT_CAMERA_HEIGHT_M), new ConstantSampler(0),
                    new ConstantSampler(DEFAULT_HFOV_DEG), null, null, null);
        }
        MapFields fields = MapFields.open(node, path, values, CAMERA_KEYS);
        if (fields == null) {
            return null;
        }
        ScalarSampler height = optional(fields, "height_m", Interval.above(0), DEFAULT_CAMERA_HEIGHT_M);
        // the camera looks below the horizon by at most 89°: it must still see the ground ahead of it
        ScalarSampler pitch = optional(fields, "pitch_deg", Interval.open(-89, 89), 0);
        ScalarSampler hfov = null;
        ScalarSampler focal = null;
        if (fields.has("hfov_deg") && fields.has("focal_length_px")) {
            YamlMap.Entry second = fields.entry("focal_length_px");
            problems.add(second.line(), second.column(), fields.path("focal_length_px"),
                    "give either hfov_deg or focal_length_px, not both");
            return null;
        }
        if (fields.has("focal_length_px")) {
            focal = samplers.scalar(fields.get("focal_length_px"), fields.path("focal_length_px"), Interval.above(0));
        } else {
            hfov = optional(fields, "hfov_deg", Interval.open(0, 180), DEFAULT_HFOV_DEG);
        }
        ScalarSampler cx = null;
        ScalarSampler cy = null;
        boolean pointValid = true;
        if (fields.has("principal_point_px")) {
            YamlNode pointNode = fields.get("principal_point_px");
            String at = fields.path("principal_point_px");
            YamlList point = values.list(pointNode, at);
            if (point != null && point.items().size() != 2) {
                problems.add(pointNode, at, "expected [x, y] in pixels from the top-left corner, got "
                        + point.items().size() + " values");
                pointValid = false;
            } else if (point != null) {
                cx = samplers.scalar(point.items().get(0), at + "[0]", Interval.ANY);
                cy = samplers.scalar(point.items().get(1), at + "[1]", Interval.ANY);
                pointValid = cx != null && cy != null;
            } else {
                pointValid = false;
            }
        }
        if (height == null || pitch == null || (hfov == null && focal == null) || !pointValid) {
            return null;
        }
        return new PlateCamera(height, pitch, hfov, focal, cx, cy);
    }

    private PlateLight light(YamlNode node, String path) {
        if (node == null) {
            return new PlateLight(new ConstantSampler(DEFAULT_SUN_ELEVATION_DEG), new ConstantSampler(DEFAULT_SUN_AZIMUTH_DEG),
                    null, null, new ConstantSampler(DEFAULT_SUN_SHARE), new ConstantSampler(DEFAULT_GROUND_ALBEDO), true);
        }
        MapFields fields = MapFields.open(node, path, values, LIGHT_KEYS);
        if (fields == null) {
            return null;
        }
        ScalarSampler elevation = optional(fields, "sun_elevation_deg", Interval.closed(0, 90), DEFAULT_SUN_ELEVATION_DEG);
        ScalarSampler azimuth = optional(fields, "sun_azimuth_deg", Interval.ANY, DEFAULT_SUN_AZIMUTH_DEG);
        ScalarSampler sun = fields.has("sun_intensity")
                ? samplers.scalar(fields.get("sun_intensity"), fields.path("sun_intensity"), Interval.atLeast(0)) : null;
        ScalarSampler ambient = fields.has("ambient_intensity")
                ? samplers.scalar(fields.get("ambient_intensity"), fields.path("ambient_intensity"), Interval.atLeast(0)) : null;
        ScalarSampler share = optional(fields, "sun_share", Interval.closed(0, 1), DEFAULT_SUN_SHARE);
        ScalarSampler albedo = optional(fields, "ground_albedo", Interval.open(0, 1), DEFAULT_GROUND_ALBEDO);
        Boolean shadows = fields.has("shadows") ? values.bool(fields.get("shadows"), fields.path("shadows")) : Boolean.TRUE;
        boolean levelsValid = (!fields.has("sun_intensity") || sun != null) && (!fields.has("ambient_intensity") || ambient != null);
        if (elevation == null || azimuth == null || share == null || albedo == null || shadows == null || !levelsValid) {
            return null;
        }
        return new PlateLight(elevation, azimuth, sun, ambient, share, albedo, shadows);
    }

    private Covered covered(YamlNode node, String path) {
        String text = values.text(node, path);
        if (text == null) {
            return null;
        }
        List<String> names = List.of("drop", "ignore");
        if (!names.contains(text)) {
            problems.add(node, path, "unknown value '" + YamlScalar.shown(text) + "'" + Suggestions.hint(text, names)
                    + " (drop or ignore)");
            return null;
        }
        return Covered.valueOf(text.toUpperCase(Locale.ROOT));
    }

    private EdgeBlend blend(YamlNode node, String path) {
        if (node == null) {
            return new EdgeBlend(new ConstantSampler(0), new ConstantSampler(0));
        }
        MapFields fields = MapFields.open(node, path, values, BLEND_KEYS);
        if (fields == null) {
            return null;
        }
        ScalarSampler match = optional(fields, "match_color", Interval.closed(0, 1), 0);
        ScalarSampler blur = optional(fields, "blur_px", Interval.closed(0, MAX_BLUR_PX), 0);
        return match == null || blur == null ? null : new EdgeBlend(match, blur);
    }

    private ScalarSampler optional(MapFields fields, String key, Interval allowed, double fallback) {
        return fields.has(key) ? samplers.scalar(fields.get(key), fields.path(key), allowed) : new ConstantSampler(fallback);
    }
}
