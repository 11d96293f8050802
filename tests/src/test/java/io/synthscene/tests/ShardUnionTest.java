package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards rendered apart and merged are the unsplit run, byte for byte. */
class ShardUnionTest {
    private static final int FRAMES = 7;

    @TempDir
    Path temp;

    @Test
    void threeShardsMergedAreByteIdenticalToOneUnsplitRun() throws IOException {
        Path unsplit = render("unsplit");
        Path[] shards = {render("s0", "--shard", "0/3"), render("s1", "--shard", "1/3"), render("s2", "--shard", "2/3")};

        Cli.Result merge = Cli.run("merge", shards[2].toString(), shards[0].toString(), shards[1].toString(),
                "--out", temp.resolve("merged").toString());

        assertThat(merge.exitCode()).as(merge.all()).isZero();
        assertThat(merge.err()).contains("wrote 7 frames");
        Map<String, String> expected = DatasetFiles.filesWithoutTimes(unsplit);
        Map<String, String> merged = DatasetFiles.filesWithoutTimes(temp.resolve("merged"));
        assertThat(merged.keySet()).isEqualTo(expected.keySet());
        expected.forEach((name, content) -> assertThat(merged.get(name)).as(name).isEqualTo(content));
        assertThat(expected).containsKeys("annotations/instances.json", "dataset.json", "frames/000006.json");
    }

    @Test
    void theShardsHoldContiguousBlocksWhoseFrameFilesAreTheUnsplitRunsFiles() throws IOException {
        Path unsplit = render("unsplit");
        Map<String, byte[]> union = new TreeMap<>();
        int[][] blocks = {{0, 2}, {2, 4}, {4, 7}}; // floor(I * 7 / 3)
        for (int shard = 0; shard < 3; shard++) {
            Path dir = render("s" + shard, "--shard", shard + "/3");
            JsonNode metadata = DatasetFiles.json(dir.resolve("dataset.json"));
            assertThat(metadata.get("frames").asInt()).isEqualTo(blocks[shard][1] - blocks[shard][0]);
            assertThat(metadata.get("shard").toString()).isEqualTo("{\"index\":" + shard + ",\"count\":3,\"first_frame\":"
                    + blocks[shard][0] + ",\"frames_total\":7}");
            JsonNode coco = DatasetFiles.json(dir.resolve("annotations/instances.json"));
            assertThat(coco.get("images")).hasSize(blocks[shard][1] - blocks[shard][0]);
            assertThat(coco.get("images").get(0).get("id").asInt()).isEqualTo(blocks[shard][0] + 1);
            DatasetFiles.allFiles(dir).forEach((name, bytes) -> {
                if (name.matches("(images|masks/instance|frames)/.*")) {
                    assertThat(union.put(name, bytes)).as(name + " is in one shard only").isNull();
                }
            });
        }
        Map<String, byte[]> frameFiles = new TreeMap<>(DatasetFiles.allFiles(unsplit));
        frameFiles.keySet().removeIf(name -> !name.matches("(images|masks/instance|frames)/.*"));
        assertThat(union.keySet()).isEqualTo(frameFiles.keySet()).hasSize(3 * FRAMES);
        frameFiles.forEach((name, bytes) -> assertThat(union.get(name)).as(name).isEqualTo(bytes));
    }

    private Path render(String name, String... extra) {
        Path out = temp.resolve(name);
        if (out.toFile().exists()) {
            return out;
        }
        String[] args = {"render", Cli.example("table-top.yaml"), "--out", out.toString(),
                "--frames", String.valueOf(FRAMES), "--size", "96x72", "--threads", "2"};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        Cli.Result result = Cli.run(all);
        assertThat(result.exitCode()).as(result.all()).isZero();
        return out;
    }
}
