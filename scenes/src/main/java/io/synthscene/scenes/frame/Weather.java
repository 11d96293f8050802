package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A frame's precipitation, drawn by {@code WeatherRandomizer}; fog stays in {@link Lighting}.
 * Null in a {@link Frame} without rain or snow. The engine draws the falling particles in 3-D
 * around the camera and changes the surfaces (wet ground, snow cover); every constant those use
 * lives here so the CPU and the shaders agree.
 *
 * @param rainIntensity       [0, 1], or null for no rain: 1 is a downpour of {@link #MAX_RAIN_STREAKS} streaks
 * @param snowIntensity       [0, 1], or null for no snow: 1 is {@link #MAX_SNOWFLAKES} flakes
 * @param snowCover           [0, 1], or null without snow: how white upward-facing surfaces are
 * @param exposureTimeSeconds the shutter time, > 0: a particle is drawn over the path it falls in it
 * @param volumeCentre        world point (metres) the particle cube is centred on, shared by every camera
 *                            of a rig so that all of them see the same particles; null: the frame's camera
 *                            position (a frame without a rig)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Weather(
        @JsonProperty("rain_intensity") Double rainIntensity,
        @JsonProperty("snow_intensity") Double snowIntensity,
        @JsonProperty("snow_cover") Double snowCover,
        @JsonProperty("exposure_time_s") double exposureTimeSeconds,
        @JsonProperty("volume_centre_m") Vec3 volumeCentre) {

    /** Default shutter time, seconds: 1/60 s, a common video exposure. */
    public static final double DEFAULT_EXPOSURE_TIME_SECONDS = 1.0 / 60;
    /** Particles fill a cube of this half-side around the camera (or a rig's pose), metres (above the ground only). */
    public static final double PARTICLE_VOLUME_HALF_SIDE_METERS = 12;
    /** Streaks at rain intensity 1, and flakes at snow intensity 1, in the cube. */
    public static final int MAX_RAIN_STREAKS = 40_000;
    public static final int MAX_SNOWFLAKES = 40_000;
    /** Terminal velocity of a rain drop (~2 mm) and of a snowflake, metres per second, straight down. */
    public static final double RAIN_FALL_SPEED_M_PER_S = 9;
    public static final double SNOW_FALL_SPEED_M_PER_S = 1;
    /** Rain streak width and snowflake diameter, metres. */
    public static final double RAIN_STREAK_WIDTH_METERS = 0.002;
    public static final double SNOWFLAKE_DIAMETER_METERS = 0.012;
    /** Opacity of a streak (a drop mostly refracts the sky behind it) and of a flake, where at least a pixel wide. */
    public static final double RAIN_OPACITY = 0.3;
    public static final double SNOW_OPACITY = 1.0;
    /**
     * A particle covers pixels (in {@link RenderedFrame#particleCoverage()}, lowering the
     * visibility of what is behind it; ids and masks never change) only where its opacity, after
     * thinning to below a pixel, is at least this: flakes near enough to be opaque do, rain
     * streaks (0.3) never do.
     */
    public static final double OCCLUDER_MIN_OPACITY = 0.5;

    /** Weather whose particles are centred on the frame's camera. */
    public Weather(Double rainIntensity, Double snowIntensity, Double snowCover, double exposureTimeSeconds) {
        this(rainIntensity, snowIntensity, snowCover, exposureTimeSeconds, null);
    }

    /** The same weather with its particle volume centred on {@code centre} (world metres). */
    public Weather withVolumeCentre(Vec3 centre) {
        return new Weather(rainIntensity, snowIntensity, snowCover, exposureTimeSeconds, centre);
    }

    /** The centre of the particle volume for a frame seen through {@code camera}. */
    public Vec3 volumeCentreFor(Camera camera) {
        return volumeCentre != null ? volumeCentre : camera.position();
    }

    public Weather {
        check("rain intensity", rainIntensity);
        check("snow intensity", snowIntensity);
        check("snow cover", snowCover);
        if ((snowIntensity == null) != (snowCover == null)) {
            throw new IllegalArgumentException("snow intensity and snow cover come together");
        }
        if (!(exposureTimeSeconds > 0) || Double.isInfinite(exposureTimeSeconds)) {
            throw new IllegalArgumentException("exposure time " + exposureTimeSeconds + " s is not positive");
        }
    }

    /** The same weather seen with another shutter time (camera.motion.exposure_ms sets it when written). */
    public Weather withExposureTimeSeconds(double seconds) {
        return new Weather(rainIntensity, snowIntensity, snowCover, seconds, volumeCentre);
    }

    private static void check(String what, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " " + value + " is outside [0, 1]");
        }
    }

    /** Rain streaks in the volume: round(intensity x {@link #MAX_RAIN_STREAKS}), 0 without rain. */
    public int rainStreaks() {
        return rainIntensity == null ? 0 : (int) Math.round(rainIntensity * MAX_RAIN_STREAKS);
    }

    /** Snowflakes in the volume: round(intensity x {@link #MAX_SNOWFLAKES}), 0 without snow. */
    public int snowflakes() {
        return snowIntensity == null ? 0 : (int) Math.round(snowIntensity * MAX_SNOWFLAKES);
    }

    /**
     * How wet surfaces are, [0, 1]: min(1, 4 x rain intensity), so a drizzle of 0.25 already
     * soaks the ground. Wet surfaces are darker and glossier, see {@code shaded.frag.glsl}.
     */
    public double wetness() {
        return rainIntensity == null ? 0 : Math.min(1, 4 * rainIntensity);
    }

    /** Snow cover, 0 without snow. */
    public double cover() {
        return snowCover == null ? 0 : snowCover;
    }
}
