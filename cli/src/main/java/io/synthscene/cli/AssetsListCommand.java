package io.synthscene.cli;

import io.synthscene.assets.AssetLibrary;
import io.synthscene.assets.Keypoint;
import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.random.FrameRandom;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.Numbers;
import io.synthscene.scenes.spec.BuiltinAssets;
import io.synthscene.scenes.spec.ParamSpec;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code synthscene assets list [KIND...]}: every built-in kind with its suggested category, its
 * parameters (default distribution and allowed range), its material slots (main slot first) and,
 * for kinds with a skeleton, its keypoint names (read from a mesh built with default draws).
 * {@code --model FILE} lists a model file's materials and the slot each fills instead (what a
 * group's {@code colors} and a catalog entry's {@code material_slots} refer to).
 */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Lists built-in asset kinds: parameters with defaults and ranges, material slots, keypoints;"
                + " or, with --model, a model file's materials and their slots.")
public final class AssetsListCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "KIND", arity = "0..*", description = "Kinds to list (default: all).")
    List<String> kinds;

    @picocli.CommandLine.Option(names = "--model", paramLabel = "FILE",
            description = "A model file (.obj .gltf .glb .fbx .ply .stl .dae...): list its materials and the slot each fills.")
    List<java.nio.file.Path> models;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (models != null && !models.isEmpty()) {
            if (kinds != null && !kinds.isEmpty()) {
                throw new UserInputException("give either KIND names or --model files, not both");
            }
            listModels(out);
            return 0;
        }
        List<String> chosen = kinds == null || kinds.isEmpty() ? BuiltinAssets.proceduralKinds() : kinds;
        for (String kind : chosen) {
            if (!BuiltinAssets.isKind(kind) || kind.equals(BuiltinAssets.MESH)) {
                throw new UserInputException("unknown asset kind '" + kind + "' (known: "
                        + String.join(", ", BuiltinAssets.proceduralKinds()) + ")");
            }
        }
        AssetLibrary library = new AssetLibrary(1);
        for (String kind : chosen) {
            String category = BuiltinAssets.suggestedCategory(kind);
            out.println(kind + (category.isEmpty() ? "" : "    (category: " + category + ")"));
            for (ParamSpec param : BuiltinAssets.params(kind)) {
                out.printf("  %-22s default %-28s range %-14s %s%n", param.name(), param.defaultValue().describe(),
                        range(param.allowed()) + (param.whole() ? " whole" : ""), param.description());
            }
            List<String> slots = BuiltinAssets.slots(kind);
            out.println("  slots: " + slots.get(0) + " (main: color)"
                    + (slots.size() > 1 ? ", " + String.join(", ", slots.subList(1, slots.size())) + " (colors)" : ""));
            List<Keypoint> keypoints = library.meshFor(defaultDraw(kind, 0)).keypoints();
            if (!keypoints.isEmpty()) {
                out.println("  keypoints: " + String.join(", ", keypoints.stream().map(Keypoint::name).toList()));
            }
        }
        out.flush();
        return 0;
    }

    /** Each model file's materials with their default slots, and the slot of parts without a material. */
    private void listModels(PrintWriter out) {
        io.synthscene.assets.MeshFileImporter importer = new io.synthscene.assets.MeshFileImporter();
        for (java.nio.file.Path model : models) {
            List<io.synthscene.assets.MaterialSlotNames.Material> materials = importer.materials(model);
            java.util.Set<String> slots = new java.util.TreeSet<>();
            importer.load(model, "y", 1).parts().forEach(part -> slots.add(part.slot()));
            out.println(model.getFileName() + "    (model file)");
            for (io.synthscene.assets.MaterialSlotNames.Material material : materials) {
                out.printf("  material %-28s slot %s%n", "'" + material.name() + "'", material.slot());
            }
            if (materials.isEmpty()) {
                out.println("  no materials: its parts take the group's color");
            }
            out.println("  slots: " + String.join(", ", slots) + " (colors; a catalog entry's material_slots can gather"
                    + " materials under names of its own)");
            out.println("  keypoints: none in the file (a catalog entry declares them: keypoints: {name: [x, y, z]})");
        }
        out.flush();
    }

    /** A draw of the kind's default parameters, from a stream fixed by (seed, kind). */
    static AssetRef defaultDraw(String kind, long seed) {
        SplittableRandom random = FrameRandom.stream(seed, 0, "assets/" + kind);
        Map<String, Double> params = new TreeMap<>();
        for (ParamSpec param : BuiltinAssets.params(kind)) {
            params.put(param.name(), param.defaultValue().sample(random));
        }
        return AssetRef.procedural(kind, params);
    }

    private static String range(Interval interval) {
        if (interval.equals(Interval.ANY)) {
            return "any";
        }
        String low = interval.hasFiniteMin() ? (interval.minOpen() ? "(" : "[") + Numbers.format(interval.min()) : "(-inf";
        String high = interval.hasFiniteMax() ? Numbers.format(interval.max()) + (interval.maxOpen() ? ")" : "]") : "inf)";
        return low + ", " + high;
    }
}
