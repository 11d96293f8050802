package io.synthscene.scenes.parse;

/**
 * A YAML value with the position it was written at (1-based line and column), so that every
 * problem can point at the text that caused it. Jackson's own tree forgets positions, hence this
 * small tree built from its streaming parser.
 */
public sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {
    int line();

    int column();

    /** What the node is, for type errors: {@code a map}, {@code a list}, {@code the string "abc"}. */
    String describe();
}
