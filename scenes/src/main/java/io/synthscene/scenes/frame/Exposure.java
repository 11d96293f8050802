package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.joml.Vector3d;

/**
 * The scene exposure of one frame: linear light times 2^ev in the colour pass itself, before the
 * 8-bit sRGB encoding, so that a night frame brightened by eight stops keeps its detail. (The
 * camera sensor's {@code exposure_ev} acts after the encoding, on 8-bit values, and models
 * exposure jitter; eight stops there would turn a night frame into a few grey levels.) It
 * multiplies everything the colour pass writes: lit surfaces, emission, fog and the sky.
 *
 * <p>Auto exposure meters like a spot meter on the ground: the point where the camera's optical
 * axis meets the ground (the point under the camera when the axis does not point down), and the
 * irradiance E a surface facing up receives there from the sky, the sun (without shadows) and
 * every local light, as luminance (Rec. 709 weights of the linear RGB). Then
 * <pre>  ev = clamp(log2(TARGET_IRRADIANCE / E), 0, maxEv)   (maxEv when E = 0)</pre>
 * so a white surface at the metered point reads full scale and 18 % grey reads 0.18 (sRGB level
 * 118), the usual key of a metered exposure. It never darkens (ev >= 0): a daylight frame comes out
 * exactly as without it.
 *
 * <p>Plain immutable data, made by the frame sampler; nothing to close.
 *
 * @param mode               how {@code ev} was chosen
 * @param ev                 stops; linear values times 2^ev
 * @param meteredIrradiance  auto only: E at the metered point, render units (null for fixed)
 * @param maxEv              auto only: the most stops it may add (null for fixed)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Exposure(
        Mode mode,
        double ev,
        @JsonProperty("metered_irradiance") Double meteredIrradiance,
        @JsonProperty("max_ev") Double maxEv) {
    /** Irradiance that auto exposure maps to full scale on a white surface, render units. */
    public static final double TARGET_IRRADIANCE = 1;
    /** Default of the most stops auto exposure adds: enough for street lamps at night (see {@link LocalLighting}). */
    public static final double DEFAULT_MAX_EV = 8;
    /** Largest |ev| a scene may ask for: 2^24 is as far as a float keeps the sky's 8-bit levels apart. */
    public static final double MAX_ABS_EV = 24;

    public enum Mode {
        @JsonProperty("fixed") FIXED,
        @JsonProperty("auto") AUTO
    }

    public Exposure {
        if (!(Math.abs(ev) <= MAX_ABS_EV)) {
            throw new IllegalArgumentException("exposure " + ev + " EV is outside [-" + MAX_ABS_EV + ", " + MAX_ABS_EV + "]");
        }
    }

    public static Exposure fixed(double ev) {
        return new Exposure(Mode.FIXED, ev, null, null);
    }

    /** Linear gain, 2^ev. */
    public double gain() {
        return Math.pow(2, ev);
    }

    /** The auto exposure of a frame with this camera, lighting (its local lights included) and ground. */
    public static Exposure auto(Camera camera, Lighting lighting, double maxEv) {
        Vec3 metered = meteredPoint(camera);
        double e = meteredIrradiance(lighting, metered);
        double ev = e > 0 ? Math.log(TARGET_IRRADIANCE / e) / Math.log(2) : maxEv;
        return new Exposure(Mode.AUTO, Math.max(0, Math.min(maxEv, ev)), e, maxEv);
    }

    /** Where the optical axis meets the ground y = 0, or the point under the camera when it does not point down. */
    public static Vec3 meteredPoint(Camera camera) {
        Vector3d forward = camera.glCameraToWorld().transformDirection(new Vector3d(0, 0, -1)).normalize();
        Vec3 eye = camera.position();
        if (forward.y < -1e-6 && eye.y() > 0) {
            double t = -eye.y() / forward.y;
            return new Vec3(eye.x() + t * forward.x, 0, eye.z() + t * forward.z);
        }
        return new Vec3(eye.x(), 0, eye.z());
    }

    /** Luminance of the irradiance on a surface facing up at {@code point}: sky, sun (unshadowed), local lights. */
    public static double meteredIrradiance(Lighting lighting, Vec3 point) {
        Vec3 sky = Daylight.skyLight(lighting);
        double r = sky.x();
        double g = sky.y();
        double b = sky.z();
        double sun = lighting.sunElevationDegrees() <= 0 ? 0
                : lighting.sunIntensity() * Math.sin(Math.toRadians(lighting.sunElevationDegrees()));
        r += lighting.sunColor().r() * sun;
        g += lighting.sunColor().g() * sun;
        b += lighting.sunColor().b() * sun;
        Vec3 up = new Vec3(0, 1, 0);
        List<LocalLight> lights = lighting.lights();
        for (LocalLight light : lights) {
            Vec3 e = LocalLighting.irradiance(light, point, up);
            r += e.x();
            g += e.y();
            b += e.z();
        }
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }
}
