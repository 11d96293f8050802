package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sensor.jpeg_quality}: each frame's colour image is JPEG-encoded at its drawn quality, the
 * quality is recorded in the frame JSON, names agree everywhere, and the dataset tools keep working.
 */
class SceneJpegQualityTest {
    private static final String SIZE = "96x72";

    @TempDir
    Path temp;

    private Path scene(String sensorSection) throws IOException {
        String base = Files.readString(Path.of(Cli.example("table-top.yaml")));
        Path file = temp.resolve("table-" + Integer.toHexString(sensorSection.hashCode()) + ".yaml");
        Files.writeString(file, base + (sensorSection.isEmpty() ? "" : "\nsensor: " + sensorSection + "\n"));
        return file;
    }

    private Path render(Path scene, String name, String... extra) {
        Path out = temp.resolve(name);
        String[] args = {"render", scene.toString(), "--out", out.toString(), "--frames", "3", "--size", SIZE, "--msaa", "1"};
        String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        Cli.Result result = Cli.run(all);
        assertThat(result.exitCode()).as(result.all()).isZero();
        return out;
    }

    /** Mean absolute difference per channel, in 8-bit levels. */
    private static double meanError(Path image, Path lossless) throws IOException {
        BufferedImage a = ImageIO.read(image.toFile());
        BufferedImage b = ImageIO.read(lossless.toFile());
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    @Test
    void lowerQualityGivesOtherBytesAndMoreErrorAgainstTheLosslessRender() throws IOException {
        Path lossless = render(scene(""), "png");
        Path fine = render(scene("{jpeg_quality: 95}"), "q95");
        Path coarse = render(scene("{jpeg_quality: 15}"), "q15");
        for (int i = 0; i < 3; i++) {
            String stem = String.format("%06d", i);
            Path png = lossless.resolve("images/" + stem + ".png");
            Path high = fine.resolve("images/" + stem + ".jpg");
            Path low = coarse.resolve("images/" + stem + ".jpg");
            assertThat(Files.readAllBytes(high)).isNotEqualTo(Files.readAllBytes(low));
            assertThat(Files.size(low)).isLessThan(Files.size(high));
            double highError = meanError(high, png);
            double lowError = meanError(low, png);
            assertThat(highError).as("frame %d at quality 95", i).isGreaterThan(0);
            assertThat(lowError).as("frame %d: quality 15 against 95", i).isGreaterThan(highError);
            // masks stay exact: the same bytes whatever the colour encoding
            assertThat(Files.readAllBytes(coarse.resolve("masks/instance/" + stem + ".png")))
                    .isEqualTo(Files.readAllBytes(lossless.resolve("masks/instance/" + stem + ".png")));
        }
    }

    @Test
    void aDrawnQualityIsRecordedPerFrameAndTheDatasetToolsKeepWorking() throws IOException {
        Path out = render(scene("{jpeg_quality: {uniform_int: [10, 95]}}"), "drawn");
        JsonNode coco = DatasetFiles.json(out.resolve("annotations/instances.json"));
        Set<Integer> qualities = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            String stem = String.format("%06d", i);
            JsonNode frame = DatasetFiles.json(out.resolve("frames/" + stem + ".json"));
            int quality = frame.get("sensor").get("jpeg_quality").asInt();
            assertThat(quality).isBetween(10, 95);
            qualities.add(quality);
            byte[] jpeg = Files.readAllBytes(out.resolve("images/" + stem + ".jpg"));
            assertThat(jpeg[0] & 0xff).isEqualTo(0xff);
            assertThat(jpeg[1] & 0xff).isEqualTo(0xd8);
            assertThat(coco.get("images").get(i).get("file_name").asText()).isEqualTo(stem + ".jpg");
        }
        assertThat(qualities).as("three draws from 86 values").hasSizeGreaterThan(1);
        JsonNode metadata = DatasetFiles.json(out.resolve("dataset.json"));
        assertThat(metadata.get("image_format").asText()).isEqualTo("jpg");
        assertThat(metadata.get("jpeg_quality").isNull()).as("per frame, not per run").isTrue();

        Cli.Result validate = Cli.run("validate", out.toString());
        assertThat(validate.exitCode()).as(validate.all()).isZero();
        Cli.Result stats = Cli.run("stats", out.toString(), "--out", temp.resolve("stats").toString());
        assertThat(stats.exitCode()).as(stats.all()).isZero();
        Path yolo = temp.resolve("yolo");
        Cli.Result export = Cli.run("export", out.toString(), "--format", "yolo", "--out", yolo.toString());
        assertThat(export.exitCode()).as(export.all()).isZero();
        try (var files = Files.walk(yolo)) {
            assertThat(files.map(Path::toString).filter(f -> f.endsWith(".jpg")).count()).isEqualTo(3);
        }
    }

    @Test
    void shardsOfADrawnQualityMergeIntoTheUnsplitRun() throws IOException {
        Path scene = scene("{jpeg_quality: {choice: [30, 60, 90]}}");
        Path whole = render(scene, "whole");
        Path a = render(scene, "a", "--shard", "0/2");
        Path b = render(scene, "b", "--shard", "1/2");
        Path merged = temp.resolve("merged");
        Cli.Result merge = Cli.run("merge", a.toString(), b.toString(), "--out", merged.toString());
        assertThat(merge.exitCode()).as(merge.all()).isZero();
        assertThat(DatasetFiles.filesWithoutTimes(merged)).isEqualTo(DatasetFiles.filesWithoutTimes(whole));
    }

    @Test
    void aCommandLineFormatOrQualityThatContradictsTheSceneIsRefused() throws IOException {
        Path scene = scene("{jpeg_quality: 70}");
        Cli.Result png = Cli.run("render", scene.toString(), "--out", temp.resolve("x").toString(), "--frames", "1",
                "--size", SIZE, "--image-format", "png");
        assertThat(png.exitCode()).isEqualTo(2);
        assertThat(png.err()).contains("sensor.jpeg_quality").doesNotContain("Exception");
        Cli.Result quality = Cli.run("render", scene.toString(), "--out", temp.resolve("y").toString(), "--frames", "1",
                "--size", SIZE, "--jpeg-quality", "50");
        assertThat(quality.exitCode()).isEqualTo(2);
        assertThat(quality.err()).contains("--jpeg-quality");
        assertThat(temp.resolve("x")).doesNotExist();
        assertThat(temp.resolve("y")).doesNotExist();
    }
}
