package io.synthscene.annotators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthscene.scenes.Limits;
import io.synthscene.scenes.image.ImageHeader;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** Image sizes read from file headers, refused before OpenCV allocates them. */
class DeclaredImageSizeTest {
    private final ImageEncoder codec = new ImageEncoder();

    /** A PNG whose IHDR declares width x height (8-bit RGB) and whose data is {@code rows} rows of zeros. */
    static byte[] png(int width, int height, int rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).array());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[rows * (1 + 3 * width)]);
        deflater.finish();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            data.write(buffer, 0, deflater.deflate(buffer));
        }
        chunk(out, "IDAT", data.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void pngAndJpegHeadersGiveTheSizeOfTheImage() {
        byte[] rgb = new byte[64 * 48 * 3];
        assertThat(ImageHeader.read(codec.encodeRgb(rgb, 64, 48, ImageFormat.PNG, 95)))
                .contains(new ImageHeader(ImageHeader.Format.PNG, 64, 48));
        assertThat(ImageHeader.read(codec.encodeRgb(rgb, 64, 48, ImageFormat.JPG, 95)))
                .contains(new ImageHeader(ImageHeader.Format.JPEG, 64, 48));
        assertThat(ImageHeader.read(png(7, 5, 5))).contains(new ImageHeader(ImageHeader.Format.PNG, 7, 5));
        assertThat(ImageHeader.read("GIF89a......".getBytes())).isEmpty();
    }

    @Test
    void aPngDeclaringMoreThanTheSideLimitIsRefusedBeforeDecodingNamingTheLimit() {
        byte[] lying = png(20000, 20000, 1); // 20000 x 20000 declared, one row of data
        assertThatThrownBy(() -> codec.decodeColor(lying))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the PNG declares 20000x20000 pixels, more than 16384 a side (a limit: set SYNTHSCENE_MAX_IMAGE_SIDE"
                        + " or -Dsynthscene.max-image-side to raise it)");
    }

    @Test
    void theLimitsDecideAndTheSettingsCanRaiseThem() {
        byte[] bomb = png(300, 200, 200); // a real image: 300 x 200 zeros
        Limits small = Limits.DEFAULT.with(Limits.Setting.MAX_IMAGE_SIDE, 256);
        assertThatThrownBy(() -> DeclaredImageSize.requireWithin(bomb, small)).hasMessageContaining("more than 256 a side");
        Limits fewPixels = Limits.DEFAULT.with(Limits.Setting.MAX_IMAGE_PIXELS, 50_000);
        assertThatThrownBy(() -> DeclaredImageSize.requireWithin(bomb, fewPixels))
                .hasMessageContaining("declares 300x200 = 60000 pixels, more than 50000")
                .hasMessageContaining("SYNTHSCENE_MAX_IMAGE_PIXELS");
        DeclaredImageSize.requireWithin(bomb, Limits.DEFAULT);
        assertThat(codec.decodeColor(bomb).width()).isEqualTo(300);
    }

    @Test
    void aJpegWhoseFrameHeaderDeclaresTooManyPixelsIsRefused() {
        byte[] lying = declaring60000Square(codec.encodeRgb(new byte[64 * 48 * 3], 64, 48, ImageFormat.JPG, 95));
        assertThatThrownBy(() -> codec.decodeColor(lying)).hasMessageStartingWith("the JPEG declares 60000x60000 pixels");
    }

    /** {@code jpeg} with {@code inserted} put just before its start-of-frame marker. */
    private static byte[] insertedBeforeFrame(byte[] jpeg, byte[] inserted) {
        int sof = frameMarker(jpeg);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, sof);
        out.writeBytes(inserted);
        out.write(jpeg, sof, jpeg.length - sof);
        return out.toByteArray();
    }

    /** A copy of {@code jpeg} whose baseline frame header declares 60000 x 60000 pixels. */
    private static byte[] declaring60000Square(byte[] jpeg) {
        byte[] lying = jpeg.clone();
        int sof = frameMarker(lying);
        lying[sof + 5] = (byte) 0xEA; // height 60000
        lying[sof + 6] = (byte) 0x60;
        lying[sof + 7] = (byte) 0xEA; // width 60000
        lying[sof + 8] = (byte) 0x60;
        return lying;
    }

    private static int frameMarker(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                return i;
            }
        }
        throw new AssertionError("the encoder writes a baseline JPEG");
    }

    @Test
    void aJpegWithFillAndStrayBytesBeforeItsFrameDecodesToTheSizeTheHeaderReaderReads() {
        byte[] jpeg = codec.encodeRgb(new byte[64 * 48 * 3], 64, 48, ImageFormat.JPG, 95);
        byte[] odd = insertedBeforeFrame(jpeg, new byte[] {0x12, 0x34, (byte) 0xFF, 0x00, 0x56, (byte) 0xFF, (byte) 0xFF});
        assertThat(ImageHeader.read(odd)).contains(new ImageHeader(ImageHeader.Format.JPEG, 64, 48));
        ImageEncoder.RgbImage decoded = codec.decodeColor(odd); // libjpeg skips them with a warning
        assertThat(decoded.width()).isEqualTo(64);
        assertThat(decoded.height()).isEqualTo(48);
    }

    @Test
    void strayBytesBeforeALyingFrameHeaderNoLongerHideItFromTheCheck() {
        // The first reader gave up at the stray bytes and left the file to OpenCV, which skips them
        // and allocates the declared size.
        byte[] jpeg = declaring60000Square(insertedBeforeFrame(
                codec.encodeRgb(new byte[64 * 48 * 3], 64, 48, ImageFormat.JPG, 95), new byte[] {0x00, 0x00, 0x00}));
        assertThatThrownBy(() -> codec.decodeColor(jpeg)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the JPEG declares 60000x60000 pixels, more than 16384 a side");
    }

    @Test
    void aBmpDeclaringMoreThanTheLimitIsRefusedBeforeDecoding() {
        ByteBuffer bmp = ByteBuffer.allocate(54 + 64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bmp.put((byte) 'B').put((byte) 'M').putInt(bmp.capacity()).putInt(0).putInt(54);
        bmp.putInt(40).putInt(20000).putInt(20000).putShort((short) 1).putShort((short) 24);
        assertThatThrownBy(() -> codec.decodeColor(bmp.array())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the BMP declares 20000x20000 pixels, more than 16384 a side");
    }

    @Test
    void aHeaderDeclaringNoPixelsOrWithoutItsSizeIsRefusedNamingWhy() {
        byte[] empty = png(0, 16, 0);
        assertThatThrownBy(() -> codec.decodeColor(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the PNG declares a size of 0x16 pixels");
        byte[] noFrame = codec.encodeRgb(new byte[64 * 48 * 3], 64, 48, ImageFormat.JPG, 95);
        noFrame[frameMarker(noFrame) + 1] = (byte) 0xE5; // the frame header becomes an APP5 segment
        assertThatThrownBy(() -> codec.decodeColor(noFrame)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the JPEG has no frame header before its image data");
    }
}
