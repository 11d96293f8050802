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
 *   <li>The sky at the horizon ({@link #horizonSky}): the sky colour warmed and scaled as above. It is
 *       the fog's airlight, and the one colour behind everything in a frame without a {@link Sky}.</li>
 *   <li>With a {@link Sky}, {@link #skyRadiance}: from the horizon colour H to the zenith colour Z
 *       ({@link #zenithSky}: darker and bluer than H) by g = 1 - (1 - max(d.y, 0))^3 for a unit
 *       direction d, plus a glow around the sun ({@link #sunGlow}), then fogged towards H over a
 *       path of {@link #SKY_FOG_LAYER_METERS} / d.y, so the horizon is exactly the airlight that
 *       distant fogged geometry fades to. Clouds ({@link #cloudColor}) are mixed in before the fog.</li>
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

    /**
     * How much darker the zenith is than the horizon, before the saturation below: the zenith of a
     * grey sky colour is {@value #ZENITH_DIM} of its horizon.
     */
    public static final double ZENITH_DIM = 0.8;
    /**
     * Each channel of the zenith is the horizon's times (channel / largest channel of the sky
     * colour)^{@value #ZENITH_SATURATION}: a blue sky colour gives a deeper blue zenith.
     */
    public static final double ZENITH_SATURATION = 1.5;
    /** The glow around the sun: sun colour x min(intensity, 3) x sky brightness x (a s^8 + b s^64), s = cos(angle to the sun). */
    public static final double SUN_GLOW_WIDE = 0.12;
    public static final double SUN_GLOW_NARROW = 0.35;
    /** Share of the light above the cloud layer that a cloud's underside sends down, x its albedo. */
    public static final double CLOUD_BRIGHTNESS = 0.45;
    /** Thickness of the fog layer the sky is seen through, metres: the path to the sky is this / d.y. */
    public static final double SKY_FOG_LAYER_METERS = 300;

    /**
     * The sky at the zenith (with a {@link Sky} drawing its gradient), linear RGB: the horizon sky
     * times {@value #ZENITH_DIM} times (sky colour channel / its largest channel)^{@value #ZENITH_SATURATION}.
     */
    public static Rgb zenithSky(Lighting light) {
        Rgb h = horizonSky(light);
        Rgb c = light.skyColor();
        double max = Math.max(c.r(), Math.max(c.g(), c.b()));
        if (max <= 0) {
            return new Rgb(0, 0, 0);
        }
        return new Rgb(h.r() * ZENITH_DIM * Math.pow(c.r() / max, ZENITH_SATURATION),
                h.g() * ZENITH_DIM * Math.pow(c.g() / max, ZENITH_SATURATION),
                h.b() * ZENITH_DIM * Math.pow(c.b() / max, ZENITH_SATURATION));
    }

    /** Colour of the glow around the sun per unit weight, linear RGB, may exceed 1: sun colour x min(intensity, 3) x sky brightness. */
    public static Vec3 sunGlow(Lighting light) {
        double k = Math.min(light.sunIntensity(), 3) * skyBrightness(light.sunElevationDegrees());
        Rgb sun = light.sunColor();
        return new Vec3(sun.r() * k, sun.g() * k, sun.b() * k);
    }

    /**
     * The underside of a cloud, linear RGB: {@value #CLOUD_BRIGHTNESS} x the light a surface facing
     * up receives above it (sky light + sun x sin e, as the ground bounce): white-grey by day, dark
     * at night, warm at sunset. May exceed 1 (clipped by the 8-bit encoding).
     */
    public static Vec3 cloudColor(Lighting light) {
        Vec3 sky = skyLight(light);
        double sun = light.sunIntensity() * Math.max(0, Math.sin(Math.toRadians(light.sunElevationDegrees())));
        Rgb s = light.sunColor();
        return new Vec3(CLOUD_BRIGHTNESS * (sky.x() + s.r() * sun), CLOUD_BRIGHTNESS * (sky.y() + s.g() * sun),
                CLOUD_BRIGHTNESS * (sky.z() + s.b() * sun));
    }

    /**
     * The cloudless sky seen along the unit world direction {@code d}, linear RGB before the
     * exposure: what sky.frag.glsl computes where no cloud covers the pixel (tests compare the two).
     * With {@code gradient} false, the horizon sky everywhere (still fogged: which changes nothing there).
     * Not clipped: near the sun it may exceed 1, which the 8-bit encoding clips.
     */
    public static Vec3 skyRadiance(Lighting light, boolean gradient, Vec3 d) {
        Rgb h = horizonSky(light);
        double[] c = {h.r(), h.g(), h.b()};
        if (gradient) {
            Rgb z = zenithSky(light);
            double up = Math.max(d.y(), 0);
            double g = 1 - Math.pow(1 - up, 3);
            Vec3 toSun = light.directionToSun();
            double s = Math.max(0, d.x() * toSun.x() + d.y() * toSun.y() + d.z() * toSun.z());
            double w = SUN_GLOW_WIDE * Math.pow(s, 8) + SUN_GLOW_NARROW * Math.pow(s, 64);
            Vec3 glow = sunGlow(light);
            c[0] = h.r() + (z.r() - h.r()) * g + glow.x() * w;
            c[1] = h.g() + (z.g() - h.g()) * g + glow.y() * w;
            c[2] = h.b() + (z.b() - h.b()) * g + glow.z() * w;
        }
        double t = skyTransmittance(light, d);
        return new Vec3(c[0] * t + h.r() * (1 - t), c[1] * t + h.g() * (1 - t), c[2] * t + h.b() * (1 - t));
    }

    /** Share of the sky's own colour left along {@code d} through the fog layer: exp(-beta layer / d.y), 0 at and below the horizon in fog. */
    public static double skyTransmittance(Lighting light, Vec3 d) {
        double beta = fogExtinctionPerMeter(light);
        if (beta == 0) {
            return 1;
        }
        return d.y() <= 0 ? 0 : Math.exp(-beta * SKY_FOG_LAYER_METERS / d.y());
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
