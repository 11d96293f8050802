package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.frame.Emission;
import io.synthscene.scenes.frame.LocalLight;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Vec3;
import io.synthscene.scenes.spec.AttachedLightsSpec;
import io.synthscene.scenes.spec.AttachedLightsSpec.AttachedLamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.joml.Matrix4d;
import org.joml.Vector3d;

/**
 * Lights one placed object of a group with a {@code lights} option: its lamps become
 * {@link LocalLight}s in world space (placed by {@link LampMounts}, turned and scaled with the
 * object) and its lamp slots glow. Draws from the object's own {@code group/<name>/<k>/lights}
 * stream, in this order: probability, a uniform number (on when below the probability), then
 * headlights, tail lights and street lamp, each as {@link LampDraw} then its emission strength.
 * Everything is drawn whether the lights are on or not, so the choice never shifts a draw.
 */
final class AttachedLightRandomizer {
    /** Low beams aim a little below the horizontal, degrees. */
    static final double HEADLIGHT_DOWN_DEGREES = 2;

    private AttachedLightRandomizer() {
    }

    /** The object's lights and the object itself, glowing where its lamps are on. */
    record Lit(SceneObject object, List<LocalLight> lights) {
    }

    static Lit light(AttachedLightsSpec spec, SceneObject object, int index, SplittableRandom random) {
        double probability = spec.probability().sample(random);
        boolean on = random.nextDouble() < probability;
        Drawn head = draw(spec.headlights(), random);
        Drawn tail = draw(spec.tailLights(), random);
        Drawn street = draw(spec.streetLamp(), random);
        if (!on) {
            return new Lit(object, List.of());
        }
        Matrix4d model = object.modelMatrix();
        AssetRef asset = object.asset();
        String source = object.group() + "/" + index + "/";
        List<LocalLight> lights = new ArrayList<>();
        Map<String, Emission> glowing = new TreeMap<>();
        double down = Math.toRadians(HEADLIGHT_DOWN_DEGREES);
        if (head != null) {
            Vec3 forward = direction(model, 0, -Math.sin(down), Math.cos(down));
            for (int side : new int[] {1, -1}) {
                Vec3 at = point(model, LampMounts.lampX(asset, side, 1), LampMounts.headlightHeight(asset), LampMounts.endZ(asset, 1));
                lights.add(head.lamp().at(source + "headlight_" + sideName(side), at, forward));
            }
            glowing.put("light_front", head.emission());
        }
        if (tail != null) {
            Vec3 backward = direction(model, 0, 0, -1);
            for (int side : new int[] {1, -1}) {
                Vec3 at = point(model, LampMounts.lampX(asset, side, -1), LampMounts.tailLightHeight(asset), LampMounts.endZ(asset, -1));
                lights.add(tail.lamp().at(source + "tail_light_" + sideName(side), at, backward));
            }
            glowing.put("light_rear", tail.emission());
        }
        if (street != null) {
            double[] head3 = LampMounts.streetLampHead(asset);
            lights.add(street.lamp().at(source + "lamp", point(model, head3[0], head3[1], head3[2]), direction(model, 0, -1, 0)));
            glowing.put("lamp", street.emission());
        }
        return new Lit(object.withEmissiveSlots(glowing), lights);
    }

    /** A lamp's light and the glow of its surfaces. */
    private record Drawn(LampDraw lamp, Emission emission) {
    }

    private static Drawn draw(AttachedLamp lamp, SplittableRandom random) {
        if (lamp == null) {
            return null;
        }
        LampDraw drawn = LampDraw.sample(lamp.lamp(), random);
        return new Drawn(drawn, new Emission(drawn.color(), lamp.emissionStrength().sample(random)));
    }

    /** Asset frame: +X is the vehicle's left (front towards +Z, +Y up, right-handed). */
    private static String sideName(int side) {
        return side > 0 ? "left" : "right";
    }

    private static Vec3 point(Matrix4d model, double x, double y, double z) {
        Vector3d p = model.transformPosition(new Vector3d(x, y, z));
        return new Vec3(p.x, p.y, p.z);
    }

    private static Vec3 direction(Matrix4d model, double x, double y, double z) {
        Vector3d d = model.transformDirection(new Vector3d(x, y, z)).normalize();
        return new Vec3(d.x, d.y, d.z);
    }
}
