package io.synthscene.scenes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of mistake is reported at the exact line and column of the offending text. */
class SceneLoaderProblemsTest {
    /** Line numbers in the tests below refer to this text. */
    private static final String BASE = """
            seed: 7
            frames: 10
            output: {width: 64, height: 48}
            categories:
              - {id: 1, name: car}
              - {id: 2, name: pedestrian, supercategory: person}
            camera:
              mount_height_m: 1.5
              hfov_deg: 70
            groups:
              - name: cars
                asset: vehicle
                category: car
                count: 3
                region: {x: [-5, 5], z: [-30, -5]}
                color: [0.5, 0.5, 0.5]
                roughness: 0.5
            """;

    @TempDir
    Path folder;

    private static List<String> problems(String yaml) {
        return problems(yaml, null);
    }

    private static List<String> problems(String yaml, Path baseDir) {
        try {
            SceneLoader.parse(yaml, "scene.yaml", baseDir);
        } catch (SceneException e) {
            assertThat(e.getMessage().split("\n")).hasSize(e.problems().size());
            return e.problems().stream().map(SceneProblem::toString).toList();
        }
        return List.of();
    }

    private static String edit(String from, String to) {
        assertThat(BASE).contains(from);
        return BASE.replace(from, to);
    }

    @Test
    void theBaseSceneHasNoProblems() {
        assertThat(problems(BASE)).isEmpty();
    }

    @Test
    void anOutOfRangeLiteralIsReportedAtTheValue() {
        assertThat(problems(edit("hfov_deg: 70", "hfov_deg: 190")))
                .containsExactly("scene.yaml:9:13: camera.hfov_deg: 190 is outside (0, 180)");
        assertThat(problems(edit("frames: 10", "frames: 0")))
                .containsExactly("scene.yaml:2:9: frames: 0 must be >= 1");
    }

    @Test
    void anUnknownKeyIsReportedAtTheKeyWithASuggestion() {
        assertThat(problems(edit("hfov_deg: 70", "hfvo_deg: 70")))
                .containsExactly("scene.yaml:9:3: camera.hfvo_deg: unknown key 'hfvo_deg', did you mean 'hfov_deg'?");
        assertThat(problems(edit("    roughness: 0.5", "    roughnes: 0.5")))
                .containsExactly("scene.yaml:17:5: groups[0].roughnes: unknown key 'roughnes', did you mean 'roughness'?");
    }

    @Test
    void aStringWhereANumberIsExpectedIsATypeError() {
        assertThat(problems(edit("hfov_deg: 70", "hfov_deg: wide")))
                .singleElement().asString()
                .startsWith("scene.yaml:9:13: camera.hfov_deg: expected a number or a one-key map")
                .endsWith("got the string \"wide\"");
        assertThat(problems(edit("width: 64", "width: \"64\"")))
                .containsExactly("scene.yaml:3:17: output.width: expected a whole number, got the string \"64\"");
    }

    @Test
    void aMissingRequiredFieldIsReportedAtItsParentMap() {
        assertThat(problems(edit("seed: 7\n", "")))
                .containsExactly("scene.yaml:1:1: seed: missing required field 'seed'");
        assertThat(problems(edit("    region: {x: [-5, 5], z: [-30, -5]}\n", "")))
                .containsExactly("scene.yaml:11:5: groups[0].region: missing required field 'region'");
    }

    @Test
    void reversedUniformBoundsAreReportedAtTheBounds() {
        assertThat(problems(edit("count: 3", "yaw_deg: {uniform: [5, 1]}")))
                .containsExactly("scene.yaml:14:24: groups[0].yaw_deg.uniform: bounds [5, 1] are reversed: need a <= b");
    }

    @Test
    void anUnknownDistributionIsReportedAtItsNameWithASuggestion() {
        assertThat(problems(edit("count: 3", "count: {unifrom: [1, 2]}")))
                .containsExactly("scene.yaml:14:13: groups[0].count: unknown distribution 'unifrom', did you mean 'uniform'?");
    }

    @Test
    void aNegativeStdIsReportedAtTheStd() {
        assertThat(problems(edit("roughness: 0.5", "roughness: {normal: {mean: 0.5, std: -0.1, min: 0, max: 1}}")))
                .containsExactly("scene.yaml:17:42: groups[0].roughness.normal.std: -0.1 must be >= 0");
    }

    @Test
    void weightsThatDoNotMatchTheValuesAreReportedAtTheWeights() {
        assertThat(problems(edit("count: 3", "count: {choice: {values: [1, 2], weights: [1]}}")))
                .containsExactly("scene.yaml:14:47: groups[0].count.choice.weights: 1 weights for 2 values");
        assertThat(problems(edit("count: 3", "count: {choice: {values: [1, 2], weights: [0, 0]}}")))
                .containsExactly("scene.yaml:14:47: groups[0].count.choice.weights: weights sum to 0; at least one must be > 0");
    }

    @Test
    void aCountMustBeAWholeNumber() {
        assertThat(problems(edit("count: 3", "count: 2.5"))).singleElement().asString()
                .startsWith("scene.yaml:14:12: groups[0].count: 2.5 is not a whole number");
        assertThat(problems(edit("count: 3", "count: {uniform: [1, 4]}"))).singleElement().asString()
                .startsWith("scene.yaml:14:12: groups[0].count: {uniform: [1, 4]} can produce fractions");
        assertThat(problems(edit("count: 3", "count: -1")))
                .containsExactly("scene.yaml:14:12: groups[0].count: -1 is outside [0, 10000]");
    }

    @Test
    void anUnknownAssetKindIsReportedWithASuggestion() {
        assertThat(problems(edit("asset: vehicle", "asset: vehicel")))
                .containsExactly("scene.yaml:12:12: groups[0].asset: unknown asset kind 'vehicel', did you mean 'vehicle'?");
    }

    @Test
    void anUnknownAssetParameterIsReportedAtItsName() {
        assertThat(problems(edit("asset: vehicle", "asset: {kind: vehicle, params: {lenght_m: 4}}")))
                .containsExactly("scene.yaml:12:37: groups[0].asset.params.lenght_m: "
                        + "unknown parameter 'lenght_m' for vehicle, did you mean 'length_m'?");
        assertThat(problems(edit("asset: vehicle", "asset: {kind: vehicle, params: {length_m: 0}}")))
                .containsExactly("scene.yaml:12:47: groups[0].asset.params.length_m: 0 must be > 0");
    }

    @Test
    void anUnknownCategoryIsReportedWithASuggestion() {
        assertThat(problems(edit("category: car", "category: cat"))).singleElement().asString()
                .startsWith("scene.yaml:13:15: groups[0].category: unknown category 'cat', did you mean 'car'?");
    }

    @Test
    void aMissingMeshFileIsReportedAtThePath() {
        assertThat(problems(edit("asset: vehicle", "asset: {mesh: models/chair.glb}"), folder))
                .containsExactly("scene.yaml:12:19: groups[0].asset.mesh: mesh file 'models/chair.glb' not found (looked for "
                        + folder.resolve("models/chair.glb").toAbsolutePath().normalize() + ")");
    }

    @Test
    void aMeshWithAnUnsupportedExtensionIsRejected() {
        assertThat(problems(edit("asset: vehicle", "asset: {mesh: chair.blend}"), folder)).singleElement().asString()
                .startsWith("scene.yaml:12:19: groups[0].asset.mesh: 'chair.blend' is not a supported model file");
    }

    @Test
    void anExistingMeshIsResolvedAgainstTheSceneFolder() throws Exception {
        Path model = Files.createDirectories(folder.resolve("models")).resolve("chair.obj");
        Files.writeString(model, "v 0 0 0\n");
        Scene scene = SceneLoader.parse(edit("asset: vehicle", "asset: {mesh: models/../models/chair.obj, up_axis: z, size_m: 1.2}"),
                "scene.yaml", folder);
        var asset = scene.sampleFrame(0).objects().get(0).asset();
        assertThat(asset.kind()).isEqualTo("mesh");
        assertThat(asset.file()).isEqualTo(model.toAbsolutePath().normalize().toString());
        assertThat(asset.upAxis()).isEqualTo("z");
        assertThat(asset.params()).containsExactly(java.util.Map.entry("size_m", 1.2));
    }

    @Test
    void colourLiteralsAndDistributionsMustStayInsideZeroToOne() {
        assertThat(problems(edit("color: [0.5, 0.5, 0.5]", "color: [0.5, 1.2, 0.5]")))
                .containsExactly("scene.yaml:16:18: groups[0].color[1]: 1.2 is outside [0, 1]");
        assertThat(problems(edit("color: [0.5, 0.5, 0.5]", "color: [0.5, {uniform: [0.5, 1.5]}, 0.5]")))
                .containsExactly("scene.yaml:16:18: groups[0].color[1]: {uniform: [0.5, 1.5]} can produce 1.5, outside [0, 1]");
        assertThat(problems(edit("color: [0.5, 0.5, 0.5]", "color: [0.5, {normal: {mean: 0.5, std: 0.1}}, 0.5]")))
                .singleElement().asString()
                .startsWith("scene.yaml:16:18: groups[0].color[1]: {normal: {mean: 0.5, std: 0.1}} has no min");
        assertThat(problems(edit("color: [0.5, 0.5, 0.5]", "color: {choice: [[0.5, 0.5, 0.5], [0, 0, -0.1]]}")))
                .containsExactly("scene.yaml:16:46: groups[0].color.choice[1][2]: -0.1 is outside [0, 1]");
        assertThat(problems(edit("color: [0.5, 0.5, 0.5]", "color: [0.5, 0.5]")))
                .containsExactly("scene.yaml:16:12: groups[0].color: expected 3 values, got 2");
    }

    @Test
    void aNormalWhoseBoundsHoldAlmostNothingIsRejected() {
        assertThat(problems(edit("hfov_deg: 70", "hfov_deg: {normal: {mean: 60, std: 1, min: 70, max: 80}}")))
                .singleElement().asString()
                .startsWith("scene.yaml:9:22: camera.hfov_deg.normal: [min, max] = [70, 80] holds only");
    }

    @Test
    void yamlSyntaxErrorsAreReportedWithTheirPosition() {
        assertThat(problems(edit("frames: 10", "frames: [10, 20"))).singleElement().asString()
                .startsWith("scene.yaml:3:7: YAML syntax error: expected ',' or ']'");
        assertThat(problems(edit("seed: 7", "seed: 7\n\tframes: 2"))).singleElement().asString()
                .startsWith("scene.yaml:2:1: YAML syntax error: found character '\\t(TAB)'");
    }

    @Test
    void duplicateKeysAndDuplicateIdsAreErrors() {
        assertThat(problems(edit("frames: 10", "frames: 10\nseed: 8")))
                .containsExactly("scene.yaml:3:1: seed: duplicate key 'seed'");
        assertThat(problems(edit("{id: 2, name: pedestrian", "{id: 1, name: pedestrian")))
                .containsExactly("scene.yaml:6:10: categories[1].id: id 1 is already used by category 'car'");
        assertThat(problems(BASE + "  - {name: cars, asset: box, region: {x: [0, 0], z: [0, 0]}}\n"))
                .containsExactly("scene.yaml:18:12: groups[1].name: group name 'cars' is already used by groups[0]");
    }

    @Test
    void aGroupNameMustNotContainASlash() {
        assertThat(problems(edit("name: cars", "name: cars/left")))
                .containsExactly("scene.yaml:11:11: groups[0].name: group name 'cars/left' must not contain '/'");
    }

    @Test
    void aCameraWithBothPositionAndMountHeightIsAnError() {
        assertThat(problems(edit("  mount_height_m: 1.5", "  position: [0, 1, 0]\n  mount_height_m: 1.5")))
                .containsExactly("scene.yaml:9:3: camera.mount_height_m: give either position or mount_height_m, not both");
        assertThat(problems(edit("  mount_height_m: 1.5\n", "")))
                .containsExactly("scene.yaml:8:3: camera.position: the camera needs position or mount_height_m");
    }

    @Test
    void aReversedRegionIsAnError() {
        assertThat(problems(edit("x: [-5, 5]", "x: [5, -5]")))
                .containsExactly("scene.yaml:15:17: groups[0].region.x: [5.0, -5.0] is reversed: need min <= max");
    }

    @Test
    void everyProblemIsReportedInFileOrder() {
        String yaml = edit("hfov_deg: 70", "hfov_deg: 190").replace("asset: vehicle", "asset: vehicel")
                .replace("frames: 10", "frames: ten");
        assertThat(problems(yaml)).containsExactly(
                "scene.yaml:2:9: frames: expected a whole number, got the string \"ten\"",
                "scene.yaml:9:13: camera.hfov_deg: 190 is outside (0, 180)",
                "scene.yaml:12:12: groups[0].asset: unknown asset kind 'vehicel', did you mean 'vehicle'?");
    }

    @Test
    void anEmptyFileOrAListAtTheTopIsAnError() {
        assertThat(problems("")).containsExactly("scene.yaml:1:1: the file is empty");
        assertThat(problems("- a\n- b\n")).containsExactly("scene.yaml:1:1: expected a map, got a list");
    }

    @Test
    void aMissingFileIsReportedWithoutAPosition() {
        Path missing = folder.resolve("nope.yaml");
        assertThatThrownBy(() -> SceneLoader.load(missing))
                .isInstanceOf(SceneException.class)
                .hasMessageStartingWith("nope.yaml: cannot read");
    }

    @Test
    void loadingAFileResolvesMeshesNextToItAndHashesItsBytes() throws IOException, SceneException {
        Files.writeString(folder.resolve("cube.stl"), "solid cube\nendsolid cube\n");
        String yaml = edit("asset: vehicle", "asset: {mesh: cube.stl}");
        Path file = folder.resolve("scene.yaml");
        Files.writeString(file, yaml);
        Scene scene = SceneLoader.load(file);
        assertThat(scene.file()).isEqualTo(file.toAbsolutePath().normalize());
        assertThat(scene.sha256()).isEqualTo(SceneLoader.sha256(Files.readAllBytes(file))).hasSize(64);
        assertThat(scene.sampleFrame(0).objects().get(0).asset().file())
                .isEqualTo(folder.resolve("cube.stl").toAbsolutePath().normalize().toString());
    }

    @Test
    void optionalOutputsAreBooleansAndOffByDefault() throws SceneException {
        assertThat(SceneLoader.parse(BASE, "scene.yaml", null).outputs())
                .isEqualTo(new io.synthscene.scenes.spec.OutputSpec(false, false));
        String both = edit("output: {width: 64, height: 48}", "output: {width: 64, height: 48, semantic_masks: true, depth: true}");
        assertThat(SceneLoader.parse(both, "scene.yaml", null).outputs())
                .isEqualTo(new io.synthscene.scenes.spec.OutputSpec(true, true));
        assertThat(problems(edit("output: {width: 64, height: 48}", "output: {width: 64, height: 48, depth: 1}")))
                .containsExactly("scene.yaml:3:40: output.depth: expected true or false, got the number 1");
        assertThat(problems(edit("output: {width: 64, height: 48}", "output: {width: 64, height: 48, dept: true}")))
                .singleElement().asString().contains("output.dept").contains("did you mean 'depth'");
    }
}
