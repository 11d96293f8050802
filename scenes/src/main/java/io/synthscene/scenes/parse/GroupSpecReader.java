package io.synthscene.scenes.parse;

import io.synthscene.scenes.frame.Category;
import io.synthscene.scenes.sampling.ComponentVectorSampler;
import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;
import io.synthscene.scenes.spec.AssetOption;
import io.synthscene.scenes.spec.AssetSpec;
import io.synthscene.scenes.spec.AttachedLightsSpec;
import io.synthscene.scenes.spec.FlyingSpec;
import io.synthscene.scenes.spec.GroupSpec;
import io.synthscene.scenes.spec.LayoutSpec;
import io.synthscene.scenes.spec.OccludeSpec;
import io.synthscene.scenes.spec.PlacementSpec;
import io.synthscene.scenes.spec.RegionSpec;
import io.synthscene.scenes.spec.TextureSpec;
import io.synthscene.scenes.spec.BuiltinAssets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads one entry of {@code groups}. */
final class GroupSpecReader {
    static final List<String> KEYS = List.of("name", "asset", "category", "count", "region", "elevation_m",
            "yaw_deg", "pitch_deg", "roll_deg", "scale", "color", "colors", "roughness", "min_gap_m", "metalness", "lights", "texture",
            "on", "arm", "lane", "distance_m", "visible_from_camera", "occlude", "flying",
            // read by IgnoreThresholdsReader
            "min_visibility", "min_visible_pixels");
    /** Keys that mean nothing for an occluder, which is placed by its target, not in a region or on a zone. */
    static final List<String> NOT_WITH_OCCLUDE = List.of("region", "on", "arm", "lane", "distance_m", "visible_from_camera",
            "min_gap_m");
    /** Keys that mean nothing for a flying object: its place and orientation are drawn in the view. */
    static final List<String> NOT_WITH_FLYING = List.of("region", "on", "arm", "lane", "distance_m", "visible_from_camera",
            "min_gap_m", "elevation_m", "yaw_deg", "pitch_deg", "roll_deg");
    static final double DEFAULT_MIN_GAP_METERS = 0.3;
    static final double DEFAULT_ROUGHNESS = 0.5;
    static final double DEFAULT_GREY = 0.5;

    private final Values values;
    private final SamplerReader samplers;
    private final List<Category> categories;
    private final AssetSpecReader assets;
    /** region, on (a zone of the layout), distance_m, visible_from_camera */
    private final PlacementSpecReader placements;
    /** occlude and flying */
    private final OccludeFlyingSpecReader viewPlacements;
    private final Catalog catalog;

    /**
     * The scene's asset catalog for groups that name an entry ({@code {id: X}}) or a tag
     * ({@code {choice_tag: T}}).
     *
     * @param catalog null when the scene has none, or when it has problems
     * @param broken  the scene's catalog has problems of its own: references to it are not checked
     */
    record Catalog(AssetCatalog catalog, boolean broken) {
        static final Catalog NONE = new Catalog(null, false);
    }

    /** A group's asset taken from the catalog: one entry (by id), or the entries of a tag with their weights. */
    private record FromCatalog(String tag, List<AssetCatalog.Entry> entries, List<Double> weights) {
    }

    /**
     * @param layout       the scene's road layout, or null when it has none (then {@code on} is an error)
     * @param layoutBroken the scene's layout section has problems of its own: zones are not checked against it
     */
    GroupSpecReader(Values values, List<Category> categories, Path baseDir, LayoutSpec layout, boolean layoutBroken) {
        this(values, categories, baseDir, layout, layoutBroken, Catalog.NONE);
    }

    GroupSpecReader(Values values, List<Category> categories, Path baseDir, LayoutSpec layout, boolean layoutBroken,
                    Catalog catalog) {
        this.values = values;
        this.catalog = catalog;
        this.placements = new PlacementSpecReader(values, layout, layoutBroken);
        this.viewPlacements = new OccludeFlyingSpecReader(values);
        this.samplers = new SamplerReader(values);
        this.categories = categories;
        this.assets = new AssetSpecReader(values, baseDir);
    }

    GroupSpec read(YamlNode node, String path) {
        return read(node, path, List.of());
    }

    /** @param earlierGroups names of the groups before this one, the possible occlusion targets */
    GroupSpec read(YamlNode node, String path, List<String> earlierGroups) {
        MapFields fields = MapFields.open(node, path, values, KEYS);
        if (fields == null) {
            return null;
        }
        YamlNode nameNode = fields.require("name");
        String name = nameNode == null ? null : values.text(nameNode, fields.path("name"));
        if (name != null && name.contains("/")) {
            // the name is part of the group's random stream names, where '/' separates parts
            values.problems().add(nameNode, fields.path("name"), "group name '" + name + "' must not contain '/'");
            name = null;
        }
        YamlNode assetNode = fields.require("asset");
        boolean catalogAsset = assetNode instanceof YamlMap assetMap && (assetMap.get("id") != null || assetMap.get("choice_tag") != null);
        FromCatalog fromCatalog = catalogAsset ? fromCatalog((YamlMap) assetNode, fields.path("asset")) : null;
        AssetSpec asset = assetNode == null ? null : catalogAsset
                ? (fromCatalog == null ? null : fromCatalog.entries().get(0).asset()) : assets.read(assetNode, fields.path("asset"));
        Category category = fields.has("category") ? category(fields.get("category"), fields.path("category"))
                : fromCatalog == null ? null : catalogCategory(fromCatalog, assetNode, fields.path("asset"));
        boolean categoryValid = fields.has("category") ? category != null
                : fromCatalog == null || category != null || catalogCategoryNone(fromCatalog);
        boolean kindsValid = fromCatalog == null || oneKindFor(fromCatalog, fields);
        ScalarSampler count = fields.has("count")
                ? samplers.count(fields.get("count"), fields.path("count")) : new ConstantSampler(1);
        // a group is placed in exactly one way: in its region, on a zone of the layout (on), in front of
        // targets (occlude) or in the view (flying); region and on are reported by the placement reader,
        // occlude and flying with anything else by placementKeysValid
        OccludeSpec occlude = fields.has("occlude")
                ? viewPlacements.occlude(fields.get("occlude"), fields.path("occlude"), earlierGroups) : null;
        FlyingSpec flying = fields.has("flying") ? viewPlacements.flying(fields.get("flying"), fields.path("flying")) : null;
        boolean whereValid = placementKeysValid(fields)
                && (!fields.has("occlude") || occlude != null) && (!fields.has("flying") || flying != null);
        PlacementSpec placement = PlacementSpec.REGION_ONLY;
        RegionSpec region = null;
        if (!fields.has("occlude") && !fields.has("flying")) {
            placement = placements.read(fields);
            // a zone replaces the region: one of the two, never both (reported by the placement reader)
            YamlNode regionNode = fields.has("on") ? null : fields.require("region");
            region = regionNode == null ? null : region(regionNode, fields.path("region"));
            whereValid &= placement != null && (fields.has("on") || region != null);
        }
        ScalarSampler elevation = scalar(fields, "elevation_m", Interval.ANY, 0);
        ScalarSampler yaw = scalar(fields, "yaw_deg", Interval.ANY, 0);
        ScalarSampler pitch = scalar(fields, "pitch_deg", Interval.ANY, 0);
        ScalarSampler roll = scalar(fields, "roll_deg", Interval.ANY, 0);
        ScalarSampler scale = fields.has("scale") || fromCatalog == null ? scalar(fields, "scale", Interval.above(0), 1)
                : fromCatalog.entries().get(0).scale();
        VectorSampler color = fields.has("color")
                ? samplers.vector(fields.get("color"), fields.path("color"), 3, LightingSpecReader.COLOR)
                : ComponentVectorSampler.constant(DEFAULT_GREY, DEFAULT_GREY, DEFAULT_GREY);
        ScalarSampler roughness = scalar(fields, "roughness", Interval.closed(0, 1), DEFAULT_ROUGHNESS);
        ScalarSampler metalness = scalar(fields, "metalness", Interval.closed(0, 1), 0);
        AttachedLightsSpec lights = fields.has("lights")
                ? new AttachedLightsSpecReader(values).read(fields.get("lights"), fields.path("lights"), asset == null ? null : asset.kind())
                : null;
        boolean lightsValid = !fields.has("lights") || lights != null;
        Map<String, io.synthscene.scenes.SourcePosition> positions = new TreeMap<>();
        if (assetNode != null) {
            positions.put("asset", values.problems().position(assetNode.line(), assetNode.column(), fields.path("asset")));
        }
        Map<String, VectorSampler> slotColors = fields.has("colors") && asset != null
                ? slotColors(fields.get("colors"), fields.path("colors"), asset.kind(), positions) : Map.of();
        TextureSpec texture = fields.has("texture")
                ? new TextureSpecReader(values).read(fields.get("texture"), fields.path("texture")) : null;
        boolean textureValid = !fields.has("texture") || texture != null;
        Double minGap = fields.has("min_gap_m")
                ? values.number(fields.get("min_gap_m"), fields.path("min_gap_m"), Interval.atLeast(0))
                : Double.valueOf(DEFAULT_MIN_GAP_METERS);
        if (name == null || asset == null || !categoryValid || count == null || !whereValid || elevation == null
                || yaw == null || pitch == null || roll == null || scale == null || color == null
                || roughness == null || minGap == null || slotColors == null || metalness == null || !lightsValid
                || !textureValid || !kindsValid) {
            return null;
        }
        List<AssetOption> options = new ArrayList<>();
        if (fromCatalog != null && fromCatalog.tag() != null) {
            for (int i = 0; i < fromCatalog.entries().size(); i++) {
                AssetCatalog.Entry entry = fromCatalog.entries().get(i);
                options.add(new AssetOption(entry.id(), entry.asset(), fields.has("scale") ? scale : entry.scale(),
                        fromCatalog.weights().get(i)));
            }
        }
        // written in the group, these replace a model file's own materials (SceneObject.materialOverrides)
        java.util.Set<String> overrides = new java.util.TreeSet<>();
        for (String property : io.synthscene.scenes.frame.SceneObject.MATERIAL_PROPERTIES) {
            if (fields.has(property)) {
                overrides.add(property);
            }
        }
        return new GroupSpec(name, asset, category, count, region, elevation, yaw, pitch, roll, scale, color,
                roughness, minGap, slotColors, placement, metalness, lights, occlude, flying, texture, options, overrides,
                positions);
    }

    /**
     * {@code {id: X}} or {@code {choice_tag: T, weights: {id: w, ...}}}: entries of the scene's
     * catalog; null when the reference is invalid (reported) or the catalog itself has problems.
     */
    private FromCatalog fromCatalog(YamlMap node, String path) {
        boolean byId = node.get("id") != null;
        MapFields fields = MapFields.open(node, path, values, byId ? List.of("id") : List.of("choice_tag", "weights"));
        if (fields == null) {
            return null;
        }
        if (byId && node.get("choice_tag") != null) {
            YamlMap.Entry tag = fields.entry("choice_tag");
            values.problems().add(tag.line(), tag.column(), fields.path("choice_tag"), "give either id or choice_tag, not both");
            return null;
        }
        String key = byId ? "id" : "choice_tag";
        String wanted = values.text(fields.get(key), fields.path(key));
        if (wanted == null || catalog.broken()) {
            return null;
        }
        AssetCatalog assets = catalog.catalog();
        if (assets == null) {
            values.problems().add(fields.get(key), fields.path(key), "an asset " + (byId ? "id" : "tag")
                    + " needs the scene's asset catalog: add catalog: path/to/catalog.yaml at the top level");
            return null;
        }
        if (byId) {
            AssetCatalog.Entry entry = assets.entry(wanted);
            if (entry == null) {
                values.problems().add(fields.get(key), fields.path(key), "unknown asset id '" + YamlScalar.shown(wanted) + "' in "
                        + assets.fileName() + Suggestions.hint(wanted, assets.ids()));
                return null;
            }
            return new FromCatalog(null, List.of(entry), List.of(1.0));
        }
        List<AssetCatalog.Entry> entries = assets.tagged(wanted);
        if (entries.isEmpty()) {
            values.problems().add(fields.get(key), fields.path(key), "no entry of " + assets.fileName() + " has the tag '"
                    + YamlScalar.shown(wanted) + "'" + Suggestions.hint(wanted, assets.tags()));
            return null;
        }
        List<Double> weights = fields.has("weights") ? weights(fields.get("weights"), fields.path("weights"), wanted, entries)
                : entries.stream().map(entry -> 1.0).toList();
        return weights == null ? null : new FromCatalog(wanted, entries, weights);
    }

    /** {@code {id: weight, ...}} over the tag's entries; an entry not named weighs 1. */
    private List<Double> weights(YamlNode node, String path, String tag, List<AssetCatalog.Entry> entries) {
        YamlMap map = values.map(node, path);
        if (map == null) {
            return null;
        }
        List<String> ids = entries.stream().map(AssetCatalog.Entry::id).toList();
        Double[] weights = new Double[entries.size()];
        java.util.Arrays.fill(weights, 1.0);
        boolean valid = true;
        for (YamlMap.Entry entry : map.entries()) {
            String at = path + "." + entry.key();
            int index = ids.indexOf(entry.key());
            if (index < 0) {
                values.problems().add(entry.line(), entry.column(), at, "'" + entry.key() + "' is not an entry tagged '" + tag
                        + "'" + Suggestions.hint(entry.key(), ids) + " (tagged: " + String.join(", ", ids) + ")");
                valid = false;
                continue;
            }
            Double weight = values.number(entry.value(), at, Interval.atLeast(0));
            valid &= weight != null;
            weights[index] = weight;
        }
        if (valid && java.util.Arrays.stream(weights).mapToDouble(Double::doubleValue).sum() <= 0) {
            values.problems().add(node, path, "the weights sum to 0: at least one entry needs a weight above 0");
            valid = false;
        }
        return valid ? List.of(weights) : null;
    }

    /** The entries' category when the group gives none: one entry's, or the one every tagged entry shares. */
    private Category catalogCategory(FromCatalog fromCatalog, YamlNode at, String path) {
        List<Category> found = fromCatalog.entries().stream().map(AssetCatalog.Entry::category).distinct().toList();
        if (found.size() > 1) {
            List<String> names = found.stream().map(c -> c == null ? "none" : c.name()).toList();
            values.problems().add(at, path, "the entries tagged '" + fromCatalog.tag() + "' have different categories ("
                    + String.join(", ", names) + "); give the group a category, or split it by tag");
            return null;
        }
        return found.get(0);
    }

    /** The entries agree on having no category: the group is unlabelled scenery. */
    private static boolean catalogCategoryNone(FromCatalog fromCatalog) {
        return fromCatalog.entries().stream().allMatch(entry -> entry.category() == null);
    }

    /** {@code lights} and {@code colors} depend on the asset's kind: a tag's entries must then share one. */
    private boolean oneKindFor(FromCatalog fromCatalog, MapFields fields) {
        List<String> kinds = fromCatalog.entries().stream().map(entry -> entry.asset().kind()).distinct().toList();
        if (kinds.size() == 1) {
            return true;
        }
        boolean valid = true;
        for (String key : List.of("lights", "colors")) {
            if (fields.has(key)) {
                YamlMap.Entry entry = fields.entry(key);
                values.problems().add(entry.line(), entry.column(), fields.path(key), "'" + key + "' depends on the asset's kind,"
                        + " and the entries tagged '" + fromCatalog.tag() + "' are of several (" + String.join(", ", kinds) + ")");
                valid = false;
            }
        }
        return valid;
    }

    /**
     * At most one of occlude and flying, and none of the keys that mean nothing with it (region,
     * on and the other zone and distance keys among them).
     */
    private boolean placementKeysValid(MapFields fields) {
        if (fields.has("occlude") && fields.has("flying")) {
            YamlMap.Entry second = fields.entry("flying");
            values.problems().add(second.line(), second.column(), fields.path("flying"),
                    "a group either occludes or flies, not both (give occlude or flying)");
            return false;
        }
        String option = fields.has("occlude") ? "occlude" : fields.has("flying") ? "flying" : null;
        if (option == null) {
            return true;
        }
        boolean valid = true;
        for (String key : option.equals("occlude") ? NOT_WITH_OCCLUDE : NOT_WITH_FLYING) {
            if (fields.has(key)) {
                YamlMap.Entry entry = fields.entry(key);
                values.problems().add(entry.line(), entry.column(), fields.path(key),
                        "'" + key + "' does not apply to a group with " + option
                                + (option.equals("occlude") ? " (occluders are placed in front of their targets)"
                                        : " (flying objects are placed and turned at random in the view)"));
                valid = false;
            }
        }
        return valid;
    }

    /**
     * {@code colors: {glass: [r, g, b], tyre: ...}}: a colour per named slot of the asset's kind.
     * The main slot (the first) is set by {@code color}. A model file's slots (its materials, or its
     * catalog entry's {@code material_slots}) are known only once it is loaded: any slot name is
     * taken here, and its position kept in {@code positions} ({@code colors.<slot>}) for the check at load.
     */
    private Map<String, VectorSampler> slotColors(YamlNode node, String path, String kind,
                                                  Map<String, io.synthscene.scenes.SourcePosition> positions) {
        YamlMap map = values.map(node, path);
        if (map == null) {
            return null;
        }
        boolean file = kind.equals(BuiltinAssets.MESH);
        List<String> slots = BuiltinAssets.slots(kind);
        Map<String, VectorSampler> colors = new TreeMap<>();
        boolean valid = true;
        for (YamlMap.Entry entry : map.entries()) {
            String at = path + "." + entry.key();
            positions.put("colors." + entry.key(), values.problems().position(entry.line(), entry.column(), at));
            if (file) {
                VectorSampler color = samplers.vector(entry.value(), at, 3, LightingSpecReader.COLOR);
                valid &= color != null;
                if (color != null) {
                    colors.put(entry.key(), color);
                }
            } else if (entry.key().equals(slots.get(0))) {
                values.problems().add(entry.line(), entry.column(), at, "'" + entry.key() + "' is the main slot of " + kind
                        + "; set it with color");
                valid = false;
            } else if (!slots.contains(entry.key())) {
                values.problems().add(entry.line(), entry.column(), at, "unknown slot '" + entry.key() + "' for " + kind
                        + Suggestions.hint(entry.key(), slots) + " (slots: " + String.join(", ", slots.subList(1, slots.size())) + ")");
                valid = false;
            } else {
                VectorSampler color = samplers.vector(entry.value(), at, 3, LightingSpecReader.COLOR);
                valid &= color != null;
                if (color != null) {
                    colors.put(entry.key(), color);
                }
            }
        }
        return valid ? colors : null;
    }

    private ScalarSampler scalar(MapFields fields, String key, Interval allowed, double fallback) {
        return fields.has(key) ? samplers.scalar(fields.get(key), fields.path(key), allowed) : new ConstantSampler(fallback);
    }

    private Category category(YamlNode node, String path) {
        String name = values.text(node, path);
        if (name == null) {
            return null;
        }
        for (Category category : categories) {
            if (category.name().equals(name)) {
                return category;
            }
        }
        List<String> names = categories.stream().map(Category::name).toList();
        values.problems().add(node, path, "unknown category '" + YamlScalar.shown(name) + "'" + Suggestions.hint(name, names)
                + " (omit category for unlabelled scenery)");
        return null;
    }

    private RegionSpec region(YamlNode node, String path) {
        MapFields fields = MapFields.open(node, path, values, List.of("x", "z"));
        if (fields == null) {
            return null;
        }
        double[] x = range(fields, "x");
        double[] z = range(fields, "z");
        return x == null || z == null ? null : new RegionSpec(x[0], x[1], z[0], z[1]);
    }

    /** {@code [min, max]} in metres, min <= max. */
    private double[] range(MapFields fields, String key) {
        YamlNode node = fields.require(key);
        if (node == null) {
            return null;
        }
        String path = fields.path(key);
        YamlList list = values.list(node, path);
        if (list == null) {
            return null;
        }
        if (list.items().size() != 2) {
            values.problems().add(node, path, "expected [min, max], got " + list.items().size() + " values");
            return null;
        }
        Double min = values.number(list.items().get(0), path + "[0]");
        Double max = values.number(list.items().get(1), path + "[1]");
        if (min == null || max == null) {
            return null;
        }
        if (min > max) {
            values.problems().add(node, path, "[" + min + ", " + max + "] is reversed: need min <= max");
            return null;
        }
        if (!Double.isFinite(max - min)) {
            // origins are drawn as min + (max - min) * u
            values.problems().add(node, path, "[" + min + ", " + max + "] is too wide: max - min must be a finite number");
            return null;
        }
        return new double[] {min, max};
    }
}
