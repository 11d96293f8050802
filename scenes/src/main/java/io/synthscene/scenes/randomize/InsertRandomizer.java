package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Daylight;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Ground;
import io.synthscene.scenes.frame.LocalLight;
import io.synthscene.scenes.frame.Lighting;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Shadows;
import io.synthscene.scenes.frame.Vec3;
import io.synthscene.scenes.random.FrameRandom;
import io.synthscene.scenes.spec.GroupSpec;
import io.synthscene.scenes.spec.InsertSpec;
import io.synthscene.scenes.spec.InsertSpec.PlateCamera;
import io.synthscene.scenes.spec.InsertSpec.PlateLight;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws what is inserted into one variant of one photo: the photo's camera, the light, and the
 * objects of the {@code insert} groups, placed by the scene sampler's own group randomizer. Each
 * concern has its stream, {@link FrameRandom#stream}(config seed, source image id,
 * "augment/v{variant}/insert/{camera|light|objects}"); the groups draw from the streams of the scene
 * sampler keyed by the {@code objects} stream's first value, so a variant depends on (seed, image
 * id, variant) alone. Stateless.
 *
 * <p>World frame: the camera at (0, height, 0), yaw 0 (looking towards -z), pitched down, no roll;
 * the ground is the plane y = 0.
 */
public final class InsertRandomizer {
    static final double NEAR_M = 0.1;
    static final double FAR_M = 2000;
    /** The shadow catcher: a ground square this wide around the camera (the view reaches no further). */
    public static final double GROUND_SIZE_M = 2 * FAR_M;
    /** Shadows reach this far from the camera: beyond, the photo's ground is left as it is. */
    static final double SHADOW_REACH_M = 120;
    static final int SHADOW_MAP_SIZE = 2048;
    /** The lowest sun the estimate divides by (sin 5.7°): a grazing sun would need an endless intensity. */
    static final double MIN_SUN_SINE = 0.1;
    /** Sky colour at the zenith: what the renderer's hemisphere light is tinted by (neutral, slightly blue). */
    static final Rgb SKY = new Rgb(0.85, 0.9, 1.0);

    private InsertRandomizer() {
    }

    /** The light drawn for a variant; intensities are NaN where the photo's brightness decides them. */
    public record LightDraw(double sunElevationDeg, double sunAzimuthDeg, double sunIntensity, double ambientIntensity,
                            double sunShare, double groundAlbedo, boolean shadows) {
        public boolean estimated() {
            return Double.isNaN(sunIntensity) || Double.isNaN(ambientIntensity);
        }
    }

    public static Camera camera(InsertSpec spec, long seed, long sourceImageId, int variant, int width, int height) {
        SplittableRandom random = stream(seed, sourceImageId, variant, "camera");
        PlateCamera c = spec.camera();
        double heightM = c.heightM().sample(random);
        double pitchDown = c.pitchDownDeg().sample(random);
        double hfov = c.hfovDeg() != null ? c.hfovDeg().sample(random)
                : Camera.hfovDegreesForFocalLength(c.focalLengthPx().sample(random), width);
        double dx = c.principalPointX() == null ? 0 : c.principalPointX().sample(random) - width / 2.0;
        double dy = c.principalPointY() == null ? 0 : c.principalPointY().sample(random) - height / 2.0;
        return new Camera(new Vec3(0, heightM, 0), 0, -pitchDown, 0, hfov, NEAR_M, FAR_M, width, height, dx, dy);
    }

    public static LightDraw light(InsertSpec spec, long seed, long sourceImageId, int variant) {
        SplittableRandom random = stream(seed, sourceImageId, variant, "light");
        PlateLight l = spec.light();
        double elevation = l.sunElevationDeg().sample(random);
        double azimuth = l.sunAzimuthDeg().sample(random);
        double sun = l.sunIntensity() == null ? Double.NaN : l.sunIntensity().sample(random);
        double ambient = l.ambientIntensity() == null ? Double.NaN : l.ambientIntensity().sample(random);
        double share = l.sunShare().sample(random);
        double albedo = l.groundAlbedo().sample(random);
        return new LightDraw(elevation, azimuth, sun, ambient, share, albedo, l.shadows());
    }

    /** The edge blend drawn for a variant: {match_color, blur_px}. */
    public static double[] blend(InsertSpec spec, long seed, long sourceImageId, int variant) {
        SplittableRandom random = stream(seed, sourceImageId, variant, "blend");
        return new double[] {spec.blend().matchColor().sample(random), spec.blend().blurPx().sample(random)};
    }

    /**
     * The light of the inserted objects. Given intensities are used as they are; where one is
     * missing it comes from {@code groundIrradiance}, the light the photo's ground receives
     * (its mean linear luminance divided by the ground albedo, measured by the caller): the sun
     * gives {@code sunShare} of it, the sky the rest, in the renderer's units (a surface of albedo
     * a facing up, in the sun, shows a x (sun x sin(elevation) + sky)).
     *
     * @param groundIrradiance ignored when both intensities are given
     * @return the lighting, with the intensities actually used filled into the draw
     */
    public static Lighting lighting(LightDraw draw, double groundIrradiance) {
        double sun = draw.sunIntensity();
        double ambient = draw.ambientIntensity();
        double sine = Math.max(MIN_SUN_SINE, Math.sin(Math.toRadians(draw.sunElevationDeg())));
        if (Double.isNaN(sun)) {
            sun = draw.sunShare() * groundIrradiance / sine;
        }
        if (Double.isNaN(ambient)) {
            // the renderer's sky light is ambient x brightness at this elevation (and a little warmth)
            ambient = (1 - draw.sunShare()) * groundIrradiance / Daylight.skyBrightness(draw.sunElevationDeg());
        }
        Shadows shadows = draw.shadows() ? new Shadows(true, SHADOW_MAP_SIZE, SHADOW_REACH_M) : Shadows.OFF;
        return new Lighting(draw.sunAzimuthDeg(), draw.sunElevationDeg(), sun, new Rgb(1, 1, 1), null, ambient,
                new Rgb(1, 1, 1), SKY, shadows, null);
    }

    /**
     * The frame to render into the photo: the objects of every group, the shadow catcher ground
     * (albedo {@code draw.groundAlbedo()}, fully rough), no sensor, no fog.
     */
    public static Frame frame(InsertSpec spec, Camera camera, Lighting lighting, LightDraw draw, long seed,
                              long sourceImageId, int variant) {
        long groupSeed = stream(seed, sourceImageId, variant, "objects").nextLong();
        List<SceneObject> objects = new ArrayList<>();
        List<Footprint> occupied = new ArrayList<>();
        List<LocalLight> lights = new ArrayList<>();
        int nextInstanceId = 1;
        for (GroupSpec group : spec.groups()) {
            nextInstanceId = GroupRandomizer.place(group, groupSeed, 0, camera, null, 1, objects, occupied, nextInstanceId,
                    lights);
        }
        Lighting lit = lights.isEmpty() ? lighting : lighting.withLights(lights);
        double a = draw.groundAlbedo();
        Ground ground = new Ground(GROUND_SIZE_M, new Material(new Rgb(a, a, a), 1));
        return new Frame(0, groupSeed, camera, lit, ground, spec.categories(), objects);
    }

    private static SplittableRandom stream(long seed, long sourceImageId, int variant, String concern) {
        return FrameRandom.stream(seed, sourceImageId, "augment/v" + variant + "/insert/" + concern);
    }
}
