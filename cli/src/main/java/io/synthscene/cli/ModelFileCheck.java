package io.synthscene.cli;

import io.synthscene.assets.Mesh;
import io.synthscene.assets.MeshFileImporter;
import io.synthscene.assets.MeshPart;
import io.synthscene.assets.UnknownMaterialsException;
import io.synthscene.scenes.SceneProblem;
import io.synthscene.scenes.SourcePosition;
import io.synthscene.scenes.parse.Suggestions;
import io.synthscene.scenes.spec.AssetSpec;
import io.synthscene.scenes.spec.GroupSpec;
import io.synthscene.scenes.spec.SceneSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Imports each model file a scene names once, before anything is written, and checks what only
 * the loaded file can tell: that a catalog entry's {@code material_slots} names materials the file
 * has, and that a group's {@code colors} names slots its model files have. Where a model file
 * has keypoints, it also checks that the instances of each category share one list of keypoint
 * names (COCO names them once per category), built-in kinds included. Such problems are
 * reported at the line and column of the catalog or scene where the name is written (exit 2);
 * a file that cannot be imported at all is reported by its {@link io.synthscene.assets.AssetLoadException}.
 * Stateless; used by {@link RenderPipeline} and, for its inserted objects, {@link AugmentCommand}.
 */
final class ModelFileCheck {
    private ModelFileCheck() {
    }

    /** @throws UserInputException listing every problem, in file and line order */
    static void check(SceneSpec spec) {
        check(spec.groups());
    }

    /** The same checks on an augment config's {@code insert} groups (or any groups). */
    static void check(List<GroupSpec> groups) {
        MeshFileImporter importer = new MeshFileImporter();
        Map<String, Set<String>> slotsByFile = new HashMap<>(); // null value: the file's slots are unknown (reported)
        Set<SceneProblem> problems = new LinkedHashSet<>();
        for (GroupSpec group : groups) {
            for (AssetSpec asset : group.possibleAssets()) {
                if (asset == null || asset.file() == null) {
                    continue;
                }
                String key = asset.file() + "|" + asset.upAxis() + "|" + asset.materialSlots();
                if (!slotsByFile.containsKey(key)) {
                    slotsByFile.put(key, slots(importer, asset, problems));
                }
                Set<String> slots = slotsByFile.get(key);
                if (slots == null) {
                    continue;
                }
                for (String slot : group.slotColors().keySet()) {
                    if (!slots.contains(slot)) {
                        SourcePosition at = group.slotColorPosition(slot);
                        String message = "unknown slot '" + slot + "' for model file " + fileName(asset)
                                + didYouMean(slot, slots) + " (its slots: " + String.join(", ", slots) + ")";
                        problems.add(at != null ? at.problem(message) : new SceneProblem(null, 0, 0, "groups." + group.name()
                                + ".colors", message));
                    }
                }
            }
        }
        checkKeypointsPerCategory(groups, problems);
        if (!problems.isEmpty()) {
            List<SceneProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparing((SceneProblem p) -> String.valueOf(p.file())).thenComparingInt(SceneProblem::line)
                    .thenComparingInt(SceneProblem::column));
            throw new UserInputException(sorted.stream().map(SceneProblem::toString).collect(Collectors.joining("\n")));
        }
    }

    /** The slots of the file's parts, sorted; null when its material_slots name materials it lacks (reported). */
    private static Set<String> slots(MeshFileImporter importer, AssetSpec asset, Set<SceneProblem> problems) {
        Mesh mesh;
        try {
            mesh = importer.load(Path.of(asset.file()), asset.upAxis(), 1, asset.materialSlots(), List.of());
        } catch (UnknownMaterialsException e) {
            for (String material : e.unknown()) {
                SourcePosition at = asset.materialPositions().get(material);
                String message = "model file " + fileName(asset) + " has no material '" + material + "'"
                        + didYouMean(material, e.fileMaterials()) + " (its materials: "
                        + UnknownMaterialsException.describe(e.fileMaterials()) + ")";
                problems.add(at != null ? at.problem(message) : new SceneProblem(null, 0, 0, "material_slots", message));
            }
            return null;
        }
        Set<String> slots = new TreeSet<>();
        for (MeshPart part : mesh.parts()) {
            slots.add(part.slot());
        }
        return slots;
    }

    /** Keypoint names and who has them, for the message. */
    private record Named(List<String> names, String who) {
    }

    /**
     * The instances of a category must share their keypoint names (or have none): checked when a
     * model file declares keypoints, as built-in kinds always agree with themselves.
     */
    private static void checkKeypointsPerCategory(List<GroupSpec> groups, Set<SceneProblem> problems) {
        boolean fileKeypoints = groups.stream().flatMap(group -> group.possibleAssets().stream())
                .anyMatch(asset -> asset != null && !asset.keypoints().isEmpty());
        if (!fileKeypoints) {
            return;
        }
        io.synthscene.assets.AssetLibrary library = new io.synthscene.assets.AssetLibrary(8);
        Map<String, Named> byCategory = new HashMap<>();
        for (GroupSpec group : groups) {
            if (group.category() == null) {
                continue; // scenery: no annotations, no keypoints
            }
            for (AssetSpec asset : group.possibleAssets()) {
                if (asset == null) {
                    continue;
                }
                List<String> names = keypointNames(asset, library);
                if (names.isEmpty()) {
                    continue;
                }
                String who = "group '" + group.name() + "' (" + (asset.file() != null ? "model file " + fileName(asset)
                        : asset.kind()) + ")";
                Named known = byCategory.putIfAbsent(group.category().name(), new Named(names, who));
                if (known != null && !known.names().equals(names)) {
                    SourcePosition at = group.assetPosition();
                    String message = "category '" + group.category().name() + "' would have instances with different"
                            + " keypoints: " + who + " has " + names + ", " + known.who() + " has " + known.names()
                            + "; COCO lists one set per category: give the same names in the same order, or another category";
                    problems.add(at != null ? at.problem(message) : new SceneProblem(null, 0, 0, "groups", message));
                }
            }
        }
    }

    /** A model file's declared keypoints; a built-in kind's, from one draw of the group's parameters. */
    private static List<String> keypointNames(AssetSpec asset, io.synthscene.assets.AssetLibrary library) {
        if (asset.file() != null) {
            return asset.keypoints().stream().map(io.synthscene.scenes.frame.ModelKeypoint::name).toList();
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(0);
        Map<String, Double> params = new java.util.TreeMap<>();
        asset.params().forEach((name, sampler) -> params.put(name, sampler.sample(random)));
        return library.meshFor(io.synthscene.scenes.frame.AssetRef.procedural(asset.kind(), params)).keypoints().stream()
                .map(io.synthscene.assets.Keypoint::name).toList();
    }

    /** ", did you mean 'x'?" for a close known word, else "" (the message lists them all anyway). */
    private static String didYouMean(String word, java.util.Collection<String> known) {
        String hint = Suggestions.hint(word, known);
        return hint.startsWith(", did you mean") ? hint : "";
    }

    private static String fileName(AssetSpec asset) {
        return Path.of(asset.file()).getFileName().toString();
    }
}
