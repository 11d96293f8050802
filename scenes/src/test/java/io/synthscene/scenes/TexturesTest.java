package io.synthscene.scenes;

import static io.synthscene.scenes.SceneProblems.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Texture;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code texture} on a group and on the ground: read with positions, drawn from its own stream, recorded. */
class TexturesTest {
    /** Line numbers in the tests below refer to this text. */
    private static final String BASE = """
            seed: 5
            frames: 4
            output: {width: 64, height: 48}
            categories:
              - {id: 1, name: car}
            camera:
              mount_height_m: 1.5
            ground: {color: [0.3, 0.3, 0.3], texture: {kind: stripes, scale_m: 2, angle_deg: {uniform: [0, 90]}}}
            groups:
              - name: cars
                asset: sedan
                category: car
                count: 6
                region: {x: [-8, 8], z: [-40, -5]}
                color: [{uniform: [0, 1]}, 0.1, 0.1]
                texture: {kind: {choice: [checker, noise]}, scale_m: {uniform: [0.1, 0.4]}, colors: [[1, 0, 0], {choice: [[0, 0, 1], [0, 1, 0]]}]}
            """;

    /** The same scene without any texture. */
    private static final String PLAIN = BASE.replaceAll(", texture: \\{kind: stripes.*}}", "}")
            .replaceAll("(?m)^    texture: .*\\n", "");

    private static Frame frame(String yaml, int index) {
        try {
            return SceneLoader.parse(yaml, "scene.yaml", null).sampleFrame(index);
        } catch (SceneException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyObjectDrawsItsOwnTextureAndTheFrameRecordsIt() throws Exception {
        Set<String> kinds = new HashSet<>();
        Set<Double> scales = new HashSet<>();
        for (int index = 0; index < 4; index++) {
            Frame frame = frame(BASE, index);
            assertThat(frame.objects()).isNotEmpty();
            for (SceneObject object : frame.objects()) {
                Texture texture = object.material().texture();
                assertThat(texture).isNotNull();
                assertThat(texture.kind()).isIn(Texture.CHECKER, Texture.NOISE);
                assertThat(texture.scaleMeters()).isBetween(0.1, 0.4);
                assertThat(texture.colors().get(0)).isEqualTo(new Rgb(1, 0, 0));
                assertThat(texture.colors().get(1)).isIn(new Rgb(0, 0, 1), new Rgb(0, 1, 0));
                kinds.add(texture.kind());
                scales.add(texture.scaleMeters());
            }
            Texture ground = frame.ground().material().texture();
            assertThat(ground.kind()).isEqualTo(Texture.STRIPES);
            assertThat(ground.scaleMeters()).isEqualTo(2);
            assertThat(ground.angleDegrees()).isBetween(0.0, 90.0);
            byte[] json = FrameJson.toJson(frame);
            assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8)).contains("\"texture\"", "\"scale_m\"", "\"angle_deg\"");
            assertThat(FrameJson.fromJson(json)).isEqualTo(frame);
        }
        assertThat(kinds).containsExactlyInAnyOrder(Texture.CHECKER, Texture.NOISE);
        assertThat(scales.size()).isGreaterThan(10);
        assertThat(frame(BASE, 2)).as("deterministic").isEqualTo(frame(BASE, 2));
    }

    @Test
    void addingATextureChangesNoOtherDraw() {
        assertThat(PLAIN).doesNotContain("texture");
        for (int index = 0; index < 4; index++) {
            Frame textured = frame(BASE, index);
            Frame plain = frame(PLAIN, index);
            assertThat(plain.objects()).allSatisfy(o -> assertThat(o.material().texture()).isNull());
            assertThat(plain.ground().material().texture()).isNull();
            assertThat(textured.ground().material().withTexture(null)).isEqualTo(plain.ground().material());
            assertThat(textured.ground().sizeMeters()).isEqualTo(plain.ground().sizeMeters());
            assertThat(textured.camera()).isEqualTo(plain.camera());
            assertThat(textured.lighting()).isEqualTo(plain.lighting());
            List<SceneObject> untextured = textured.objects().stream().map(TexturesTest::withoutTexture).toList();
            assertThat(untextured).isEqualTo(plain.objects());
        }
    }

    private static SceneObject withoutTexture(SceneObject o) {
        return new SceneObject(o.instanceId(), o.categoryId(), o.category(), o.group(), o.asset(), o.position(), o.yawDegrees(),
                o.pitchDegrees(), o.rollDegrees(), o.scale(), o.material().withTexture(null), o.slotColors(), o.zone(),
                o.emissiveSlots(), o.placement());
    }

    @Test
    void theTextureIsTheMainSlotsAndOtherSlotsKeepTheirMaterials() {
        SceneObject object = frame(BASE, 0).objects().get(0);
        Material glass = new Material(new Rgb(0.04, 0.07, 0.11), 0.08);
        assertThat(object.materialFor("body", null).texture()).isNotNull();
        assertThat(object.materialFor("glass", glass)).isEqualTo(glass);
    }

    @Test
    void anUnknownKindIsReportedAtItsPositionWithASuggestion() {
        assertThat(problems(BASE.replace("choice: [checker, noise]", "choice: [checker, nosie]"))).containsExactly(
                "scene.yaml:16:40: groups[0].texture.kind.choice[1]: unknown 'nosie', did you mean 'noise'?");
        assertThat(problems(BASE.replace("kind: stripes", "kind: plaid"))).containsExactly(
                "scene.yaml:8:50: ground.texture.kind: unknown 'plaid'; expected one of: checker, stripes, noise");
    }

    @Test
    void badScalesColoursAndMissingKindsAreReportedAtTheirFields() {
        assertThat(problems(BASE.replace("scale_m: 2,", "scale_m: -2,"))).containsExactly(
                "scene.yaml:8:68: ground.texture.scale_m: -2 must be > 0");
        assertThat(problems(BASE.replace("colors: [[1, 0, 0], {choice", "colors: [{choice"))).containsExactly(
                "scene.yaml:16:89: groups[0].texture.colors: expected 2 colours, got 1");
        assertThat(problems(BASE.replace("[[1, 0, 0]", "[[1, 2, 0]"))).singleElement().asString()
                .startsWith("scene.yaml:16:94: groups[0].texture.colors[0][1]: 2 is outside [0, 1]");
        assertThat(problems(BASE.replace("texture: {kind: stripes, ", "texture: {"))).singleElement().asString()
                .startsWith("scene.yaml:8:43: ground.texture.kind: missing required field 'kind'");
        assertThat(problems(BASE.replace("angle_deg:", "angel_deg:"))).containsExactly(
                "scene.yaml:8:71: ground.texture.angel_deg: unknown key 'angel_deg', did you mean 'angle_deg'?");
    }
}
