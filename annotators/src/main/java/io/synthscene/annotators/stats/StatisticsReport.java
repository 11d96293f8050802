package io.synthscene.annotators.stats;

import io.synthscene.annotators.AtomicFiles;
import io.synthscene.annotators.DatasetMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes what {@code synthscene stats} produces into one folder: the charts (PNG), {@code stats.json}
 * and {@code dataset_card.md}, each atomically. Other files in the folder are left alone. Called by
 * the CLI; stateless.
 */
public final class StatisticsReport {
    public static final String STATS_JSON = "stats.json";
    public static final String CARD = "dataset_card.md";

    private StatisticsReport() {
    }

    /** @return the files written, charts first, in the card's order */
    public static List<Path> write(Path folder, String name, DatasetStatistics stats, DatasetMetadata metadata) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        Map<String, BarChart.Spec> charts = StatisticsCharts.of(stats);
        for (Map.Entry<String, BarChart.Spec> chart : charts.entrySet()) {
            Path file = folder.resolve(chart.getKey());
            AtomicFiles.write(file, BarChart.renderPng(chart.getValue()));
            written.add(file);
        }
        Path json = folder.resolve(STATS_JSON);
        AtomicFiles.write(json, StatisticsJson.toJson(stats, metadata));
        written.add(json);
        Path card = folder.resolve(CARD);
        AtomicFiles.write(card, DatasetCard.markdown(name, stats, metadata, charts).getBytes(StandardCharsets.UTF_8));
        written.add(card);
        return written;
    }
}
