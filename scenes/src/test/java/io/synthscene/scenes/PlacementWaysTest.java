package io.synthscene.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.SceneObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A group is placed in exactly one way: in a region, on a zone of the road layout ({@code on}), in
 * front of targets ({@code occlude}) or in the view ({@code flying}); each way has its own streams.
 */
class PlacementWaysTest {
    /** Line numbers below refer to this text. */
    private static final String BASE = """
            seed: 7
            frames: 10
            categories:
              - {id: 1, name: car}
            camera: {mount_height_m: 1.5}
            layout:
              kind: four_way
              lanes_per_direction: 2
            groups:
              - name: cars
                asset: sedan
                category: car
                count: 3
                on: lane
                arm: south
              - name: walls
                asset: {kind: box, params: {width_m: 3, height_m: 2.5, length_m: 0.2}}
                occlude: {targets: [cars], coverage: 0.5}
            """;

    /** Occluders in front of zone-placed cars and flying junk, added to the intersection example. */
    private static final String EXTRA_GROUPS = """

              - name: hoardings
                asset: {kind: box, params: {width_m: 3, height_m: 2.2, length_m: 0.1}}
                count: 2
                occlude: {targets: [cars-ahead, cars-oncoming], coverage: {uniform: [0.2, 0.8]}}
              - name: junk
                asset: {kind: box, params: {width_m: 0.5, height_m: 0.4, length_m: 0.3}}
                count: 3
                flying: {depth_m: {uniform: [3, 25]}}
            """;

    private static String edit(String from, String to) {
        assertThat(BASE).contains(from);
        return BASE.replace(from, to);
    }

    @Test
    void twoWaysOfPlacingAGroupAreRefusedAtAKey() {
        assertThat(SceneProblems.problems(BASE)).isEmpty();
        assertThat(SceneProblems.problems(edit("    occlude:", "    on: sidewalk\n    occlude:"))).containsExactly(
                "scene.yaml:18:5: groups[1].on: 'on' does not apply to a group with occlude (occluders are placed in front of their targets)");
        assertThat(SceneProblems.problems(edit("    occlude: {targets: [cars], coverage: 0.5}", "    on: sidewalk\n    flying: {depth_m: 5}")))
                .containsExactly("scene.yaml:18:5: groups[1].on: 'on' does not apply to a group with flying"
                        + " (flying objects are placed and turned at random in the view)");
        assertThat(SceneProblems.problems(edit("    occlude:", "    distance_m: [2, 20]\n    occlude:"))).containsExactly(
                "scene.yaml:18:5: groups[1].distance_m: 'distance_m' does not apply to a group with occlude"
                        + " (occluders are placed in front of their targets)");
        assertThat(SceneProblems.problems(edit("    occlude:", "    region: {x: [0, 1], z: [0, 1]}\n    occlude:"))).containsExactly(
                "scene.yaml:18:5: groups[1].region: 'region' does not apply to a group with occlude"
                        + " (occluders are placed in front of their targets)");
        // (the walls then lose their target, which is refused too)
        assertThat(SceneProblems.problems(edit("    on: lane\n", "    on: lane\n    region: {x: [0, 1], z: [0, 1]}\n"))).contains(
                "scene.yaml:15:5: groups[0].region: give 'region' or 'on', not both: 'on' places the group on the layout");
        assertThat(SceneProblems.problems(edit("    occlude: {targets: [cars], coverage: 0.5}\n", ""))).containsExactly(
                "scene.yaml:16:5: groups[1].region: missing required field 'region'");
    }

    @Test
    void occludersStandInFrontOfZonePlacedCarsAndNoObjectHasBothRecords() throws Exception {
        Scene scene = SceneLoader.parse(BASE, "scene.yaml", null);
        int occluders = 0;
        for (int i = 0; i < 10; i++) {
            Frame frame = scene.sampleFrame(i);
            for (SceneObject object : frame.objects()) {
                assertThat(object.zone() == null || object.placement() == null).isTrue();
                if (object.group() != null && object.group().equals("cars")) {
                    assertThat(object.zone()).isNotNull();
                }
                if (object.group() != null && object.group().equals("walls")) {
                    occluders++;
                    assertThat(object.placement().kind()).isEqualTo("occluder");
                    assertThat(frame.objects().get(object.placement().targetObject()).group()).isEqualTo("cars");
                }
            }
            assertThat(FrameJson.fromJson(FrameJson.toJson(frame))).isEqualTo(frame);
        }
        assertThat(occluders).isPositive();
    }

    @Test
    void addingOccludersAndFlyingObjectsToALayoutSceneChangesNoOtherDraw() throws Exception {
        String text = Files.readString(Path.of("examples/intersection.yaml"));
        Scene plain = SceneLoader.parse(text, "intersection.yaml", Path.of("examples"));
        Scene more = SceneLoader.parse(text + EXTRA_GROUPS, "intersection.yaml", Path.of("examples"));
        int added = 0;
        for (int i = 0; i < 5; i++) {
            Frame before = plain.sampleFrame(i);
            Frame after = more.sampleFrame(i);
            List<SceneObject> kept = after.objects().stream()
                    .filter(o -> o.group() == null || !(o.group().equals("hoardings") || o.group().equals("junk"))).toList();
            added += after.objects().size() - kept.size();
            assertThat(kept).isEqualTo(before.objects());
            assertThat(after.camera()).isEqualTo(before.camera());
            assertThat(after.lighting()).isEqualTo(before.lighting());
            assertThat(after.layout()).isEqualTo(before.layout());
        }
        assertThat(added).isPositive();
    }
}
