package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every edge-case example scene renders one small frame through the CLI into a COCO file with annotations. */
class EdgeCaseScenesRenderTest {
    @TempDir
    Path temp;

    @Test
    void everyEdgeCaseSceneRendersOneFrameWithAnnotations() throws IOException {
        List<Path> scenes;
        try (Stream<Path> files = Files.list(Path.of(Cli.example("edge-cases")))) {
            scenes = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(scenes).hasSize(8);
        for (Path scene : scenes) {
            String name = scene.getFileName().toString().replace(".yaml", "");
            Path out = temp.resolve(name);
            Cli.Result result = Cli.run("render", scene.toString(), "--out", out.toString(), "--frames", "1", "--size", "96x72");
            assertThat(result.exitCode()).as(name + ": " + result.all()).isZero();
            JsonNode coco = new ObjectMapper().readTree(out.resolve("annotations/instances.json").toFile());
            assertThat(coco.path("images")).as(name).hasSize(1);
            assertThat(coco.path("annotations").size()).as(name).isPositive();
        }
    }
}
