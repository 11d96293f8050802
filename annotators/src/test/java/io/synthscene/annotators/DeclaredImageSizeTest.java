package io.synthscene.annotators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthscene.scenes.Limits;
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
        assertThat(DeclaredImageSize.declared(codec.encodeRgb(rgb, 64, 48, ImageFormat.PNG, 95))).containsExactly(64, 48);
        assertThat(DeclaredImageSize.declared(codec.encodeRgb(rgb, 64, 48, ImageFormat.JPG, 95))).containsExactly(64, 48);
        assertThat(DeclaredImageSize.declared(png(7, 5, 5))).containsExactly(7, 5);
        assertThat(DeclaredImageSize.declared("GIF89a......".getBytes())).isNull();
        assertThat(DeclaredImageSize.declared(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9})).isNull();
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
        byte[] jpeg = codec.encodeRgb(new byte[64 * 48 * 3], 64, 48, ImageFormat.JPG, 95);
        byte[] lying = jpeg.clone();
        boolean patched = false;
        for (int i = 2; i + 9 < lying.length && !patched; i++) {
            if ((lying[i] & 0xFF) == 0xFF && (lying[i + 1] & 0xFF) == 0xC0) { // baseline start-of-frame
                lying[i + 5] = (byte) 0xEA; // height 60000
                lying[i + 6] = (byte) 0x60;
                lying[i + 7] = (byte) 0xEA; // width 60000
                lying[i + 8] = (byte) 0x60;
                patched = true;
            }
        }
        assertThat(patched).as("the encoder writes a baseline JPEG").isTrue();
        assertThatThrownBy(() -> codec.decodeColor(lying)).hasMessageStartingWith("the JPEG declares 60000x60000 pixels");
    }
}
