package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The scene's road layout as written and validated: which kind, and its cross-section and size.
 * The cross-section sizes in {@link #RANDOM_SIZES} may be distributions ({@code randomSizes}); then
 * each frame draws them ({@link #resolved}) and builds its own road, zones and pieces; otherwise
 * the geometry is the same in every frame. Surface colours are randomizable too. Made by the
 * layout reader, read by the layout code.
 *
 * @param lanesPerDirection lanes on each side of the centre line, 1..4
 * @param parkingWidthMeters width of the parking strip beside the outer lane on each side; 0 = none
 * @param kerbHeightMeters  height of kerbs and sidewalks above the road
 * @param armLengthMeters   length of each arm from the junction (straight, curve: the road ahead of the origin)
 * @param junctionDistanceMeters distance of the junction centre ahead of the origin, along -Z (t_junction, four_way)
 * @param curveRadiusMeters radius of the bend's centre line (curve)
 * @param curveAngleDegrees how far the road turns; positive = to the left (curve)
 * @param curveStartMeters  distance ahead of the origin where the bend starts (curve)
 * @param crossings         zebra crossings: across each arm at the junction, or at {@code crossingAtMeters} (straight, curve)
 * @param crossingAtMeters  distance ahead of the origin of the crossing on a road without junction
 * @param solidCentreLine   a solid centre line instead of a dashed one
 * @param colors            surface colours by name ({@link #SURFACES}); those not given take the defaults
 * @param randomSizes       the sizes of {@link #RANDOM_SIZES} the scene gives as distributions, by key; for
 *                          each, the matching number above is the largest value it can draw (the
 *                          widest road, which the loader checks can be built). Empty for a resolved layout.
 */
public record LayoutSpec(
        Kind kind,
        int lanesPerDirection,
        double laneWidthMeters,
        double parkingWidthMeters,
        double kerbHeightMeters,
        double sidewalkWidthMeters,
        double armLengthMeters,
        double junctionDistanceMeters,
        double curveRadiusMeters,
        double curveAngleDegrees,
        double curveStartMeters,
        boolean crossings,
        double crossingAtMeters,
        boolean solidCentreLine,
        Map<String, VectorSampler> colors,
        Map<String, ScalarSampler> randomSizes) {

    /** The four layouts; {@link #key()} is how the scene file writes them. */
    public enum Kind {
        STRAIGHT("straight"), CURVE("curve"), T_JUNCTION("t_junction"), FOUR_WAY("four_way");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** The arms a zone can name, in the order they are built. */
        public List<String> arms() {
            return switch (this) {
                case STRAIGHT, CURVE -> List.of("main");
                case T_JUNCTION -> List.of("south", "east", "west");
                case FOUR_WAY -> List.of("south", "north", "east", "west");
            };
        }
    }

    /** Surfaces whose colour the scene may set, in draw order. */
    public static final List<String> SURFACES = List.of("road", "marking", "parking", "kerb", "sidewalk");

    /** Width of a kerb stone, metres: fixed, as kerbs are. */
    public static final double KERB_WIDTH_METERS = 0.2;

    /**
     * Cross-section sizes a scene may randomize, in the order a frame draws them from its
     * {@code layout/sizes} stream (only those given as distributions draw).
     */
    public static final List<String> RANDOM_SIZES = List.of("lane_width_m", "parking_width_m", "kerb_height_m",
            "sidewalk_width_m");

    public LayoutSpec {
        colors = Collections.unmodifiableSortedMap(new TreeMap<>(colors));
        randomSizes = Collections.unmodifiableSortedMap(new TreeMap<>(randomSizes == null ? Map.of() : randomSizes));
        for (String key : randomSizes.keySet()) {
            if (!RANDOM_SIZES.contains(key)) {
                throw new IllegalArgumentException("layout size " + key + " cannot be randomized");
            }
        }
    }

    /** A layout with fixed sizes. */
    public LayoutSpec(Kind kind, int lanesPerDirection, double laneWidthMeters, double parkingWidthMeters,
                      double kerbHeightMeters, double sidewalkWidthMeters, double armLengthMeters, double junctionDistanceMeters,
                      double curveRadiusMeters, double curveAngleDegrees, double curveStartMeters, boolean crossings,
                      double crossingAtMeters, boolean solidCentreLine, Map<String, VectorSampler> colors) {
        this(kind, lanesPerDirection, laneWidthMeters, parkingWidthMeters, kerbHeightMeters, sidewalkWidthMeters,
                armLengthMeters, junctionDistanceMeters, curveRadiusMeters, curveAngleDegrees, curveStartMeters, crossings,
                crossingAtMeters, solidCentreLine, colors, Map.of());
    }

    /** Whether each frame draws its own cross-section. */
    public boolean hasRandomSizes() {
        return !randomSizes.isEmpty();
    }

    /**
     * This layout with every random size drawn from {@code random} (the frame's {@code layout/sizes}
     * stream), in {@link #RANDOM_SIZES} order; itself when none is random.
     */
    public LayoutSpec resolved(SplittableRandom random) {
        if (randomSizes.isEmpty()) {
            return this;
        }
        double[] sizes = {laneWidthMeters, parkingWidthMeters, kerbHeightMeters, sidewalkWidthMeters};
        for (int i = 0; i < RANDOM_SIZES.size(); i++) {
            ScalarSampler sampler = randomSizes.get(RANDOM_SIZES.get(i));
            if (sampler != null) {
                sizes[i] = sampler.sample(random);
            }
        }
        return new LayoutSpec(kind, lanesPerDirection, sizes[0], sizes[1], sizes[2], sizes[3], armLengthMeters,
                junctionDistanceMeters, curveRadiusMeters, curveAngleDegrees, curveStartMeters, crossings, crossingAtMeters,
                solidCentreLine, colors, Map.of());
    }

    /** Half the width of the carriageway, parking strips included: where the kerb starts. */
    public double halfCarriagewayMeters() {
        return lanesPerDirection * laneWidthMeters + parkingWidthMeters;
    }

    /** From the centre line to the outer edge of the sidewalk. */
    public double halfWidthMeters() {
        return halfCarriagewayMeters() + KERB_WIDTH_METERS + sidewalkWidthMeters;
    }

    public boolean hasJunction() {
        return kind == Kind.T_JUNCTION || kind == Kind.FOUR_WAY;
    }
}
