package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group that asks for more objects than its region holds: the render still succeeds (exit 0),
 * each frame JSON records what was dropped, {@code dataset.json} holds the totals, and stderr
 * says it once per group with the numbers. Resume and merge count the same. A scene with room
 * says nothing and writes no such key.
 */
class UnplacedWarningTest {
    private static final int FRAMES = 4;
    /** The crates' region is one point: it holds one of the four crates; the cones have room. */
    private static final String SCENE = """
            seed: 11
            frames: 4
            categories:
              - {id: 1, name: crate}
              - {id: 2, name: cone}
            camera: {position: [0, 1.5, 0], pitch_deg: -10}
            groups:
              - name: crates
                asset: {kind: box, params: {width_m: 1, length_m: 1, height_m: 1}}
                category: crate
                count: 4
                region: {x: [0, 0], z: [-8, -8]}
              - name: cones
                asset: traffic_cone
                category: cone
                count: 2
                region: {x: [-6, 6], z: [-20, -10]}
            """;
    private static final String WARNING = "warning: group 'crates': 12 of 16 objects (75 %) in 4 of 4 frames could not be"
            + " placed (no free place in its region after 100 tries: widen the region or distance_m, lower the count or"
            + " min_gap_m)";

    @TempDir
    static Path temp;
    static Path scene;
    static Path dataset;
    static Cli.Result rendered;

    @BeforeAll
    static void render() throws IOException {
        scene = temp.resolve("crowded.yaml");
        Files.writeString(scene, SCENE);
        dataset = temp.resolve("crowded");
        rendered = Cli.run(args(scene, dataset));
    }

    private static String[] args(Path scene, Path out, String... extra) {
        String[] args = {"render", scene.toString(), "--out", out.toString(), "--frames", String.valueOf(FRAMES),
                "--size", "64x48", "--threads", "2"};
        return java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
    }

    @Test
    void aRegionTooSmallForTheCountWarnsOnceWithTheNumbersAndStillSucceeds() {
        assertThat(rendered.exitCode()).as(rendered.all()).isZero();
        assertThat(rendered.err()).contains(WARNING + "\n");
        assertThat(rendered.err().lines().filter(l -> l.startsWith("warning:"))).hasSize(1);
        assertThat(rendered.out()).doesNotContain("warning");
    }

    @Test
    void everyFrameJsonRecordsTheDroppedObjectsAndDatasetJsonTheTotals() throws IOException {
        for (int i = 0; i < FRAMES; i++) {
            JsonNode frame = DatasetFiles.json(dataset.resolve(String.format("frames/%06d.json", i)));
            assertThat(frame.get("unplaced").toString()).isEqualTo("{\"crates\":3}");
            long crates = 0;
            for (JsonNode o : frame.get("objects")) {
                crates += o.get("group").asText().equals("crates") ? 1 : 0;
            }
            assertThat(crates).isEqualTo(1);
        }
        JsonNode metadata = DatasetFiles.json(dataset.resolve("dataset.json"));
        assertThat(metadata.get("unplaced").toString())
                .isEqualTo("{\"crates\":{\"objects\":12,\"objects_asked\":16,\"frames\":4}}");
        // the files stay valid datasets
        Cli.Result validate = Cli.run("validate", dataset.toString());
        assertThat(validate.exitCode()).as(validate.all()).isZero();
    }

    @Test
    void statsReportsTheDroppedObjectsInItsOutputItsJsonAndTheCard() throws IOException {
        Path out = temp.resolve("stats");
        Cli.Result stats = Cli.run("stats", dataset.toString(), "--out", out.toString());

        assertThat(stats.exitCode()).as(stats.all()).isZero();
        assertThat(stats.out()).contains("unplaced: group 'crates': 12 of 16 objects (75 %) in 4 of 4 frames could not be placed\n");
        assertThat(DatasetFiles.json(out.resolve("stats.json")).get("unplaced").toString())
                .isEqualTo("{\"crates\":{\"objects\":12,\"objects_asked\":16,\"share\":0.75,\"frames\":4}}");
        assertThat(Files.readString(out.resolve("dataset_card.md"))).contains("- Fewer objects than the scene asks for:"
                + " group `crates`: 12 of 16 objects (75 %) in 4 of 4 frames could not be placed");
    }

    @Test
    void aResumedRunCountsTheFramesItReadBackToo() throws IOException {
        Path out = temp.resolve("resumed");
        assertThat(Cli.run(args(scene, out)).exitCode()).isZero();
        Files.delete(out.resolve("dataset.json"));
        Files.delete(out.resolve("annotations/instances.json"));
        Files.delete(out.resolve("frames/000003.json"));

        Cli.Result resumed = Cli.run(args(scene, out, "--resume"));

        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.err()).contains("resuming: 3 of 4 frames already done").contains(WARNING);
        assertThat(DatasetFiles.filesWithoutTimes(out)).isEqualTo(DatasetFiles.filesWithoutTimes(dataset));
    }

    @Test
    void mergedShardsCountWhatTheUnsplitRunCounts() throws IOException {
        Path s0 = temp.resolve("s0");
        Path s1 = temp.resolve("s1");
        Cli.Result first = Cli.run(args(scene, s0, "--shard", "0/2"));
        assertThat(first.err()).contains("warning: group 'crates': 6 of 8 objects (75 %) in 2 of 2 frames");
        assertThat(Cli.run(args(scene, s1, "--shard", "1/2")).exitCode()).isZero();
        Path merged = temp.resolve("merged");

        Cli.Result merge = Cli.run("merge", s0.toString(), s1.toString(), "--out", merged.toString());

        assertThat(merge.exitCode()).as(merge.all()).isZero();
        assertThat(merge.err()).contains("warning: group 'crates': 12 of 16 objects (75 %) in 4 of 4 frames could not be"
                + " placed (no free place after 100 tries: widen the group's region or zone, lower its count or min_gap_m)");
        assertThat(DatasetFiles.json(merged.resolve("dataset.json")).get("unplaced"))
                .isEqualTo(DatasetFiles.json(dataset.resolve("dataset.json")).get("unplaced"));
    }

    @Test
    void aSceneWithRoomSaysNothingAndWritesNoUnplacedKey() throws IOException {
        Path roomy = temp.resolve("roomy.yaml");
        Files.writeString(roomy, SCENE.replace("count: 4", "count: 1"));
        Path out = temp.resolve("roomy");

        Cli.Result result = Cli.run(args(roomy, out));

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.all()).doesNotContain("warning");
        Cli.Result stats = Cli.run("stats", out.toString(), "--out", temp.resolve("roomy-stats").toString());
        assertThat(stats.exitCode()).as(stats.all()).isZero();
        assertThat(stats.out()).doesNotContain("unplaced");
        assertThat(Files.readString(temp.resolve("roomy-stats/stats.json"))).doesNotContain("unplaced");
        assertThat(Files.readString(temp.resolve("roomy-stats/dataset_card.md"))).doesNotContain("Fewer objects");
        for (var file : DatasetFiles.allFiles(out).entrySet()) {
            if (file.getKey().endsWith(".json")) {
                assertThat(new String(file.getValue(), java.nio.charset.StandardCharsets.UTF_8)).as(file.getKey())
                        .doesNotContain("unplaced");
            }
        }
    }
}
