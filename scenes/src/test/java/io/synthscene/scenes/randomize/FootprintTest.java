package io.synthscene.scenes.randomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Vec3;
import io.synthscene.scenes.layout.RoadRect;
import io.synthscene.scenes.layout.ZoneArea;
import io.synthscene.scenes.spec.PlacementSpec;
import io.synthscene.scenes.spec.ZoneSpec;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Footprints are oriented rectangles: the exact distance between two of them (separating axes for
 * overlap, corner to edge apart) on cases whose answer is known, and what that allows on a street.
 */
class FootprintTest {
    private static final double EXACT = 1e-9;

    /** A footprint of half-extents (hx across, hz along) at (x, z), turned by yaw, 2 m tall. */
    private static Footprint rect(double x, double z, double yaw, double hx, double hz, double gap) {
        return new Footprint(x, z, yaw, hx, hz, 0, 0, 2, gap);
    }

    @Test
    void overlappingRectanglesAreAtDistanceZeroAndConflict() {
        Footprint a = rect(0, 0, 0, 1, 2, 0);
        Footprint b = rect(1.5, 1, 30, 1, 1, 0);
        assertThat(a.distanceTo(b)).isEqualTo(0);
        assertThat(a.overlaps(b)).isTrue();
        assertThat(a.conflictsWith(b)).as("with no gap asked").isTrue();
    }

    @Test
    void touchingRectanglesAreAtDistanceZeroAndConflictOnlyWithAGap() {
        Footprint a = rect(0, 0, 0, 1, 2, 0);
        Footprint b = rect(2, 0, 0, 1, 2, 0);
        assertThat(a.distanceTo(b)).isEqualTo(0);
        assertThat(a.overlaps(b)).isFalse();
        assertThat(a.conflictsWith(b)).as("touching, no gap asked").isFalse();
        assertThat(a.conflictsWith(b.at(2, 0.5))).isFalse();
        assertThat(a.conflictsWith(rect(2, 0, 0, 1, 2, 0.01))).isTrue();
    }

    @Test
    void aGapExactlyAtTheThresholdIsKeptAndAnyLessIsNot() {
        Footprint a = rect(0, 0, 0, 1, 2, 1);
        Footprint b = rect(3, 0, 0, 1, 2, 0);
        assertThat(a.distanceTo(b)).isEqualTo(1);
        assertThat(a.conflictsWith(b)).isFalse();
        assertThat(a.conflictsWith(rect(3, 0, 0, 1, 2, 1.000001))).isTrue();
        assertThat(a.conflictsWith(b.at(2.999999, 0))).isTrue();
    }

    @Test
    void aSquareTurnedByFortyFiveDegreesReachesItsHalfDiagonal() {
        Footprint diamond = rect(0, 0, 45, 1, 1, 0);
        Footprint square = rect(Math.sqrt(2) + 1 + 0.5, 0, 0, 1, 1, 0);
        // the diamond's corner (sqrt 2, 0) to the square's left edge x = sqrt 2 + 0.5
        assertThat(diamond.distanceTo(square)).isCloseTo(0.5, within(EXACT));
        assertThat(diamond.conflictsWith(square.at(Math.sqrt(2) + 1 + 0.5, 0.7))).isFalse();
        // up and across, the nearest points are the square's corner (1, 1) and the middle of the
        // diamond's edge x + z = sqrt 2: sqrt 2 - 1 apart, where circles would overlap
        Footprint corner = rect(2, 2, 0, 1, 1, 0);
        assertThat(diamond.distanceTo(corner)).isCloseTo(pointToLine(1, 1, Math.sqrt(2)), within(EXACT))
                .isCloseTo(Math.sqrt(2) - 1, within(EXACT));
    }

    /** Distance from (px, pz) to the line x + z = c. */
    private static double pointToLine(double px, double pz, double c) {
        return Math.abs(px + pz - c) / Math.sqrt(2);
    }

    @Test
    void rectanglesApartAtTheirCornersAreTheCornersDistanceApart() {
        Footprint a = rect(0, 0, 0, 1, 1, 0);
        Footprint b = rect(3, 4, 0, 1, 1, 0);
        assertThat(a.distanceTo(b)).isCloseTo(Math.hypot(1, 2), within(EXACT));
        assertThat(b.distanceTo(a)).isCloseTo(Math.hypot(1, 2), within(EXACT));
    }

    @Test
    void yawTurnsTheLengthOfAVehicleFromZTowardsX() {
        AssetRef car = car(4.5, 1.8);
        Footprint along = Footprint.of(car, 1, 0, 0, 0, 90, 0);
        double[] bounds = along.groundBounds();
        assertThat(bounds[1]).isCloseTo(2.25, within(EXACT));
        assertThat(bounds[3]).isCloseTo(0.9, within(EXACT));
    }

    @Test
    void aLampsRectangleCoversItsArmOnTheSideItReaches() {
        AssetRef lamp = new AssetRef("street_lamp", Map.of("height_m", 6.0, "arm_length_m", 1.5), null, null);
        Footprint f = Footprint.of(lamp, 1, 0, 0, 0, 0, 0);
        double[] bounds = f.groundBounds();
        assertThat(bounds[3]).isCloseTo(1.95, within(EXACT));
        assertThat(bounds[2]).isLessThan(0).isGreaterThan(-0.2);
        // turned by -90 degrees the arm reaches towards -x
        assertThat(Footprint.of(lamp, 1, 0, 0, 0, -90, 0).groundBounds()[0]).isCloseTo(-1.95, within(EXACT));
    }

    @Test
    void heightsThatDoNotOverlapNeverConflict() {
        Footprint low = new Footprint(0, 0, 0, 1, 1, 0, 0, 1, 0.5);
        Footprint high = new Footprint(0, 0, 0, 1, 1, 0, 1, 2, 0.5);
        assertThat(low.conflictsWith(high)).isFalse();
    }

    @Test
    void carsInNeighbouringLanesThreeMetresApartDoNotConflict() {
        Footprint a = Footprint.of(car(5, 2), 1, 0, 0, 0, 180, 0.8);
        Footprint b = Footprint.of(car(5, 2), 1, 3, 0, 1, 3, 0.8);
        assertThat(a.conflictsWith(b)).isFalse();
        // circles of the half-diagonal (2.69 m each) would have needed 6.2 m between the origins
        assertThat(Math.hypot(5, 2) + 0.8).isGreaterThan(Math.hypot(3, 1));
    }

    /**
     * Two 4.5 m parked cars bumper to bumper 0.5 m apart on a parking strip running along +x, with
     * min_gap_m 0.3: the second finds its place. Circles of the half-diagonal would need 5.15 m
     * between the origins, more than the 5 m there are.
     */
    @Test
    void twoParkedCarsStandHalfAMetreApartBumperToBumper() {
        AssetRef car = car(4.5, 1.8);
        double gap = 0.3;
        Footprint first = Footprint.of(car, 1, 10, 0, 0, 90, gap);
        assertThat(Math.hypot(4.5, 1.8) + gap).isGreaterThan(5);

        assertThat(placeOnStripAt(car, 10 + 4.5 + 0.5, gap, first)).as("0.5 m behind the first").isNotNull()
                .satisfies(p -> {
                    assertThat(p.footprint().distanceTo(first)).isCloseTo(0.5, within(1e-3));
                    assertThat(p.zoneYawDegrees()).isEqualTo(90);
                });
        assertThat(placeOnStripAt(car, 10 + 4.5 + 0.2, gap, first)).as("0.2 m behind: less than the gap").isNull();
    }

    /** The place ObjectPlacer finds on a parking strip only a millimetre long, centred at x. */
    private static ObjectPlacer.Place placeOnStripAt(AssetRef car, double x, double gap, Footprint occupied) {
        ZoneArea strip = new ZoneArea(ZoneSpec.Zone.PARKING, "east", null, new RoadRect(x, 0, 90, 0, 0.001), 90, false, 0);
        Camera camera = new Camera(new Vec3(0, 1.5, 0), 0, 0, 0, 60, 0.1, 100, 64, 48, 0, 0);
        Footprint unplaced = Footprint.of(car, 1, 0, 0, 0, 0, gap);
        return ObjectPlacer.find(unplaced, null, List.of(strip), PlacementSpec.REGION_ONLY, camera, List.of(camera),
                List.of(occupied), new SplittableRandom(7));
    }

    private static AssetRef car(double length, double width) {
        return new AssetRef("sedan", Map.of("length_m", length, "width_m", width, "height_m", 1.5), null, null);
    }
}
