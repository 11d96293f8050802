package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The sky drawn behind the scene in the colour pass, resolved for one frame: a gradient from the
 * horizon to the zenith with a glow around the sun ({@link Daylight#zenithSky},
 * {@link Daylight#sunGlow}), and clouds on a flat layer {@link #CLOUD_HEIGHT_METERS} above the
 * ground. Colour only: the sky never writes instance ids, depth or normals. A frame without a sky
 * (its lighting's {@code sky} is null) keeps the one-colour background of the horizon sky.
 *
 * <p>Plain immutable data, made by the frame sampler; nothing to close.
 *
 * @param gradient          false: one colour, the horizon sky, like a frame without a sky (clouds still drawn)
 * @param cloudCover        share of the sky the clouds cover, in [0, 1]; 0 = none
 * @param cloudOffsetMeters where the cloud pattern starts on its layer, [x, z] metres: drawn per
 *                          frame, so each frame has its own clouds
 */
public record Sky(
        boolean gradient,
        @JsonProperty("cloud_cover") double cloudCover,
        @JsonProperty("cloud_offset_m") List<Double> cloudOffsetMeters) {

    /** Height of the cloud layer above the ground, metres. */
    public static final double CLOUD_HEIGHT_METERS = 1500;
    /** Feature size of the cloud pattern on its layer, metres. */
    public static final double CLOUD_SCALE_METERS = 900;

    public Sky {
        if (!(cloudCover >= 0 && cloudCover <= 1)) {
            throw new IllegalArgumentException("cloud cover " + cloudCover + " is outside [0, 1]");
        }
        cloudOffsetMeters = cloudOffsetMeters == null ? List.of(0.0, 0.0) : List.copyOf(cloudOffsetMeters);
        if (cloudOffsetMeters.size() != 2) {
            throw new IllegalArgumentException("cloud offset needs [x, z], got " + cloudOffsetMeters);
        }
    }
}
