package io.synthscene.annotators.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Sensor;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.Shadows;
import io.synthscene.scenes.frame.Vec3;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Coverage of frames built by hand: fog in 2 of 3 frames, no sun temperature, a fixed camera height. */
class ParameterCoverageTest {
    private static Frame frame(int index, double pitchDegrees, Double fogMeters) {
        Camera camera = new Camera(new Vec3(0, 1.5, 0), 0, pitchDegrees, 0, 70, 0.1, 400, 64, 48);
        Rgb white = new Rgb(1, 1, 1);
        Lighting lighting = new Lighting(90, 30 + index, 1.2, white, null, 0.4, white, white, Shadows.OFF, fogMeters);
        return new Frame(index, 7, camera, lighting, null, List.of(), List.of());
    }

    private static final List<Frame> FRAMES = List.of(frame(0, -2, 100.0), frame(1, 0, 10000.0), frame(2, 2, null));

    private static Map<String, ParameterCoverage> coverage() {
        return ParameterCoverage.of(FRAMES).stream().collect(Collectors.toMap(ParameterCoverage::key, Function.identity()));
    }

    @Test
    void fogIsCountedWhereItIsAndGetsLogBins() {
        ParameterCoverage fog = coverage().get("fog_visibility_m");
        assertThat(fog.recorded()).isEqualTo(2);
        assertThat(fog.missing()).isEqualTo(1);
        assertThat(fog.min()).isEqualTo(100);
        assertThat(fog.max()).isEqualTo(10000);
        assertThat(fog.histogram().edges()[10]).isEqualTo(1000); // half way on a log scale
        long[] counts = fog.histogram().counts();
        assertThat(counts[0]).isEqualTo(1);
        assertThat(counts[19]).isEqualTo(1);
    }

    @Test
    void aParameterNoFrameRecordsHasNoHistogram() {
        ParameterCoverage temperature = coverage().get("sun_temperature_k");
        assertThat(temperature.recorded()).isZero();
        assertThat(temperature.histogram()).isNull();
        assertThat(temperature.min()).isNaN();
    }

    @Test
    void intrinsicsAreAlwaysRecordedAndTheSensorOnlyWhereTheFrameHasOne() {
        Camera offset = new Camera(new Vec3(0, 1.5, 0), 0, 0, 0, 70, 0.1, 400, 64, 48, 3, -1);
        Frame sensed = new Frame(3, 7, offset, FRAMES.get(0).lighting(), null, List.of(), List.of(),
                new Sensor(0.5, 5000, 0, 0, 0, 0, 0));
        List<Frame> frames = List.of(FRAMES.get(0), FRAMES.get(1), sensed);
        Map<String, ParameterCoverage> coverage = ParameterCoverage.of(frames).stream()
                .collect(Collectors.toMap(ParameterCoverage::key, Function.identity()));
        assertThat(coverage.get("camera_principal_point_dx_px").recorded()).isEqualTo(3);
        assertThat(coverage.get("camera_principal_point_dx_px").max()).isEqualTo(3);
        assertThat(coverage.get("camera_principal_point_dy_px").min()).isEqualTo(-1);
        assertThat(coverage.get("camera_focal_length_px").min()).isCloseTo(32 / Math.tan(Math.toRadians(35)),
                org.assertj.core.data.Offset.offset(1e-9));
        ParameterCoverage exposure = coverage.get("sensor_exposure_ev");
        assertThat(exposure.recorded()).isEqualTo(1);
        assertThat(exposure.missing()).isEqualTo(2);
        assertThat(exposure.absent()).isEqualTo("no sensor section");
        assertThat(coverage.get("sensor_white_balance_k").max()).isEqualTo(5000);
    }

    @Test
    void linearParametersSpanTheirMinAndMax() {
        ParameterCoverage pitch = coverage().get("camera_pitch_deg");
        assertThat(pitch.histogram().edges()).startsWith(-2, -1.8).endsWith(2);
        assertThat(pitch.histogram().counts()[0]).isEqualTo(1);
        assertThat(pitch.histogram().counts()[10]).isEqualTo(1); // 0, on the middle edge
        assertThat(pitch.histogram().counts()[19]).isEqualTo(1);
        assertThat(coverage().get("camera_height_m").constant()).isTrue();
        assertThat(pitch.constant()).isFalse();
    }

    @Test
    void theCardNamesFixedParametersAndFramesWithoutFog() {
        DatasetStatistics stats = new DatasetStatistics(
                InstanceStatistics.of(new io.synthscene.annotators.CocoDataset(List.of(), List.of(), List.of()), 0),
                null, null, null, ParameterCoverage.of(FRAMES), 3, null);
        assertThat(DatasetCard.limitations(stats)).contains(
                "No fog in 1 of 3 frames; fog visibility (m) covers 100 to 10000 in the other 2.",
                "Not randomized (the same in every frame): sun azimuth (deg) = 90, sun intensity = 1.2, camera height (m) = 1.5, "
                        + "camera yaw (deg) = 0, camera roll (deg) = 0, camera hfov (deg) = 70, camera focal length (px) = 45.7, "
                        + "principal point offset x (px) = 0, principal point offset y (px) = 0.");
    }
}
