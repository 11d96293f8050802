package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.LocalLight;
import io.synthscene.scenes.frame.Vec3;
import io.synthscene.scenes.random.FrameRandom;
import io.synthscene.scenes.spec.LightSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the scene's own point and spot lights ({@code lights:}). Light i draws from its own
 * {@code lights/<i>} stream, in this order: position, direction (spots), then the lamp as
 * {@link LampDraw}; so adding, removing or editing one light never changes another's draws, nor
 * any other concern's.
 */
public final class SceneLightRandomizer {
    private SceneLightRandomizer() {
    }

    public static List<LocalLight> sample(List<LightSpec> specs, long seed, int frameIndex) {
        List<LocalLight> lights = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            LightSpec spec = specs.get(i);
            SplittableRandom random = FrameRandom.stream(seed, frameIndex, "lights/" + i);
            Vec3 position = Colors.vec3(spec.position(), random);
            Vec3 direction = spec.direction() == null ? null : unit(Colors.vec3(spec.direction(), random));
            lights.add(LampDraw.sample(spec.lamp(), random).at("lights[" + i + "]", position, direction));
        }
        return lights;
    }

    private static Vec3 unit(Vec3 v) {
        double length = Math.sqrt(v.x() * v.x() + v.y() * v.y() + v.z() * v.z());
        if (!(length > 0)) {
            // the loader refuses directions that can be zero; a draw of exactly 0 in every component is impossible
            throw new IllegalStateException("spot direction drew [0, 0, 0]");
        }
        return new Vec3(v.x() / length, v.y() / length, v.z() / length);
    }
}
