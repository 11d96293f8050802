package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render --resume} in-process: what it redoes, and what it refuses (another scene or other
 * options than the run in the folder). Killing a real process is in {@link ResumeAfterKillTest}.
 */
class ResumeTest {
    @TempDir
    static Path temp;
    static Path scene;
    static Path complete;
    static Map<String, String> completeFiles;

    @BeforeAll
    static void renderOnce() throws IOException {
        scene = temp.resolve("scene.yaml");
        Files.copy(Path.of(Cli.example("table-top.yaml")), scene);
        complete = temp.resolve("complete");
        Cli.Result result = Cli.run(args(complete));
        assertThat(result.exitCode()).as(result.all()).isZero();
        completeFiles = DatasetFiles.filesWithoutTimes(complete);
    }

    @Test
    void partlyWrittenFramesAndTemporaryFilesAreRemovedAndRedone() throws IOException {
        Path out = temp.resolve("partial");
        Cli.Result first = Cli.run(args(out));
        assertThat(first.exitCode()).as(first.all()).isZero();
        // what a process killed at the right moments leaves: no final files, frame 2 without its
        // JSON, frame 3 with its image only, a temporary file of a write cut short
        Files.delete(out.resolve("dataset.json"));
        Files.delete(out.resolve("annotations/instances.json"));
        Files.delete(out.resolve("frames/000002.json"));
        Files.delete(out.resolve("frames/000003.json"));
        Files.delete(out.resolve("masks/instance/000003.png"));
        Files.write(out.resolve("images/.000003.png.tmp-3k9x0"), new byte[] {1, 2, 3});
        Instant runStarted = Files.getLastModifiedTime(out.resolve(".synthscene-run.json")).toInstant();
        Instant resumeStarted = Instant.now();

        Cli.Result resumed = Cli.run(args(out, "--resume"));

        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.err()).contains("resuming: 2 of 4 frames already done; removed 2 partly written frame(s) and 1 temporary file(s)")
                .contains("rendered 2/2 frames");
        assertThat(DatasetFiles.filesWithoutTimes(out)).isEqualTo(completeFiles);
        // the run started when its record was written, before the resume
        Instant startedAt = Instant.parse(DatasetFiles.json(out.resolve("dataset.json")).get("started_at").asText());
        assertThat(startedAt).isEqualTo(runStarted).isBefore(resumeStarted);
    }

    @Test
    void resumingAFinishedRunChangesNothing() throws IOException {
        Map<String, byte[]> before = DatasetFiles.allFiles(complete);

        Cli.Result result = Cli.run(args(complete, "--resume"));

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.err()).contains("already complete");
        Map<String, byte[]> after = DatasetFiles.allFiles(complete);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void resumeOnAMissingFolderStartsTheRun() throws IOException {
        Path out = temp.resolve("fresh");

        Cli.Result result = Cli.run(args(out, "--resume"));

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(DatasetFiles.filesWithoutTimes(out)).isEqualTo(completeFiles);
    }

    @Test
    void resumeWithOtherOptionsIsRefusedNamingEachDifference() {
        Map<List<String>, String> changes = Map.of(
                List.of("--seed", "7"), "--seed: 42 in the folder, 7 now",
                List.of("--frames", "5"), "--frames: 4 in the folder, 5 now",
                List.of("--size", "64x48"), "--size: 96x72 in the folder, 64x48 now",
                List.of("--image-format", "jpg"), "--image-format: png in the folder, jpg now",
                List.of("--msaa", "1"), "--msaa: 4 in the folder, 1 now",
                List.of("--shard", "1/2"), "--shard: 0/1 in the folder, 1/2 now");
        changes.forEach((change, message) -> {
            List<String> args = new java.util.ArrayList<>(List.of(args(complete, "--resume")));
            int at = args.indexOf(change.get(0));
            if (at >= 0) {
                args.set(at + 1, change.get(1));
            } else {
                args.addAll(change);
            }

            Cli.Result result = Cli.run(args.toArray(String[]::new));

            assertThat(result.exitCode()).as(change + ": " + result.all()).isEqualTo(2);
            assertThat(result.err()).as(change.toString()).contains("holds another run").contains(message).contains("--overwrite");
        });
    }

    @Test
    void jpegQualityCountsOnlyForJpegImages() throws IOException {
        Cli.Result png = Cli.run(args(complete, "--resume", "--jpeg-quality", "50"));
        assertThat(png.exitCode()).as(png.all()).isZero();

        Path jpg = temp.resolve("jpg");
        assertThat(Cli.run(args(jpg, "--image-format", "jpg", "--frames", "1")).exitCode()).isZero();
        Cli.Result changed = Cli.run(args(jpg, "--image-format", "jpg", "--frames", "1", "--jpeg-quality", "50", "--resume"));
        assertThat(changed.exitCode()).isEqualTo(2);
        assertThat(changed.err()).contains("--jpeg-quality: 95 in the folder, 50 now");
    }

    @Test
    void resumeAfterTheSceneFileChangedIsRefused() throws IOException {
        Path changedScene = temp.resolve("changed.yaml");
        Files.copy(scene, changedScene);
        Path out = temp.resolve("scene-changed");
        assertThat(Cli.run("render", changedScene.toString(), "--out", out.toString(), "--frames", "1", "--size", "96x72").exitCode())
                .isZero();
        Files.writeString(changedScene, Files.readString(changedScene) + "\n# edited after the run started\n");

        Cli.Result result = Cli.run("render", changedScene.toString(), "--out", out.toString(), "--frames", "1", "--size", "96x72",
                "--resume");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("scene file SHA-256: ");
    }

    @Test
    void resumeAndOverwriteTogetherAreRefused() {
        Cli.Result result = Cli.run(args(complete, "--resume", "--overwrite"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--resume").contains("--overwrite");
    }

    @Test
    void resumeInAFolderSynthsceneDidNotWriteIsRefused() throws IOException {
        Path other = temp.resolve("someone-else");
        Files.createDirectories(other);
        Files.writeString(other.resolve("notes.txt"), "mine");

        Cli.Result result = Cli.run(args(other, "--resume"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("was not written by synthscene");
        assertThat(other.resolve("notes.txt")).hasContent("mine");
    }

    private static String[] args(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("render", scene.toString(), "--out", out.toString(),
                "--frames", "4", "--size", "96x72", "--threads", "2"));
        for (int i = 0; i < extra.length; i++) {
            int at = args.indexOf(extra[i]);
            if (at >= 0 && i + 1 < extra.length && !extra[i + 1].startsWith("--")) {
                args.set(at + 1, extra[++i]); // an option given again replaces the default above
            } else {
                args.add(extra[i]);
            }
        }
        return args.toArray(String[]::new);
    }
}
