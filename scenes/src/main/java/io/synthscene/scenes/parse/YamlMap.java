package io.synthscene.scenes.parse;

import java.util.List;

/** A YAML mapping in file order; keys are unique (duplicates are reported while reading). */
public record YamlMap(int line, int column, List<Entry> entries) implements YamlNode {
    /** One key with its own position and its value. */
    public record Entry(String key, int line, int column, YamlNode value) {
    }

    public YamlMap {
        entries = List.copyOf(entries);
    }

    /** The entry for a key, or null. */
    public Entry entry(String key) {
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                return e;
            }
        }
        return null;
    }

    /** The value of a key, or null when the key is absent. */
    public YamlNode get(String key) {
        Entry e = entry(key);
        return e == null ? null : e.value();
    }

    @Override
    public String describe() {
        return "a map";
    }
}
