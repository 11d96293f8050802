package io.synthscene.scenes.parse;

import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.spec.AssetSpec;
import io.synthscene.scenes.spec.BuiltinAssets;
import io.synthscene.scenes.spec.ParamSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a group's {@code asset}: a kind name ({@code vehicle}), a kind with parameter overrides
 * ({@code {kind: vehicle, params: {length_m: ...}}}) or a model file
 * ({@code {mesh: models/chair.glb, up_axis: z, size_m: 1.2}}, relative to the scene file's folder).
 */
final class AssetSpecReader {
    static final List<String> KEYS = List.of("kind", "params", "mesh", "up_axis", "size_m");
    static final List<String> UP_AXES = List.of("y", "z");

    private final Values values;
    private final SamplerReader samplers;
    private final Path baseDir;

    AssetSpecReader(Values values, Path baseDir) {
        this.values = values;
        this.samplers = new SamplerReader(values);
        this.baseDir = baseDir;
    }

    AssetSpec read(YamlNode node, String path) {
        if (node instanceof YamlScalar scalar && scalar.kind() == YamlScalar.Kind.STRING) {
            String kind = kind(node, path);
            return kind == null ? null : new AssetSpec(kind, defaults(kind), null, null);
        }
        if (!(node instanceof YamlMap)) {
            values.problems().add(node, path, "expected a kind name (" + String.join(", ", BuiltinAssets.proceduralKinds())
                    + "), {kind: ..., params: {...}} or {mesh: file}, got " + node.describe());
            return null;
        }
        MapFields fields = MapFields.open(node, path, values, KEYS);
        boolean hasKind = fields.has("kind");
        boolean hasMesh = fields.has("mesh");
        if (hasKind && hasMesh) {
            YamlMap.Entry mesh = fields.entry("mesh");
            values.problems().add(mesh.line(), mesh.column(), fields.path("mesh"), "give either kind or mesh, not both");
            return null;
        }
        if (hasMesh) {
            return mesh(fields, "mesh");
        }
        return kindAsset(fields, "an asset needs kind (a built-in shape) or mesh (a model file)");
    }

    /**
     * A catalog entry's asset: {@code kind} with optional {@code params}, or {@code file} with
     * optional {@code up_axis} and {@code size_m}; {@code fields} may hold other keys of the entry.
     */
    AssetSpec catalogEntry(MapFields fields) {
        if (fields.has("kind") && fields.has("file")) {
            YamlMap.Entry file = fields.entry("file");
            values.problems().add(file.line(), file.column(), fields.path("file"), "give either kind or file, not both");
            return null;
        }
        return fields.has("file") ? mesh(fields, "file")
                : kindAsset(fields, "a catalog entry needs kind (a built-in shape) or file (a model file)");
    }

    private AssetSpec kindAsset(MapFields fields, String whenMissing) {
        if (!fields.has("kind")) {
            values.problems().add(fields.map(), fields.path("kind"), whenMissing);
            return null;
        }
        for (String meshOnly : List.of("up_axis", "size_m")) {
            if (fields.has(meshOnly)) {
                YamlMap.Entry entry = fields.entry(meshOnly);
                values.problems().add(entry.line(), entry.column(), fields.path(meshOnly),
                        meshOnly + " is for model files; a built-in kind takes params");
                return null;
            }
        }
        String kind = kind(fields.get("kind"), fields.path("kind"));
        if (kind == null) {
            return null;
        }
        Map<String, ScalarSampler> params = defaults(kind);
        if (fields.has("params") && !overrides(fields.get("params"), fields.path("params"), kind, params)) {
            return null;
        }
        return new AssetSpec(kind, params, null, null);
    }

    private String kind(YamlNode node, String path) {
        String kind = values.text(node, path);
        if (kind == null) {
            return null;
        }
        if (kind.equals(BuiltinAssets.MESH)) {
            values.problems().add(node, path, "a mesh asset names its file: write {mesh: path/to/model.glb}");
            return null;
        }
        if (!BuiltinAssets.isKind(kind)) {
            values.problems().add(node, path, "unknown asset kind '" + kind + "'"
                    + Suggestions.hint(kind, BuiltinAssets.proceduralKinds()));
            return null;
        }
        return kind;
    }

    private static Map<String, ScalarSampler> defaults(String kind) {
        Map<String, ScalarSampler> params = new TreeMap<>();
        for (ParamSpec param : BuiltinAssets.params(kind)) {
            params.put(param.name(), param.defaultValue());
        }
        return params;
    }

    /** Replaces defaults by the group's overrides; false when any override is invalid. */
    private boolean overrides(YamlNode node, String path, String kind, Map<String, ScalarSampler> params) {
        YamlMap map = values.map(node, path);
        if (map == null) {
            return false;
        }
        boolean valid = true;
        List<String> names = BuiltinAssets.paramNames(kind);
        for (YamlMap.Entry entry : map.entries()) {
            String at = path + "." + entry.key();
            ParamSpec param = BuiltinAssets.params(kind).stream().filter(p -> p.name().equals(entry.key()))
                    .findFirst().orElse(null);
            if (param == null) {
                values.problems().add(entry.line(), entry.column(), at, "unknown parameter '" + entry.key() + "' for "
                        + kind + Suggestions.hint(entry.key(), names));
                valid = false;
                continue;
            }
            ScalarSampler sampler = samplers.scalar(entry.value(), at, param.allowed());
            if (sampler != null && param.whole() && !sampler.integral()) {
                values.problems().add(entry.value(), at, sampler.describe() + " can produce fractions; " + param.name()
                        + " is a whole number (" + param.description() + ")");
                sampler = null;
            }
            valid &= sampler != null;
            if (sampler != null) {
                params.put(param.name(), sampler);
            }
        }
        return valid;
    }

    /** @param fileKey {@code mesh} in a scene, {@code file} in a catalog */
    private AssetSpec mesh(MapFields fields, String fileKey) {
        if (fields.has("params")) {
            YamlMap.Entry entry = fields.entry("params");
            values.problems().add(entry.line(), entry.column(), fields.path("params"),
                    "params is for built-in kinds; a model file takes size_m and up_axis");
            return null;
        }
        String file = meshFile(fields.get(fileKey), fields.path(fileKey));
        String upAxis = "y";
        if (fields.has("up_axis")) {
            upAxis = values.text(fields.get("up_axis"), fields.path("up_axis"));
            if (upAxis != null && !UP_AXES.contains(upAxis)) {
                values.problems().add(fields.get("up_axis"), fields.path("up_axis"), "up_axis must be y or z, got '" + upAxis + "'");
                upAxis = null;
            }
        }
        Map<String, ScalarSampler> params = defaults(BuiltinAssets.MESH);
        if (fields.has("size_m")) {
            ParamSpec size = BuiltinAssets.params(BuiltinAssets.MESH).get(0);
            ScalarSampler sampler = samplers.scalar(fields.get("size_m"), fields.path("size_m"), size.allowed());
            if (sampler == null) {
                return null;
            }
            params.put(size.name(), sampler);
        }
        return file == null || upAxis == null ? null : new AssetSpec(BuiltinAssets.MESH, params, file, upAxis);
    }

    /**
     * The model file as an absolute real path; it must exist inside an asset root ({@link AssetRoots})
     * and have a supported extension.
     */
    private String meshFile(YamlNode node, String path) {
        String name = values.text(node, path);
        if (name == null) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (BuiltinAssets.MESH_EXTENSIONS.stream().noneMatch(lower::endsWith)) {
            values.problems().add(node, path, "'" + name + "' is not a supported model file; use one of "
                    + String.join(" ", BuiltinAssets.MESH_EXTENSIONS));
            return null;
        }
        AssetRoots.Lookup lookup = AssetRoots.of(baseDir, System::getenv).find(name);
        if (lookup.problem() != null) {
            values.problems().add(node, path, lookup.problem());
            return null;
        }
        return lookup.file().toString();
    }
}
