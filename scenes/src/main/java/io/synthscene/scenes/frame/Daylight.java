package io.synthscene.scenes.frame;

/**
 * How the sky's light and colour follow the sun's elevation, in linear RGB. Pure functions of a
 * frame's {@link Lighting} (and ground), used by the engine's colour pass and by the tests that
 * work its answers out on the CPU.
 *
 * <p>The model, deliberately simple:
 * <ul>
 *   <li>{@link #skyBrightness}: the sky's brightness relative to a zenith sun,
 *       {@code 0.1 + 0.9 sqrt(sin e)} for elevation e >= 0 (0.37 at 5 degrees, 0.63 at 20, 0.86 at
 *       45, 1 at 90), falling linearly from 0.1 at the horizon to 0 at -18 degrees (the end of
 *       astronomical twilight).</li>
 *   <li>{@link #horizonWarmth}: how far the sky's colour moves towards the sun's colour,
 *       {@code 0.5 (1 - smoothstep(0, 30, e))}: half-way at sunrise, none above 30 degrees.</li>
 *   <li>Sky light (the upper hemisphere): ambient colour x intensity, warmed and scaled as above.</li>
 *   <li>Ground bounce (the lower hemisphere): the ground's albedo x the light the ground receives,
 *       sky light + sun x sin e (the same Lambertian model as the shader, without shadows).</li>
 *   <li>The sky behind everything is one colour, the sky at the horizon: the sky colour warmed and
 *       scaled as above. It is also the fog's airlight.</li>
 *   <li>Fog ({@link #fogExtinctionPerMeter}): Koschmieder's law, colours fade towards the airlight
 *       with the distance from the camera.</li>
 * </ul>
 * A surface with unit normal n receives {@code mix(groundBounce, skyLight, 0.5 + 0.5 n.y)}.
 */
public final class Daylight {
    /** Sky brightness at the horizon relative to a zenith sun. */
    static final double HORIZON_BRIGHTNESS = 0.1;
    /** Sun elevation where twilight ends and the sky is dark, degrees. */
    static final double TWILIGHT_END_DEG = -18;
    /** Elevation above which the sky no longer takes on the sun's colour, degrees. */
    static final double WARM_BELOW_DEG = 30;
    static final double MAX_WARMTH = 0.5;

    private Daylight() {
    }

    /** Sky brightness relative to a sun at the zenith, in [0, 1]. */
    public static double skyBrightness(double sunElevationDegrees) {
        double e = sunElevationDegrees;
        if (e >= 0) {
            return HORIZON_BRIGHTNESS + (1 - HORIZON_BRIGHTNESS) * Math.sqrt(Math.sin(Math.toRadians(Math.min(e, 90))));
        }
        return HORIZON_BRIGHTNESS * Math.max(0, 1 - e / TWILIGHT_END_DEG);
    }

    /** Share of the sun's colour mixed into the sky's colour, in [0, {@value #MAX_WARMTH}]. */
    public static double horizonWarmth(double sunElevationDegrees) {
        double x = Math.max(0, Math.min(1, sunElevationDegrees / WARM_BELOW_DEG));
        return MAX_WARMTH * (1 - x * x * (3 - 2 * x));
    }

    /** The sky behind everything (the sky at the horizon), linear RGB; also the fog's airlight. */
    public static Rgb horizonSky(Lighting light) {
        double[] c = warmed(light.skyColor(), light, 1);
        return new Rgb(c[0], c[1], c[2]);
    }

    /** Light from the upper hemisphere on a surface facing straight up, linear RGB x intensity. */
    public static Vec3 skyLight(Lighting light) {
        double[] c = warmed(light.ambientColor(), light, light.ambientIntensity());
        return new Vec3(c[0], c[1], c[2]);
    }

    /**
     * Light from the lower hemisphere on a surface facing straight down: the ground's albedo x the
     * sky light and sun it receives; zero without a ground.
     */
    public static Vec3 groundBounce(Lighting light, Ground ground) {
        if (ground == null) {
            return Vec3.ZERO;
        }
        Vec3 sky = skyLight(light);
        double sun = light.sunIntensity() * Math.max(0, Math.sin(Math.toRadians(light.sunElevationDegrees())));
        Rgb albedo = ground.material().color();
        Rgb s = light.sunColor();
        return new Vec3(albedo.r() * (sky.x() + s.r() * sun), albedo.g() * (sky.y() + s.g() * sun),
                albedo.b() * (sky.z() + s.b() * sun));
    }

    /**
     * Koschmieder's extinction coefficient for the frame's fog, per metre: 3.912 / visibility
     * (3.912 = -ln 0.02, the 2 % contrast threshold that defines meteorological visibility); 0
     * without fog. A surface at distance d keeps t = exp(-beta d) of its colour and takes 1 - t of
     * the airlight, {@link #horizonSky}.
     */
    public static double fogExtinctionPerMeter(Lighting light) {
        return light.fogVisibilityMeters() == null ? 0 : KOSCHMIEDER_CONSTANT / light.fogVisibilityMeters();
    }

    /** -ln(0.02): the contrast threshold of meteorological visibility. */
    public static final double KOSCHMIEDER_CONSTANT = 3.912;

    private static double[] warmed(Rgb base, Lighting light, double intensity) {
        double w = horizonWarmth(light.sunElevationDegrees());
        double k = intensity * skyBrightness(light.sunElevationDegrees());
        Rgb sun = light.sunColor();
        return new double[] {
                k * ((1 - w) * base.r() + w * sun.r()),
                k * ((1 - w) * base.g() + w * sun.g()),
                k * ((1 - w) * base.b() + w * sun.b())};
    }
}
