package io.synthscene.scenes.parse;

import io.synthscene.scenes.sampling.ComponentVectorSampler;
import io.synthscene.scenes.sampling.ConstantSampler;
import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.sampling.VectorSampler;
import io.synthscene.scenes.frame.RigCamera;
import io.synthscene.scenes.frame.CameraMotion;
import io.synthscene.scenes.frame.Weather;
import io.synthscene.scenes.spec.CameraSpec;
import io.synthscene.scenes.spec.RigCameraSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code camera} section. */
final class CameraSpecReader {
    static final List<String> KEYS = List.of("position", "mount_height_m", "yaw_deg", "pitch_deg", "roll_deg",
            "hfov_deg", "focal_length_px", "principal_point_offset_px", "distortion", "near_m", "far_m", "motion", "rig");
    static final List<String> MOTION_KEYS = List.of("speed_mps", "direction_deg", "yaw_rate_deg_s", "exposure_ms");
    /** 1/60 s, the weather's default exposure too: a common video shutter time. */
    static final double DEFAULT_EXPOSURE_MS = 1000 * Weather.DEFAULT_EXPOSURE_TIME_SECONDS;
    /** Faster than any road vehicle (~430 km/h): a bound on typos, not on physics. */
    static final double MAX_SPEED_MPS = 120;
    static final List<String> RIG_CAMERA_KEYS = List.of("name", "offset", "hfov_deg", "focal_length_px");
    static final List<String> OFFSET_KEYS = List.of("x", "y", "z", "yaw", "pitch", "roll");
    static final List<String> DISTORTION_KEYS = List.of("k1", "k2", "p1", "p2", "k3");
    /** Radial coefficients beyond this make OpenCV's polynomial fold over inside ordinary fields of view. */
    static final double MAX_RADIAL_COEFFICIENT = 2;
    static final double MAX_TANGENTIAL_COEFFICIENT = 0.1;
    static final double DEFAULT_HFOV_DEGREES = 60;
    static final double MIN_FOCAL_LENGTH_PIXELS = 1;
    static final double DEFAULT_NEAR_METERS = 0.1;
    static final double DEFAULT_FAR_METERS = 1000;

    private final Values values;
    private final SamplerReader samplers;

    CameraSpecReader(Values values) {
        this.values = values;
        this.samplers = new SamplerReader(values);
    }

    CameraSpec read(YamlNode node, String path) {
        MapFields fields = MapFields.open(node, path, values, KEYS);
        if (fields == null) {
            return null;
        }
        VectorSampler position = position(fields);
        ScalarSampler yaw = angle(fields, "yaw_deg");
        ScalarSampler pitch = angle(fields, "pitch_deg");
        ScalarSampler roll = angle(fields, "roll_deg");
        if (fields.has("hfov_deg") && fields.has("focal_length_px")) {
            YamlMap.Entry hfov = fields.entry("hfov_deg");
            YamlMap.Entry focal = fields.entry("focal_length_px");
            boolean focalLater = focal.line() > hfov.line() || (focal.line() == hfov.line() && focal.column() > hfov.column());
            YamlMap.Entry second = focalLater ? focal : hfov;
            values.problems().add(second.line(), second.column(), fields.path(second.key()),
                    "give either hfov_deg or focal_length_px, not both");
            return null;
        }
        // at least a pixel: below that the field of view rounds to 180 degrees on wide images
        ScalarSampler focalLength = fields.has("focal_length_px")
                ? samplers.scalar(fields.get("focal_length_px"), fields.path("focal_length_px"),
                        Interval.atLeast(MIN_FOCAL_LENGTH_PIXELS))
                : null;
        ScalarSampler hfov = fields.has("hfov_deg")
                ? samplers.scalar(fields.get("hfov_deg"), fields.path("hfov_deg"), Interval.open(0, 180))
                : fields.has("focal_length_px") ? null : new ConstantSampler(DEFAULT_HFOV_DEGREES);
        VectorSampler principalPoint = fields.has("principal_point_offset_px")
                ? samplers.vector(fields.get("principal_point_offset_px"), fields.path("principal_point_offset_px"), 2,
                        Interval.ANY)
                : CameraSpec.CENTRED;
        boolean distortionOk = true;
        CameraSpec.DistortionSpec distortion = null;
        if (fields.has("distortion")) {
            distortion = distortion(fields.get("distortion"), fields.path("distortion"));
            distortionOk = distortion != null;
        }
        boolean motionOk = true;
        CameraSpec.MotionSpec motion = null;
        if (fields.has("motion")) {
            motion = motion(fields.get("motion"), fields.path("motion"));
            motionOk = motion != null;
        }
        Double near = fields.has("near_m")
                ? values.number(fields.get("near_m"), fields.path("near_m"), Interval.above(0)) : Double.valueOf(DEFAULT_NEAR_METERS);
        Double far = fields.has("far_m")
                ? values.number(fields.get("far_m"), fields.path("far_m"), Interval.above(0)) : Double.valueOf(DEFAULT_FAR_METERS);
        if (near != null && far != null && far <= near) {
            YamlNode at = fields.has("far_m") ? fields.get("far_m") : fields.get("near_m");
            values.problems().add(at, fields.path(fields.has("far_m") ? "far_m" : "near_m"),
                    "far_m " + far + " must be greater than near_m " + near);
            return null;
        }
        boolean lens = fields.has("focal_length_px") ? focalLength != null : hfov != null;
        List<RigCameraSpec> rig = null;
        boolean rigOk = true;
        if (fields.has("rig")) {
            rig = rig(fields.get("rig"), fields.path("rig"));
            rigOk = rig != null;
        }
        if (position == null || yaw == null || pitch == null || roll == null || !lens || principalPoint == null
                || near == null || far == null || !distortionOk || !motionOk || !rigOk) {
            return null;
        }
        return new CameraSpec(position, yaw, pitch, roll, hfov, near, far, focalLength, principalPoint, distortion,
                motion, rig);
    }

    /**
     * {@code motion: {speed_mps, direction_deg, yaw_rate_deg_s, exposure_ms}}, each a scalar;
     * speed, direction and yaw rate default to 0, the exposure to 1/60 s; null after a problem.
     */
    private CameraSpec.MotionSpec motion(YamlNode node, String path) {
        MapFields fields = MapFields.open(node, path, values, MOTION_KEYS);
        if (fields == null) {
            return null;
        }
        ScalarSampler speed = fields.has("speed_mps")
                ? samplers.scalar(fields.get("speed_mps"), fields.path("speed_mps"), Interval.closed(0, MAX_SPEED_MPS))
                : new ConstantSampler(0);
        ScalarSampler direction = angle(fields, "direction_deg");
        ScalarSampler yawRate = fields.has("yaw_rate_deg_s")
                ? samplers.scalar(fields.get("yaw_rate_deg_s"), fields.path("yaw_rate_deg_s"),
                        Interval.closed(-CameraMotion.MAX_YAW_RATE_DEG_S, CameraMotion.MAX_YAW_RATE_DEG_S))
                : new ConstantSampler(0);
        // above 0: the rain and snow exposure time it also sets must be positive
        ScalarSampler exposure = fields.has("exposure_ms")
                ? samplers.scalar(fields.get("exposure_ms"), fields.path("exposure_ms"),
                        new Interval(0, true, CameraMotion.MAX_EXPOSURE_MS, false))
                : new ConstantSampler(DEFAULT_EXPOSURE_MS);
        if (speed == null || direction == null || yawRate == null || exposure == null) {
            return null;
        }
        return new CameraSpec.MotionSpec(speed, direction, yawRate, exposure, fields.has("exposure_ms"));
    }

    /** {@code rig: [{name, offset: {x, y, z, yaw, pitch, roll}, hfov_deg | focal_length_px}, ...]}; null after a problem. */
    private List<RigCameraSpec> rig(YamlNode node, String path) {
        YamlList list = values.list(node, path);
        if (list == null) {
            return null;
        }
        if (list.items().isEmpty() || list.items().size() > CameraSpec.MAX_RIG_CAMERAS) {
            values.problems().add(list, path, "a rig has 1 to " + CameraSpec.MAX_RIG_CAMERAS + " cameras, got "
                    + list.items().size());
            return null;
        }
        List<RigCameraSpec> cameras = new ArrayList<>();
        Map<String, YamlNode> names = new HashMap<>();
        boolean ok = true;
        for (int i = 0; i < list.items().size(); i++) {
            RigCameraSpec camera = rigCamera(list.items().get(i), path + "[" + i + "]", names);
            ok &= camera != null;
            cameras.add(camera);
        }
        return ok ? cameras : null;
    }

    private RigCameraSpec rigCamera(YamlNode node, String path, Map<String, YamlNode> names) {
        MapFields fields = MapFields.open(node, path, values, RIG_CAMERA_KEYS);
        if (fields == null) {
            return null;
        }
        YamlNode nameNode = fields.require("name");
        String name = nameNode == null ? null : values.text(nameNode, fields.path("name"));
        if (name != null && !RigCamera.NAME.matcher(name).matches()) {
            values.problems().add(nameNode, fields.path("name"), "camera name '" + YamlScalar.shown(name)
                    + "' must be 1 to 32 letters, digits, '-' or '_', starting with a letter or digit (it is part of file names)");
            name = null;
        } else if (name != null && names.containsKey(name)) {
            YamlNode first = names.get(name);
            values.problems().add(nameNode, fields.path("name"), "camera name '" + name + "' is used twice (first at line "
                    + first.line() + ", column " + first.column() + ")");
            name = null;
        } else if (name != null) {
            names.put(name, nameNode);
        }
        double[] offset = offset(fields);
        if (fields.has("hfov_deg") && fields.has("focal_length_px")) {
            YamlMap.Entry hfov = fields.entry("hfov_deg");
            YamlMap.Entry focal = fields.entry("focal_length_px");
            boolean focalLater = focal.line() > hfov.line() || (focal.line() == hfov.line() && focal.column() > hfov.column());
            YamlMap.Entry second = focalLater ? focal : hfov;
            values.problems().add(second.line(), second.column(), fields.path(second.key()),
                    "give either hfov_deg or focal_length_px, not both");
            return null;
        }
        ScalarSampler hfov = fields.has("hfov_deg")
                ? samplers.scalar(fields.get("hfov_deg"), fields.path("hfov_deg"), Interval.open(0, 180)) : null;
        ScalarSampler focal = fields.has("focal_length_px")
                ? samplers.scalar(fields.get("focal_length_px"), fields.path("focal_length_px"),
                        Interval.atLeast(MIN_FOCAL_LENGTH_PIXELS))
                : null;
        if (name == null || offset == null || (fields.has("hfov_deg") && hfov == null)
                || (fields.has("focal_length_px") && focal == null)) {
            return null;
        }
        return new RigCameraSpec(name, offset[0], offset[1], offset[2], offset[3], offset[4], offset[5], hfov, focal);
    }

    /** {@code offset: {x, y, z, yaw, pitch, roll}}: fixed numbers, each 0 when absent; the whole offset is optional. */
    private double[] offset(MapFields camera) {
        double[] offset = new double[OFFSET_KEYS.size()];
        if (!camera.has("offset")) {
            return offset;
        }
        MapFields fields = MapFields.open(camera.get("offset"), camera.path("offset"), values, OFFSET_KEYS);
        if (fields == null) {
            return null;
        }
        boolean ok = true;
        for (int i = 0; i < OFFSET_KEYS.size(); i++) {
            String key = OFFSET_KEYS.get(i);
            if (fields.has(key)) {
                Double value = values.number(fields.get(key), fields.path(key));
                ok &= value != null;
                offset[i] = value == null ? 0 : value;
            }
        }
        return ok ? offset : null;
    }

    /** {@code distortion: {k1, k2, p1, p2, k3}}, each a scalar, default 0; null after a problem. */
    private CameraSpec.DistortionSpec distortion(YamlNode node, String path) {
        MapFields fields = MapFields.open(node, path, values, DISTORTION_KEYS);
        if (fields == null) {
            return null;
        }
        Interval radial = Interval.closed(-MAX_RADIAL_COEFFICIENT, MAX_RADIAL_COEFFICIENT);
        Interval tangential = Interval.closed(-MAX_TANGENTIAL_COEFFICIENT, MAX_TANGENTIAL_COEFFICIENT);
        ScalarSampler k1 = coefficient(fields, "k1", radial);
        ScalarSampler k2 = coefficient(fields, "k2", radial);
        ScalarSampler p1 = coefficient(fields, "p1", tangential);
        ScalarSampler p2 = coefficient(fields, "p2", tangential);
        ScalarSampler k3 = coefficient(fields, "k3", radial);
        if (k1 == null || k2 == null || p1 == null || p2 == null || k3 == null) {
            return null;
        }
        return new CameraSpec.DistortionSpec(k1, k2, p1, p2, k3);
    }

    private ScalarSampler coefficient(MapFields fields, String key, Interval range) {
        return fields.has(key) ? samplers.scalar(fields.get(key), fields.path(key), range) : new ConstantSampler(0);
    }

    private VectorSampler position(MapFields fields) {
        boolean hasPosition = fields.has("position");
        boolean hasHeight = fields.has("mount_height_m");
        if (hasPosition && hasHeight) {
            YamlMap.Entry second = fields.entry("mount_height_m");
            values.problems().add(second.line(), second.column(), fields.path("mount_height_m"),
                    "give either position or mount_height_m, not both");
            return null;
        }
        if (hasPosition) {
            return samplers.vector(fields.get("position"), fields.path("position"), 3, Interval.ANY);
        }
        if (hasHeight) {
            ScalarSampler height = samplers.scalar(fields.get("mount_height_m"), fields.path("mount_height_m"), Interval.above(0));
            return height == null ? null
                    : new ComponentVectorSampler(List.of(new ConstantSampler(0), height, new ConstantSampler(0)));
        }
        values.problems().add(fields.map(), fields.path("position"), "the camera needs position or mount_height_m");
        return null;
    }

    private ScalarSampler angle(MapFields fields, String key) {
        return fields.has(key) ? samplers.scalar(fields.get(key), fields.path(key), Interval.ANY) : new ConstantSampler(0);
    }
}
