package io.synthscene.annotators.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.annotators.CocoReader;
import io.synthscene.annotators.DatasetMetadata;
import io.synthscene.annotators.DatasetShard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The card's provenance and its known limitations, from a hand-written COCO file of 150 cars and 1 bike. */
class DatasetCardTest {
    private static final DatasetMetadata METADATA = new DatasetMetadata("1.2.3", "abc123", "/home/someone/scenes/street.yaml",
            "0f".repeat(32), 42, 2, new DatasetShard(1, 4, 2, 8), 64, 48, "NVIDIA H100 80GB HBM3/PCIe/SSE2", true, "png",
            null, 4, "2026-01-02T03:04:05Z", "2026-01-02T03:05:00Z");

    @TempDir
    Path temp;

    @Test
    void theCardStatesTheProvenanceAndNamesTheSceneByItsFileNameOnly() throws IOException {
        String card = DatasetCard.markdown("street", statistics(), METADATA, StatisticsCharts.of(statistics()));
        assertThat(card).contains("| git commit | `abc123` |", "| scene file | `street.yaml` |",
                "| scene SHA-256 | `" + "0f".repeat(32) + "` |", "| seed | 42 |", "| frames | 2 of a run of 8 |",
                "| shard | 1 of 4 (frames 2 to 3) |", "| rendering device | NVIDIA H100 80GB HBM3/PCIe/SSE2 (GPU) |",
                "| started | 2026-01-02T03:04:05Z |", "| finished | 2026-01-02T03:05:00Z |", "| synthscene version | 1.2.3 |");
        assertThat(card).doesNotContain("/home/someone");
        assertThat(card).contains("- All 2 images come from one scene file, `street.yaml`, with seed 42");
        assertThat(card).contains("![instances per category](categories.png)", "![box size](bbox_size.png)");
    }

    @Test
    void aCategoryUnderOnePercentAndAStrongImbalanceAreNamedAsLimitations() throws IOException {
        List<String> limitations = DatasetCard.limitations(statistics());
        assertThat(limitations).contains("Categories with fewer than 1.0% of the instances: bike (0.7%).",
                "The largest category has 150.0 times the instances of the smallest.",
                "1 of 2 images (50.0%) have no instance.",
                "151 of 151 boxes (100.0%) are smaller than 8 x 8 px (sqrt(w x h) < 8).",
                "Not recorded in the annotations, so not described here: visibility, truncation, distance to the camera.");
    }

    @Test
    void recordedVisibilityGetsItsHistogramAndChart() throws IOException {
        DatasetStatistics base = statistics();
        DatasetStatistics stats = DatasetStatistics.of(CocoReader.read(temp.resolve("instances.json")),
                new AnnotationExtras(151, new double[] {1.0, 0.5, 0.25, 0.05}, new double[0], new double[0]), List.of(), null, null);
        assertThat(base.visibility()).isNull();
        long[] counts = stats.visibility().counts(); // 20 bins of 0.05
        assertThat(counts[19]).isEqualTo(1); // 1.0, the last edge
        assertThat(counts[10]).isEqualTo(1); // 0.5, on an inner edge
        assertThat(counts[5]).isEqualTo(1);
        assertThat(counts[1]).isEqualTo(1);
        String card = DatasetCard.markdown("street", stats, METADATA, StatisticsCharts.of(stats));
        assertThat(card).contains("**Visibility:** 4 annotations with `synthscene.visibility`.", "![visibility](visibility.png)",
                "**Truncation:** not recorded");
    }

    @Test
    void aCocoFileWithNothingInItStillGivesChartsAndACard() {
        DatasetStatistics stats = DatasetStatistics.of(new io.synthscene.annotators.CocoDataset(List.of(), List.of(), List.of()),
                new AnnotationExtras(0, new double[0], new double[0], new double[0]), List.of(), null, null);
        for (BarChart.Spec chart : StatisticsCharts.of(stats).values()) {
            assertThat(BarChart.renderPng(chart)).isNotEmpty();
        }
        assertThat(DatasetCard.markdown("empty", stats, METADATA, StatisticsCharts.of(stats)))
                .contains("| images | 0 |", "Largest / smallest category: undefined (no instances).");
    }

    private DatasetStatistics statistics() throws IOException {
        StringBuilder annotations = new StringBuilder();
        for (int i = 1; i <= 151; i++) {
            annotations.append(i > 1 ? "," : "").append("{\"id\": ").append(i).append(", \"image_id\": 1, \"category_id\": ")
                    .append(i == 151 ? 2 : 1).append(", \"bbox\": [0, 0, 4, 4]}");
        }
        Path file = temp.resolve("instances.json");
        Files.writeString(file, """
                {"images": [{"id": 1, "file_name": "a.png", "width": 64, "height": 48},
                            {"id": 2, "file_name": "b.png", "width": 64, "height": 48}],
                 "categories": [{"id": 1, "name": "car"}, {"id": 2, "name": "bike"}],
                 "annotations": [%s]}
                """.formatted(annotations));
        return DatasetStatistics.of(CocoReader.read(file), AnnotationExtras.read(file), List.of(), null, null);
    }
}
