package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.LocalLight;
import io.synthscene.scenes.frame.RigCamera;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.layout.RoadNetwork;
import io.synthscene.scenes.layout.ZoneArea;
import io.synthscene.scenes.layout.ZoneAreas;
import io.synthscene.scenes.random.FrameRandom;
import io.synthscene.scenes.spec.GroupSpec;
import io.synthscene.scenes.spec.LayoutSpec;
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
 * {@code group/<name>}, {@code lights/<i>}, {@code lighting/exposure}, {@code lighting/sky}, {@code layout/sizes}...), so a frame depends
 * on (scene, seed, index) alone. A rig's cameras ({@code camera/rig/<name>}) are resolved from the drawn camera, which
 * is the rig's pose; objects are placed (distances, zones, occluders, flying distractors) and auto exposure metered for
 * that pose, but {@code visible_from_camera} accepts a place any camera of the rig sees. The road layout's geometry and
 * zones are built once, here, or per frame when the layout draws its cross-section sizes. Stateless after construction
 * and thread-safe.
 */
public final class FrameSampler {
    private final SceneSpec spec;
    /** The road when its sizes are fixed (built once); null without a layout or when each frame draws its sizes. */
    private final Road fixedRoad;

    public FrameSampler(SceneSpec spec) {
        this.spec = spec;
        this.fixedRoad = spec.layout() == null || spec.layout().hasRandomSizes() ? null : new Road(spec.layout(), spec.groups());
    }

    /**
     * A road layout built: its pieces, and each zone-placed group's rectangles by group name. Made
     * once when the layout's sizes are fixed, per frame when it draws them.
     */
    private record Road(LayoutRandomizer layout, Map<String, List<ZoneArea>> groupAreas) {
        Road(LayoutSpec layoutSpec, List<GroupSpec> groups) {
            this(new RoadNetwork(layoutSpec), groups);
        }

        private Road(RoadNetwork network, List<GroupSpec> groups) {
            this(new LayoutRandomizer(network), areasByGroup(ZoneAreas.of(network), groups));
        }

        private static Map<String, List<ZoneArea>> areasByGroup(List<ZoneArea> areas, List<GroupSpec> groups) {
            Map<String, List<ZoneArea>> byGroup = new HashMap<>();
            for (GroupSpec group : groups) {
                ZoneSpec zone = group.placement().zone();
                if (zone != null) {
                    byGroup.put(group.name(), areas.stream().filter(a -> a.zone() == zone.zone() && zone.arms().contains(a.arm())
                            && (zone.lane() == null || zone.lane().equals(a.lane()))).toList());
                }
            }
            return byGroup;
        }
    }

    /** The frame's road: the fixed one, or one built from sizes drawn from the frame's {@code layout/sizes} stream. */
    private Road road(long seed, int index) {
        if (spec.layout() == null) {
            return null;
        }
        if (fixedRoad != null) {
            return fixedRoad;
        }
        return new Road(spec.layout().resolved(FrameRandom.stream(seed, index, "layout/sizes")), spec.groups());
    }

    public Frame sample(long seed, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("frame index " + index + " is negative");
        }
        var camera = CameraRandomizer.sample(spec.camera(), spec.width(), spec.height(),
                FrameRandom.stream(seed, index, "camera"), FrameRandom.stream(seed, index, "camera/intrinsics"));
        camera = CameraRandomizer.withDistortion(camera, spec.camera(), FrameRandom.stream(seed, index, "camera/distortion"));
        camera = CameraRandomizer.withMotion(camera, spec.camera(), FrameRandom.stream(seed, index, "camera/motion"));
        var rig = CameraRandomizer.rig(spec.camera(), camera, seed, index);
        List<Camera> viewers = rig == null ? List.of(camera) : rig.stream().map(RigCamera::camera).toList();
        var lighting = LightingRandomizer.sample(spec.lighting(), FrameRandom.stream(seed, index, "lighting"),
                FrameRandom.stream(seed, index, "lighting/sun_temperature"))
                .withFog(WeatherRandomizer.fogVisibilityMeters(spec.weather(), FrameRandom.stream(seed, index, "weather/fog")))
                .withSky(SkyRandomizer.sample(spec.lighting().sky(), FrameRandom.stream(seed, index, "lighting/sky")));
        var ground = GroundRandomizer.sample(spec.ground(), seed, index);
        List<SceneObject> objects = new ArrayList<>();
        Road road = road(seed, index);
        if (road != null) {
            objects.addAll(road.layout().sample(FrameRandom.stream(seed, index, "layout")));
        }
        List<Footprint> occupied = new ArrayList<>();
        List<LocalLight> lights = new ArrayList<>(SceneLightRandomizer.sample(spec.lighting().lights(), seed, index));
        int nextInstanceId = 1;
        for (GroupSpec group : spec.groups()) {
            double factor = spec.classBalance() == null || group.category() == null
                    ? 1 : spec.classBalance().countFactors().getOrDefault(group.category().name(), 1.0);
            nextInstanceId = GroupRandomizer.place(group, seed, index, camera, viewers,
                    road == null ? null : road.groupAreas().get(group.name()), factor, objects,
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
        if (weather != null && rig != null) {
            weather = weather.withVolumeCentre(camera.position()); // one particle volume for the whole rig
        }
        return new Frame(index, seed, camera, lighting, ground, spec.categories(), objects, sensor,
                road == null ? null : road.layout().layout(),
                spec.classBalance() == null ? null : spec.classBalance().targetShares(), weather, spec.ignoreThresholds(),
                rig);
    }
}
