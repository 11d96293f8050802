package io.synthscene.scenes.parse;

import io.synthscene.scenes.frame.Category;
import io.synthscene.scenes.sampling.ScalarSampler;
import io.synthscene.scenes.spec.AssetSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A scene's asset catalog, read from the file its {@code catalog} names: entries by id, in file
 * order. Created by {@link AssetCatalogReader}; groups refer to entries by id or by tag.
 */
final class AssetCatalog {
    /**
     * @param category null when the entry gives none
     * @param scale    the entry's scale, 1 when it gives none
     * @param line     where the entry's id is written in the catalog file (for messages)
     */
    record Entry(String id, AssetSpec asset, Category category, ScalarSampler scale, List<String> tags) {
        Entry {
            tags = List.copyOf(tags);
        }
    }

    private final String fileName;
    private final Map<String, Entry> byId;

    AssetCatalog(String fileName, List<Entry> entries) {
        this.fileName = fileName;
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Entry entry : entries) {
            map.put(entry.id(), entry);
        }
        this.byId = Collections.unmodifiableMap(map);
    }

    /** The catalog's path as the scene gives it, for messages. */
    String fileName() {
        return fileName;
    }

    Entry entry(String id) {
        return byId.get(id);
    }

    List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** Entries carrying {@code tag}, in file order. */
    List<Entry> tagged(String tag) {
        List<Entry> found = new ArrayList<>();
        for (Entry entry : byId.values()) {
            if (entry.tags().contains(tag)) {
                found.add(entry);
            }
        }
        return found;
    }

    /** Every tag, sorted. */
    List<String> tags() {
        TreeSet<String> tags = new TreeSet<>();
        byId.values().forEach(entry -> tags.addAll(entry.tags()));
        return List.copyOf(tags);
    }
}
