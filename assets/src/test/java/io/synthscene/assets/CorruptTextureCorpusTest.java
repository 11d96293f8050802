package io.synthscene.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged texture images ({@link CorruptTextureFiles}), each named by a glTF model, imported one
 * after the other in a child JVM ({@link MeshImportProbe}): each model must be refused with an
 * {@link AssetLoadException} naming the model and the image, or (a byte changed inside the pixel
 * data still decodes) be read with its image. Nothing else: no other exception, no crash of the
 * JVM (OpenCV and the TGA reader run in it), no hang. Cut, wrong-magic (PNG, JPEG, BMP) and
 * huge-size images must all be refused. Outcomes per damage class go to
 * {@code target/corrupt-textures.txt} (the counts are in docs/RELIABILITY.md).
 */
class CorruptTextureCorpusTest {

    @TempDir
    Path dir;

    @Test
    void everyDamagedTextureIsRefusedNamingItOrDecodedAndNoneTakesTheJvmDown() throws Exception {
        List<CorruptTextureFiles.Case> corpus = CorruptTextureFiles.write(dir);
        assertThat(corpus).hasSizeGreaterThan(200);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), MeshImportProbe.class.getName()));
        corpus.forEach(c -> command.add(c.model().toString()));
        Path output = dir.resolve("probe.txt");
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = probe.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            probe.destroyForcibly().waitFor();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        String last = lines.stream().filter(l -> l.startsWith("IMPORTING ")).reduce((a, b) -> b).orElse("nothing");
        assertThat(finished).as("the probe hung at: " + last).isTrue();
        assertThat(probe.exitValue()).as("the probe's JVM died (exit " + probe.exitValue() + ") at: " + last).isZero();
        // OpenCV's decoders may print their own warnings between the lines: only the probe's lines count
        List<String> results = lines.stream().filter(l -> l.startsWith("OK ") || l.startsWith("REFUSED ")
                || l.startsWith("OTHER ")).toList();
        assertThat(results).hasSize(corpus.size());

        Map<String, int[]> counts = new TreeMap<>(); // damage -> {refused, decoded}
        List<String> report = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            CorruptTextureFiles.Case c = corpus.get(i);
            String line = results.get(i);
            assertThat(line).as("neither decoded nor refused with AssetLoadException").doesNotStartWith("OTHER ");
            assertThat(line.split(" ", 3)[1]).isEqualTo(c.model().getFileName().toString());
            boolean refused = line.startsWith("REFUSED ");
            if (refused) {
                assertThat(line).as(line).contains("cannot load model file " + c.model() + ": the texture '" + c.image() + "'");
            }
            boolean mustRefuse = c.damage().equals("cut") || c.damage().equals("huge")
                    || c.damage().equals("magic") && !c.image().endsWith(".tga");
            if (mustRefuse) {
                assertThat(refused).as(line).isTrue();
            }
            counts.computeIfAbsent(c.damage(), k -> new int[2])[refused ? 0 : 1]++;
            report.add(c.damage() + "\t" + c.image() + "\t" + line);
        }
        List<String> summary = new ArrayList<>();
        counts.forEach((damage, n) -> summary.add(damage + "\t" + (n[0] + n[1]) + " cases\t" + n[0] + " refused\t"
                + n[1] + " decoded"));
        Files.write(Path.of("target", "corrupt-textures.txt"), concat(summary, report), StandardCharsets.UTF_8);
        int refusedTotal = counts.values().stream().mapToInt(n -> n[0]).sum();
        assertThat(refusedTotal).as("most of the corpus is refused").isGreaterThan(corpus.size() / 2);
    }

    private static List<String> concat(List<String> a, List<String> b) throws IOException {
        List<String> all = new ArrayList<>(a);
        all.add("");
        all.addAll(b);
        return all;
    }
}
