package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.LocalLight;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.random.FrameRandom;
import io.synthscene.scenes.spec.GroupSpec;
import io.synthscene.scenes.spec.SceneSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a validated scene into the frame for (seed, index). Every value comes from a
 * {@link FrameRandom} stream named after its concern ({@code camera}, {@code camera/intrinsics}, {@code lighting},
 * {@code ground}, {@code weather/fog}, {@code sensor}, {@code group/<name>}, {@code lights/<i>},
 * {@code lighting/exposure}...), so a frame depends on (scene, seed, index) alone.
 * Stateless and thread-safe.
 */
public final class FrameSampler {
    private final SceneSpec spec;

    public FrameSampler(SceneSpec spec) {
        this.spec = spec;
    }

    public Frame sample(long seed, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("frame index " + index + " is negative");
        }
        var camera = CameraRandomizer.sample(spec.camera(), spec.width(), spec.height(),
                FrameRandom.stream(seed, index, "camera"), FrameRandom.stream(seed, index, "camera/intrinsics"));
        camera = CameraRandomizer.withDistortion(camera, spec.camera(), FrameRandom.stream(seed, index, "camera/distortion"));
        var lighting = LightingRandomizer.sample(spec.lighting(), FrameRandom.stream(seed, index, "lighting"),
                FrameRandom.stream(seed, index, "lighting/sun_temperature"))
                .withFog(WeatherRandomizer.fogVisibilityMeters(spec.weather(), FrameRandom.stream(seed, index, "weather/fog")));
        var ground = GroundRandomizer.sample(spec.ground(), FrameRandom.stream(seed, index, "ground"));
        List<SceneObject> objects = new ArrayList<>();
        List<Footprint> occupied = new ArrayList<>();
        List<LocalLight> lights = new ArrayList<>(SceneLightRandomizer.sample(spec.lighting().lights(), seed, index));
        int nextInstanceId = 1;
        for (GroupSpec group : spec.groups()) {
            nextInstanceId = GroupRandomizer.place(group, seed, index, objects, occupied, nextInstanceId, lights);
        }
        if (!lights.isEmpty()) {
            lighting = lighting.withLights(lights);
        }
        lighting = lighting.withExposure(ExposureRandomizer.sample(spec.lighting().exposure(), camera, lighting,
                FrameRandom.stream(seed, index, "lighting/exposure")));
        var sensor = SensorRandomizer.sample(spec.sensor(), FrameRandom.stream(seed, index, "sensor"));
        return new Frame(index, seed, camera, lighting, ground, spec.categories(), objects, sensor);
    }
}
