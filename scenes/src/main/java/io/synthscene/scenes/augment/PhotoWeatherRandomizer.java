package io.synthscene.scenes.augment;

import io.synthscene.scenes.augment.AugmentVariant.GroundPlane;
import io.synthscene.scenes.frame.Weather;
import io.synthscene.scenes.parse.AugmentSpecReader;
import io.synthscene.scenes.spec.AugmentSpec;
import io.synthscene.scenes.spec.AugmentSpec.GroundPlaneSpec;
import io.synthscene.scenes.spec.PhotoWeatherSpec;
import java.util.SplittableRandom;

/**
 * Draws the rain, snow, night and glare of one variant of one photo, each concern from its own
 * stream of (config seed, source image id, "augment/v{variant}/{concern}") as
 * {@link AugmentRandomizer} does: {@code weather/rain}, {@code weather/snow},
 * {@code weather/exposure_time}, {@code weather/ground_plane}, {@code weather/particles},
 * {@code night}, {@code glare}. Adding any of them leaves every other draw unchanged.
 */
public final class PhotoWeatherRandomizer {
    private PhotoWeatherRandomizer() {
    }

    /**
     * @param fog the variant's drawn fog, or null: without a ground plane of its own, the weather sees
     *            through the fog's camera (one camera per variant)
     */
    public static PhotoWeather sample(AugmentSpec spec, AugmentVariant.Fog fog, long sourceImageId, int variant) {
        PhotoWeatherSpec weather = spec.weather();
        return new PhotoWeather(
                weather.weather() == null ? null : precipitation(spec, weather.weather(), fog, sourceImageId, variant),
                weather.night() == null ? null : night(weather.night(), AugmentRandomizer.stream(spec, sourceImageId, variant, "night")),
                weather.glare() == null ? null : glare(weather.glare(), AugmentRandomizer.stream(spec, sourceImageId, variant, "glare")));
    }

    private static PhotoWeather.Precipitation precipitation(AugmentSpec spec, PhotoWeatherSpec.PrecipitationSpec p,
                                                            AugmentVariant.Fog fog, long image, int variant) {
        Double rain = p.rainIntensity() == null ? null
                : p.rainIntensity().sample(AugmentRandomizer.stream(spec, image, variant, "weather/rain"));
        Double snow = null;
        Double cover = null;
        if (p.snowIntensity() != null) {
            SplittableRandom random = AugmentRandomizer.stream(spec, image, variant, "weather/snow");
            snow = p.snowIntensity().sample(random);
            cover = p.snowCover().sample(random);
        }
        double exposure = p.exposureTimeSeconds() == null ? Weather.DEFAULT_EXPOSURE_TIME_SECONDS
                : p.exposureTimeSeconds().sample(AugmentRandomizer.stream(spec, image, variant, "weather/exposure_time"));
        GroundPlane ground;
        if (p.groundPlane() != null) {
            ground = groundPlane(p.groundPlane(), AugmentRandomizer.stream(spec, image, variant, "weather/ground_plane"));
        } else if (fog != null) {
            ground = fog.groundPlane();
        } else {
            ground = new GroundPlane(AugmentSpecReader.DEFAULT_CAMERA_HEIGHT_M, 0, AugmentSpecReader.DEFAULT_HFOV_DEG,
                    AugmentSpecReader.DEFAULT_FAR_M);
        }
        long key = AugmentRandomizer.stream(spec, image, variant, "weather/particles").nextLong();
        new Weather(rain, snow, cover, exposure); // checks the ranges once more
        return new PhotoWeather.Precipitation(rain, snow, cover, exposure, ground, key);
    }

    static GroundPlane groundPlane(GroundPlaneSpec g, SplittableRandom random) {
        return new GroundPlane(g.cameraHeightM().sample(random), g.pitchDeg().sample(random), g.hfovDeg().sample(random),
                g.farM().sample(random));
    }

    private static PhotoWeather.Night night(PhotoWeatherSpec.NightSpec n, SplittableRandom random) {
        return new PhotoWeather.Night(n.exposureEv().sample(random), n.blueShift().sample(random),
                n.lampThreshold().sample(random), n.glowRadiusPx().sample(random), n.glowStrength().sample(random));
    }

    private static PhotoWeather.Glare glare(PhotoWeatherSpec.GlareSpec g, SplittableRandom random) {
        return new PhotoWeather.Glare(g.strength().sample(random), g.radius().sample(random), g.threshold().sample(random),
                g.sun() == null ? null : g.sun().sample(random), g.veil().sample(random));
    }
}
