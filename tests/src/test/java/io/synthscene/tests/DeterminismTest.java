package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same scene and seed give the same bytes, whatever the thread count. */
class DeterminismTest {

    @TempDir
    Path temp;

    @Test
    void renderingTwiceWithTheSameSeedGivesByteIdenticalFiles() throws IOException {
        Map<String, byte[]> first = render("a", "1");
        Map<String, byte[]> second = render("b", "2");
        // dataset.json holds start and end times; everything else (the run record included) must match to the byte.
        first.remove("dataset.json");
        second.remove("dataset.json");
        assertThat(second.keySet()).isEqualTo(first.keySet());
        assertThat(first).hasSizeGreaterThan(10);
        first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void anotherSeedGivesOtherFrames() throws IOException {
        Map<String, byte[]> first = render("a", "1");
        Cli.Result other = Cli.run("render", Cli.example("table-top.yaml"), "--out", temp.resolve("c").toString(),
                "--frames", "3", "--size", "96x72", "--seed", "12345");
        assertThat(other.exitCode()).as(other.all()).isZero();
        Map<String, byte[]> third = DatasetFiles.allFiles(temp.resolve("c"));
        assertThat(third.get("frames/000000.json")).isNotEqualTo(first.get("frames/000000.json"));
    }

    private Map<String, byte[]> render(String name, String threads) throws IOException {
        Path out = temp.resolve(name);
        Cli.Result result = Cli.run("render", Cli.example("table-top.yaml"), "--out", out.toString(),
                "--frames", "3", "--size", "96x72", "--threads", threads);
        assertThat(result.exitCode()).as(result.all()).isZero();
        return DatasetFiles.allFiles(out);
    }
}
