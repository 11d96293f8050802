package io.synthscene.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.Scene;
import io.synthscene.scenes.SceneException;
import io.synthscene.scenes.SceneLoader;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.LocalLight;
import io.synthscene.scenes.frame.SceneObject;
import java.util.List;
import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

/**
 * The lights the scene sampler attaches to built-in vehicles and street lamps sit on the lamp
 * surfaces the builders draw: the sampler places them from the assets' shape parameters alone
 * (the scenes module cannot build meshes), so this checks those rules against the meshes.
 */
class LampMountsTest {
    /** How far a light may sit from its lamp part's box, metres: lamps are 10 to 30 cm across. */
    private static final double TOLERANCE_METERS = 0.08;
    private static final List<String> VEHICLES = List.of("vehicle", "sedan", "hatchback", "suv", "van", "pickup", "truck", "bus");

    private static String scene() {
        StringBuilder yaml = new StringBuilder("""
                seed: 9
                frames: 1
                categories:
                  - {id: 1, name: thing}
                camera: {position: [0, 2, 0]}
                groups:
                """);
        for (int i = 0; i < VEHICLES.size(); i++) {
            yaml.append("  - {name: g").append(i).append(", asset: ").append(VEHICLES.get(i))
                    .append(", region: {x: [").append(40 * i).append(", ").append(40 * i)
                    .append("], z: [-20, -20]}, yaw_deg: {uniform: [0, 360]}, scale: {uniform: [0.8, 1.2]}")
                    .append(", lights: {headlights: {}, tail_lights: {}}}\n");
        }
        yaml.append("  - {name: lamps, asset: street_lamp, region: {x: [-40, -40], z: [0, 0]}, yaw_deg: {uniform: [0, 360]},"
                + " lights: {lamp: {}}}\n");
        return yaml.toString();
    }

    @Test
    void everyAttachedLightSitsOnItsLampSurface() throws SceneException {
        Scene scene = SceneLoader.parse(scene(), "lamps.yaml", null);
        AssetLibrary library = new AssetLibrary();
        for (int index = 0; index < 20; index++) {
            Frame frame = scene.sampleFrame(index);
            List<LocalLight> lights = frame.lighting().lights();
            assertThat(frame.objects()).hasSize(VEHICLES.size() + 1);
            assertThat(lights).hasSize(4 * VEHICLES.size() + 1);
            for (int k = 0; k < frame.objects().size(); k++) {
                SceneObject object = frame.objects().get(k);
                Mesh mesh = library.meshFor(object.asset());
                boolean lamp = object.asset().kind().equals("street_lamp");
                List<LocalLight> own = lamp ? lights.subList(4 * k, 4 * k + 1) : lights.subList(4 * k, 4 * k + 4);
                for (LocalLight light : own) {
                    Vector3d local = object.modelMatrix().invert()
                            .transformPosition(new Vector3d(light.position().x(), light.position().y(), light.position().z()));
                    String slot = lamp ? "lamp" : light.source().contains("headlight") ? "light_front" : "light_rear";
                    double side = lamp ? 0 : Math.signum(local.x);
                    float[] b = boundsOf(mesh.part(slot), side);
                    String what = object.asset().kind() + " " + light.source();
                    assertThat(local.x).as(what + " x").isBetween(b[0] - TOLERANCE_METERS, b[3] + TOLERANCE_METERS);
                    assertThat(local.y).as(what + " y").isBetween(b[1] - TOLERANCE_METERS, b[4] + TOLERANCE_METERS);
                    assertThat(local.z).as(what + " z").isBetween(b[2] - TOLERANCE_METERS, b[5] + TOLERANCE_METERS);
                    if (!lamp) {
                        // just outside the lamp's outer face, never inside the body
                        double face = slot.equals("light_front") ? b[5] : b[2];
                        assertThat(Math.abs(local.z) - Math.abs(face)).as(what + " in front of the lamp").isCloseTo(0.02,
                                within(0.015));
                    } else {
                        assertThat(local.y).as(what + " under the lens").isLessThan(b[1]);
                    }
                }
            }
        }
    }

    /** Bounds {minX, minY, minZ, maxX, maxY, maxZ} of the part's vertices on one side of x = 0 (side 0: all). */
    private static float[] boundsOf(MeshPart part, double side) {
        float[] b = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        float[] p = part.positions();
        for (int i = 0; i < p.length; i += 3) {
            if (side != 0 && p[i] * side <= 0) {
                continue;
            }
            for (int axis = 0; axis < 3; axis++) {
                b[axis] = Math.min(b[axis], p[i + axis]);
                b[axis + 3] = Math.max(b[axis + 3], p[i + axis]);
            }
        }
        return b;
    }
}
