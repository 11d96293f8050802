package io.synthscene.scenes.spec;

import io.synthscene.scenes.sampling.VectorSampler;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scene's road layout as written and validated: which kind, and its cross-section and size.
 * Geometry is fixed for the whole dataset (only the surface colours are randomizable), so zones
 * and pieces are the same in every frame. Made by the layout reader, read by the layout code.
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
        Map<String, VectorSampler> colors) {

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

    public LayoutSpec {
        colors = Collections.unmodifiableSortedMap(new TreeMap<>(colors));
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
