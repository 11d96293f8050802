package io.synthscene.scenes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How big a scene may be: limits that keep a typo or a hostile file from asking for a billion
 * objects, a 100-gigapixel image or a parser that never ends. A scene file can never lift them
 * (that would defeat the point); the person running synthscene can, per run, with an environment
 * variable or a Java system property (the property wins):
 *
 * <pre>
 * SYNTHSCENE_MAX_OBJECTS=50000 ./synthscene render ...
 * SYNTHSCENE_JAVA_OPTS=-Dsynthscene.max-objects=50000 ./synthscene render ...
 * </pre>
 *
 * <p>Immutable. Made by {@link #fromEnvironment()} (the loader does, for each load) or by tests
 * with {@link #with}.
 *
 * @param maxSceneBytes       largest scene file, in bytes
 * @param maxNestingDepth     deepest nesting of YAML maps and lists (the examples need 6)
 * @param maxImageSide        largest image width or height, in pixels
 * @param maxImagePixels      largest width × height
 * @param maxObjectsPerFrame  largest sum over groups of the most objects each count can draw
 *                            (a Poisson count counts as λ + 10√λ + 10, exceeded with probability
 *                            below 1e-20), times a class balance's factor, plus a road layout's pieces
 * @param maxFrames           largest {@code frames}
 * @param maxProblemsShown    problems listed in one error message; the rest are counted
 * @param maxTrianglesPerAsset largest model file, in triangles (checked when the file is imported)
 * @param maxTextureSide      largest width or height of a model's texture image, in pixels (checked
 *                            from the image's header, before it is decoded)
 */
public record Limits(long maxSceneBytes, int maxNestingDepth, int maxImageSide, long maxImagePixels,
                     long maxObjectsPerFrame, long maxFrames, int maxProblemsShown, long maxTrianglesPerAsset,
                     int maxTextureSide) {

    /** One limit: its name in messages, its environment variable and system property, its default. */
    public enum Setting {
        MAX_SCENE_BYTES("max-scene-bytes", 1L << 20, Long.MAX_VALUE),
        MAX_NESTING_DEPTH("max-nesting-depth", 64, 1_000),
        MAX_IMAGE_SIDE("max-image-side", 16_384, Integer.MAX_VALUE),
        MAX_IMAGE_PIXELS("max-image-pixels", 8192L * 8192, Long.MAX_VALUE),
        MAX_OBJECTS_PER_FRAME("max-objects", 10_000, Long.MAX_VALUE),
        MAX_FRAMES("max-frames", 10_000_000, Integer.MAX_VALUE),
        MAX_PROBLEMS_SHOWN("max-problems-shown", 100, Integer.MAX_VALUE),
        MAX_TRIANGLES_PER_ASSET("max-triangles", 5_000_000, Integer.MAX_VALUE),
        /** A GL texture side is at most 16384 on most devices; 8192 x 8192 RGBA is 256 MiB before mipmaps. */
        MAX_TEXTURE_SIDE("max-texture-side", 8192, 65_536);

        private final String name;
        private final long defaultValue;
        /** Largest value accepted; nesting stays far below what the reader's recursion could take. */
        private final long ceiling;

        Setting(String name, long defaultValue, long ceiling) {
            this.name = name;
            this.defaultValue = defaultValue;
            this.ceiling = ceiling;
        }

        /** {@code SYNTHSCENE_MAX_OBJECTS} */
        public String environmentVariable() {
            return "SYNTHSCENE_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
        }

        /** {@code synthscene.max-objects} */
        public String systemProperty() {
            return "synthscene." + name;
        }

        public long defaultValue() {
            return defaultValue;
        }

        /** The largest value this setting accepts. */
        public int ceiling() {
            return (int) Math.min(Integer.MAX_VALUE, ceiling);
        }
    }

    /** The defaults, with nothing overridden. */
    public static final Limits DEFAULT = from(name -> null, name -> null);

    public Limits {
        if (maxSceneBytes < 1 || maxNestingDepth < 1 || maxImageSide < 1 || maxImagePixels < 1
                || maxObjectsPerFrame < 1 || maxFrames < 1 || maxProblemsShown < 1 || maxTrianglesPerAsset < 1
                || maxTextureSide < 1) {
            throw new IllegalArgumentException("every limit must be >= 1");
        }
    }

    /**
     * The limits in force: defaults, overridden by environment variables, overridden by system
     * properties.
     *
     * @throws InvalidLimitException when a setting is not a whole number >= 1
     */
    public static Limits fromEnvironment() {
        return from(System::getenv, System::getProperty);
    }

    /** Same as {@link #fromEnvironment()} with the lookups given (for tests). */
    public static Limits from(Function<String, String> environment, Function<String, String> properties) {
        List<String> bad = new ArrayList<>();
        long[] v = new long[Setting.values().length];
        for (Setting setting : Setting.values()) {
            String property = properties.apply(setting.systemProperty());
            String variable = environment.apply(setting.environmentVariable());
            String source = property != null ? "-D" + setting.systemProperty() : setting.environmentVariable();
            String text = property != null ? property : variable;
            v[setting.ordinal()] = setting.defaultValue;
            if (text == null) {
                continue;
            }
            long parsed = parse(text.strip());
            if (parsed < 1 || parsed > setting.ceiling) {
                bad.add(source + "=" + text + " is not a whole number in [1, " + setting.ceiling + "]");
                continue;
            }
            v[setting.ordinal()] = parsed;
        }
        if (!bad.isEmpty()) {
            throw new InvalidLimitException(String.join("; ", bad));
        }
        return of(v);
    }

    /** These limits with one changed (for tests and tools). */
    public Limits with(Setting setting, long value) {
        if (value < 1 || value > setting.ceiling) {
            throw new IllegalArgumentException(setting.systemProperty() + " " + value + " is outside [1, " + setting.ceiling + "]");
        }
        long[] v = values();
        v[setting.ordinal()] = value;
        return of(v);
    }

    private static Limits of(long[] v) {
        return new Limits(v[0], (int) v[1], (int) v[2], v[3], v[4], v[5], (int) v[6], v[7], (int) v[8]);
    }

    private long[] values() {
        return new long[] {maxSceneBytes, maxNestingDepth, maxImageSide, maxImagePixels, maxObjectsPerFrame,
                maxFrames, maxProblemsShown, maxTrianglesPerAsset, maxTextureSide};
    }

    /** How to lift a limit, for messages: {@code (limit: set SYNTHSCENE_MAX_OBJECTS to raise it)}. */
    public static String howToRaise(Setting setting) {
        return "(a limit: set " + setting.environmentVariable() + " or -D" + setting.systemProperty() + " to raise it)";
    }

    private static long parse(String text) {
        try {
            return Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A limit setting that is not a whole number >= 1: a usage error (exit code 2). */
    public static final class InvalidLimitException extends IllegalArgumentException {
        public InvalidLimitException(String message) {
            super(message);
        }
    }
}
