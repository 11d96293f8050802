package io.synthscene.scenes.randomize;

import io.synthscene.scenes.spec.WeatherSpec;
import java.util.SplittableRandom;

/** Draws a frame's fog visibility, in metres, or null for a clear atmosphere. */
public final class WeatherRandomizer {
    private WeatherRandomizer() {
    }

    /** @param fogRandom the {@code weather/fog} stream; nothing is drawn without fog */
    public static Double fogVisibilityMeters(WeatherSpec spec, SplittableRandom fogRandom) {
        return spec.fogVisibilityMeters() == null ? null : spec.fogVisibilityMeters().sample(fogRandom);
    }
}
