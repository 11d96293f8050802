package io.synthscene.scenes.frame;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A colour in linear RGB, each channel in [0, 1] (not sRGB-encoded: the engine encodes to sRGB
 * when it writes the colour pass). Written to JSON as {@code [r, g, b]}.
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
public record Rgb(double r, double g, double b) {
    public Rgb {
        checkChannel("r", r);
        checkChannel("g", g);
        checkChannel("b", b);
    }

    private static void checkChannel(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("colour channel " + name + " = " + value + " is outside [0, 1]");
        }
    }
}
