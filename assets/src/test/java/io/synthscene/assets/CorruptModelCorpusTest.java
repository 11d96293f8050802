package io.synthscene.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged model files ({@link CorruptModelFiles}) imported one after the other in a child JVM
 * ({@link MeshImportProbe}): each must be refused with an {@link AssetLoadException} naming the
 * file, or (a few byte edits leave a file Assimp still reads) be read as well-formed triangles.
 * Nothing else: no other exception, no crash of the JVM, no hang.
 */
class CorruptModelCorpusTest {

    @TempDir
    Path dir;

    @Test
    void everyDamagedModelFileIsRefusedNamingItOrReadAndNoneTakesTheJvmDown() throws Exception {
        List<Path> corpus = CorruptModelFiles.write(dir);
        assertThat(corpus).hasSizeGreaterThan(150);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), MeshImportProbe.class.getName()));
        corpus.forEach(file -> command.add(file.toString()));
        Path output = dir.resolve("probe.txt");
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        // generous: the corpus takes about 50 s on a shared, loaded 2-core machine; a real hang still shows
        boolean finished = probe.waitFor(240, TimeUnit.SECONDS);
        if (!finished) {
            probe.destroyForcibly().waitFor();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        String last = lines.stream().filter(l -> l.startsWith("IMPORTING ")).reduce((a, b) -> b).orElse("nothing");
        assertThat(finished).as("the probe hung at: " + last).isTrue();
        assertThat(probe.exitValue()).as("the probe's JVM died (exit " + probe.exitValue() + ") at: " + last
                + "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()))).isZero();
        assertThat(lines).last().isEqualTo("DONE");

        List<String> results = lines.stream().filter(l -> !l.startsWith("IMPORTING ") && !l.equals("DONE")).toList();
        assertThat(results).hasSize(corpus.size());
        Files.write(Path.of("target", "corrupt-models.txt"), results, StandardCharsets.UTF_8);
        int refused = 0;
        for (String line : results) {
            String name = line.split(" ", 3)[1];
            if (line.startsWith("REFUSED ")) {
                refused++;
                assertThat(line).as(line).contains("cannot load model file " + dir.resolve(name) + ": ");
            } else {
                assertThat(line).as("neither read nor refused with AssetLoadException").startsWith("OK ");
            }
        }
        assertThat(refused).as("most of the corpus is refused").isGreaterThan(corpus.size() / 2);
    }
}
