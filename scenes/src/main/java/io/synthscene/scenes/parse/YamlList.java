package io.synthscene.scenes.parse;

import java.util.List;

/** A YAML sequence. */
public record YamlList(int line, int column, List<YamlNode> items) implements YamlNode {
    public YamlList {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }
}
