package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merge refuses, naming the problem and writing nothing, unless the shards make exactly one run. */
class MergeRefusalTest {
    @TempDir
    static Path temp;
    static Path s0;
    static Path s1;
    static Path s2;
    static Path s2OtherSeed;
    static Path firstHalf;

    @BeforeAll
    static void renderShards() {
        // 6 frames in thirds: 0..1, 2..3, 4..5; in halves: 0..2, 3..5
        s0 = render("s0", "0/3");
        s1 = render("s1", "1/3");
        s2 = render("s2", "2/3");
        s2OtherSeed = render("s2-seed7", "2/3", "--seed", "7");
        firstHalf = render("h0", "0/2");
    }

    @Test
    void missingFramesAreListed() {
        Cli.Result result = merge(s0, s2);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("2 frame(s) missing: 2..3").contains("nothing was written");
        assertThat(temp.resolve("out")).doesNotExist();
    }

    @Test
    void framesPresentTwiceAreListedWithTheirShards() {
        Cli.Result result = merge(s0, s1, s2, firstHalf);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("2 frame(s) present twice: 0..1 in " + s0 + " and " + firstHalf)
                .contains("1 frame(s) present twice: 2 in " + s1 + " and " + firstHalf)
                .doesNotContain("missing");
        assertThat(temp.resolve("out")).doesNotExist();
    }

    @Test
    void shardsOfAnotherSeedAreRefusedNamingEachValue() {
        Cli.Result result = merge(s0, s1, s2OtherSeed);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("the shards differ in seed: 42 in " + s0 + ", " + s1 + "; 7 in " + s2OtherSeed);
        assertThat(temp.resolve("out")).doesNotExist();
    }

    @Test
    void anUnfinishedShardIsRefusedWithTheResumeHint() throws IOException {
        Path unfinished = temp.resolve("unfinished");
        copy(s1, unfinished);
        Files.delete(unfinished.resolve("dataset.json"));

        Cli.Result result = merge(s0, unfinished, s2);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(unfinished + ": not a finished dataset (no dataset.json)").contains("--resume");
        assertThat(temp.resolve("out")).doesNotExist();
    }

    @Test
    void aFrameDeletedFromAShardIsMissing() throws IOException {
        Path damaged = temp.resolve("damaged");
        copy(s2, damaged);
        Files.delete(damaged.resolve("frames/000005.json"));

        Cli.Result result = merge(s0, s1, damaged);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("1 frame(s) missing: 5");
    }

    @Test
    void shardsOfAnotherSplitMergeWhenTheyCoverEveryFrameOnce() throws IOException {
        Path secondHalf = render("h1", "1/2");

        Path out = temp.resolve("merged-halves");

        Cli.Result result = Cli.run("merge", secondHalf.toString(), firstHalf.toString(), "--out", out.toString());

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(DatasetFiles.json(out.resolve("dataset.json")).get("frames").asInt()).isEqualTo(6);
    }

    private static Cli.Result merge(Path... shards) {
        String[] args = new String[shards.length + 3];
        args[0] = "merge";
        for (int i = 0; i < shards.length; i++) {
            args[i + 1] = shards[i].toString();
        }
        args[shards.length + 1] = "--out";
        args[shards.length + 2] = temp.resolve("out").toString();
        try {
            return Cli.run(args);
        } finally {
            DatasetFiles.deleteQuietly(temp.resolve("out"));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        for (var file : DatasetFiles.allFiles(from).entrySet()) {
            Path target = to.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }

    private static Path render(String name, String shard, String... extra) {
        Path out = temp.resolve(name);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("render", Cli.example("table-top.yaml"),
                "--out", out.toString(), "--frames", "6", "--size", "64x48", "--threads", "2", "--shard", shard));
        args.addAll(java.util.List.of(extra));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.all()).isZero();
        return out;
    }
}
