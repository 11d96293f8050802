package io.synthscene.annotators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthscene.scenes.frame.RenderedFrame;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageEncoderTest {
    /** Mean absolute channel error allowed for JPEG at quality 95 on a smooth image. */
    private static final double JPEG_MEAN_ERROR_TOLERANCE = 2.0;
    /** Largest single-channel error allowed for JPEG at quality 95 on a smooth image. */
    private static final int JPEG_MAX_ERROR_TOLERANCE = 24;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final ImageEncoder encoder = new ImageEncoder();

    @Test
    void colourPngRoundTripsExactlyAndKeepsChannelOrder() {
        int width = 37;
        int height = 23;
        byte[] rgb = new byte[width * height * 3];
        new SplittableRandom(3L).nextBytes(rgb);
        rgb[0] = (byte) 255; // pixel (0, 0) pure red: a swapped channel order would show as blue
        rgb[1] = 0;
        rgb[2] = 0;

        byte[] png = encoder.encodeColor(colourFrame(width, height, rgb), ImageFormat.PNG, 90);
        ImageEncoder.RgbImage decoded = encoder.decodeColor(png);

        assertThat(png).startsWith(PNG_SIGNATURE);
        assertThat(decoded.width()).isEqualTo(width);
        assertThat(decoded.height()).isEqualTo(height);
        assertThat(decoded.rgb()).isEqualTo(rgb);
        assertThat(encoder.decodeColorRgb(png)).isEqualTo(rgb);
    }

    @Test
    void jpegDecodesToTheRightSizeWithSmallError() {
        int width = 64;
        int height = 48;
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                rgb[i] = (byte) (x * 4);
                rgb[i + 1] = (byte) (y * 5);
                rgb[i + 2] = (byte) 200;
            }
        }

        byte[] jpeg = encoder.encodeColor(colourFrame(width, height, rgb), ImageFormat.JPG, 95);
        ImageEncoder.RgbImage decoded = encoder.decodeColor(jpeg);

        assertThat(jpeg).startsWith((byte) 0xff, (byte) 0xd8, (byte) 0xff);
        assertThat(decoded.width()).isEqualTo(width);
        assertThat(decoded.height()).isEqualTo(height);
        long sum = 0;
        int max = 0;
        for (int i = 0; i < rgb.length; i++) {
            int error = Math.abs((rgb[i] & 0xff) - (decoded.rgb()[i] & 0xff));
            sum += error;
            max = Math.max(max, error);
        }
        assertThat((double) sum / rgb.length).isLessThan(JPEG_MEAN_ERROR_TOLERANCE);
        assertThat(max).isLessThanOrEqualTo(JPEG_MAX_ERROR_TOLERANCE);
    }

    @Test
    void sixteenBitMaskRoundTripsExactlyUpTo65535() {
        int width = 19;
        int height = 11;
        int[] ids = new int[width * height];
        SplittableRandom random = new SplittableRandom(11L);
        for (int i = 0; i < ids.length; i++) {
            ids[i] = random.nextInt(65536);
        }
        ids[0] = 0;
        ids[1] = 255;
        ids[2] = 256;
        ids[3] = 32768;
        ids[ids.length - 1] = 65535;

        byte[] png = encoder.encodeInstanceMask(ids, width, height);
        ImageEncoder.IdImage decoded = encoder.decodeInstanceMaskImage(png);

        assertThat(png).startsWith(PNG_SIGNATURE);
        assertThat(png[24]).as("PNG bit depth").isEqualTo((byte) 16);
        assertThat(png[25]).as("PNG colour type: greyscale").isEqualTo((byte) 0);
        assertThat(decoded.width()).isEqualTo(width);
        assertThat(decoded.height()).isEqualTo(height);
        assertThat(decoded.ids()).isEqualTo(ids);
        assertThat(encoder.decodeInstanceMask(png)).isEqualTo(ids);
    }

    @Test
    void typicalMaskWithLongRunsCompressesWellAndRoundTrips() {
        int width = 320;
        int height = 240;
        int[] ids = new int[width * height];
        for (int y = 100; y < 200; y++) {
            for (int x = 50; x < 150; x++) {
                ids[y * width + x] = 1;
            }
            for (int x = 140; x < 300; x++) {
                ids[y * width + x] = 2;
            }
        }

        byte[] png = encoder.encodeInstanceMask(ids, width, height);

        assertThat(png.length).isLessThan(width * height * 2 / 20);
        assertThat(encoder.decodeInstanceMask(png)).isEqualTo(ids);
    }

    @Test
    void idsThatDoNotFitSixteenBitsAreRejected() {
        assertThatThrownBy(() -> encoder.encodeInstanceMask(new int[] {0, 65536}, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536").hasMessageContaining("(1, 0)");
        assertThatThrownBy(() -> encoder.encodeInstanceMask(new int[] {-1, 0}, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> encoder.encodeInstanceMask(new int[3], 2, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eightBitColourImageIsNotAcceptedAsAnInstanceMask() {
        byte[] png = encoder.encodeColor(colourFrame(2, 2, new byte[12]), ImageFormat.PNG, 90);

        assertThatThrownBy(() -> encoder.decodeInstanceMask(png))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16-bit");
    }

    @Test
    void bytesThatAreNoImageAreRejected() {
        assertThatThrownBy(() -> encoder.decodeColorRgb(new byte[] {1, 2, 3, 4}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an image");
    }

    @Test
    void frameWithoutColourOrWithBadQualityIsRejected() {
        RenderedFrame noColour = new RenderedFrame(4, 2, 2, null, new int[4], null, "test");
        assertThatThrownBy(() -> encoder.encodeColor(noColour, ImageFormat.PNG, 90))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("COLOR");
        assertThatThrownBy(() -> encoder.encodeColor(colourFrame(2, 2, new byte[12]), ImageFormat.JPG, 101))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("101");
    }

    private static RenderedFrame colourFrame(int width, int height, byte[] rgb) {
        return new RenderedFrame(0, width, height, rgb, null, null, "test");
    }

    /** A noisy 64x48 image, so that its files are long enough to cut inside the image data. */
    private static byte[] noisyImage(ImageFormat format) {
        byte[] rgb = new byte[64 * 48 * 3];
        new SplittableRandom(4).nextBytes(rgb);
        return new ImageEncoder().encodeRgb(rgb, 64, 48, format, 90);
    }

    @Test
    void emptyCutShortAndForeignBytesAreRefusedAsBadInputWithTheReason() {
        ImageEncoder codec = new ImageEncoder();
        assertThatThrownBy(() -> codec.decodeColor(new byte[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the file is empty");
        byte[] png = noisyImage(ImageFormat.PNG);
        assertThatThrownBy(() -> codec.decodeColor(java.util.Arrays.copyOf(png, png.length * 4 / 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no IEND chunk");
        byte[] jpeg = noisyImage(ImageFormat.JPG);
        // Cut at 80 %: inside the entropy-coded data, where OpenCV alone would fill the rest with grey.
        assertThatThrownBy(() -> codec.decodeColor(java.util.Arrays.copyOf(jpeg, jpeg.length * 4 / 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no end-of-image marker");
        assertThatThrownBy(() -> codec.decodeColor("not an image at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aJpegWithDataAfterItsEndMarkerStillDecodes() {
        // Motion photos and some cameras append data after the image's end-of-image marker.
        byte[] jpeg = noisyImage(ImageFormat.JPG);
        byte[] withTrailer = java.util.Arrays.copyOf(jpeg, jpeg.length + 1000);
        for (int i = jpeg.length; i < withTrailer.length; i++) {
            withTrailer[i] = (byte) (i * 31);
        }
        ImageEncoder codec = new ImageEncoder();
        assertThat(codec.decodeColor(withTrailer).rgb()).isEqualTo(codec.decodeColor(jpeg).rgb());
    }
}
