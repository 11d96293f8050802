package io.synthscene.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.ModelKeypoint;
import io.synthscene.scenes.frame.SceneObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scene's asset catalog: groups name entries by id or draw them by tag; problems point into either file. */
class AssetCatalogTest {
    private static final String CATALOG = """
            assets:
              - {id: small_box, kind: box, params: {width_m: 0.5}, category: thing, scale: 2, tags: [shape]}
              - {id: ball, kind: sphere, category: thing, tags: [shape]}
              - {id: can, kind: cylinder, category: thing, tags: [shape]}
              - {id: cone, kind: traffic_cone, tags: [scenery]}
              - {id: chair, file: models/chair.obj, up_axis: z, category: other, tags: [furniture]}
            """;
    private static final String SCENE = """
            seed: 3
            frames: 1
            catalog: assets/catalog.yaml
            categories:
              - {id: 1, name: thing}
              - {id: 2, name: other}
            camera:
              mount_height_m: 1.5
            groups:
              - name: g
                asset: ASSET
                count: COUNT
                region: {x: [-50, 50], z: [-200, -10]}
                min_gap_m: 0
                color: [{uniform: [0, 1]}, {uniform: [0, 1]}, {uniform: [0, 1]}]
            """;

    @TempDir
    Path temp;
    Path sceneFolder;

    @BeforeEach
    void files() throws IOException {
        sceneFolder = Files.createDirectories(temp.resolve("scenes"));
        Files.createDirectories(sceneFolder.resolve("assets/models"));
        Files.writeString(sceneFolder.resolve("assets/models/chair.obj"), "v 0 0 0\n");
        Files.writeString(temp.resolve("secret.obj"), "v 0 0 0\n");
        Files.writeString(temp.resolve("outside.yaml"), CATALOG);
        catalog(CATALOG);
    }

    private void catalog(String text) throws IOException {
        Files.writeString(sceneFolder.resolve("assets/catalog.yaml"), text);
    }

    private Scene scene(String asset, String count, String extra) throws SceneException {
        return SceneLoader.parse(SCENE.replace("ASSET", asset).replace("COUNT", count) + extra, "scene.yaml", sceneFolder);
    }

    private List<String> problems(String yaml) {
        return SceneProblems.problems(yaml, sceneFolder);
    }

    private List<SceneObject> objects(Scene scene, int frames) {
        List<SceneObject> objects = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            objects.addAll(scene.sampleFrame(i).objects());
        }
        return objects;
    }

    @Test
    void anIdTakesTheEntrysAssetCategoryAndScale() throws SceneException {
        List<SceneObject> objects = objects(scene("{id: small_box}", "2", ""), 1);
        assertThat(objects).hasSize(2).allSatisfy(object -> {
            assertThat(object.asset().kind()).isEqualTo("box");
            assertThat(object.asset().param("width_m")).isEqualTo(0.5);
            assertThat(object.category()).isEqualTo("thing");
            assertThat(object.scale()).isEqualTo(2.0);
        });
    }

    @Test
    void theGroupsCategoryAndScaleOverrideTheEntrys() throws SceneException {
        String scene = SCENE.replace("ASSET", "{id: small_box}").replace("COUNT", "1")
                .replace("    min_gap_m: 0\n", "    min_gap_m: 0\n    category: other\n    scale: 3\n");
        SceneObject object = SceneLoader.parse(scene, "scene.yaml", sceneFolder).sampleFrame(0).objects().get(0);
        assertThat(object.category()).isEqualTo("other");
        assertThat(object.scale()).isEqualTo(3.0);
    }

    @Test
    void aModelFileEntryIsResolvedAgainstTheCatalogsFolder() throws SceneException {
        SceneObject object = objects(scene("{id: chair}", "1", ""), 1).get(0);
        assertThat(object.asset().kind()).isEqualTo("mesh");
        assertThat(Path.of(object.asset().file())).endsWith(Path.of("assets/models/chair.obj"));
        assertThat(object.asset().upAxis()).isEqualTo("z");
        assertThat(object.category()).isEqualTo("other");
    }

    @Test
    void aTagIsDrawnUniformlyOverItsEntriesEachWithItsOwnScale() throws SceneException {
        Map<String, Integer> kinds = kindCounts(scene("{choice_tag: shape}", "30", ""));
        int total = kinds.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(total).isGreaterThan(2500);
        assertThat(kinds.keySet()).containsExactly("box", "cylinder", "sphere");
        kinds.values().forEach(n -> assertThat((double) n / total).isBetween(1 / 3.0 - 0.04, 1 / 3.0 + 0.04));
        for (SceneObject object : objects(scene("{choice_tag: shape}", "30", ""), 3)) {
            assertThat(object.scale()).isEqualTo(object.asset().kind().equals("box") ? 2.0 : 1.0);
            assertThat(object.category()).isEqualTo("thing");
        }
    }

    @Test
    void weightsShiftTheTagsChoice() throws SceneException {
        Map<String, Integer> kinds = kindCounts(scene("{choice_tag: shape, weights: {ball: 0, can: 3}}", "30", ""));
        int total = kinds.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(kinds).doesNotContainKey("sphere");
        assertThat((double) kinds.get("cylinder") / total).isBetween(0.71, 0.79);
    }

    private Map<String, Integer> kindCounts(Scene scene) {
        Map<String, Integer> kinds = new TreeMap<>();
        for (SceneObject object : objects(scene, 100)) {
            kinds.merge(object.asset().kind(), 1, Integer::sum);
        }
        return kinds;
    }

    @Test
    void theChoiceIsDeterministicAndShiftsNoOtherDraw() throws SceneException {
        Scene byTag = scene("{choice_tag: shape}", "5", "");
        for (int i = 0; i < 5; i++) {
            assertThat(byTag.sampleFrame(i)).isEqualTo(scene("{choice_tag: shape}", "5", "").sampleFrame(i));
        }
        // the colours come from the look stream, which the choice does not touch
        List<Object> tagColours = objects(byTag, 5).stream().map(o -> (Object) o.material().color()).toList();
        List<Object> idColours = objects(scene("{id: ball}", "5", ""), 5).stream().map(o -> (Object) o.material().color()).toList();
        assertThat(tagColours).hasSize(25).isEqualTo(idColours);
    }

    @Test
    void unknownIdsAndTagsAreReportedWithASuggestion() {
        assertThat(problems(SCENE.replace("ASSET", "{id: smal_box}").replace("COUNT", "1"))).singleElement().asString()
                .startsWith("scene.yaml:11:17: groups[0].asset.id: unknown asset id 'smal_box' in assets/catalog.yaml")
                .contains("did you mean 'small_box'");
        assertThat(problems(SCENE.replace("ASSET", "{choice_tag: shap}").replace("COUNT", "1"))).singleElement().asString()
                .startsWith("scene.yaml:11:25: groups[0].asset.choice_tag: no entry of assets/catalog.yaml has the tag 'shap'")
                .contains("did you mean 'shape'");
        assertThat(problems(SCENE.replace("ASSET", "{choice_tag: shape, weights: {bal: 2}}").replace("COUNT", "1")))
                .singleElement().asString().contains("groups[0].asset.weights.bal: 'bal' is not an entry tagged 'shape'");
    }

    @Test
    void anIdWithoutACatalogIsAnError() {
        String scene = SCENE.replace("catalog: assets/catalog.yaml\n", "").replace("ASSET", "{id: ball}").replace("COUNT", "1");
        assertThat(problems(scene)).singleElement().asString()
                .startsWith("scene.yaml:10:17: groups[0].asset.id: an asset id needs the scene's asset catalog");
    }

    @Test
    void aModelFileEntrysMaterialSlotsAndKeypointsReachTheObjectsAsset() throws Exception {
        catalog(CATALOG + """
                  - id: car
                    file: models/chair.obj
                    material_slots: {paint: [CarPaint, Body_mat], glass: Windows}
                    keypoints: {nose: [0, 1.5, 0.25], tail: [0, -1, 1e-3]}
                """);
        Scene scene = scene("{id: car}", "1", "");
        SceneObject object = objects(scene, 1).get(0);
        assertThat(object.asset().materialSlots()).containsExactly(
                Map.entry("paint", List.of("CarPaint", "Body_mat")), Map.entry("glass", List.of("Windows")));
        assertThat(object.asset().keypoints()).containsExactly(new ModelKeypoint("nose", 0, 1.5, 0.25),
                new ModelKeypoint("tail", 0, -1, 1e-3));
        // kept for the check against the loaded file, whose messages point here
        assertThat(scene.spec().groups().get(0).asset().materialPositions().get("Body_mat"))
                .isEqualTo(new SourcePosition("assets/catalog.yaml", 9, 40, "assets[5].material_slots.paint[1]"));
        assertThat(scene.spec().groups().get(0).asset().materialPositions().get("Windows"))
                .isEqualTo(new SourcePosition("assets/catalog.yaml", 9, 58, "assets[5].material_slots.glass"));
    }

    @Test
    void badMaterialSlotsAndKeypointsArePointedAtInTheCatalog() throws IOException {
        catalog(CATALOG + """
                  - {id: k1, kind: box, material_slots: {a: [X]}, keypoints: {p: [0, 0, 0]}}
                  - id: f1
                    file: models/chair.obj
                    material_slots: {bad name: [X], paint: [A, A], glass: []}
                    keypoints: {nose: [1, 2], eye: [1, 2, x]}
                """);
        assertThat(problems(SCENE.replace("ASSET", "{id: ball}").replace("COUNT", "1"))).satisfiesExactly(
                p -> assertThat(p).startsWith("assets/catalog.yaml:7:25: assets[5].material_slots: material_slots is for model files"),
                p -> assertThat(p).startsWith("assets/catalog.yaml:7:51: assets[5].keypoints: keypoints is for model files"),
                p -> assertThat(p).isEqualTo("assets/catalog.yaml:10:22: assets[6].material_slots.bad name: slot name 'bad name'"
                        + " may hold only letters, digits and _"),
                p -> assertThat(p).isEqualTo("assets/catalog.yaml:10:48: assets[6].material_slots.paint[1]: material 'A' is"
                        + " already in slot 'paint'; a material goes in one slot"),
                p -> assertThat(p).startsWith("assets/catalog.yaml:10:59: assets[6].material_slots.glass: name at least one"),
                p -> assertThat(p).isEqualTo("assets/catalog.yaml:11:23: assets[6].keypoints.nose: a keypoint is [x, y, z]"
                        + " in the model file's coordinates, got 2 values"),
                p -> assertThat(p).startsWith("assets/catalog.yaml:11:43: assets[6].keypoints.eye[2]: expected a number"));
    }

    @Test
    void keypointNamesAreUnique() throws IOException {
        catalog(CATALOG + """
                  - {id: f1, file: models/chair.obj, keypoints: {nose: [0, 0, 0], nose: [1, 1, 1]}}
                """);
        assertThat(problems(SCENE.replace("ASSET", "{id: ball}").replace("COUNT", "1"))).singleElement().asString()
                .startsWith("assets/catalog.yaml:7:").contains("duplicate key 'nose'");
    }

    @Test
    void problemsInsideTheCatalogPointIntoTheCatalogFile() throws IOException {
        catalog(CATALOG + """
                  - {id: ball, kind: box}
                  - {id: missing, file: models/nope.obj}
                  - {id: escaping, file: ../../secret.obj}
                  - {id: odd, kind: sphere, category: thng}
                """);
        assertThat(problems(SCENE.replace("ASSET", "{id: ball}").replace("COUNT", "1"))).satisfiesExactly(
                p -> assertThat(p).startsWith("assets/catalog.yaml:7:10: assets[5].id: id 'ball' is already used by assets[1]"),
                p -> assertThat(p).startsWith("assets/catalog.yaml:8:25: assets[6].file: mesh file 'models/nope.obj' not found"),
                p -> assertThat(p).startsWith("assets/catalog.yaml:9:26: assets[7].file: '../../secret.obj' leads outside the asset folder"),
                p -> assertThat(p).startsWith("assets/catalog.yaml:10:39: assets[8].category: unknown category 'thng'")
                        .contains("did you mean 'thing'"));
    }

    @Test
    void theCatalogPathIsConfinedAndMustExist() {
        String outside = SCENE.replace("assets/catalog.yaml", "../outside.yaml").replace("ASSET", "{id: ball}").replace("COUNT", "1");
        assertThat(problems(outside)).singleElement().asString()
                .startsWith("scene.yaml:3:10: catalog: '../outside.yaml' leads outside the asset folder");
        String missing = SCENE.replace("assets/catalog.yaml", "assets/nope.yaml").replace("ASSET", "{id: ball}").replace("COUNT", "1");
        assertThat(problems(missing)).singleElement().asString()
                .startsWith("scene.yaml:3:10: catalog: catalog file 'assets/nope.yaml' not found");
    }

    @Test
    void aTagWhoseEntriesDisagreeOnCategoryNeedsTheGroupsCategory() throws IOException, SceneException {
        catalog(CATALOG.replace("tags: [scenery]", "tags: [shape]"));
        assertThat(problems(SCENE.replace("ASSET", "{choice_tag: shape}").replace("COUNT", "1"))).singleElement().asString()
                .startsWith("scene.yaml:11:12: groups[0].asset: the entries tagged 'shape' have different categories (thing, none)");
        String withCategory = SCENE.replace("ASSET", "{choice_tag: shape}").replace("COUNT", "1")
                .replace("    min_gap_m: 0\n", "    min_gap_m: 0\n    category: other\n");
        assertThat(problems(withCategory)).isEmpty();
    }

    @Test
    void theExampleLoadsAndDrawsFromItsCatalog() throws SceneException {
        Scene scene = SceneLoader.load(Path.of("examples/catalog.yaml"));
        List<SceneObject> objects = objects(scene, 20);
        assertThat(objects.stream().filter(o -> o.group().equals("cars")).map(o -> o.asset().kind()).distinct())
                .containsExactlyInAnyOrder("sedan", "hatchback", "suv", "van");
        assertThat(objects.stream().filter(o -> o.group().equals("cars"))).allMatch(o -> "car".equals(o.category()));
        assertThat(objects.stream().filter(o -> o.group().equals("buses"))).allMatch(o -> o.asset().kind().equals("bus")
                && "bus".equals(o.category()));
    }
}
