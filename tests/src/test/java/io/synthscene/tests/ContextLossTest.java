package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.engine.Renderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GPU context lost in the middle of a run, injected through the renderer's context health
 * check ({@code synthscene.inject.context-loss-after-frames}: after that many frames drawn, the
 * reset status reads GL_UNKNOWN_CONTEXT_RESET, as glGetGraphicsResetStatus does after a real
 * reset). The run must stop with a message naming the device and what its context was given,
 * leave only whole frames, and {@code --resume} must finish it byte for byte as an uninterrupted run.
 */
class ContextLossTest {
    private static final String PROPERTY = "synthscene.inject.context-loss-after-frames";
    private static final int FRAMES = 10;
    private static final int LOST_AFTER = 6;

    @TempDir
    Path temp;

    @AfterEach
    void clearInjection() {
        System.clearProperty(PROPERTY);
    }

    private String[] render(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("render", Cli.example("table-top.yaml"), "--out", out.toString(),
                "--frames", String.valueOf(FRAMES), "--size", "64x48", "--threads", "2"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void aLostContextStopsTheRunCleanlyAndResumeFinishesItAsAnUninterruptedRun() throws IOException {
        Path reference = temp.resolve("reference");
        Cli.Result uninterrupted = Cli.run(render(reference));
        assertThat(uninterrupted.exitCode()).as(uninterrupted.all()).isZero();

        Path out = temp.resolve("lost");
        System.setProperty(PROPERTY, String.valueOf(LOST_AFTER));
        Cli.Result lost = Cli.run(render(out));
        System.clearProperty(PROPERTY);

        // Frames drawn after the last good check are dropped: the loss is seen when the oldest frame
        // in the readback ring is collected after LOST_AFTER frames were drawn.
        int expectedDone = LOST_AFTER - Renderer.READBACK_RING_SIZE;
        assertThat(lost.exitCode()).as(lost.all()).isEqualTo(1);
        assertThat(lost.err())
                .contains("failed: the GPU context on llvmpipe")
                .contains("(EGL device #0, software (EGL_MESA_device_software)) was lost while reading back frame " + expectedDone)
                .contains("glGetGraphicsResetStatus = GL_UNKNOWN_CONTEXT_RESET")
                .contains("reset notification: EGL 1.5 reset notification (0x31BD): accepted")
                .contains("the run stopped: " + expectedDone + " of " + FRAMES + " frames are done; the frames in flight were dropped")
                .contains("To finish this run on a new context, use:\n  synthscene render ")
                .containsPattern("--resume\\n")
                .doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("this is a bug");
        // Nothing half-written: whole frames only, no temporary files, no COCO file or dataset.json.
        assertThat(ChildRender.framesDone(out)).isEqualTo(expectedDone);
        for (int i = 0; i < FRAMES; i++) {
            String name = String.format("%06d", i);
            boolean done = i < expectedDone;
            assertThat(Files.exists(out.resolve("images/" + name + ".png"))).as("image " + i).isEqualTo(done);
            assertThat(Files.exists(out.resolve("masks/instance/" + name + ".png"))).as("mask " + i).isEqualTo(done);
            if (done) {
                assertThat(DatasetFiles.json(out.resolve("frames/" + name + ".json")).get("index").asInt()).isEqualTo(i);
            }
        }
        assertThat(temporaryFiles(out)).isEmpty();
        assertThat(out.resolve("annotations/instances.json")).doesNotExist();
        assertThat(out.resolve("dataset.json")).doesNotExist();

        Cli.Result resumed = Cli.run(render(out, "--resume"));

        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.err()).contains("resuming: " + expectedDone + " of " + FRAMES + " frames already done; removed 0 partly written");
        assertThat(DatasetFiles.filesWithoutTimes(out)).isEqualTo(DatasetFiles.filesWithoutTimes(reference));
        assertThat(DatasetFiles.json(out.resolve("dataset.json")).get("gpu_reset_notification").asText())
                .isEqualTo("egl15_lose_context_on_reset");
        Cli.Result validated = Cli.run("validate", out.toString());
        assertThat(validated.exitCode()).as(validated.all()).isZero();
    }

    /**
     * In a fresh JVM, with the environment variable: the real standard error, no internal-error
     * log; and a command other than render ({@code bench}) that loses its context reports it the
     * same way, through the general error reporting.
     */
    @Test
    void inAFreshJvmALostContextExitsOneWithoutAStackTraceOrAnInternalErrorLog() throws Exception {
        Path logs = Files.createDirectories(temp.resolve("logs"));
        Path out = temp.resolve("child");
        Child render = child(List.of("SYNTHSCENE_INJECT_CONTEXT_LOSS_AFTER_FRAMES", "4", "SYNTHSCENE_ERROR_LOG_DIR", logs.toString()),
                render(out));
        assertThat(render.exitCode()).as(render.output()).isEqualTo(1);
        assertThat(render.output()).contains("failed: the GPU context on llvmpipe")
                .contains("(injected by synthscene.inject.context-loss-after-frames or SYNTHSCENE_INJECT_CONTEXT_LOSS_AFTER_FRAMES)")
                .contains("the run stopped: 1 of " + FRAMES + " frames are done")
                .doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("this is a bug");

        Child bench = child(List.of("SYNTHSCENE_INJECT_CONTEXT_LOSS_AFTER_FRAMES", "0", "SYNTHSCENE_ERROR_LOG_DIR", logs.toString()),
                "bench", Cli.example("table-top.yaml"), "--frames", "2", "--size", "64x48");
        assertThat(bench.exitCode()).as(bench.output()).isEqualTo(1);
        assertThat(bench.output()).as("--device auto: the device chosen is printed first")
                .containsPattern("(?m)^bench: device: llvmpipe .*; warming up$")
                .contains("failed: the GPU context on llvmpipe").contains("was lost while rendering frame")
                .doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("this is a bug");
        try (Stream<Path> entries = Files.list(logs)) {
            assertThat(entries).as("no internal-error log").isEmpty();
        }

        Child badSetting = child(List.of("SYNTHSCENE_INJECT_CONTEXT_LOSS_AFTER_FRAMES", "soon"), render(temp.resolve("bad")));
        assertThat(badSetting.exitCode()).as(badSetting.output()).isEqualTo(2);
        assertThat(badSetting.output()).contains("error: SYNTHSCENE_INJECT_CONTEXT_LOSS_AFTER_FRAMES=soon is not a whole number >= 0");
        assertThat(temp.resolve("bad")).as("nothing is written").doesNotExist();
    }

    private static List<Path> temporaryFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().contains(".tmp-")).toList();
        }
    }

    private record Child(int exitCode, String output) {
    }

    private static Child child(List<String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.synthscene.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        for (int i = 0; i < environment.size(); i += 2) {
            builder.environment().put(environment.get(i), environment.get(i + 1));
        }
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Child(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
