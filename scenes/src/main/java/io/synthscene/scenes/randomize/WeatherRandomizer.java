package io.synthscene.scenes.randomize;

import io.synthscene.scenes.frame.Weather;
import io.synthscene.scenes.random.FrameRandom;
import io.synthscene.scenes.spec.WeatherSpec;
import java.util.SplittableRandom;

/**
 * Draws a frame's weather: fog visibility (stream {@code weather/fog}), rain (stream
 * {@code weather/rain}: intensity), snow ({@code weather/snow}: intensity, cover) and the
 * exposure time of the particles ({@code weather/exposure_time}). Each has its own stream, so
 * adding rain or snow changes no other draw.
 */
public final class WeatherRandomizer {
    private WeatherRandomizer() {
    }

    /** @param fogRandom the {@code weather/fog} stream; nothing is drawn without fog */
    public static Double fogVisibilityMeters(WeatherSpec spec, SplittableRandom fogRandom) {
        return spec.fogVisibilityMeters() == null ? null : spec.fogVisibilityMeters().sample(fogRandom);
    }

    /** The frame's rain and snow, or null when the scene has neither (nothing is drawn then). */
    public static Weather precipitation(WeatherSpec spec, long seed, int index) {
        if (!spec.hasParticles()) {
            return null;
        }
        Double rain = null;
        if (spec.rainIntensity() != null) {
            rain = spec.rainIntensity().sample(FrameRandom.stream(seed, index, "weather/rain"));
        }
        Double snow = null;
        Double cover = null;
        if (spec.snowIntensity() != null) {
            SplittableRandom random = FrameRandom.stream(seed, index, "weather/snow");
            snow = spec.snowIntensity().sample(random);
            cover = spec.snowCover().sample(random);
        }
        double exposure = spec.exposureTimeSeconds() == null ? Weather.DEFAULT_EXPOSURE_TIME_SECONDS
                : spec.exposureTimeSeconds().sample(FrameRandom.stream(seed, index, "weather/exposure_time"));
        return new Weather(rain, snow, cover, exposure);
    }
}
