package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A render killed for real (a child JVM, SIGKILL or SIGTERM) and then resumed gives the same
 * dataset as a render that was never interrupted (only the times differ).
 */
class ResumeAfterKillTest {
    private static final int FRAMES = 30;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path temp;
    static Map<String, String> uninterrupted;

    @BeforeAll
    static void renderWithoutInterruption() throws IOException {
        Path out = temp.resolve("uninterrupted");
        Cli.Result result = Cli.run(args(out, "--threads", "2"));
        assertThat(result.exitCode()).as(result.all()).isZero();
        uninterrupted = DatasetFiles.filesWithoutTimes(out);
    }

    /** @param framesBeforeKill 0: killed as soon as the run has started (its run record is written) */
    @ParameterizedTest(name = "killed after {0} frames")
    @ValueSource(ints = {0, 12, 26})
    void aRunKilledWithSigkillIsFinishedByResumeAsIfNeverInterrupted(int framesBeforeKill) throws Exception {
        Path out = temp.resolve("killed-" + framesBeforeKill);
        try (ChildRender child = ChildRender.start(temp.resolve("killed-" + framesBeforeKill + ".log"), args(out, "--threads", "1"))) {
            if (framesBeforeKill == 0) {
                child.awaitFile(out.resolve(".synthscene-run.json"), PATIENCE);
            } else {
                child.awaitFrames(out, framesBeforeKill, PATIENCE);
            }
            assertThat(child.kill()).isEqualTo(137);
        }
        long done = ChildRender.framesDone(out);
        assertThat(done).isBetween((long) framesBeforeKill, FRAMES - 1L);
        assertThat(out.resolve("dataset.json")).doesNotExist();

        Cli.Result resumed = Cli.run(args(out, "--threads", "1", "--resume"));

        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.err()).contains("resuming: " + done + " of " + FRAMES + " frames already done");
        assertSameAsUninterrupted(out);
    }

    @Test
    void sigtermStopsInOrderWithoutTheFinalFilesAndSaysHowToResume() throws Exception {
        Path out = temp.resolve("terminated");
        String output;
        try (ChildRender child = ChildRender.start(temp.resolve("terminated.log"), args(out, "--threads", "1"))) {
            child.awaitFrames(out, 5, PATIENCE);
            assertThat(child.terminate()).isEqualTo(143);
            output = child.output();
        }
        long done = ChildRender.framesDone(out);
        assertThat(output).contains("stopped: " + done + " of " + FRAMES + " frames are done")
                .contains("To finish this run, use the same command with --resume:\n  synthscene render "
                        + String.join(" ", args(out, "--threads", "1")).replaceFirst("^render ", "") + " --resume\n");
        assertThat(out.resolve("annotations/instances.json")).doesNotExist();
        assertThat(out.resolve("dataset.json")).doesNotExist();
        try (Stream<Path> files = Files.walk(out)) {
            // in-flight frames were finished, not cut: no temporary file, no frame file without its frame JSON
            List<String> names = files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).toList();
            assertThat(names).noneMatch(name -> name.contains(".tmp-"));
            java.util.Set<String> framesWithFiles = new java.util.TreeSet<>();
            names.stream().filter(name -> name.matches("\\d{6}\\.\\w+")).forEach(name -> framesWithFiles.add(name.substring(0, 6)));
            assertThat(framesWithFiles).hasSize((int) done);
            framesWithFiles.forEach(stem -> assertThat(out.resolve("frames/" + stem + ".json")).isRegularFile());
        }

        Cli.Result resumed = Cli.run(args(out, "--threads", "1", "--resume"));

        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.err()).contains("resuming: " + done + " of " + FRAMES + " frames already done; removed 0 partly written");
        assertSameAsUninterrupted(out);
    }

    private static void assertSameAsUninterrupted(Path out) throws IOException {
        Map<String, String> files = DatasetFiles.filesWithoutTimes(out);
        assertThat(files.keySet()).isEqualTo(uninterrupted.keySet());
        uninterrupted.forEach((name, content) -> assertThat(files.get(name)).as(name).isEqualTo(content));
    }

    private static String[] args(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("render", Cli.example("table-top.yaml"), "--out", out.toString(),
                "--frames", String.valueOf(FRAMES), "--size", "96x72"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }
}
