package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The night example end to end: its frames record the lights and the exposure, its images are dark
 * but not black, and its lights, lamps and exposure change the colour images only: masks and
 * annotations are byte-identical to a render of the same scene with every light and the exposure
 * taken out.
 */
class NightLightsEndToEndTest {
    private static final String SIZE = "128x96";
    private static final int FRAMES = 2;

    @TempDir
    Path temp;

    @Test
    void nightFramesRecordTheirLightsAreDarkButNotBlackAndKeepTheirLabels() throws IOException {
        Path example = Path.of(Cli.example("urban-night.yaml"));
        String yaml = Files.readString(example);
        // every group's lights: block, and the exposure section, out
        String unlit = yaml.replaceAll("(?m)^    lights:\\n(?:      .*\\n)+", "")
                .replaceAll("(?m)^  exposure:\\n(?:    .*\\n)+", "");
        assertThat(unlit).doesNotContain("lights:", "exposure:");
        Path unlitScene = temp.resolve("unlit.yaml");
        Files.writeString(unlitScene, unlit);

        Path night = render(example, "night");
        Path dark = render(unlitScene, "dark");

        for (int i = 0; i < FRAMES; i++) {
            String frame = String.format("%06d", i);
            JsonNode lighting = new ObjectMapper().readTree(night.resolve("frames/" + frame + ".json").toFile()).get("lighting");
            assertThat(lighting.get("lights").size()).as("lights of frame %d", i).isGreaterThan(4);
            assertThat(lighting.get("exposure").get("mode").asText()).isEqualTo("auto");
            assertThat(lighting.get("exposure").get("ev").asDouble()).isBetween(0.0, 5.0);
            assertThat(night.resolve("masks/instance/" + frame + ".png")).hasSameBinaryContentAs(dark.resolve("masks/instance/" + frame + ".png"));

            double litMean = meanLevel(night.resolve("images/" + frame + ".png"));
            double unlitMean = meanLevel(dark.resolve("images/" + frame + ".png"));
            // without lights only a faint twilight sky and the sensor's noise are left
            assertThat(unlitMean).as("without lights the night is (almost) black").isLessThan(10);
            assertThat(litMean).as("with lamps, headlights and exposure it is dark but not black")
                    .isGreaterThan(unlitMean + 8).isLessThan(100);
        }
        assertThat(night.resolve("annotations/instances.json")).hasSameBinaryContentAs(dark.resolve("annotations/instances.json"));
    }

    private Path render(Path scene, String name) {
        Path out = temp.resolve(name);
        Cli.Result result = Cli.run("render", scene.toString(), "--out", out.toString(), "--frames", String.valueOf(FRAMES),
                "--size", SIZE);
        assertThat(result.exitCode()).as(result.all()).isZero();
        return out;
    }

    /** Mean 8-bit level over every channel of an image. */
    private static double meanLevel(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum += ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
            }
        }
        return sum / (3.0 * image.getWidth() * image.getHeight());
    }
}
