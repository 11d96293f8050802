package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.assets.AssetLibrary;
import io.synthscene.scenes.Scene;
import io.synthscene.scenes.SceneLoader;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.SceneObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

/**
 * Over many frames of the urban street (sedans, hatchbacks, SUVs, vans, pickups, trucks and buses
 * in lanes and parked, side by side and bumper to bumper), no two vehicles' built meshes overlap:
 * each mesh's own bounds, turned and moved by the object's model matrix, checked with a
 * separating-axis test written here, independent of the placement's footprints.
 */
class VehiclePlacementOverlapTest {
    private static final int FRAMES = 60;
    private static final Set<String> VEHICLES = Set.of("sedan", "hatchback", "suv", "van", "pickup", "truck", "bus");
    /** Float mesh coordinates: boxes closer than this count as touching. */
    private static final double TOUCH_M = 1e-4;

    @Test
    void noTwoVehiclesMeshBoundsOverlapInAnyFrame() throws Exception {
        Scene scene = SceneLoader.load(Path.of(Cli.example("urban-street.yaml")));
        AssetLibrary library = new AssetLibrary();
        int pairs = 0;
        Set<String> kinds = new TreeSet<>();
        for (int i = 0; i < FRAMES; i++) {
            Frame frame = scene.sampleFrame(i);
            List<SceneObject> vehicles = frame.objects().stream().filter(o -> VEHICLES.contains(o.asset().kind())).toList();
            List<double[][]> boxes = new ArrayList<>();
            for (SceneObject v : vehicles) {
                boxes.add(groundBox(v, library.meshFor(v.asset()).bounds()));
                kinds.add(v.asset().kind());
            }
            for (int a = 0; a < boxes.size(); a++) {
                for (int b = a + 1; b < boxes.size(); b++) {
                    assertThat(overlap(boxes.get(a), boxes.get(b)))
                            .as("frame %d: %s at %s and %s at %s", i, vehicles.get(a).group(), vehicles.get(a).position(),
                                    vehicles.get(b).group(), vehicles.get(b).position())
                            .isFalse();
                    pairs++;
                }
            }
        }
        assertThat(kinds).containsAll(VEHICLES);
        assertThat(pairs).isGreaterThan(FRAMES * 20);
    }

    /** The mesh's bounds on the ground, as four (x, z) corners in order, moved into the world. */
    private static double[][] groundBox(SceneObject o, float[] bounds) {
        Matrix4d model = o.modelMatrix();
        double[][] local = {{bounds[0], bounds[2]}, {bounds[3], bounds[2]}, {bounds[3], bounds[5]}, {bounds[0], bounds[5]}};
        double[][] world = new double[4][];
        for (int i = 0; i < 4; i++) {
            Vector3d p = model.transformPosition(new Vector3d(local[i][0], 0, local[i][1]));
            world[i] = new double[] {p.x, p.z};
        }
        return world;
    }

    /** Whether two convex quadrilaterals overlap by more than {@link #TOUCH_M} on every edge normal of both. */
    private static boolean overlap(double[][] a, double[][] b) {
        for (double[][] poly : List.of(a, b)) {
            for (int i = 0; i < 4; i++) {
                double ex = poly[(i + 1) % 4][0] - poly[i][0];
                double ez = poly[(i + 1) % 4][1] - poly[i][1];
                double length = Math.hypot(ex, ez);
                double nx = -ez / length;
                double nz = ex / length;
                double[] pa = extent(a, nx, nz);
                double[] pb = extent(b, nx, nz);
                if (pa[1] <= pb[0] + TOUCH_M || pb[1] <= pa[0] + TOUCH_M) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[] extent(double[][] poly, double nx, double nz) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] p : poly) {
            min = Math.min(min, p[0] * nx + p[1] * nz);
            max = Math.max(max, p[0] * nx + p[1] * nz);
        }
        return new double[] {min, max};
    }
}
