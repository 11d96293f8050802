package io.synthscene.scenes.sampling;

/** How numbers are written in messages and descriptions: integers without ".0", infinities as inf. */
public final class Numbers {
    private Numbers() {
    }

    public static String format(double value) {
        if (value == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
