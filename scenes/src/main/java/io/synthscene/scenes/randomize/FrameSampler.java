package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.LocalLight;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.layout.RoadNetwork;
import io.synthscene.scenes.layout.ZoneArea;
import io.synthscene.scenes.layout.ZoneAreas;
import io.synthscene.scenes.random.FrameRandom;
import io.synthscene.scenes.spec.GroupSpec;
import io.synthscene.scenes.spec.SceneSpec;
import io.synthscene.scenes.spec.ZoneSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a validated scene into the frame for (seed, index). Every value comes from a
 * {@link FrameRandom} stream named after its concern ({@code camera}, {@code camera/intrinsics},
 * {@code camera/motion}, {@code lighting},
 * {@code ground}, {@code weather/fog}, {@code weather/rain}, {@code weather/snow}, {@code sensor}, {@code layout},
 * {@code group/<name>}, {@code lights/<i>}, {@code lighting/exposure}...), so a frame depends on (scene, seed, index)
 * alone. The road layout's geometry and zones are built once, here. Stateless after construction and thread-safe.
 */
public final class FrameSampler {
    private final SceneSpec spec;
    private final LayoutRandomizer layout;
    /** Each zone-placed group's rectangles, by group name. */
    private final Map<String, List<ZoneArea>> groupAreas = new HashMap<>();

    public FrameSampler(SceneSpec spec) {
        this.spec = spec;
        if (spec.layout() == null) {
            this.layout = null;
            return;
        }
        RoadNetwork network = new RoadNetwork(spec.layout());
        this.layout = new LayoutRandomizer(network);
        List<ZoneArea> areas = ZoneAreas.of(network);
        for (GroupSpec group : spec.groups()) {
            ZoneSpec zone = group.placement().zone();
            if (zone != null) {
                groupAreas.put(group.name(), areas.stream().filter(a -> a.zone() == zone.zone() && zone.arms().contains(a.arm())
                        && (zone.lane() == null || zone.lane().equals(a.lane()))).toList());
            }
        }
    }

    public Frame sample(long seed, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("frame index " + index + " is negative");
        }
        var camera = CameraRandomizer.sample(spec.camera(), spec.width(), spec.height(),
                FrameRandom.stream(seed, index, "camera"), FrameRandom.stream(seed, index, "camera/intrinsics"));
        camera = CameraRandomizer.withDistortion(camera, spec.camera(), FrameRandom.stream(seed, index, "camera/distortion"));
        camera = CameraRandomizer.withMotion(camera, spec.camera(), FrameRandom.stream(seed, index, "camera/motion"));
        var lighting = LightingRandomizer.sample(spec.lighting(), FrameRandom.stream(seed, index, "lighting"),
                FrameRandom.stream(seed, index, "lighting/sun_temperature"))
                .withFog(WeatherRandomizer.fogVisibilityMeters(spec.weather(), FrameRandom.stream(seed, index, "weather/fog")));
        var ground = GroundRandomizer.sample(spec.ground(), seed, index);
        List<SceneObject> objects = new ArrayList<>();
        if (layout != null) {
            objects.addAll(layout.sample(FrameRandom.stream(seed, index, "layout")));
        }
        List<Footprint> occupied = new ArrayList<>();
        List<LocalLight> lights = new ArrayList<>(SceneLightRandomizer.sample(spec.lighting().lights(), seed, index));
        int nextInstanceId = 1;
        for (GroupSpec group : spec.groups()) {
            double factor = spec.classBalance() == null || group.category() == null
                    ? 1 : spec.classBalance().countFactors().getOrDefault(group.category().name(), 1.0);
            nextInstanceId = GroupRandomizer.place(group, seed, index, camera, groupAreas.get(group.name()), factor, objects,
                    occupied, nextInstanceId, lights);
        }
        if (!lights.isEmpty()) {
            lighting = lighting.withLights(lights);
        }
        lighting = lighting.withExposure(ExposureRandomizer.sample(spec.lighting().exposure(), camera, lighting,
                FrameRandom.stream(seed, index, "lighting/exposure")));
        var sensor = SensorRandomizer.sample(spec.sensor(), FrameRandom.stream(seed, index, "sensor"),
                FrameRandom.stream(seed, index, "sensor/jpeg_quality"));
        var weather = WeatherRandomizer.precipitation(spec.weather(), seed, index);
        if (weather != null && spec.camera().motion() != null && spec.camera().motion().exposureWritten()) {
            // one shutter: camera.motion.exposure_ms also sets how far rain and snow fall during it
            weather = weather.withExposureTimeSeconds(camera.motion().exposureSeconds());
        }
        return new Frame(index, seed, camera, lighting, ground, spec.categories(), objects, sensor,
                layout == null ? null : layout.layout(),
                spec.classBalance() == null ? null : spec.classBalance().targetShares(), weather, spec.ignoreThresholds());
    }
}
