package io.synthscene.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model file's own materials against a group's {@code color}, {@code roughness}, {@code metalness}
 * and {@code texture}: the ones the group writes replace the file's, the others leave them; the
 * frame records which ({@code material_overrides}).
 */
class MaterialOverridesTest {
    @TempDir
    Path dir;

    private Frame frame(String groupKeys, String asset) throws Exception {
        Files.writeString(dir.resolve("chair.glb"), "not read by the scene loader");
        String yaml = """
                seed: 1
                frames: 1
                output: {width: 64, height: 48}
                categories:
                  - {id: 1, name: thing}
                camera: {mount_height_m: 1.5}
                groups:
                  - name: things
                    asset: %s
                    category: thing
                    region: {x: [0, 0], z: [-5, -5]}
                %s
                """.formatted(asset, groupKeys.isEmpty() ? "" : "    " + groupKeys);
        return SceneLoader.parse(yaml, "scene.yaml", dir).sampleFrame(0);
    }

    private static final String MODEL = "{mesh: chair.glb, size_m: 1}";

    @Test
    void aGroupWithoutMaterialKeysLeavesTheFilesMaterialsAlone() throws Exception {
        SceneObject object = frame("", MODEL).objects().get(0);
        assertThat(object.materialOverrides()).isEmpty();
        Material file = new Material(new Rgb(0.9, 0.2, 0.1), 0.3, 0.6, null);
        assertThat(object.materialFor("body", file)).isEqualTo(file);
        assertThat(object.keepsFileBaseColor()).isTrue();
        assertThat(new String(FrameJson.toJson(frame("", MODEL)), StandardCharsets.UTF_8)).doesNotContain("material_overrides");
    }

    @Test
    void theKeysAGroupWritesReplaceTheFilesAndTheFrameRecordsThem() throws Exception {
        Frame frame = frame("color: [0.1, 0.2, 0.3]\n    roughness: 0.9", MODEL);
        SceneObject object = frame.objects().get(0);
        assertThat(object.materialOverrides()).containsExactly("color", "roughness");
        Material file = new Material(new Rgb(0.9, 0.2, 0.1), 0.3, 0.6, null);
        Material drawn = object.materialFor("body", file);
        assertThat(drawn.color()).isEqualTo(new Rgb(0.1, 0.2, 0.3));
        assertThat(drawn.roughness()).isEqualTo(0.9);
        assertThat(drawn.metalness()).as("not written: the file's").isEqualTo(0.6);
        assertThat(object.keepsFileBaseColor()).isFalse();
        byte[] json = FrameJson.toJson(frame);
        assertThat(new String(json, StandardCharsets.UTF_8).replaceAll("\\s", ""))
                .contains("\"material_overrides\":[\"color\",\"roughness\"]");
        assertThat(FrameJson.fromJson(json)).isEqualTo(frame);
    }

    @Test
    void aTextureOverrideDropsTheFilesImageButKeepsItsRoughness() throws Exception {
        SceneObject object = frame("texture: {kind: checker}", MODEL).objects().get(0);
        assertThat(object.materialOverrides()).containsExactly("texture");
        assertThat(object.keepsFileBaseColor()).isFalse();
        Material drawn = object.materialFor("body", new Material(new Rgb(0.9, 0.2, 0.1), 0.3));
        assertThat(drawn.texture()).isNotNull();
        assertThat(drawn.roughness()).isEqualTo(0.3);
    }

    @Test
    void builtInAssetsRecordNoOverridesTheirMainSlotAlwaysTakesTheGroupsMaterial() throws Exception {
        SceneObject object = frame("color: [0.1, 0.2, 0.3]", "sedan").objects().get(0);
        assertThat(object.materialOverrides()).isEmpty();
        assertThat(object.materialFor("body", null).color()).isEqualTo(new Rgb(0.1, 0.2, 0.3));
        assertThat(object.withMaterialOverrides(Set.of()).materialOverrides()).isEmpty();
    }
}
