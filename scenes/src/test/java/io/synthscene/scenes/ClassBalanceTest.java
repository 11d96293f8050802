package io.synthscene.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.SceneObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * class_balance steers the share of placed instances per category towards its targets over a
 * dataset, frame by frame from (seed, index) alone, without touching the draws of a scene that
 * has none.
 */
class ClassBalanceTest {
    /** Converged shares stay this close to the targets over {@link #FRAMES} frames. */
    private static final double SHARE_TOLERANCE = 0.02;
    private static final int FRAMES = 2000;

    private static final String SCENE = """
            seed: 3
            frames: 10
            categories:
              - {id: 1, name: car}
              - {id: 2, name: pedestrian}
              - {id: 3, name: cyclist}
            camera: {mount_height_m: 1.5}
            groups:
              - name: cars
                asset: box
                category: car
                count: {uniform_int: [4, 8]}
                region: {x: [-100, 100], z: [-200, -10]}
              - name: people
                asset: pedestrian
                category: pedestrian
                count: {poisson: 3}
                region: {x: [-100, 100], z: [-200, -10]}
              - name: cyclists
                asset: bicycle
                category: cyclist
                count: {choice: {values: [0, 1], weights: [3, 1]}}
                region: {x: [-100, 100], z: [-200, -10]}
            """;
    private static final String BALANCE = "class_balance: {car: 0.4, pedestrian: 0.35, cyclist: 0.25}\n";

    private static Map<String, Double> shares(Scene scene) {
        Map<String, Double> counts = new TreeMap<>();
        IntStream.range(0, FRAMES).mapToObj(scene::sampleFrame).flatMap(f -> f.labelledObjects().stream())
                .forEach(o -> counts.merge(o.category(), 1.0, Double::sum));
        double total = counts.values().stream().mapToDouble(Double::doubleValue).sum();
        counts.replaceAll((k, v) -> v / total);
        return counts;
    }

    @Test
    void theSharesOfPlacedInstancesConvergeToTheTargets() throws SceneException {
        Map<String, Double> natural = shares(SceneLoader.parse(SCENE, "scene.yaml", null));
        // without balance cyclists are 0.25 / (6 + 3 + 0.25) of the instances, under 3 %
        assertThat(natural.get("cyclist")).isLessThan(0.04);
        Map<String, Double> balanced = shares(SceneLoader.parse(SCENE + BALANCE, "scene.yaml", null));
        assertThat(balanced.get("car")).isCloseTo(0.4, org.assertj.core.data.Offset.offset(SHARE_TOLERANCE));
        assertThat(balanced.get("pedestrian")).isCloseTo(0.35, org.assertj.core.data.Offset.offset(SHARE_TOLERANCE));
        assertThat(balanced.get("cyclist")).isCloseTo(0.25, org.assertj.core.data.Offset.offset(SHARE_TOLERANCE));
    }

    @Test
    void eachBalancedFrameDependsOnItsSeedAndIndexAloneAndRecordsTheTargets() throws SceneException {
        Scene scene = SceneLoader.parse(SCENE + BALANCE, "scene.yaml", null);
        Frame late = scene.sampleFrame(1234);
        for (int i = 0; i < 20; i++) {
            scene.sampleFrame(i);
        }
        assertThat(SceneLoader.parse(SCENE + BALANCE, "other.yaml", null).sampleFrame(1234)).isEqualTo(late);
        assertThat(late.classBalance()).containsExactlyEntriesOf(new TreeMap<>(Map.of("car", 0.4, "cyclist", 0.25, "pedestrian", 0.35)));
        assertThat(FrameJson.fromJson(FrameJson.toJson(late))).isEqualTo(late);
    }

    @Test
    void balancingChangesHowManyObjectsAGroupHasButNotTheirLooksOrTheOtherConcerns() throws SceneException {
        Frame plain = SceneLoader.parse(SCENE, "scene.yaml", null).sampleFrame(5);
        Frame balanced = SceneLoader.parse(SCENE + BALANCE, "scene.yaml", null).sampleFrame(5);
        assertThat(balanced.camera()).isEqualTo(plain.camera());
        assertThat(balanced.lighting()).isEqualTo(plain.lighting());
        // object k of a group has the same asset draw whether or not the count was scaled
        for (String group : List.of("cars", "people", "cyclists")) {
            List<SceneObject> a = plain.objects().stream().filter(o -> o.group().equals(group)).toList();
            List<SceneObject> b = balanced.objects().stream().filter(o -> o.group().equals(group)).toList();
            for (int k = 0; k < Math.min(a.size(), b.size()); k++) {
                assertThat(b.get(k).asset()).isEqualTo(a.get(k).asset());
                assertThat(b.get(k).material()).isEqualTo(a.get(k).material());
            }
        }
    }

    @Test
    void aCategoryThatNoGroupPlacesOnAverageNeedsNoShare() throws SceneException {
        String scene = SCENE.replace("count: {choice: {values: [0, 1], weights: [3, 1]}}", "count: 0");
        Scene balanced = SceneLoader.parse(scene + "class_balance: {car: 0.5, pedestrian: 0.5}\n", "scene.yaml", null);
        assertThat(balanced.sampleFrame(0).labelledObjects()).noneMatch(o -> o.category().equals("cyclist"));
    }

    @Test
    void sharesThatDoNotFitTheSceneAreReportedWhereTheyAreWritten() {
        assertThat(SceneProblems.problems(SCENE + "class_balance: {car: 0.5, pedestrian: 0.3, cyclist: 0.1}\n"))
                .containsExactly("scene.yaml:24:16: class_balance: shares sum to 0.9, not 1");
        assertThat(SceneProblems.problems(SCENE + "class_balance: {car: 0.7, pedestrian: 0.3}\n"))
                .containsExactly("scene.yaml:24:16: class_balance: 'cyclist' is placed by a group but has no share: list every labelled category");
        assertThat(SceneProblems.problems(SCENE + "class_balance: {car: 0.5, pedestrain: 0.3, cyclist: 0.2}\n"))
                .containsExactly("scene.yaml:24:27: class_balance.pedestrain: unknown category 'pedestrain', did you mean 'pedestrian'?");
        assertThat(SceneProblems.problems(SCENE + "class_balance: {car: 0.5, pedestrian: 0, cyclist: 0.5}\n"))
                .containsExactly("scene.yaml:24:39: class_balance.pedestrian: 0 is outside (0, 1]");
    }

}
