package io.synthscene.scenes;

import static io.synthscene.scenes.SceneProblems.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.sampling.ChoiceSampler;
import io.synthscene.scenes.sampling.WeightedIndex;
import io.synthscene.scenes.spec.BuiltinAssets;
import io.synthscene.scenes.spec.ParamSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A group's {@code colors} per material slot: validated against the kind's slots, drawn, resolved per part. */
class SlotColorsTest {
    /** Line numbers in the tests below refer to this text. */
    private static final String BASE = """
            seed: 3
            frames: 4
            output: {width: 64, height: 48}
            categories:
              - {id: 1, name: car}
            camera:
              mount_height_m: 1.5
            groups:
              - name: cars
                asset: sedan
                category: car
                count: 2
                region: {x: [-5, 5], z: [-30, -5]}
                color: [0.5, 0.1, 0.1]
                colors: {glass: [0.1, 0.2, 0.3], rim: {choice: [[0.9, 0.9, 0.9], [0.2, 0.2, 0.2]]}}
            """;

    @Test
    void slotColoursAreDrawnIntoEveryObjectOfTheFrameAndSurviveJson() throws Exception {
        Frame frame = SceneLoader.parse(BASE, "scene.yaml", null).sampleFrame(1);
        assertThat(frame.objects()).hasSize(2).allSatisfy(object -> {
            assertThat(object.slotColors()).containsOnlyKeys("glass", "rim");
            assertThat(object.slotColors().get("glass")).isEqualTo(new Rgb(0.1, 0.2, 0.3));
            assertThat(object.slotColors().get("rim").r()).isIn(0.9, 0.2);
        });
        assertThat(FrameJson.fromJson(FrameJson.toJson(frame))).isEqualTo(frame);
    }

    @Test
    void aPartTakesItsSlotColourThenItsOwnDefaultThenTheObjectsMaterial() throws Exception {
        SceneObject object = SceneLoader.parse(BASE, "scene.yaml", null).sampleFrame(0).objects().get(0);
        Material glassDefault = new Material(new Rgb(0.04, 0.07, 0.11), 0.08);
        Material tyreDefault = new Material(new Rgb(0.02, 0.02, 0.02), 0.9);
        assertThat(object.materialFor("glass", glassDefault)).isEqualTo(new Material(new Rgb(0.1, 0.2, 0.3), 0.08));
        assertThat(object.materialFor("tyre", tyreDefault)).isEqualTo(tyreDefault);
        assertThat(object.materialFor("body", null)).isEqualTo(object.material());
    }

    @Test
    void addingSlotColoursDoesNotChangeTheOtherDrawsOfTheGroup() throws Exception {
        Frame with = SceneLoader.parse(BASE, "scene.yaml", null).sampleFrame(2);
        Frame without = SceneLoader.parse(BASE.replaceAll("(?m)^    colors: .*\\n", ""), "scene.yaml", null).sampleFrame(2);
        for (int i = 0; i < with.objects().size(); i++) {
            SceneObject a = with.objects().get(i);
            SceneObject b = without.objects().get(i);
            assertThat(b.slotColors()).isEmpty();
            assertThat(a.asset()).isEqualTo(b.asset());
            assertThat(a.position()).isEqualTo(b.position());
            assertThat(a.material()).isEqualTo(b.material());
        }
    }

    @Test
    void anUnknownSlotIsReportedAtItsNameWithASuggestion() {
        assertThat(problems(BASE.replace("glass:", "glas:"))).containsExactly(
                "scene.yaml:15:14: groups[0].colors.glas: unknown slot 'glas' for sedan, did you mean 'glass'? "
                        + "(slots: glass, tyre, rim, light_front, light_rear)");
    }

    @Test
    void theMainSlotIsSetWithColorNotColors() {
        assertThat(problems(BASE.replace("glass:", "body:"))).containsExactly(
                "scene.yaml:15:14: groups[0].colors.body: 'body' is the main slot of sedan; set it with color");
    }

    @Test
    void aSlotColourOutOfRangeIsReported() {
        assertThat(problems(BASE.replace("[0.1, 0.2, 0.3]", "[0.1, 1.2, 0.3]"))).singleElement().asString()
                .startsWith("scene.yaml:15:").contains("groups[0].colors.glass").contains("1.2");
    }

    @Test
    void aMeshAssetsSlotsAreTakenAsWrittenWithTheirPositionsForTheCheckAtLoad(@TempDir Path folder) throws Exception {
        // a model file's slots are its materials: known only once it is loaded (the CLI checks them there)
        Files.writeString(folder.resolve("chair.obj"), "v 0 0 0\n");
        Scene scene = SceneLoader.parse(BASE.replace("asset: sedan", "asset: {mesh: chair.obj}"), "scene.yaml", folder);
        var group = scene.spec().groups().get(0);
        assertThat(group.slotColors()).containsOnlyKeys("glass", "rim");
        assertThat(group.slotColorPosition("rim")).isEqualTo(new SourcePosition("scene.yaml", 15, 38, "groups[0].colors.rim"));
        SceneObject object = scene.sampleFrame(0).objects().get(0);
        assertThat(object.slotColors()).containsEntry("glass", new Rgb(0.1, 0.2, 0.3));
    }

    @Test
    void aMeshAssetsSlotColourIsStillCheckedAsAColour(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("chair.obj"), "v 0 0 0\n");
        try {
            SceneLoader.parse(BASE.replace("asset: sedan", "asset: {mesh: chair.obj}").replace("[0.1, 0.2, 0.3]", "[0.1, 2]"),
                    "scene.yaml", folder);
        } catch (SceneException e) {
            assertThat(e.problems()).extracting(SceneProblem::toString).singleElement().asString()
                    .startsWith("scene.yaml:15:21: groups[0].colors.glass:");
            return;
        }
        throw new AssertionError("a two-number colour was accepted");
    }

    @Test
    void aWholeNumberParameterRefusesFractions() {
        String yaml = BASE.replace("asset: sedan", "asset: {kind: bus, params: {window_bays: {uniform: [4, 6]}}}")
                .replace("colors: {glass: [0.1, 0.2, 0.3], rim: {choice: [[0.9, 0.9, 0.9], [0.2, 0.2, 0.2]]}}", "roughness: 0.5");
        assertThat(problems(yaml)).containsExactly("scene.yaml:10:46: groups[0].asset.params.window_bays: "
                + "{uniform: [4, 6]} can produce fractions; window_bays is a whole number (side windows per side)");
        assertThat(problems(yaml.replace("{uniform: [4, 6]}", "{uniform_int: [4, 6]}"))).isEmpty();
    }

    @Test
    void aWeightedChoiceDescribesItsWeights() {
        ParamSpec pose = BuiltinAssets.params("pedestrian").stream().filter(p -> p.name().equals("pose")).findFirst().orElseThrow();
        assertThat(pose.defaultValue().describe()).isEqualTo("{choice: {values: [0, 1, 2], weights: [1, 3, 1]}}");
        assertThat(new ChoiceSampler(List.of(0.0, 1.0), WeightedIndex.equal(2)).describe()).isEqualTo("{choice: [0, 1]}");
    }
}
