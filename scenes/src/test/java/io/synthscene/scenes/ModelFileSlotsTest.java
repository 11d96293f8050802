package io.synthscene.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.ModelKeypoint;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model file's material slots and keypoints from its catalog entry: a group's {@code colors}
 * recolours a slot as for built-in assets, dropping that slot's own image; the frame records the
 * entry's slots and keypoints and reads them back.
 */
class ModelFileSlotsTest {
    @TempDir
    Path dir;

    private Frame frame(String colors) throws Exception {
        Files.writeString(dir.resolve("car.glb"), "not read by the scene loader");
        Files.writeString(dir.resolve("catalog.yaml"), """
                assets:
                  - id: car
                    file: car.glb
                    category: thing
                    material_slots: {paint: [CarPaint, Body_mat]}
                    keypoints: {nose: [0, 1, 2]}
                """);
        String yaml = """
                seed: 1
                frames: 1
                output: {width: 64, height: 48}
                catalog: catalog.yaml
                categories:
                  - {id: 1, name: thing}
                camera: {mount_height_m: 1.5}
                groups:
                  - name: things
                    asset: {id: car}
                    region: {x: [0, 0], z: [-5, -5]}
                %s
                """.formatted(colors.isEmpty() ? "" : "    colors: " + colors);
        return SceneLoader.parse(yaml, "scene.yaml", dir).sampleFrame(0);
    }

    @Test
    void aSlotColourReplacesThatSlotsColourAndImageOnly() throws Exception {
        SceneObject object = frame("{paint: [1, 0, 0]}").objects().get(0);
        Material file = new Material(new Rgb(0.2, 0.3, 0.4), 0.25, 0.75, null);
        Material paint = object.materialFor("paint", file);
        assertThat(paint.color()).isEqualTo(new Rgb(1, 0, 0));
        assertThat(paint.roughness()).as("the file's").isEqualTo(0.25);
        assertThat(paint.metalness()).as("the file's").isEqualTo(0.75);
        assertThat(object.keepsFileBaseColor("paint")).isFalse();
        assertThat(object.materialFor("Windows", file)).isEqualTo(file);
        assertThat(object.keepsFileBaseColor("Windows")).isTrue();
        assertThat(object.materialOverrides()).as("colors is per slot, no whole-model override").isEmpty();
    }

    @Test
    void theFrameRecordsTheEntrysSlotsAndKeypointsAndReadsThemBack() throws Exception {
        Frame frame = frame("");
        SceneObject object = frame.objects().get(0);
        assertThat(object.asset().materialSlots()).isEqualTo(Map.of("paint", List.of("CarPaint", "Body_mat")));
        assertThat(object.asset().keypoints()).containsExactly(new ModelKeypoint("nose", 0, 1, 2));
        byte[] json = FrameJson.toJson(frame);
        assertThat(new String(json, StandardCharsets.UTF_8).replaceAll("\\s", ""))
                .contains("\"material_slots\":{\"paint\":[\"CarPaint\",\"Body_mat\"]}")
                .contains("\"keypoints\":[{\"name\":\"nose\",\"x\":0.0,\"y\":1.0,\"z\":2.0}]");
        assertThat(FrameJson.fromJson(json)).isEqualTo(frame);
        // the mesh caches key by the ref: the slots and keypoints are part of its identity
        AssetRef plain = new AssetRef(object.asset().kind(), object.asset().params(), object.asset().file(),
                object.asset().upAxis());
        assertThat(object.asset()).isNotEqualTo(plain);
    }
}
