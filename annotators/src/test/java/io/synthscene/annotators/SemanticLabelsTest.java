package io.synthscene.annotators;

import static io.synthscene.annotators.PaintedFrames.frame;
import static io.synthscene.annotators.PaintedFrames.ids;
import static io.synthscene.annotators.PaintedFrames.rendered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthscene.scenes.frame.Category;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SemanticLabelsTest {
    private final SemanticLabels labels = new SemanticLabels();

    @Test
    void eachPixelGetsTheCategoryOfItsInstanceAndBackgroundStaysZero() {
        int[] instances = ids(
                "0112",
                "0312",
                "0000");
        // instance 1 is a car (1), 2 a person (2), 3 a sign (3)
        int[] categories = labels.categoryIds(frame(0, 4, 3, 1, 2, 3), rendered(0, 4, 3, instances));

        assertThat(categories).isEqualTo(ids(
                "0112",
                "0312",
                "0000"));
        int[] twoCars = labels.categoryIds(frame(0, 4, 3, 1, 1, 2), rendered(0, 4, 3, instances));
        assertThat(twoCars).isEqualTo(ids(
                "0111",
                "0211",
                "0000"));
    }

    @Test
    void anIdNoLabelledObjectHasIsAnError() {
        assertThatThrownBy(() -> labels.categoryIds(frame(0, 2, 1, 1), rendered(0, 2, 1, ids("12"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("instance id 2");
    }

    @Test
    void categoryIdsAbove255NeedSixteenBits() {
        assertThat(SemanticLabels.fitsEightBits(List.of(new Category(1, "a", "a"), new Category(255, "b", "b")))).isTrue();
        assertThat(SemanticLabels.fitsEightBits(List.of(new Category(256, "c", "c")))).isFalse();
    }

    @Test
    void eightBitLabelPngsReadBackWithAnotherDecoder() throws IOException {
        int[] values = {0, 1, 2, 255, 7, 0};
        byte[] png = new ImageEncoder().encodeGray8(values, 3, 2, "category id");

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        int[] read = new int[6];
        image.getRaster().getSamples(0, 0, 3, 2, 0, read);
        assertThat(read).isEqualTo(values);
        assertThatThrownBy(() -> new ImageEncoder().encodeGray8(new int[] {256}, 1, 1, "category id"))
                .hasMessageContaining("category id 256");
    }
}
