package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synthscene bench} end to end at a tiny size: it measures every stage and cleans up. Speed itself is never asserted. */
class BenchCommandTest {
    static final List<String> STAGES = List.of("render_thread_cold", "render_only", "render_readback",
            "render_readback_pbo_ring", "annotate_encode_png", "annotate_encode_jpeg", "pipeline_png", "pipeline_jpeg");
    static final List<String> FIGURES = List.of("efficiency_png", "efficiency_jpeg", "peak_rss_mib", "context_open_ms");

    @TempDir
    Path temp;

    @Test
    void benchPrintsEveryFigureWritesThemAsJsonAndDeletesItsTemporaryDatasets() throws IOException {
        Path scratch = Files.createDirectory(temp.resolve("scratch"));
        Path json = temp.resolve("bench.json");
        Cli.Result result = Cli.run("bench", Cli.example("urban-street.yaml"), "--size", "72x48", "--frames", "4",
                "--device", "cpu", "--threads", "2", "--json", json.toString(), "--tmp", scratch.toString());

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("device: llvmpipe", "one thread, cold", "render only", "render + readback (PBO ring)",
                "annotate + encode, JPEG colour (per thread)", "whole pipeline, PNG colour", "efficiency, JPEG",
                "peak resident memory (VmHWM)", "figures written to");
        JsonNode figures = DatasetFiles.json(json);
        for (String stage : STAGES) {
            assertThat(figures.has(stage)).as(stage).isTrue();
            assertThat(figures.get(stage).get("fps").asDouble()).as(stage + ".fps").isPositive();
            // CPU time comes in clock ticks (10 ms): a stage of a few tiny frames may read 0.
            assertThat(figures.get(stage).get("cpu_ms_per_frame").asDouble()).as(stage + ".cpu_ms_per_frame").isNotNegative();
        }
        for (String key : FIGURES) {
            assertThat(figures.has(key)).as(key).isTrue();
            assertThat(figures.get(key).asDouble()).as(key).isPositive();
        }
        assertThat(figures.get("device").asText()).startsWith("llvmpipe");
        assertThat(figures.get("hardware").asBoolean()).isFalse();
        assertThat(figures.get("width").asInt()).isEqualTo(72);
        assertThat(figures.get("height").asInt()).isEqualTo(48);
        assertThat(figures.get("frames").asInt()).isEqualTo(4);
        assertThat(figures.get("threads").asInt()).isEqualTo(2);
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).as("temporary datasets are deleted").isEmpty();
        }
    }

    @Test
    void benchRefusesBadOptionsWithExitCodeTwoAndMeasuresNothing() {
        Cli.Result frames = Cli.run("bench", Cli.example("table-top.yaml"), "--frames", "0");
        assertThat(frames.exitCode()).isEqualTo(2);
        assertThat(frames.err()).contains("--frames 0 must be at least 1");
        Cli.Result device = Cli.run("bench", Cli.example("table-top.yaml"), "--device", "tpu");
        assertThat(device.exitCode()).isEqualTo(2);
        assertThat(device.err()).contains("--device tpu is not one of auto, gpu, cpu");
        Cli.Result scratch = Cli.run("bench", Cli.example("table-top.yaml"), "--tmp", temp.resolve("absent").toString());
        assertThat(scratch.exitCode()).isEqualTo(2);
        assertThat(scratch.out()).doesNotContain("frames/s");
    }
}
