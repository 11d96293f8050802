package io.synthscene.annotators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TurntableSheetTest {
    private static byte[] solid(int width, int height, int r, int g, int b) {
        byte[] rgb = new byte[width * height * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = (byte) r;
            rgb[i + 1] = (byte) g;
            rgb[i + 2] = (byte) b;
        }
        return rgb;
    }

    private static int[] pixel(ImageEncoder.RgbImage image, int x, int y) {
        int at = (y * image.width() + x) * 3;
        return new int[] {image.rgb()[at] & 0xff, image.rgb()[at + 1] & 0xff, image.rgb()[at + 2] & 0xff};
    }

    @Test
    void tilesLandInTheirCellsAfterTheLabelColumnInRgbOrder() {
        byte[] png;
        try (TurntableSheet sheet = new TurntableSheet(2, 3, 8, 6, 10)) {
            sheet.putTile(0, 0, solid(8, 6, 200, 10, 20));
            sheet.putTile(1, 2, solid(8, 6, 5, 150, 250));
            sheet.label(0, "cone");
            png = sheet.encodePng();
        }
        ImageEncoder.RgbImage image = new ImageEncoder().decodeColor(png);
        assertThat(image.width()).isEqualTo(10 + 3 * 8);
        assertThat(image.height()).isEqualTo(2 * 6);
        assertThat(pixel(image, 10, 0)).containsExactly(200, 10, 20);
        assertThat(pixel(image, 17, 5)).containsExactly(200, 10, 20);
        assertThat(pixel(image, 10 + 2 * 8, 6)).containsExactly(5, 150, 250);
        assertThat(pixel(image, 33, 11)).containsExactly(5, 150, 250);
        assertThat(pixel(image, 18, 0)).as("an empty cell stays paper grey").containsExactly(235, 235, 235);
    }

    @Test
    void aDotMarksItsTileAndOneOutsideTheTileIsSkipped() {
        byte[] png;
        try (TurntableSheet sheet = new TurntableSheet(1, 2, 16, 16, 0)) {
            sheet.putTile(0, 0, solid(16, 16, 0, 0, 0));
            sheet.putTile(0, 1, solid(16, 16, 0, 0, 0));
            sheet.dot(0, 0, 8.5, 8.5);
            sheet.dot(0, 1, -3, 8);
            png = sheet.encodePng();
        }
        ImageEncoder.RgbImage image = new ImageEncoder().decodeColor(png);
        assertThat(pixel(image, 8, 8)).containsExactly(255, 255, 0);
        assertThat(pixel(image, 16 + 1, 8)).containsExactly(0, 0, 0);
        assertThat(pixel(image, 15, 8)).as("nothing spilled over from the skipped dot").containsExactly(0, 0, 0);
    }

    @Test
    void wrongTileSizesCellsAndUseAfterCloseAreRefused() {
        TurntableSheet sheet = new TurntableSheet(1, 1, 4, 4, 0);
        assertThatThrownBy(() -> sheet.putTile(0, 0, new byte[5])).hasMessageContaining("48 bytes");
        assertThatThrownBy(() -> sheet.putTile(1, 0, new byte[48])).hasMessageContaining("outside 1 x 1");
        sheet.close();
        assertThatThrownBy(sheet::encodePng).isInstanceOf(IllegalStateException.class);
    }
}
