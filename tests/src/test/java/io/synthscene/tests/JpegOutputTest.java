package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpegOutputTest {

    @TempDir
    Path temp;

    @Test
    void jpegColourImagesAreWrittenAndNamedInTheCocoFile() throws IOException {
        Path out = temp.resolve("jpg");
        Cli.Result result = Cli.run("render", Cli.example("table-top.yaml"), "--out", out.toString(), "--frames", "2",
                "--size", "96x72", "--image-format", "jpg", "--jpeg-quality", "80");
        assertThat(result.exitCode()).as(result.all()).isZero();
        byte[] jpeg = Files.readAllBytes(out.resolve("images/000001.jpg"));
        assertThat(jpeg[0] & 0xff).isEqualTo(0xff);
        assertThat(jpeg[1] & 0xff).isEqualTo(0xd8);
        JsonNode coco = DatasetFiles.json(out.resolve("annotations/instances.json"));
        assertThat(coco.get("images").get(1).get("file_name").asText()).isEqualTo("000001.jpg");
        // Masks stay lossless PNG whatever the colour format.
        assertThat(out.resolve("masks/instance/000001.png")).isRegularFile();
    }
}
