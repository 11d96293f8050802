package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The urban example's sensor (exposure, white balance, vignetting, shot and read noise) changes
 * the colour images only: every label file is byte-identical to a render of the same scene
 * without the sensor section, and the noisy images are the same bytes whatever the thread count.
 */
class SensorEffectsEndToEndTest {
    private static final String SIZE = "128x80";

    @TempDir
    Path temp;

    @Test
    void theSensorChangesTheImagesAndNoLabelAndIsDeterministicAcrossThreads() throws IOException {
        Path example = Path.of(Cli.example("urban-street.yaml"));
        String yaml = Files.readString(example);
        int start = yaml.indexOf("\nsensor:\n");
        int end = yaml.indexOf("\n\n", start + 1);
        assertThat(start).as("the example has a sensor section").isPositive();
        Path withoutSensor = temp.resolve("no-sensor.yaml");
        Files.writeString(withoutSensor, yaml.substring(0, start) + yaml.substring(end));

        Path plain = render(withoutSensor, "plain", 2);
        Path sensed = render(example, "sensed", 2);
        Path sensedOneThread = render(example, "sensed-1", 1);

        List<Path> labels = files(plain, "masks", "depth", "normals", "occlusion");
        labels.add(Path.of("annotations/instances.json"));
        assertThat(labels).hasSizeGreaterThan(3);
        for (Path label : labels) {
            assertThat(sensed.resolve(label)).as(label.toString()).hasSameBinaryContentAs(plain.resolve(label));
        }
        List<Path> images = files(plain, "images");
        assertThat(images).hasSize(3);
        for (Path image : images) {
            assertThat(Files.readAllBytes(sensed.resolve(image))).as(image.toString())
                    .isNotEqualTo(Files.readAllBytes(plain.resolve(image)));
            assertThat(sensedOneThread.resolve(image)).as(image.toString()).hasSameBinaryContentAs(sensed.resolve(image));
        }
        assertThat(Files.readString(sensed.resolve("frames/000001.json"))).contains("\"sensor\"", "\"photons_at_white\"");
    }

    private Path render(Path scene, String name, int threads) {
        Path out = temp.resolve(name);
        Cli.Result result = Cli.run("render", scene.toString(), "--out", out.toString(), "--frames", "3",
                "--size", SIZE, "--threads", String.valueOf(threads));
        assertThat(result.exitCode()).as(result.all()).isZero();
        return out;
    }

    /** Every file under the named folders of a dataset, relative to it. */
    private static List<Path> files(Path dataset, String... folders) throws IOException {
        List<Path> found = new java.util.ArrayList<>();
        for (String folder : folders) {
            Path dir = dataset.resolve(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.filter(Files::isRegularFile).map(dataset::relativize).sorted().forEach(found::add);
                }
            }
        }
        return found;
    }
}
