package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.RoadLayout;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Vec3;
import io.synthscene.scenes.layout.LayoutPiece;
import io.synthscene.scenes.layout.LayoutPieces;
import io.synthscene.scenes.layout.RoadNetwork;
import io.synthscene.scenes.sampling.VectorSampler;
import io.synthscene.scenes.spec.LayoutSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Turns the scene's road layout into the frame's scenery: every {@link LayoutPiece} becomes an
 * unlabelled object of group {@code layout/<part>} (a {@code plane} or a {@code box} of the piece's
 * size), coloured by its surface. The geometry is the same in every frame; only the colours the
 * scene randomizes are drawn, from the {@code layout} stream, in {@link LayoutSpec#SURFACES} order
 * (surfaces the scene leaves at their default draw nothing). Made once per scene; stateless.
 */
final class LayoutRandomizer {
    /** Default surfaces, linear RGB: dark asphalt, white paint, grey kerb stones and paving. */
    private static final Map<String, Material> DEFAULTS = Map.of(
            "road", new Material(new Rgb(0.05, 0.05, 0.055), 0.9),
            "marking", new Material(new Rgb(0.75, 0.75, 0.72), 0.6),
            "parking", new Material(new Rgb(0.075, 0.075, 0.08), 0.9),
            "kerb", new Material(new Rgb(0.4, 0.39, 0.37), 0.8),
            "sidewalk", new Material(new Rgb(0.24, 0.23, 0.22), 0.95));

    private final LayoutSpec spec;
    private final List<LayoutPiece> pieces;
    private final RoadLayout record;

    LayoutRandomizer(RoadNetwork network) {
        this.spec = network.spec();
        this.pieces = LayoutPieces.of(network);
        this.record = record(spec);
    }

    RoadLayout layout() {
        return record;
    }

    List<SceneObject> sample(SplittableRandom random) {
        Map<String, Material> materials = new HashMap<>(DEFAULTS);
        for (String surface : LayoutSpec.SURFACES) {
            VectorSampler color = spec.colors().get(surface);
            if (color != null) {
                materials.put(surface, new Material(Colors.rgb(color, random), DEFAULTS.get(surface).roughness()));
            }
        }
        List<SceneObject> objects = new ArrayList<>(pieces.size());
        for (LayoutPiece piece : pieces) {
            Map<String, Double> params = new TreeMap<>();
            params.put("width_m", piece.rect().widthMeters());
            params.put("length_m", piece.rect().lengthMeters());
            if (!piece.isFlat()) {
                params.put("height_m", piece.heightMeters());
            }
            AssetRef asset = AssetRef.procedural(piece.isFlat() ? "plane" : "box", params);
            objects.add(new SceneObject(0, 0, null, "layout/" + piece.part(), asset,
                    new Vec3(piece.rect().centerX(), piece.bottomMeters(), piece.rect().centerZ()),
                    piece.rect().headingDegrees(), 0, 0, 1, materials.get(piece.surface())));
        }
        return objects;
    }

    /** What the frame records of the layout: its kind and every size it was built with. */
    private static RoadLayout record(LayoutSpec spec) {
        Map<String, Double> params = new TreeMap<>();
        params.put("lanes_per_direction", (double) spec.lanesPerDirection());
        params.put("lane_width_m", spec.laneWidthMeters());
        params.put("parking_width_m", spec.parkingWidthMeters());
        params.put("kerb_height_m", spec.kerbHeightMeters());
        params.put("sidewalk_width_m", spec.sidewalkWidthMeters());
        params.put("arm_length_m", spec.armLengthMeters());
        params.put("crossings", spec.crossings() ? 1.0 : 0.0);
        params.put("solid_centre_line", spec.solidCentreLine() ? 1.0 : 0.0);
        switch (spec.kind()) {
            case CURVE -> {
                params.put("curve_radius_m", spec.curveRadiusMeters());
                params.put("curve_angle_deg", spec.curveAngleDegrees());
                params.put("curve_start_m", spec.curveStartMeters());
                params.put("crossing_at_m", spec.crossingAtMeters());
            }
            case STRAIGHT -> params.put("crossing_at_m", spec.crossingAtMeters());
            case T_JUNCTION, FOUR_WAY -> params.put("junction_distance_m", spec.junctionDistanceMeters());
        }
        return new RoadLayout(spec.kind().key(), params);
    }
}
