package io.synthscene.scenes.frame;

/**
 * How a {@link LocalLight} lights a surface, in the render's units: pure functions, used by the
 * engine's colour pass (shaded.frag.glsl computes the same) and by the CPU-side answers of the
 * tests and of auto exposure ({@link Exposure}).
 *
 * <p>Units. The renderer's light is unitless: a white Lambertian surface under irradiance E shows
 * linear value E (a sun of intensity 1 straight overhead gives E = 1). Local lights are written in
 * candela; {@link #LUX_PER_UNIT} lux make one render unit, so the default sun (2.5 at 50 degrees,
 * about 1.9 on the ground) stands for some 19,000 lux (an overcast-to-hazy day), a street lamp of
 * 2,000 cd gives 2,000 / 8^2 = 31 lux, 0.0031 units, 8 m below it: night is about eight stops darker
 * than day, as in a real camera, and needs an exposure to be seen (see {@link Exposure}).
 *
 * <p>Irradiance at a point p with unit normal n, d the distance to the light, l the unit vector
 * towards it:
 * <pre>
 *   E = colour x (I / LUX_PER_UNIT) x max(n.l, 0) x window(d) / max(d^2, MIN_DISTANCE^2) x cone
 *   window(d) = clamp(1 - (d / range)^4, 0, 1)^2        (a smooth cut-off: 1 near the light, 0 at range)
 *   cone      = smoothstep(cos outer, cos inner, dot(-l, direction))   (spots; 1 for point lights)
 * </pre>
 * Within a quarter of the range the window is above 0.99: the falloff there is inverse-square.
 */
public final class LocalLighting {
    /** Lux (lumen per square metre) in one render unit of irradiance. */
    public static final double LUX_PER_UNIT = 10_000;
    /** Distances below this count as this, metres: a light touching a surface does not divide by zero. */
    public static final double MIN_DISTANCE_METERS = 0.05;

    private LocalLighting() {
    }

    /** {@code clamp(1 - (d / range)^4, 0, 1)^2}. */
    public static double window(double distanceMeters, double rangeMeters) {
        double x = distanceMeters / rangeMeters;
        double w = Math.max(0, Math.min(1, 1 - x * x * x * x));
        return w * w;
    }

    /** Share of a spot's intensity in a direction whose angle to the spot's axis has cosine {@code cosAngle}; 1 for point lights. */
    public static double cone(LocalLight light, double cosAngle) {
        if (!light.isSpot()) {
            return 1;
        }
        double cosOuter = Math.cos(Math.toRadians(light.outerConeDegrees()));
        double cosInner = Math.cos(Math.toRadians(light.innerConeDegrees()));
        if (cosInner - cosOuter < 1e-9) {
            return cosAngle >= cosOuter ? 1 : 0;
        }
        double t = Math.max(0, Math.min(1, (cosAngle - cosOuter) / (cosInner - cosOuter)));
        return t * t * (3 - 2 * t);
    }

    /** Irradiance, linear RGB in render units, from {@code light} on a surface at {@code point} with unit {@code normal}. */
    public static Vec3 irradiance(LocalLight light, Vec3 point, Vec3 normal) {
        double dx = light.position().x() - point.x();
        double dy = light.position().y() - point.y();
        double dz = light.position().z() - point.z();
        double d2 = dx * dx + dy * dy + dz * dz;
        double d = Math.sqrt(d2);
        if (d >= light.rangeMeters() || d == 0) {
            return Vec3.ZERO;
        }
        double lx = dx / d;
        double ly = dy / d;
        double lz = dz / d;
        double cosSurface = Math.max(0, normal.x() * lx + normal.y() * ly + normal.z() * lz);
        double cone = 1;
        if (light.isSpot()) {
            Vec3 axis = light.direction();
            cone = cone(light, -(axis.x() * lx + axis.y() * ly + axis.z() * lz));
        }
        double k = light.intensityCandela() / LUX_PER_UNIT * cosSurface * window(d, light.rangeMeters())
                / Math.max(d2, MIN_DISTANCE_METERS * MIN_DISTANCE_METERS) * cone;
        Rgb c = light.color();
        return new Vec3(c.r() * k, c.g() * k, c.b() * k);
    }
}
