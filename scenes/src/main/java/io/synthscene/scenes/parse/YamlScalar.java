package io.synthscene.scenes.parse;

/**
 * A YAML scalar: its text as written and what YAML resolved it to. {@code number} is set for
 * {@link Kind#INTEGER} (exact, may exceed a long) and {@link Kind#FLOAT}.
 */
public record YamlScalar(int line, int column, String text, Kind kind, Number number) implements YamlNode {
    public enum Kind { INTEGER, FLOAT, STRING, BOOLEAN, NULL }

    public boolean isNumber() {
        return kind == Kind.INTEGER || kind == Kind.FLOAT;
    }

    @Override
    public String describe() {
        return switch (kind) {
            case INTEGER, FLOAT -> "the number " + shown(text);
            case STRING -> "the string \"" + shown(text) + "\"";
            case BOOLEAN -> "the boolean " + text;
            case NULL -> "an empty value";
        };
    }

    /** Longest text quoted in a message; a pasted blob or a 5,000-digit number is cut. */
    static final int MAX_SHOWN = 60;

    /** {@code text}, cut to {@value #MAX_SHOWN} characters with a count of the rest. */
    public static String shown(String text) {
        if (text == null || text.length() <= MAX_SHOWN) {
            return text;
        }
        return text.substring(0, MAX_SHOWN) + "... (" + text.length() + " characters)";
    }
}
