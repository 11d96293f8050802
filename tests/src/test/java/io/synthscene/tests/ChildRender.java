package io.synthscene.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The synthscene command in a child JVM (same class path as the tests), so that a test can kill
 * it for real: {@link #kill()} sends SIGKILL, {@link #terminate()} SIGTERM. Its standard output
 * and error go to one log file. Closing kills it if it still runs.
 */
final class ChildRender implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ChildRender(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ChildRender start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.synthscene.cli.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ChildRender(process, log);
    }

    /** Frames whose frame JSON is in place (the last file written for a frame). */
    static long framesDone(Path dataset) throws IOException {
        Path frames = dataset.resolve("frames");
        if (!Files.isDirectory(frames)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(frames)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d{6}\\.json")).count();
        }
    }

    /** Waits until {@code file} exists; fails when the process ends first or the time is up. */
    void awaitFile(Path file, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(file)) {
            checkWaiting(deadline, "for " + file);
        }
    }

    /** Waits until at least {@code count} frames of {@code dataset} are done. */
    void awaitFrames(Path dataset, int count, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (framesDone(dataset) < count) {
            checkWaiting(deadline, "for " + count + " frames in " + dataset);
        }
    }

    private void checkWaiting(long deadline, String what) throws IOException, InterruptedException {
        if (!process.isAlive()) {
            throw new AssertionError("the render ended (exit " + process.exitValue() + ") while waiting " + what + ":\n" + output());
        }
        if (System.nanoTime() > deadline) {
            throw new AssertionError("timed out waiting " + what + ":\n" + output());
        }
        Thread.sleep(5);
    }

    /** SIGKILL: the process gets no chance to tidy up. Returns the exit status (137). */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return awaitExit();
    }

    /** SIGTERM, as a batch system sends before it kills. Returns the exit status. */
    int terminate() throws InterruptedException {
        process.destroy();
        return awaitExit();
    }

    private int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the render did not exit within 60 s of the signal");
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
