package io.synthscene.scenes.parse;

import java.util.List;

/**
 * A YAML map read as one spec section: knows its path (for messages) and its allowed keys. Unknown
 * keys are reported when it is opened, at the key, with a suggestion when a known key is close.
 */
public final class MapFields {
    private final YamlMap map;
    private final String path;
    private final Problems problems;

    private MapFields(YamlMap map, String path, Problems problems) {
        this.map = map;
        this.path = path;
        this.problems = problems;
    }

    /** Opens {@code node} as a map with the given keys; null (after reporting) when it is not a map. */
    public static MapFields open(YamlNode node, String path, Values values, List<String> allowedKeys) {
        YamlMap map = values.map(node, path);
        if (map == null) {
            return null;
        }
        for (YamlMap.Entry entry : map.entries()) {
            if (!allowedKeys.contains(entry.key())) {
                values.problems().add(entry.line(), entry.column(), child(path, entry.key()),
                        "unknown key '" + YamlScalar.shown(entry.key()) + "'" + Suggestions.hint(entry.key(), allowedKeys));
            }
        }
        return new MapFields(map, path, values.problems());
    }

    public YamlMap map() {
        return map;
    }

    public String path() {
        return path;
    }

    public boolean has(String key) {
        return map.get(key) != null;
    }

    /** The value of an optional key, or null when absent. */
    public YamlNode get(String key) {
        return map.get(key);
    }

    /** The value of a required key; when absent, reports it at the map and returns null. */
    public YamlNode require(String key) {
        YamlNode value = map.get(key);
        if (value == null) {
            problems.add(map, path(key), "missing required field '" + key + "'");
        }
        return value;
    }

    /** Position of a key as written, for problems about the key itself. */
    public YamlMap.Entry entry(String key) {
        return map.entry(key);
    }

    public String path(String key) {
        return child(path, key);
    }

    public static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
