package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real third-party model files: every glTF 2.0, OBJ, Collada, FBX and PLY model of Debian's
 * {@code assimp-testmodels} package (Assimp's own test corpus, installed by {@code .ci/run}) is
 * rendered through the real {@code render} command, in a child JVM ({@link ModelRenderProbe}).
 * Each must either render (exit 0) or be refused as bad input (exit 2) with a message naming the
 * model file; none may fail otherwise, crash the JVM or hang. The outcome per model is written to
 * {@code target/assimp-testmodels.txt}.
 */
class AssimpTestModelsTest {
    static final Path MODELS = Path.of("/usr/share/assimp/models");
    static final List<String> FOLDERS = List.of("glTF2", "OBJ", "Collada", "FBX", "PLY");

    @TempDir
    Path work;

    @Test
    void everyModelRendersOrIsRefusedNamingItAndNoneTakesTheJvmDown() throws Exception {
        assertThat(MODELS).as("Debian's assimp-testmodels package (apt-get install assimp-testmodels; .ci/run does)")
                .isDirectory();
        List<String> models = models();
        assertThat(models).hasSizeGreaterThan(100);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), ModelRenderProbe.class.getName(), work.toString()));
        command.addAll(models);
        Path output = work.resolve("probe.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("SYNTHSCENE_ASSET_ROOTS", MODELS.toString());
        Process probe = builder.start();
        boolean finished = probe.waitFor(8, TimeUnit.MINUTES);
        if (!finished) {
            probe.destroyForcibly().waitFor();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        String last = lines.stream().filter(l -> l.startsWith("RENDERING ")).reduce((a, b) -> b).orElse("nothing");
        assertThat(finished).as("the probe hung at: " + last).isTrue();
        assertThat(probe.exitValue()).as("the probe's JVM died (exit " + probe.exitValue() + ") at: " + last).isZero();
        List<String> results = lines.stream().filter(l -> l.startsWith("OK ") || l.startsWith("REFUSED ")
                || l.startsWith("OTHER ")).toList();
        assertThat(results).hasSize(models.size());
        Files.write(Path.of("target", "assimp-testmodels.txt"), results, StandardCharsets.UTF_8);
        int rendered = 0;
        for (String line : results) {
            String model = line.split(" ", 3)[1];
            assertThat(line).as("neither rendered nor refused as bad input").doesNotStartWith("OTHER ");
            if (line.startsWith("REFUSED ")) {
                assertThat(line).as(line).contains(Path.of(model).getFileName().toString()).doesNotContain("Exception");
            } else {
                rendered++;
            }
        }
        assertThat(rendered).as("most of Assimp's own test models render").isGreaterThan(models.size() / 2);
    }

    /** Model paths relative to {@link #MODELS}, sorted. */
    static List<String> models() throws IOException {
        List<String> models = new ArrayList<>();
        for (String folder : FOLDERS) {
            try (Stream<Path> files = Files.walk(MODELS.resolve(folder))) {
                files.filter(Files::isRegularFile)
                        .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT)
                                .matches(".*\\.(gltf|glb|obj|dae|fbx|ply)$"))
                        .map(f -> MODELS.relativize(f).toString())
                        .sorted()
                        .forEach(models::add);
            }
        }
        return models;
    }
}
