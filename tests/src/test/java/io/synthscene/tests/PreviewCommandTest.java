package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthscene.annotators.ContactSheet;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synthscene preview}: the sheet's size follows the grid, and mask pixels carry the colour blend. */
class PreviewCommandTest {
    private static final int WIDTH = 160;
    private static final int HEIGHT = 120;
    /** One step of 8-bit rounding in the blend. */
    private static final int BLEND_TOLERANCE = 1;

    @TempDir
    static Path temp;
    static Path dataset;

    @TempDir
    Path scratch;

    @BeforeAll
    static void render() {
        dataset = temp.resolve("street");
        Cli.Result result = Cli.run("render", Cli.example("urban-street.yaml"), "--out", dataset.toString(),
                "--frames", "2", "--size", WIDTH + "x" + HEIGHT, "--threads", "2");
        assertThat(result.exitCode()).as(result.all()).isZero();
    }

    @Test
    void theSheetHasOneTilePerCellScaledToTheWidth() throws IOException {
        Path sheet = scratch.resolve("sheet.png");
        Cli.Result result = Cli.run("preview", dataset.toString(), "--out", sheet.toString(), "--grid", "3x2", "--width", "300");
        assertThat(result.exitCode()).as(result.all()).isZero();
        BufferedImage image = ImageIO.read(sheet.toFile());
        // 300 px / 3 columns = 100 px tiles, 100 * 120 / 160 = 75 px tall, 2 rows
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(150);
        // Only 2 frames exist: the last cell stays background.
        int background = ContactSheet.BACKGROUND;
        assertThat(image.getRGB(250, 120) & 0xffffff).isEqualTo(background << 16 | background << 8 | background);
        try (var files = Files.list(scratch)) {
            assertThat(files).as("no temporary file is left beside the sheet").containsExactly(sheet);
        }
    }

    @Test
    void maskPixelsAreTheImageBlendedWithTheInstanceColourAndOthersAreUntouched() throws IOException {
        Path sheetFile = scratch.resolve("sheet.png");
        // Tiles at the images' own size, so that tile pixels map one to one to image pixels.
        Cli.Result result = Cli.run("preview", dataset.toString(), "--out", sheetFile.toString(), "--grid", "2x1",
                "--width", String.valueOf(2 * WIDTH));
        assertThat(result.exitCode()).as(result.all()).isZero();
        BufferedImage sheet = ImageIO.read(sheetFile.toFile());
        assertThat(sheet.getWidth()).isEqualTo(2 * WIDTH);
        assertThat(sheet.getHeight()).isEqualTo(HEIGHT);

        JsonNode coco = DatasetFiles.json(dataset.resolve("annotations/instances.json"));
        int blended = 0;
        int untouched = 0;
        for (int frame = 0; frame < 2; frame++) {
            String stem = String.format("%06d", frame);
            BufferedImage image = ImageIO.read(dataset.resolve("images/" + stem + ".png").toFile());
            int[] ids = DatasetFiles.instanceMask(dataset.resolve("masks/instance/" + stem + ".png"), WIDTH, HEIGHT);
            boolean[] drawnOver = new boolean[WIDTH * HEIGHT]; // box outlines and labels
            Map<Integer, Boolean> annotated = new HashMap<>();
            for (JsonNode a : coco.get("annotations")) {
                if (a.get("image_id").asLong() == frame + 1) {
                    markBoxAndLabel(drawnOver, a, coco);
                    annotated.put(a.get("synthscene").get("instance_id").asInt(), true);
                }
            }
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    if (drawnOver[y * WIDTH + x]) {
                        continue;
                    }
                    int original = image.getRGB(x, y);
                    int shown = sheet.getRGB(frame * WIDTH + x, y);
                    int id = ids[y * WIDTH + x];
                    if (id != 0 && annotated.containsKey(id)) {
                        int[] colour = ContactSheet.colour(id);
                        for (int channel = 0; channel < 3; channel++) {
                            int o = channelOf(original, channel);
                            int expected = (int) Math.round((1 - ContactSheet.MASK_ALPHA) * o + ContactSheet.MASK_ALPHA * colour[channel]);
                            assertThat(channelOf(shown, channel)).as("frame %d pixel (%d, %d) channel %d of instance %d", frame, x, y, channel, id)
                                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(BLEND_TOLERANCE));
                        }
                        blended++;
                    } else {
                        assertThat(shown & 0xffffff).as("frame %d pixel (%d, %d) outside every mask", frame, x, y)
                                .isEqualTo(original & 0xffffff);
                        untouched++;
                    }
                }
            }
        }
        assertThat(blended).as("mask pixels checked").isGreaterThan(200);
        assertThat(untouched).isGreaterThan(WIDTH * HEIGHT);
    }

    @Test
    void badGridsAndOutputsExitTwo() {
        String out = scratch.resolve("s.png").toString();
        assertThat(Cli.run("preview", dataset.toString(), "--out", out, "--grid", "3").exitCode()).isEqualTo(2);
        assertThat(Cli.run("preview", dataset.toString(), "--out", out, "--grid", "1x1", "--frames", "2").exitCode()).isEqualTo(2);
        assertThat(Cli.run("preview", dataset.toString(), "--out", scratch.resolve("s.gif").toString()).exitCode()).isEqualTo(2);
        assertThat(Cli.run("preview", scratch.resolve("none").toString(), "--out", out).exitCode()).isEqualTo(2);
        assertThat(scratch.resolve("s.png")).doesNotExist();
    }

    @Test
    void bothToolsAreListedAndHaveHelp() {
        assertThat(Cli.run("--help").out()).contains("validate", "preview");
        Cli.Result validate = Cli.run("validate", "--help");
        assertThat(validate.exitCode()).isZero();
        assertThat(validate.out()).contains("--coco", "--images", "--masks", "violations found");
        Cli.Result preview = Cli.run("preview", "--help");
        assertThat(preview.exitCode()).isZero();
        assertThat(preview.out()).contains("--out", "--frames", "--grid", "--width");
    }

    /**
     * Marks the 1-pixel box outline and a generous rectangle around the label (drawn with its
     * baseline 3 px above the box, OpenCV's Hershey font, anti-aliased), where other colours win.
     */
    private static void markBoxAndLabel(boolean[] drawnOver, JsonNode a, JsonNode coco) {
        int x0 = a.get("bbox").get(0).asInt();
        int y0 = a.get("bbox").get(1).asInt();
        int x1 = x0 + a.get("bbox").get(2).asInt() - 1;
        int y1 = y0 + a.get("bbox").get(3).asInt() - 1;
        for (int x = x0; x <= x1; x++) {
            mark(drawnOver, x, y0);
            mark(drawnOver, x, y1);
        }
        for (int y = y0; y <= y1; y++) {
            mark(drawnOver, x0, y);
            mark(drawnOver, x1, y);
        }
        String name = "";
        for (JsonNode c : coco.get("categories")) {
            if (c.get("id").equals(a.get("category_id"))) {
                name = c.get("name").asText();
            }
        }
        JsonNode visibility = a.get("synthscene").get("visibility");
        if (visibility != null) {
            name += String.format(java.util.Locale.ROOT, " %.2f", visibility.asDouble()); // as the preview labels it
        }
        int baseline = Math.max(10, y0 - 3);
        for (int y = baseline - 12; y <= baseline + 5; y++) {
            for (int x = x0 - 2; x <= x0 + 8 * name.length() + 2; x++) {
                mark(drawnOver, x, y);
            }
        }
    }

    private static void mark(boolean[] drawnOver, int x, int y) {
        if (x >= 0 && y >= 0 && x < WIDTH && y < HEIGHT) {
            drawnOver[y * WIDTH + x] = true;
        }
    }

    private static int channelOf(int argb, int channel) {
        return (argb >> (16 - 8 * channel)) & 0xff;
    }
}
