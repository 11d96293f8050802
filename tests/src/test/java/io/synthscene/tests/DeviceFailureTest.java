package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No usable EGL at start: in a child JVM whose libglvnd is pointed at an empty vendor file
 * ({@code __EGL_VENDOR_LIBRARY_FILENAMES}), libEGL loads but has no driver behind it, so it lacks
 * the device extensions. The run must say so, naming the device asked for, and exit 1 without a
 * stack trace or internal-error log, writing nothing. And {@code --device auto} says which device it chose.
 */
class DeviceFailureTest {

    @TempDir
    Path temp;

    @Test
    void withoutAnEglDriverTheRunExitsOneNamingTheDeviceAndWhatWasMissingWithoutAStackTrace() throws Exception {
        Path vendorFile = Files.writeString(temp.resolve("empty-vendor.json"), "{}");
        Path logs = Files.createDirectories(temp.resolve("logs"));
        for (String device : List.of("auto", "gpu", "cpu")) {
            Path out = temp.resolve("out-" + device);
            Child child = run(List.of("__EGL_VENDOR_LIBRARY_FILENAMES", vendorFile.toString(), "SYNTHSCENE_ERROR_LOG_DIR", logs.toString()),
                    "render", Cli.example("table-top.yaml"), "--out", out.toString(), "--frames", "1", "--size", "64x48",
                    "--device", device);
            assertThat(child.exitCode()).as(child.output()).isEqualTo(1);
            assertThat(child.output()).contains("failed: --device " + device + ": cannot list the EGL devices")
                    .contains("EGL_EXT_device_enumeration").contains("__EGL_VENDOR_LIBRARY_FILENAMES")
                    .doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("this is a bug");
            assertThat(out).as("nothing is written").doesNotExist();
        }
        try (var entries = Files.list(logs)) {
            assertThat(entries).as("no internal-error log").isEmpty();
        }
    }

    /**
     * A device that is listed but cannot give what we need: Mesa told to offer OpenGL 3.3 at most
     * ({@code MESA_GL_VERSION_OVERRIDE}), so llvmpipe enumerates and initialises but refuses the
     * 4.5 core context. The message names the device and the call that failed.
     */
    @Test
    void aListedDeviceThatCannotOpenAContextIsNamedWithTheCallThatFailed() throws Exception {
        Path logs = Files.createDirectories(temp.resolve("logs"));
        for (String device : List.of("auto", "cpu")) {
            Path out = temp.resolve("broken-" + device);
            Child child = run(List.of("MESA_GL_VERSION_OVERRIDE", "3.3", "SYNTHSCENE_ERROR_LOG_DIR", logs.toString()),
                    "render", Cli.example("table-top.yaml"), "--out", out.toString(), "--frames", "1", "--size", "64x48",
                    "--device", device);
            assertThat(child.exitCode()).as(child.output()).isEqualTo(1);
            assertThat(child.output()).contains("failed: --device " + device + ": no device could be opened")
                    .contains("software (EGL_MESA_device_software)")
                    .contains("eglCreateContext (OpenGL 4.5 core) failed: EGL_BAD_MATCH")
                    .doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("this is a bug");
            assertThat(out).as("nothing is written").doesNotExist();
        }
        try (var entries = Files.list(logs)) {
            assertThat(entries).as("no internal-error log").isEmpty();
        }
    }

    @Test
    void deviceAutoPrintsTheDeviceItChose() {
        Cli.Result result = Cli.run("render", Cli.example("table-top.yaml"), "--out", temp.resolve("out").toString(),
                "--frames", "1", "--size", "64x48");
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.err()).containsPattern("(?m)^device: .+ \\((software rasterizer|hardware GPU)\\)$");
    }

    /** The other commands that render name their device too ({@code bench}: see {@link ContextLossTest}). */
    @Test
    void assetsPreviewWithDeviceAutoNamesTheDeviceItChose() {
        Cli.Result result = Cli.run("assets", "preview", "traffic_cone", "--out", temp.resolve("sheet.png").toString(),
                "--tile", "64");
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.err()).containsPattern("(?m)^wrote .+ \\(1 kinds x \\d+ angles, llvmpipe .+\\)$");
    }

    private record Child(int exitCode, String output) {
    }

    private Child run(List<String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
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
