package io.synthscene.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real, small tmpfs mounted for one test, to fill up or to make read-only: permissions do not
 * stop root (the tests run as root on the build machine), but a full or read-only file system
 * does. Needs {@code mount} to be permitted; where it is not, the test is skipped saying so.
 * Created by a test, closed (unmounted) by it.
 */
final class SmallFileSystem implements AutoCloseable {
    private final Path mountPoint;

    private SmallFileSystem(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code kibibytes} at a new folder under {@code parent}; {@code readOnly} mounts it read-only. */
    static SmallFileSystem mount(Path parent, int kibibytes, boolean readOnly) throws IOException, InterruptedException {
        Path point = Files.createTempDirectory(parent, "tmpfs");
        String options = (readOnly ? "ro," : "") + "size=" + kibibytes + "k";
        String output = command("mount", "-t", "tmpfs", "-o", options, "tmpfs", point.toString());
        assumeTrue(output == null, "cannot mount a tmpfs here (needs root and mount permission): " + output);
        return new SmallFileSystem(point);
    }

    Path root() {
        return mountPoint;
    }

    /** Gives the file system more room, keeping its files: "space is back". */
    void resize(int kibibytes) throws IOException, InterruptedException {
        String output = command("mount", "-o", "remount,size=" + kibibytes + "k", mountPoint.toString());
        if (output != null) {
            throw new IOException("cannot resize " + mountPoint + ": " + output);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        command("umount", mountPoint.toString());
    }

    /** Runs a command; null when it exited 0, else what it printed. */
    private static String command(String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(line).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "timed out";
        }
        return process.exitValue() == 0 ? null : output.strip() + " (exit " + process.exitValue() + ")";
    }
}
