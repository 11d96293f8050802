package io.synthscene.scenes.parse;

import io.synthscene.scenes.Limits;
import io.synthscene.scenes.SceneException;
import io.synthscene.scenes.frame.Category;
import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.spec.AssetSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the file a scene's {@code catalog} names (relative to the scene file's folder, confined to
 * the asset roots like model files, see {@link AssetRoots}): {@code assets:} a list of entries
 * {@code {id, kind + params | file + up_axis + size_m + material_slots + keypoints, category, scale, tags}}.
 * A model file of an entry is relative to the catalog's own folder (or a folder of
 * {@code SYNTHSCENE_ASSET_ROOTS}); its {@code material_slots} and {@code keypoints} are read by
 * {@link ModelFileEntryReader}.
 * Problems inside the catalog are reported at their line and column in the catalog file.
 */
final class AssetCatalogReader {
    static final List<String> ENTRY_KEYS = List.of("id", "kind", "params", "file", "up_axis", "size_m", "category", "scale",
            "tags", "material_slots", "keypoints");

    private AssetCatalogReader() {
    }

    /**
     * @param node the scene's {@code catalog} value
     * @return the catalog, or null when it has problems (all reported)
     */
    static AssetCatalog read(YamlNode node, String path, Values sceneValues, Path sceneDir, List<Category> categories,
                             Limits limits) {
        Problems sceneProblems = sceneValues.problems();
        String name = sceneValues.text(node, path);
        if (name == null) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".yaml") && !lower.endsWith(".yml")) {
            sceneProblems.add(node, path, "'" + name + "' is not a catalog file; name a .yaml or .yml file");
            return null;
        }
        AssetRoots.Lookup lookup = AssetRoots.of(sceneDir, System::getenv).find(name, "catalog file");
        if (lookup.problem() != null) {
            sceneProblems.add(node, path, lookup.problem());
            return null;
        }
        String text = text(lookup.file(), name, node, path, sceneProblems, limits);
        if (text == null) {
            return null;
        }
        Problems problems = sceneProblems.forFile(name);
        int before = problems.count();
        YamlNode root;
        try {
            root = YamlTreeReader.read(text, problems, limits);
        } catch (SceneException e) {
            return null; // its problems are in the list already
        }
        Values values = new Values(problems);
        List<AssetCatalog.Entry> entries = entries(root, values, lookup.file().getParent(), categories);
        return problems.count() > before ? null : new AssetCatalog(name, entries);
    }

    /** The catalog's text: no larger than a scene file may be, and UTF-8. */
    private static String text(Path file, String name, YamlNode node, String path, Problems problems, Limits limits) {
        try {
            if (Files.size(file) > limits.maxSceneBytes()) {
                problems.add(node, path, "catalog '" + name + "' is " + Files.size(file) + " bytes, more than "
                        + limits.maxSceneBytes() + " " + Limits.howToRaise(Limits.Setting.MAX_SCENE_BYTES));
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(node, path, "catalog '" + name + "' is not UTF-8 text");
        } catch (IOException e) {
            problems.add(node, path, "cannot read catalog '" + name + "': " + e.getMessage());
        }
        return null;
    }

    private static List<AssetCatalog.Entry> entries(YamlNode root, Values values, Path catalogDir, List<Category> categories) {
        List<AssetCatalog.Entry> entries = new ArrayList<>();
        MapFields top = MapFields.open(root, "", values, List.of("assets"));
        YamlNode assetsNode = top == null ? null : top.require("assets");
        YamlList list = assetsNode == null ? null : values.list(assetsNode, "assets");
        if (list == null) {
            return entries;
        }
        AssetSpecReader assets = new AssetSpecReader(values, catalogDir);
        SamplerReader samplers = new SamplerReader(values);
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < list.items().size(); i++) {
            String at = "assets[" + i + "]";
            MapFields fields = MapFields.open(list.items().get(i), at, values, ENTRY_KEYS);
            if (fields == null) {
                continue;
            }
            YamlNode idNode = fields.require("id");
            String id = idNode == null ? null : values.text(idNode, fields.path("id"));
            if (id != null && ids.containsKey(id)) {
                values.problems().add(idNode, fields.path("id"), "id '" + id + "' is already used by assets[" + ids.get(id) + "]");
                id = null;
            } else if (id != null) {
                ids.put(id, i);
            }
            AssetSpec asset = assets.catalogEntry(fields);
            if (asset != null) {
                asset = new ModelFileEntryReader(values).withSlotsAndKeypoints(asset, fields);
            }
            Category category = fields.has("category") ? category(fields.get("category"), fields.path("category"), values, categories)
                    : null;
            boolean categoryValid = !fields.has("category") || category != null;
            ScalarSampler scale = fields.has("scale")
                    ? samplers.scalar(fields.get("scale"), fields.path("scale"), Interval.above(0)) : new ConstantSampler(1);
            List<String> tags = fields.has("tags") ? tags(fields.get("tags"), fields.path("tags"), values) : List.of();
            if (id != null && asset != null && categoryValid && scale != null && tags != null) {
                entries.add(new AssetCatalog.Entry(id, asset, category, scale, tags));
            }
        }
        return entries;
    }

    private static Category category(YamlNode node, String path, Values values, List<Category> categories) {
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
                + " (the scene's categories; omit category for unlabelled scenery)");
        return null;
    }

    private static List<String> tags(YamlNode node, String path, Values values) {
        YamlList list = values.list(node, path);
        if (list == null) {
            return null;
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            String tag = values.text(list.items().get(i), path + "[" + i + "]");
            if (tag == null) {
                return null;
            }
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return tags;
    }
}
