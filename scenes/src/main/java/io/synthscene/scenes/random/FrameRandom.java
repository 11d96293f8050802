package io.synthscene.scenes.random;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Counter-based random streams: the generator for (scene seed, frame index, stream name) depends
 * on those three values alone, so frame N draws the same values whether it is rendered first,
 * last, alone, on another shard or in another process. Each concern (camera, sun, an object
 * group...) draws from its own named stream, so adding a stream never changes the draws of the
 * others.
 *
 * <p>There is deliberately no shared or static generator anywhere in synthscene.
 */
public final class FrameRandom {
    private FrameRandom() {
    }

    /** A fresh generator for one named concern of one frame. */
    public static SplittableRandom stream(long sceneSeed, long frameIndex, String streamName) {
        long h = mix(sceneSeed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ mix(frameIndex + 0x632BE59BD9B4E019L));
        h = mix(h ^ fnv1a64(streamName));
        return new SplittableRandom(h);
    }

    /** The SplitMix64 / Stafford variant 13 finaliser: a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long fnv1a64(String text) {
        long hash = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= (b & 0xFF);
            hash *= 0x100000001B3L;
        }
        return hash;
    }
}
