package io.synthscene.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthscene.scenes.Limits;
import org.junit.jupiter.api.Test;

/** {@code --size} is held to the same limits as a scene's output size. */
class ImageSizeTest {
    @Test
    void aSizeOverThePixelLimitIsRefused() {
        assertThat(ImageSize.parse("8192x8192", Limits.DEFAULT)).isEqualTo(new ImageSize(8192, 8192));
        assertThatThrownBy(() -> ImageSize.parse("16384x8193", Limits.DEFAULT)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("--size 16384x8193 is 134234112 pixels, more than 67108864 (a limit: set"
                        + " SYNTHSCENE_MAX_IMAGE_PIXELS");
        assertThat(ImageSize.parse("16384x8193", Limits.DEFAULT.with(Limits.Setting.MAX_IMAGE_PIXELS, 1L << 28)))
                .isEqualTo(new ImageSize(16384, 8193));
    }

    @Test
    void aSideOverTheLimitIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> ImageSize.parse("16385x16", Limits.DEFAULT)).isInstanceOf(UserInputException.class)
                .hasMessage("--size 16385x16 is not WIDTHxHEIGHT with sides in 1..16384 (e.g. 1280x720) (a limit: set"
                        + " SYNTHSCENE_MAX_IMAGE_SIDE or -Dsynthscene.max-image-side to raise it)");
        assertThat(ImageSize.parse(null, Limits.DEFAULT)).isNull();
    }
}
