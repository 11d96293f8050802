package io.synthscene.annotators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactSheetTest {
    private static final int GREY = 100;
    /** One step of 8-bit rounding in OpenCV's addWeighted. */
    private static final int BLEND_TOLERANCE = 1;

    @TempDir
    Path temp;

    private static ImageEncoder.RgbImage grey(int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        Arrays.fill(rgb, (byte) GREY);
        return new ImageEncoder.RgbImage(width, height, rgb);
    }

    private static int[] pixel(ImageEncoder.RgbImage image, int x, int y) {
        int i = (y * image.width() + x) * 3;
        return new int[] {image.rgb()[i] & 0xff, image.rgb()[i + 1] & 0xff, image.rgb()[i + 2] & 0xff};
    }

    private static int[] blend(int[] colour) {
        int[] expected = new int[3];
        for (int c = 0; c < 3; c++) {
            expected[c] = (int) Math.round((1 - ContactSheet.MASK_ALPHA) * GREY + ContactSheet.MASK_ALPHA * colour[c]);
        }
        return expected;
    }

    private static void assertClose(int[] actual, int[] expected) {
        for (int c = 0; c < 3; c++) {
            assertThat(actual[c]).as("channel " + c + " of " + Arrays.toString(actual)).isBetween(expected[c] - BLEND_TOLERANCE, expected[c] + BLEND_TOLERANCE);
        }
    }

    @Test
    void tilesFillTheGridAndMasksAreBlendedAtTheImagesOwnSize() {
        // Mask: columns 5..9, rows 2..5 of a 20 x 10 image.
        boolean[] mask = new boolean[20 * 10];
        for (int y = 2; y <= 5; y++) {
            for (int x = 5; x <= 9; x++) {
                mask[y * 20 + x] = true;
            }
        }
        ContactSheet.Overlay overlay = new ContactSheet.Overlay(CocoRle.fromMask(mask, 20, 10), null, null, 7);
        List<ContactSheet.Tile> tiles = List.of(new ContactSheet.Tile(grey(20, 10), List.of()),
                new ContactSheet.Tile(grey(20, 10), List.of(overlay)), new ContactSheet.Tile(grey(20, 10), List.of()));

        ImageEncoder.RgbImage sheet = new ImageEncoder().decodeColor(ContactSheet.renderPng(tiles, 2, 2, 20, 10));

        assertThat(sheet.width()).isEqualTo(40);
        assertThat(sheet.height()).isEqualTo(20);
        assertClose(pixel(sheet, 20 + 5, 2), blend(ContactSheet.colour(7)));
        assertClose(pixel(sheet, 20 + 9, 5), blend(ContactSheet.colour(7)));
        assertThat(pixel(sheet, 20 + 4, 2)).containsExactly(GREY, GREY, GREY);
        assertThat(pixel(sheet, 20 + 9, 6)).containsExactly(GREY, GREY, GREY);
        assertThat(pixel(sheet, 5, 2)).containsExactly(GREY, GREY, GREY);
        int bg = ContactSheet.BACKGROUND;
        assertThat(pixel(sheet, 30, 15)).as("the fourth cell is empty").containsExactly(bg, bg, bg);
    }

    @Test
    void tooManyTilesForTheGridAreRefused() {
        List<ContactSheet.Tile> tiles = List.of(new ContactSheet.Tile(grey(4, 4), List.of()), new ContactSheet.Tile(grey(4, 4), List.of()));
        assertThatThrownBy(() -> ContactSheet.renderPng(tiles, 1, 1, 4, 4)).hasMessageContaining("do not fit a 1x1 grid");
    }

    @Test
    void coloursAreFixedPerKeyAndDistinctForNeighbours() {
        assertThat(ContactSheet.colour(3)).containsExactly(ContactSheet.colour(3));
        for (int key = 1; key < 50; key++) {
            assertThat(ContactSheet.colour(key)).isNotEqualTo(ContactSheet.colour(key + 1));
        }
    }

    @Test
    void labelsCarryVisibilityWhenAnnotationsHaveIt() {
        assertThat(DatasetPreview.label("car", null)).isEqualTo("car");
        assertThat(DatasetPreview.label("car", 0.754)).isEqualTo("car 0.75");
    }

    @Test
    void previewsOtherToolsPolygonsScaledToTheTile() throws IOException {
        Path images = Files.createDirectories(temp.resolve("images"));
        BufferedImage image = new BufferedImage(80, 40, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 80; x++) {
                image.setRGB(x, y, GREY << 16 | GREY << 8 | GREY);
            }
        }
        ImageIO.write(image, "png", images.resolve("a.png").toFile());
        Path coco = temp.resolve("instances.json");
        // Square x 8..72, y 20..36 (pixels 8..71 x 20..35), visibility 0.5.
        Files.writeString(coco, """
                {"images": [{"id": 1, "file_name": "a.png", "width": 80, "height": 40}],
                 "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [8, 20, 64, 16], "area": 1024,
                                  "segmentation": [[8, 20, 72, 20, 72, 36, 8, 36]], "synthscene": {"visibility": 0.5}}],
                 "categories": [{"id": 1, "name": "box"}]}
                """);

        DatasetPreview.Sheet sheet = DatasetPreview.render(coco, images, new DatasetPreview.Layout(1, 1, 1, 40));

        assertThat(sheet.width()).isEqualTo(40);
        assertThat(sheet.height()).isEqualTo(20);
        ImageEncoder.RgbImage decoded = new ImageEncoder().decodeColor(sheet.png());
        // Scaled by 1/2: the square covers tile pixels 4..35 x 10..17; inside the box outline it is blended.
        assertClose(pixel(decoded, 20, 14), blend(ContactSheet.colour(1)));
        assertThat(pixel(decoded, 20, 19)).containsExactly(GREY, GREY, GREY);
        // The label "box 0.50" sits above the box (baseline at row 10): some of its pixels are not grey.
        boolean labelDrawn = false;
        for (int y = 2; y < 10; y++) {
            for (int x = 4; x < 40; x++) {
                labelDrawn |= !Arrays.equals(pixel(decoded, x, y), new int[] {GREY, GREY, GREY});
            }
        }
        assertThat(labelDrawn).isTrue();
    }
}
