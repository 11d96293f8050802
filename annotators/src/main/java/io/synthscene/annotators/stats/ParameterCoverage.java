package io.synthscene.annotators.stats;

import io.synthscene.scenes.frame.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How one randomized parameter was covered by a dataset's frames ({@code frames/NNNNNN.json}):
 * its histogram, min and max over the frames that record it, and how many do not (a frame without
 * fog has no fog visibility; a frame whose sun colour was given directly has no temperature).
 * Made by {@link #of}; immutable once returned.
 *
 * @param key      snake_case name used in stats.json and file names, with its unit
 * @param label    what a chart's axis says
 * @param absent   what a frame without the value means, e.g. "no fog"
 * @param recorded frames that have the value
 * @param missing  frames that do not
 * @param min      NaN when no frame has the value
 */
public record ParameterCoverage(String key, String label, String absent, Histogram histogram, double min, double max,
                                int recorded, int missing) {
    /** Bins of a parameter's histogram between its min and max. */
    public static final int BINS = 20;

    private record Parameter(String key, String label, String absent, boolean logBins, Function<Frame, Double> value) {
    }

    /**
     * Camera height is the camera's world y (up), in metres: above the ground plane, which sits at
     * y = 0 in the bundled scenes. Fog visibility gets log bins (it spans 80 m to 100 km in the
     * street example); everything else linear bins.
     */
    private static final List<Parameter> PARAMETERS = List.of(
            new Parameter("sun_elevation_deg", "sun elevation (deg)", "", false, f -> f.lighting().sunElevationDegrees()),
            new Parameter("sun_azimuth_deg", "sun azimuth (deg)", "", false, f -> f.lighting().sunAzimuthDegrees()),
            new Parameter("sun_intensity", "sun intensity", "", false, f -> f.lighting().sunIntensity()),
            new Parameter("sun_temperature_k", "sun temperature (K)", "sun colour given directly", false,
                    f -> f.lighting().sunTemperatureKelvin()),
            new Parameter("fog_visibility_m", "fog visibility (m)", "no fog", true, f -> f.lighting().fogVisibilityMeters()),
            new Parameter("camera_height_m", "camera height (m)", "", false, f -> f.camera().position().y()),
            new Parameter("camera_pitch_deg", "camera pitch (deg)", "", false, f -> f.camera().pitchDegrees()),
            new Parameter("camera_yaw_deg", "camera yaw (deg)", "", false, f -> f.camera().yawDegrees()),
            new Parameter("camera_roll_deg", "camera roll (deg)", "", false, f -> f.camera().rollDegrees()),
            new Parameter("camera_hfov_deg", "camera hfov (deg)", "", false, f -> f.camera().hfovDegrees()),
            new Parameter("camera_focal_length_px", "camera focal length (px)", "", false,
                    f -> f.camera().focalLengthPixels()),
            new Parameter("camera_principal_point_dx_px", "principal point offset x (px)", "", false,
                    f -> f.camera().principalPointDxPixels()),
            new Parameter("camera_principal_point_dy_px", "principal point offset y (px)", "", false,
                    f -> f.camera().principalPointDyPixels()),
            new Parameter("sensor_exposure_ev", "sensor exposure (EV)", "no sensor section", false,
                    f -> f.sensor() == null ? null : f.sensor().exposureEv()),
            new Parameter("sensor_white_balance_k", "sensor white balance (K)", "no sensor section", false,
                    f -> f.sensor() == null ? null : f.sensor().whiteBalanceK()));

    /** The coverage of every parameter above, in that order, over the given frames. */
    public static List<ParameterCoverage> of(List<Frame> frames) {
        List<ParameterCoverage> coverage = new ArrayList<>();
        for (Parameter p : PARAMETERS) {
            List<Double> values = new ArrayList<>();
            for (Frame frame : frames) {
                Double v = p.value().apply(frame);
                if (v != null) {
                    values.add(v);
                }
            }
            double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            Histogram histogram = null;
            if (!values.isEmpty()) {
                histogram = p.logBins() && min > 0 ? Histogram.logarithmic(min, max, BINS) : Histogram.linear(min, max, BINS);
                values.forEach(histogram::add);
            }
            coverage.add(new ParameterCoverage(p.key(), p.label(), p.absent(), histogram, min, max, values.size(),
                    frames.size() - values.size()));
        }
        return coverage;
    }

    /** Whether every frame that records the parameter has the same value (it was not randomized). */
    public boolean constant() {
        return recorded > 0 && min == max;
    }
}
