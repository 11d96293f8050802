package io.synthscene.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.AssetRef;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The dog and the deer: sizes sane for the species, the withers at the shoulder height, the nose
 * the length ahead of the rump, Animal-Pose keypoints where they belong. Closed, outward-wound
 * parts, pivots and slots are checked for every kind by {@link BuiltinLibraryTest}.
 */
class AnimalsTest {
    private static final int DRAWS = 30;
    /** Where a keypoint sits relative to the part it names, metres: positions are sums of a few float terms. */
    private static final float EPS = 1e-3f;

    @Test
    void dogsAndDeerHaveSaneSizesForTheirSpecies() {
        // length along z (tail included) and height (head, ears and antlers included), metres
        Map<String, float[]> ranges = Map.of("dog", new float[] {0.75f, 1.6f, 0.6f, 1.1f},
                "deer", new float[] {1.45f, 2.1f, 1.25f, 1.85f});
        ranges.forEach((kind, range) -> {
            for (int n = 0; n < DRAWS; n++) {
                AssetRef asset = BuiltinLibraryTest.draw(kind, n);
                float[] b = new AssetLibrary(1).meshFor(asset).bounds();
                assertThat(b[5] - b[2]).as("%s length", asset).isBetween(range[0], range[1]);
                assertThat(b[4] - b[1]).as("%s height", asset).isBetween(range[2], range[3]);
                assertThat(b[3] - b[0]).as("%s width", asset).isBetween(0.15f, 0.9f);
            }
        });
    }

    @Test
    void aStandingAnimalHasItsWithersAtTheShoulderHeightAndItsNoseLengthAheadOfTheRump() {
        for (String kind : new String[] {"dog", "deer"}) {
            for (int n = 0; n < DRAWS; n++) {
                Map<String, Double> params = new TreeMap<>(BuiltinLibraryTest.draw(kind, n).params());
                params.put("pose", 0.0);
                params.put("head_turn_deg", 0.0);
                Mesh mesh = new AssetLibrary(1).meshFor(AssetRef.procedural(kind, params));
                float[] b = mesh.bounds();
                float height = params.get("shoulder_height_m").floatValue();
                Keypoint withers = PedestrianBuilderTest.named(mesh.keypoints(), "withers");
                Keypoint nose = PedestrianBuilderTest.named(mesh.keypoints(), "nose");
                Keypoint tail = PedestrianBuilderTest.named(mesh.keypoints(), "tail_base");
                assertThat(withers.y()).as("%s %d withers", kind, n).isCloseTo(height, within(EPS));
                assertThat(withers.x()).isCloseTo(0f, within(EPS));
                // the nose's tip is the front-most point, length_m ahead of the rump (within the nose's own size)
                float rumpZ = nose.z() - params.get("length_m").floatValue();
                assertThat(b[5]).as("%s %d front", kind, n).isCloseTo(nose.z(), within(0.05f * height));
                assertThat(tail.z()).as("%s %d tail base behind the withers", kind, n).isLessThan(withers.z());
                assertThat(tail.z() - rumpZ).as("%s %d tail base near the rump", kind, n).isBetween(-0.05f, 0.25f * height);
                for (String paw : new String[] {"left_front_paw", "right_front_paw", "left_back_paw", "right_back_paw"}) {
                    assertThat(PedestrianBuilderTest.named(mesh.keypoints(), paw).y()).as("%s %s", kind, paw)
                            .isBetween(0f, 0.07f * height);
                }
                assertThat(PedestrianBuilderTest.named(mesh.keypoints(), "left_eye").x()).as("left is +x").isGreaterThan(0);
                assertThat(PedestrianBuilderTest.named(mesh.keypoints(), "left_front_paw").x()).isGreaterThan(0);
                assertThat(PedestrianBuilderTest.named(mesh.keypoints(), "left_front_paw").z())
                        .isGreaterThan(PedestrianBuilderTest.named(mesh.keypoints(), "left_back_paw").z());
            }
        }
    }

    @Test
    void dogsAndDeerShareTheTwentyAnimalPoseKeypointsInOrder() {
        for (String kind : new String[] {"dog", "deer"}) {
            Mesh mesh = new AssetLibrary(1).meshFor(BuiltinLibraryTest.draw(kind, 1));
            assertThat(mesh.keypoints()).extracting(Keypoint::name).containsExactlyElementsOf(QuadrupedBuilder.KEYPOINTS);
        }
    }

    @Test
    void turningTheHeadMovesTheNoseToThatSideAndTrottingLiftsLegsOffTheVertical() {
        Map<String, Double> params = new TreeMap<>(BuiltinLibraryTest.draw("dog", 2).params());
        params.put("pose", 0.0);
        params.put("head_turn_deg", 30.0);
        Mesh left = new AssetLibrary(1).meshFor(AssetRef.procedural("dog", params));
        assertThat(PedestrianBuilderTest.named(left.keypoints(), "nose").x()).isGreaterThan(0.05f);
        params.put("head_turn_deg", 0.0);
        Mesh straight = new AssetLibrary(1).meshFor(AssetRef.procedural("dog", params));
        params.put("pose", 1.0);
        params.put("gait_phase_deg", 90.0);
        Mesh trotting = new AssetLibrary(1).meshFor(AssetRef.procedural("dog", params));
        float still = gap(straight, "left_front_paw", "left_back_paw");
        float stride = gap(trotting, "left_front_paw", "left_back_paw");
        assertThat(Math.abs(stride - still)).as("paws move apart or together in a trot").isGreaterThan(0.05f);
    }

    @Test
    void aBuckHasAntlersAndADoeNone() {
        Map<String, Double> params = new TreeMap<>(BuiltinLibraryTest.draw("deer", 0).params());
        params.put("antlers", 1.0);
        Mesh buck = new AssetLibrary(1).meshFor(AssetRef.procedural("deer", params));
        params.put("antlers", 0.0);
        Mesh doe = new AssetLibrary(1).meshFor(AssetRef.procedural("deer", params));
        assertThat(buck.part("antler")).isNotNull();
        assertThat(doe.part("antler")).isNull();
        assertThat(buck.bounds()[4]).isGreaterThan(doe.bounds()[4] + 0.1f);
    }

    @Test
    void anAnimalTooShortForItsHeightIsRefusedNamingBothSizes() {
        Map<String, Double> params = new TreeMap<>(BuiltinLibraryTest.draw("deer", 0).params());
        params.put("length_m", 0.6);
        assertThatThrownBy(() -> new AssetLibrary(1).meshFor(AssetRef.procedural("deer", params)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length_m = 0.6")
                .hasMessageContaining("shoulder_height_m");
    }

    private static float gap(Mesh mesh, String a, String b) {
        return PedestrianBuilderTest.named(mesh.keypoints(), a).z() - PedestrianBuilderTest.named(mesh.keypoints(), b).z();
    }
}
