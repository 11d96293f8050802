package io.synthscene.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.SceneObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mistakes in a layout and in groups placed on it are reported at their line and column; a
 * layout and zone-placed groups added to a scene leave the draws of everything else alone.
 */
class LayoutProblemsTest {
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
            """;

    private static String edit(String from, String to) {
        assertThat(BASE).contains(from);
        return BASE.replace(from, to);
    }

    @Test
    void theBaseSceneHasNoProblems() {
        assertThat(SceneProblems.problems(BASE)).isEmpty();
    }

    @Test
    void anUnknownKindOrZoneGetsASuggestion() {
        assertThat(SceneProblems.problems(edit("kind: four_way", "kind: four-way"))).containsExactly(
                "scene.yaml:7:9: layout.kind: unknown layout kind 'four-way', did you mean 'four_way'?");
        assertThat(SceneProblems.problems(edit("on: lane", "on: lanes"))).containsExactly(
                "scene.yaml:14:9: groups[0].on: unknown zone 'lanes', did you mean 'lane'?");
    }

    @Test
    void armsAndLanesMustExistInTheLayout() {
        assertThat(SceneProblems.problems(edit("arm: south", "arm: [south, main]"))).containsExactly(
                "scene.yaml:15:18: groups[0].arm[1]: layout four_way has no arm 'main'; expected one of: south, north, east, west");
        assertThat(SceneProblems.problems(edit("arm: south", "lane: 3"))).containsExactly(
                "scene.yaml:15:11: groups[0].lane: 3 is outside [1, 2]");
        assertThat(SceneProblems.problems(edit("on: lane", "on: sidewalk\n    lane: 1"))).containsExactly(
                "scene.yaml:15:11: groups[0].lane: 'lane' is only for on: lane and on: oncoming_lane");
        assertThat(SceneProblems.problems(edit("on: lane", "on: parking"))).containsExactly(
                "scene.yaml:14:9: groups[0].on: the layout has no parking strips: set layout.parking_width_m");
    }

    @Test
    void aZoneNeedsALayoutAndReplacesTheRegion() {
        assertThat(SceneProblems.problems(edit("layout:\n  kind: four_way\n  lanes_per_direction: 2\n", "")).get(0)).isEqualTo(
                "scene.yaml:11:9: groups[0].on: 'on: lane' needs a layout section: the zones are parts of the road layout");
        assertThat(SceneProblems.problems(edit("on: lane", "on: lane\n    region: {x: [0, 1], z: [0, 1]}"))).containsExactly(
                "scene.yaml:15:5: groups[0].region: give 'region' or 'on', not both: 'on' places the group on the layout");
        assertThat(SceneProblems.problems(edit("    on: lane\n    arm: south\n", ""))).containsExactly(
                "scene.yaml:10:5: groups[0].region: missing required field 'region'");
    }

    @Test
    void sizesThatCannotBeBuiltAreRefusedAtTheKeyToChange() {
        assertThat(SceneProblems.problems(edit("lanes_per_direction: 2", "lanes_per_direction: 2\n  junction_distance_m: 12"))).containsExactly(
                "scene.yaml:9:24: layout.junction_distance_m: junction_distance_m 12 puts the junction's corners within 5 m of the origin: "
                        + "need at least 15.2 (the road's half width with sidewalks is 10.2)");
        assertThat(SceneProblems.problems(edit("lanes_per_direction: 2", "lanes_per_direction: 2\n  curve_radius_m: 20"))).containsExactly(
                "scene.yaml:9:3: layout.curve_radius_m: 'curve_radius_m' is only for kind curve");
        String curve = edit("kind: four_way", "kind: curve").replace("arm: south", "arm: main");
        assertThat(SceneProblems.problems(curve.replace("lanes_per_direction: 2", "lanes_per_direction: 2\n  curve_radius_m: 9"))).containsExactly(
                "scene.yaml:9:19: layout.curve_radius_m: curve_radius_m 9 is not more than the road's half width with sidewalks, 10.2: "
                        + "the inside of the bend would fold over");
        assertThat(SceneProblems.problems(curve.replace("lanes_per_direction: 2", "lanes_per_direction: 2\n  arm_length_m: 40"))).containsExactly(
                "scene.yaml:9:17: layout.arm_length_m: arm_length_m 40 ends inside the bend, which ends 66.9 m ahead: need at least 71.9");
        assertThat(SceneProblems.problems(edit("lanes_per_direction: 2", "lanes_per_direction: 5"))).containsExactly(
                "scene.yaml:8:24: layout.lanes_per_direction: 5 is outside [1, 4]");
    }

    @Test
    void theLayoutsPiecesCountTowardsTheObjectsPerFrameLimit() {
        // the base scene's four-way layout is some 200 pieces plus 3 cars: within 300, not within 100
        Limits roomy = Limits.DEFAULT.with(Limits.Setting.MAX_OBJECTS_PER_FRAME, 300);
        Limits tight = Limits.DEFAULT.with(Limits.Setting.MAX_OBJECTS_PER_FRAME, 100);
        assertThat(problemsUnder(BASE, roomy)).isEmpty();
        assertThat(problemsUnder(BASE, tight)).singleElement().asString()
                .startsWith("scene.yaml:1:1: the layout's pieces and the groups (with class_balance's factors) can place up to ")
                .contains("more than 100");
    }

    private static List<String> problemsUnder(String yaml, Limits limits) {
        try {
            SceneLoader.parse(yaml, "scene.yaml", null, limits);
        } catch (SceneException e) {
            return e.problems().stream().map(SceneProblem::toString).toList();
        }
        return List.of();
    }

    @Test
    void addingALayoutAndZoneGroupsLeavesTheOtherDrawsAlone() throws SceneException {
        String plain = """
                seed: 7
                frames: 10
                categories:
                  - {id: 1, name: car}
                camera: {position: [{uniform: [-1, 1]}, 1.5, 0], yaw_deg: {uniform: [-5, 5]}}
                groups:
                  - name: cars
                    asset: sedan
                    category: car
                    count: {poisson: 4}
                    region: {x: [-5, 5], z: [-60, -5]}
                """;
        String withLayout = plain.replace("groups:\n", "layout: {kind: straight}\ngroups:\n") + """
                  - name: people
                    asset: pedestrian
                    category: car
                    count: 3
                    on: sidewalk
                """;
        Scene a = SceneLoader.parse(plain, "a.yaml", null);
        Scene b = SceneLoader.parse(withLayout, "b.yaml", null);
        for (int i = 0; i < 30; i++) {
            Frame fa = a.sampleFrame(i);
            Frame fb = b.sampleFrame(i);
            assertThat(fb.camera()).isEqualTo(fa.camera());
            List<SceneObject> carsB = fb.objects().stream().filter(o -> o.group().equals("cars")).toList();
            assertThat(carsB).isEqualTo(fa.objects());
            assertThat(fa.layout()).isNull();
            assertThat(fb.layout().kind()).isEqualTo("straight");
        }
    }
}
