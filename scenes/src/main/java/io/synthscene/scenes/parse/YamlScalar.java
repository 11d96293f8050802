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
            case INTEGER, FLOAT -> "the number " + text;
            case STRING -> "the string \"" + text + "\"";
            case BOOLEAN -> "the boolean " + text;
            case NULL -> "an empty value";
        };
    }
}
