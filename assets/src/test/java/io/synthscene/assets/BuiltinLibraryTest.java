package io.synthscene.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.random.FrameRandom;
import io.synthscene.scenes.spec.BuiltinAssets;
import io.synthscene.scenes.spec.ParamSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every procedural kind, over many draws of its default parameters: closed and outward-wound
 * parts, a sane size for its category, its pivot at the bottom centre, keypoints within its
 * bounds, only its declared slots, and the same mesh for the same parameters.
 */
class BuiltinLibraryTest {
    /** Draws of the default parameters per kind. */
    private static final int DRAWS = 30;
    /** Bounds and pivots agree with their definition this closely (metres): float sums of a few terms. */
    private static final float EPS = 1e-4f;
    /** Smallest volume a closed piece may enclose (cubic metres): thin glass panes are about 1e-5. */
    private static final double MIN_PIECE_VOLUME = 1e-8;

    static Stream<String> kinds() {
        return BuiltinAssets.proceduralKinds().stream();
    }

    /** Draw {@code n} of a kind's defaults, from a stream fixed by (kind, n). */
    static AssetRef draw(String kind, int n) {
        SplittableRandom random = FrameRandom.stream(2026, n, "library-test/" + kind);
        Map<String, Double> params = new TreeMap<>();
        for (ParamSpec param : BuiltinAssets.params(kind)) {
            params.put(param.name(), param.defaultValue().sample(random));
        }
        return AssetRef.procedural(kind, params);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyPartIsClosedAndWoundOutwardsWithUnitNormals(String kind) {
        for (int n = 0; n < DRAWS; n++) {
            AssetRef asset = draw(kind, n);
            Mesh mesh = new AssetLibrary(1).meshFor(asset);
            MeshAssertions.assertWellFormed(mesh);
            for (MeshPart part : mesh.parts()) {
                if (kind.equals("plane")) {
                    continue; // the one open surface: a single-sided rectangle (checked in PrimitivesTest)
                }
                MeshTopology topology = new MeshTopology(part);
                assertThat(topology.unmatchedEdges()).as("%s part %s: edges without their reverse", asset, part.slot()).isEmpty();
                assertThat(topology.pieceVolumes()).as("%s part %s: volume of each closed piece", asset, part.slot())
                        .allSatisfy(volume -> assertThat(volume).isGreaterThan(MIN_PIECE_VOLUME));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void thePivotIsTheBottomCentreAndKeypointsLieWithinTheBounds(String kind) {
        for (int n = 0; n < DRAWS; n++) {
            AssetRef asset = draw(kind, n);
            Mesh mesh = new AssetLibrary(1).meshFor(asset);
            float[] b = mesh.bounds();
            assertThat(b[1]).as("%s: lowest point", asset).isCloseTo(0f, within(EPS));
            assertThat(b[0] + b[3]).as("%s: centred in x", asset).isCloseTo(0f, within(EPS));
            assertThat(b[2] + b[5]).as("%s: centred in z", asset).isCloseTo(0f, within(EPS));
            for (Keypoint k : mesh.keypoints()) {
                assertThat(k.x()).as("%s: %s", asset, k.name()).isBetween(b[0] - EPS, b[3] + EPS);
                assertThat(k.y()).as("%s: %s", asset, k.name()).isBetween(b[1] - EPS, b[4] + EPS);
                assertThat(k.z()).as("%s: %s", asset, k.name()).isBetween(b[2] - EPS, b[5] + EPS);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void partsUseOnlyTheDeclaredSlotsAndOnlyTheMainSlotTakesTheObjectsMaterial(String kind) {
        List<String> slots = BuiltinAssets.slots(kind);
        for (int n = 0; n < DRAWS; n++) {
            Mesh mesh = new AssetLibrary(1).meshFor(draw(kind, n));
            Set<String> seen = new HashSet<>();
            for (MeshPart part : mesh.parts()) {
                assertThat(slots).as(kind).contains(part.slot());
                seen.add(part.slot());
                if (part.slot().equals(slots.get(0))) {
                    assertThat(part.fixedMaterial()).as("%s main slot %s", kind, part.slot()).isNull();
                } else {
                    assertThat(part.fixedMaterial()).as("%s slot %s has a default", kind, part.slot()).isNotNull();
                }
            }
            assertThat(seen).as(kind).contains(slots.get(0));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theSameParametersGiveTheSameMesh(String kind) {
        AssetRef asset = draw(kind, 7);
        Mesh first = new AssetLibrary(1).meshFor(asset);
        Mesh second = new AssetLibrary(1).meshFor(AssetRef.procedural(kind, new TreeMap<>(asset.params())));
        assertThat(second.parts()).hasSameSizeAs(first.parts());
        for (int i = 0; i < first.parts().size(); i++) {
            MeshPart a = first.parts().get(i);
            MeshPart b = second.parts().get(i);
            assertThat(b.slot()).isEqualTo(a.slot());
            assertThat(b.positions()).isEqualTo(a.positions());
            assertThat(b.normals()).isEqualTo(a.normals());
            assertThat(b.indices()).isEqualTo(a.indices());
            assertThat(b.fixedMaterial()).isEqualTo(a.fixedMaterial());
        }
        assertThat(second.keypoints()).isEqualTo(first.keypoints());
    }

    @Test
    void vehiclesAreExactlyTheirLengthWidthAndHeightAndSaneForTheirCategory() {
        Map<String, float[]> lengthRange = Map.of("vehicle", new float[] {3.5f, 5.5f}, "sedan", new float[] {3.5f, 5.5f},
                "hatchback", new float[] {3.5f, 5.5f}, "suv", new float[] {3.5f, 5.5f}, "van", new float[] {3.5f, 5.5f},
                "pickup", new float[] {3.5f, 5.5f}, "truck", new float[] {6f, 10f}, "bus", new float[] {9f, 14f});
        lengthRange.forEach((kind, range) -> {
            for (int n = 0; n < DRAWS; n++) {
                AssetRef asset = draw(kind, n);
                float[] b = new AssetLibrary(1).meshFor(asset).bounds();
                assertThat(b[5] - b[2]).as("%s length", asset).isCloseTo((float) asset.param("length_m"), within(EPS))
                        .isBetween(range[0], range[1]);
                assertThat(b[3] - b[0]).as("%s width", asset).isCloseTo((float) asset.param("width_m"), within(EPS))
                        .isBetween(1.5f, 2.6f);
                assertThat(b[4] - b[1]).as("%s height", asset).isCloseTo((float) asset.param("height_m"), within(EPS))
                        .isBetween(1.3f, 4f);
            }
        });
    }

    @Test
    void adultsAndChildrenHaveTheirHeightsStandingAndAreNoTallerPosed() {
        Map<String, float[]> heightRange = Map.of("pedestrian", new float[] {1.5f, 2.0f}, "child", new float[] {0.9f, 1.4f});
        heightRange.forEach((kind, range) -> {
            for (int n = 0; n < DRAWS; n++) {
                AssetRef asset = draw(kind, n);
                float height = (float) asset.param("height_m");
                assertThat(height).as(kind).isBetween(range[0], range[1]);
                Map<String, Double> standing = new TreeMap<>(asset.params());
                standing.put("pose", 0.0);
                standing.put("arm_swing_deg", 0.0);
                standing.put("leg_stride_deg", 0.0);
                float[] still = new AssetLibrary(1).meshFor(AssetRef.procedural(kind, standing)).bounds();
                assertThat(still[4] - still[1]).as("%s standing", asset).isCloseTo(height, within(EPS));
                float[] posed = new AssetLibrary(1).meshFor(asset).bounds();
                assertThat(posed[4] - posed[1]).as("%s posed", asset).isBetween(0.85f * height, height + EPS);
            }
        });
    }

    @Test
    void twoWheelersAndStreetFurnitureHaveSaneSizes() {
        Map<String, float[]> lengthAndHeight = Map.of(
                "bicycle", new float[] {1.5f, 2.0f, 1.3f, 2.0f},
                "motorcycle", new float[] {1.9f, 2.4f, 1.3f, 2.0f},
                "traffic_cone", new float[] {0.2f, 0.5f, 0.5f, 0.75f},
                "bollard", new float[] {0.1f, 0.3f, 0.8f, 1.1f},
                "street_lamp", new float[] {1.2f, 2.6f, 5f, 9f},
                "traffic_sign", new float[] {0.05f, 0.2f, 2f, 2.8f},
                "traffic_light", new float[] {0.2f, 0.3f, 2.6f, 4f},
                "bench", new float[] {0.45f, 0.6f, 0.8f, 0.9f},
                "bin", new float[] {0.5f, 0.75f, 0.8f, 1.1f},
                "barrier", new float[] {0.5f, 0.7f, 0.9f, 1.1f});
        lengthAndHeight.forEach((kind, range) -> {
            for (int n = 0; n < DRAWS; n++) {
                AssetRef asset = draw(kind, n);
                float[] b = new AssetLibrary(1).meshFor(asset).bounds();
                assertThat(b[5] - b[2]).as("%s length along z", asset).isBetween(range[0], range[1]);
                assertThat(b[4] - b[1]).as("%s height", asset).isBetween(range[2], range[3] + EPS);
                if (asset.params().containsKey("height_m")) {
                    assertThat(b[4] - b[1]).as("%s height", asset).isCloseTo((float) asset.param("height_m"), within(0.001f));
                }
            }
        });
    }

    @Test
    void buildingsTreesAndBushesHaveTheirSizes() {
        for (int n = 0; n < DRAWS; n++) {
            AssetRef building = draw("building", n);
            float[] b = new AssetLibrary(1).meshFor(building).bounds();
            boolean ledge = building.param("roof_ledge") == 1;
            float reach = 2 * (BuildingBuilder.RELIEF + (ledge ? BuildingBuilder.LEDGE_OVERHANG : 0));
            float wall = (float) (building.param("storeys") * building.param("storey_height_m"));
            assertThat(b[3] - b[0]).as("%s width", building).isCloseTo((float) building.param("width_m") + reach, within(EPS));
            assertThat(b[5] - b[2]).as("%s depth", building).isCloseTo((float) building.param("depth_m") + reach, within(EPS));
            assertThat(b[4] - b[1]).as("%s height", building)
                    .isCloseTo(wall + (ledge ? BuildingBuilder.LEDGE_THICKNESS : BuildingBuilder.SLAB_THICKNESS) - 0.02f, within(EPS))
                    .isBetween(5.5f, 21f);

            AssetRef tree = draw("tree", n);
            b = new AssetLibrary(1).meshFor(tree).bounds();
            float crown = (float) tree.param("crown_radius_m");
            assertThat(b[4] - b[1]).as("%s height", tree).isCloseTo((float) tree.param("height_m"), within(EPS)).isBetween(5f, 10f);
            assertThat(b[3] - b[0]).as("%s crown width", tree).isBetween(1.5f * crown, 2f * crown + EPS);
            assertThat(b[5] - b[2]).as("%s crown depth", tree).isBetween(1.5f * crown, 2f * crown + EPS);

            AssetRef bush = draw("bush", n);
            b = new AssetLibrary(1).meshFor(bush).bounds();
            assertThat(b[4] - b[1]).as("%s height", bush).isCloseTo((float) bush.param("height_m"), within(EPS)).isBetween(0.5f, 1f);
            assertThat(b[3] - b[0]).as("%s width", bush).isCloseTo((float) bush.param("width_m"), within(EPS));
            assertThat(b[5] - b[2]).as("%s depth", bush).isBetween(0.5f * (float) bush.param("height_m"), 1.5f * (float) bush.param("height_m"));
        }
    }

    @Test
    void ridersAddCocoKeypointsAndARiderlessTwoWheelerHasNone() {
        AssetRef ridden = draw("bicycle", 3);
        assertThat(new AssetLibrary(1).meshFor(ridden).keypoints()).extracting(Keypoint::name).startsWith("nose", "left_eye")
                .contains("left_wrist", "right_ankle").hasSize(20);
        Map<String, Double> alone = new TreeMap<>(ridden.params());
        alone.put("rider", 0.0);
        Mesh bike = new AssetLibrary(1).meshFor(AssetRef.procedural("bicycle", alone));
        assertThat(bike.keypoints()).isEmpty();
        assertThat(bike.parts()).extracting(MeshPart::slot).doesNotContain("shirt", "skin");
    }

    @Test
    void aRidersHandsAreOnTheGripsAndFeetOnThePedals() {
        for (int n = 0; n < DRAWS; n++) {
            Mesh mesh = new AssetLibrary(1).meshFor(draw("bicycle", n));
            Keypoint wrist = PedestrianBuilderTest.named(mesh.keypoints(), "left_wrist");
            Keypoint ankle = PedestrianBuilderTest.named(mesh.keypoints(), "left_ankle");
            float[] b = mesh.bounds();
            // The grips are the front-most part of the rider; the pedals are near the ground.
            assertThat(wrist.z()).as("wrist forward of the centre").isGreaterThan(0.1f);
            assertThat(ankle.y()).as("ankle on a pedal").isLessThan(0.6f);
            assertThat(PedestrianBuilderTest.named(mesh.keypoints(), "head_top").y()).isLessThanOrEqualTo(b[4]);
        }
    }
}
