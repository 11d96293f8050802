package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party textured model through the real {@code render} command: Assimp's Collada duck
 * (its yellow-orange image is a TGA next to it) drawn with its own image, then with a group colour
 * that overrides it. The masks are the same; the colour is the image's, then the group's.
 */
class ModelMaterialsEndToEndTest {
    private static final Path DUCK = Path.of("/usr/share/assimp/models/Collada");
    private static final int WIDTH = 96;
    private static final int HEIGHT = 72;

    @TempDir
    Path dir;

    private static String scene(String colour) {
        return """
                seed: 1
                frames: 1
                output: {width: %d, height: %d}
                categories:
                  - {id: 1, name: duck}
                camera: {position: [0, 1, 3], pitch_deg: -15, hfov_deg: 50}
                lighting:
                  sun: {azimuth_deg: 30, elevation_deg: 50, intensity: 1.2}
                  ambient: {intensity: 0.5}
                ground: {size_m: 20, color: [0.3, 0.3, 0.3]}
                groups:
                  - name: ducks
                    asset: {mesh: duck.dae, size_m: 1.2}
                    category: duck
                    region: {x: [0, 0], z: [0, 0]}
                %s
                """.formatted(WIDTH, HEIGHT, colour == null ? "" : "    color: " + colour);
    }

    /** Mean R, G, B (0..255) of the image over the pixels of instance 1, and the pixel count. */
    private double[] meanOverMask(Path dataset) throws Exception {
        int[] ids = DatasetFiles.instanceMask(dataset.resolve("masks/instance/000000.png"), WIDTH, HEIGHT);
        BufferedImage image = ImageIO.read(dataset.resolve("images/000000.png").toFile());
        double[] sum = new double[4];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                if (ids[y * WIDTH + x] == 1) {
                    int rgb = image.getRGB(x, y);
                    sum[0] += (rgb >> 16) & 0xff;
                    sum[1] += (rgb >> 8) & 0xff;
                    sum[2] += rgb & 0xff;
                    sum[3]++;
                }
            }
        }
        return new double[] {sum[0] / sum[3], sum[1] / sum[3], sum[2] / sum[3], sum[3]};
    }

    private Path render(String name, String colour) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.copy(DUCK.resolve("duck.dae"), folder.resolve("duck.dae"));
        Files.copy(DUCK.resolve("duckCM.tga"), folder.resolve("duckCM.tga"));
        Path sceneFile = Files.writeString(folder.resolve("scene.yaml"), scene(colour));
        Path out = dir.resolve(name + "-out");
        Cli.Result result = Cli.run("render", sceneFile.toString(), "--out", out.toString(), "--device", "cpu", "--threads", "1");
        assertThat(result.exitCode()).as(result.all()).isZero();
        return out;
    }

    @Test
    void theDuckWearsItsOwnImageUnlessTheGroupGivesAColour() throws Exception {
        Path own = render("own", null);
        Path grey = render("grey", "[0.5, 0.5, 0.5]");
        assertThat(DatasetFiles.instanceMask(own.resolve("masks/instance/000000.png"), WIDTH, HEIGHT))
                .as("the image changes no label").isEqualTo(
                        DatasetFiles.instanceMask(grey.resolve("masks/instance/000000.png"), WIDTH, HEIGHT));
        double[] ownMean = meanOverMask(own);
        double[] greyMean = meanOverMask(grey);
        assertThat(ownMean[3]).as("the duck covers pixels").isGreaterThan(300);
        // the duck's image is yellow-orange: much more red and green than blue
        assertThat(ownMean[0]).isGreaterThan(2 * ownMean[2]);
        assertThat(ownMean[1]).isGreaterThan(1.5 * ownMean[2]);
        // grey under a slightly warm sun and a blue sky: red and blue close (the image's ratio is over 2)
        assertThat(greyMean[0]).isLessThan(1.3 * greyMean[2]);
        assertThat(Files.readString(grey.resolve("frames/000000.json"))).contains("\"material_overrides\"");
        assertThat(Files.readString(own.resolve("frames/000000.json"))).doesNotContain("material_overrides");
    }
}
