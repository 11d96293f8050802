package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.synthscene.engine.EglContext;
import io.synthscene.engine.EglDevice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear message, exit code 2, no stack trace, and nothing written. */
class BadInputTest {

    @TempDir
    Path temp;

    @Test
    void aSceneWithABadValueExitsTwoNamingLineColumnAndFieldAndWritesNothing() throws IOException {
        Path scene = temp.resolve("bad.yaml");
        Files.writeString(scene, String.join("\n",
                "seed: 1",
                "frames: 2",
                "output: {width: 64, height: 48}",
                "categories:",
                "  - {id: 1, name: thing}",
                "camera:",
                "  position: [0, 1, 3]",
                "  hfov_deg: 190",
                "groups:",
                "  - name: things",
                "    asset: box",
                "    category: thing",
                "    count: 1",
                "    region: {x: [-1, 1], z: [-1, 1]}",
                ""));
        Path out = temp.resolve("out");
        Cli.Result result = Cli.run("render", scene.toString(), "--out", out.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("bad.yaml:8:13").contains("camera.hfov_deg").contains("190");
        assertThat(result.all()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnknownKeyIsAnErrorThatSuggestsTheRightOne() throws IOException {
        Path scene = temp.resolve("typo.yaml");
        Files.writeString(scene, Files.readString(Path.of(Cli.example("table-top.yaml"))).replaceFirst("(?m)^seed:", "sed:"));
        Path out = temp.resolve("out");
        Cli.Result result = Cli.run("render", scene.toString(), "--out", out.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("typo.yaml:").contains("sed").contains("did you mean 'seed'");
        assertThat(out).doesNotExist();
    }

    @Test
    void aNonEmptyOutputFolderIsRefusedWithoutOverwrite() throws IOException {
        Path out = Files.createDirectories(temp.resolve("taken"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        Cli.Result result = Cli.run("render", Cli.example("table-top.yaml"), "--out", out.toString(), "--frames", "1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("not empty");
        Cli.Result forced = Cli.run("render", Cli.example("table-top.yaml"), "--out", out.toString(), "--frames", "1", "--overwrite");
        assertThat(forced.exitCode()).as("synthscene never empties a folder it did not write").isEqualTo(2);
        assertThat(out.resolve("keep.txt")).hasContent("mine");
    }

    @Test
    void overwriteReplacesADatasetThatSynthsceneWrote() {
        Path out = temp.resolve("again");
        String[] args = {"render", Cli.example("table-top.yaml"), "--out", out.toString(), "--frames", "1", "--size", "64x48"};
        assertThat(Cli.run(args).exitCode()).isZero();
        assertThat(Cli.run(args).exitCode()).isEqualTo(2);
        String[] withOverwrite = java.util.Arrays.copyOf(args, args.length + 1);
        withOverwrite[args.length] = "--overwrite";
        Cli.Result result = Cli.run(withOverwrite);
        assertThat(result.exitCode()).as(result.all()).isZero();
    }

    @Test
    void askingForAGpuWhereThereIsNoneFailsClearly() {
        assumeFalse(EglContext.devices().stream().anyMatch(EglDevice::isHardware), "this machine has a hardware EGL device");
        Path out = temp.resolve("gpu");
        Cli.Result result = Cli.run("render", Cli.example("table-top.yaml"), "--out", out.toString(), "--device", "gpu", "--frames", "1");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).containsIgnoringCase("gpu").contains("no hardware EGL device").contains("software").doesNotContain("this is a bug")
                .doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void badOptionsExitTwo() {
        assertThat(Cli.run("render", Cli.example("table-top.yaml"), "--out", temp.resolve("x").toString(), "--size", "12").exitCode()).isEqualTo(2);
        assertThat(Cli.run("render", Cli.example("table-top.yaml"), "--out", temp.resolve("x").toString(), "--device", "tpu").exitCode()).isEqualTo(2);
        assertThat(Cli.run("render", "--no-such-option").exitCode()).isEqualTo(2);
        assertThat(Cli.run("render", temp.resolve("missing.yaml").toString(), "--out", temp.resolve("x").toString()).exitCode()).isEqualTo(2);
        assertThat(temp.resolve("x")).doesNotExist();
    }

    @Test
    void moreFramesThanTheLimitIsRefusedNamingHowToRaiseIt() {
        Cli.Result result = Cli.run("render", Cli.example("table-top.yaml"), "--out", temp.resolve("many").toString(),
                "--frames", "20000000");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--frames 20000000 is more than 10000000", "SYNTHSCENE_MAX_FRAMES");
        assertThat(temp.resolve("many")).doesNotExist();
    }

    @Test
    void helpIsAvailableEverywhere() {
        assertThat(Cli.run("--help").out()).contains("render");
        Cli.Result help = Cli.run("render", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--out", "--frames", "--seed", "--device", "--image-format", "--overwrite");
    }
}
