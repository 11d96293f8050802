package io.synthscene.scenes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.SceneObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Objects a group asks for but cannot place are dropped from the frame and counted, by group, in
 * the frame's {@code unplaced}: never silently. A frame that placed everything has no such key, so
 * its JSON is what it was before the count existed.
 */
class UnplacedObjectsTest {
    /** A region that is one point holds one object; the cones' region has room for both. */
    private static final String CROWDED = """
            seed: 3
            frames: 8
            categories:
              - {id: 1, name: crate}
              - {id: 2, name: cone}
            camera: {position: [0, 1.5, 0], pitch_deg: -10}
            groups:
              - name: crates
                asset: {kind: box, params: {width_m: 1, length_m: 1, height_m: 1}}
                category: crate
                count: 4
                region: {x: [0, 0], z: [-8, -8]}
              - name: cones
                asset: traffic_cone
                category: cone
                count: 2
                region: {x: [-20, 20], z: [-40, -20]}
            """;

    private static Scene scene(String yaml) throws SceneException {
        return SceneLoader.parse(yaml, "scene.yaml", null);
    }

    private static long placed(Frame frame, String group) {
        return frame.objects().stream().map(SceneObject::group).filter(group::equals).count();
    }

    @Test
    void aRegionThatHoldsOneOfFourObjectsRecordsThreeUnplacedInEveryFrame() throws SceneException {
        Scene scene = scene(CROWDED);
        for (int i = 0; i < 8; i++) {
            Frame frame = scene.sampleFrame(i);
            assertThat(frame.unplaced()).as("frame " + i).isEqualTo(Map.of("crates", 3));
            assertThat(placed(frame, "crates")).isEqualTo(1);
            assertThat(placed(frame, "cones")).isEqualTo(2);
            String json = new String(FrameJson.toJson(frame), StandardCharsets.UTF_8);
            assertThat(json).contains("\"unplaced\" : {\n    \"crates\" : 3\n  }");
            assertThat(FrameJson.fromJson(FrameJson.toJson(frame))).isEqualTo(frame);
        }
    }

    @Test
    void aFrameThatPlacedEveryObjectHasNoUnplacedKey() throws SceneException {
        Scene scene = scene(CROWDED.replace("count: 4", "count: 1"));
        for (int i = 0; i < 8; i++) {
            Frame frame = scene.sampleFrame(i);
            assertThat(frame.unplaced()).isEmpty();
            assertThat(new String(FrameJson.toJson(frame), StandardCharsets.UTF_8)).doesNotContain("unplaced");
        }
    }

    @Test
    void dropsChangeNoOtherDrawOfTheFrame() throws SceneException {
        // the crates' fourth object is the one that fails; the cones, drawn from their own streams, stay where they were
        Frame crowded = scene(CROWDED).sampleFrame(5);
        Frame roomy = scene(CROWDED.replace("count: 4", "count: 1")).sampleFrame(5);
        assertThat(crowded.objects()).isEqualTo(roomy.objects());
        assertThat(crowded.camera()).isEqualTo(roomy.camera());
    }

    @Test
    void occludersWithoutATargetAndFlyingObjectsWithNoPlaceInViewAreCountedToo() throws SceneException {
        Scene scene = scene(CROWDED + """
                  - name: nobody
                    asset: {kind: box, params: {width_m: 1, height_m: 1, length_m: 1}}
                    count: 0
                    region: {x: [0, 0], z: [-30, -30]}
                  - name: walls
                    asset: {kind: box, params: {width_m: 3, height_m: 2.5, length_m: 0.2}}
                    count: 2
                    occlude: {targets: [nobody], coverage: 0.5}
                  - name: junk
                    asset: {kind: box, params: {width_m: 0.5, height_m: 0.4, length_m: 0.3}}
                    count: 3
                    flying: {depth_m: 5000}
                """);
        Frame frame = scene.sampleFrame(0);
        assertThat(frame.unplaced()).isEqualTo(Map.of("crates", 3, "walls", 2, "junk", 3));
    }

    @Test
    void aFrameJsonWrittenBeforeTheCountExistedStillReadsAsOneThatPlacedEverything() throws SceneException {
        Frame frame = scene(CROWDED.replace("count: 4", "count: 1")).sampleFrame(2);
        Frame read = FrameJson.fromJson(FrameJson.toJson(frame));
        assertThat(read.unplaced()).isEmpty();
        assertThat(read).isEqualTo(frame);
    }

    @Test
    void aCountBelowOneIsNotAFrame() throws SceneException {
        String json = new String(FrameJson.toJson(scene(CROWDED).sampleFrame(0)), StandardCharsets.UTF_8)
                .replace("\"crates\" : 3", "\"crates\" : 0");
        assertThatThrownBy(() -> FrameJson.fromJson(json.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("unplaced: group crates has 0 objects");
    }
}
