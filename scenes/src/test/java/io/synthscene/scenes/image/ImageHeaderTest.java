package io.synthscene.scenes.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthscene.scenes.image.ImageHeader.Format;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Sizes read from hand-built PNG, JPEG and BMP headers: the answers are known in advance. */
class ImageHeaderTest {
    private static final int SOF0 = 0xC0;
    private static final int SOF2 = 0xC2;
    private static final int DHT = 0xC4;

    /** FF code, a two-byte length that counts itself, the payload. */
    private static byte[] segment(int code, byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).put((byte) 0xFF).put((byte) code)
                .putShort((short) (payload.length + 2)).put(payload).array();
    }

    /** A start-of-frame segment: 8-bit precision, height, width, three components. */
    private static byte[] frame(int code, int width, int height) {
        return segment(code, new byte[] {8, (byte) (height >> 8), (byte) height, (byte) (width >> 8), (byte) width, 3,
                1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1});
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static final byte[] SOI = bytes(0xFF, 0xD8);
    private static final byte[] APP0 = segment(0xE0, "JFIF\0\1\1\0\0\1\0\1\0\0".getBytes(StandardCharsets.ISO_8859_1));
    private static final byte[] DQT = segment(0xDB, new byte[65]);
    /** A Huffman table whose first bytes, read as a frame header, would say 257 x 514. */
    private static final byte[] HUFFMAN = segment(DHT, bytes(0, 1, 1, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5));
    private static final byte[] SCAN = concat(segment(0xDA, bytes(1, 1, 0, 0, 0x3F, 0)), bytes(0x12, 0x34, 0xFF, 0x00, 0x56),
            bytes(0xFF, 0xD9));

    private static byte[] jpeg(byte[]... segments) {
        return concat(SOI, concat(segments), SCAN);
    }

    private static ImageHeader read(byte[] bytes) {
        return ImageHeader.read(bytes).orElseThrow();
    }

    @Test
    void aBaselineJpegGivesTheSizeInItsFrameHeader() {
        assertThat(read(jpeg(APP0, DQT, frame(SOF0, 640, 480), HUFFMAN))).isEqualTo(new ImageHeader(Format.JPEG, 640, 480));
    }

    @Test
    void aProgressiveJpegAndEveryOtherStartOfFrameKindGiveTheirSize() {
        assertThat(read(jpeg(APP0, frame(SOF2, 1920, 1080)))).isEqualTo(new ImageHeader(Format.JPEG, 1920, 1080));
        for (int code = 0xC0; code <= 0xCF; code++) {
            if (code == 0xC4 || code == 0xC8 || code == 0xCC) {
                continue; // DHT, JPG, DAC: not frame headers
            }
            assertThat(read(jpeg(frame(code, 33, 17)))).as("SOF %02X", code).isEqualTo(new ImageHeader(Format.JPEG, 33, 17));
        }
    }

    @Test
    void huffmanAndArithmeticTableSegmentsBeforeTheFrameAreNotTakenForIt() {
        byte[] arithmetic = segment(0xCC, bytes(0, 1, 1, 2, 2));
        byte[] jpgExtension = segment(0xC8, bytes(0, 1, 1, 2, 2));
        assertThat(read(jpeg(HUFFMAN, arithmetic, jpgExtension, frame(SOF0, 64, 48)))).isEqualTo(new ImageHeader(Format.JPEG, 64, 48));
    }

    @Test
    void fillBytesBeforeAMarkerAreSwallowedAsLibjpegDoes() {
        byte[] fill = bytes(0xFF, 0xFF, 0xFF);
        assertThat(read(jpeg(fill, APP0, fill, DQT, fill, frame(SOF0, 64, 48)))).isEqualTo(new ImageHeader(Format.JPEG, 64, 48));
    }

    @Test
    void strayBytesBetweenSegmentsAreSkippedToTheNextMarkerAsLibjpegDoes() {
        byte[] stray = bytes(0x00, 0x12, 0xC0, 0x7F);
        byte[] stuffedZero = bytes(0xFF, 0x00); // FF 00 outside a scan is stray data too
        assertThat(read(jpeg(stray, APP0, stray, stuffedZero, DQT, bytes(0x0D, 0x0A), frame(SOF0, 64, 48))))
                .isEqualTo(new ImageHeader(Format.JPEG, 64, 48));
        // stray bytes right after the start-of-image marker
        assertThat(read(jpeg(stray, frame(SOF2, 5, 7)))).isEqualTo(new ImageHeader(Format.JPEG, 5, 7));
    }

    @Test
    void anyStrayBytesWithoutFfBetweenAnySegmentsLeaveTheSizeUnchanged() {
        SplittableRandom random = new SplittableRandom(7);
        byte[][] segments = {APP0, DQT, HUFFMAN, frame(SOF2, 300, 200)};
        for (int run = 0; run < 1000; run++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(SOI);
            for (byte[] segment : segments) {
                int count = random.nextInt(6);
                for (int i = 0; i < count; i++) {
                    out.write(random.nextInt(0xFF)); // 0x00..0xFE
                }
                out.writeBytes(segment);
            }
            out.writeBytes(SCAN);
            assertThat(read(out.toByteArray())).isEqualTo(new ImageHeader(Format.JPEG, 300, 200));
        }
    }

    @Test
    void aJpegCutBeforeTheEndOfItsFrameHeaderIsRefusedAsCutShortAtEveryLength() {
        byte[] whole = jpeg(APP0, DQT, frame(SOF0, 640, 480));
        int frameEnd = SOI.length + APP0.length + DQT.length + 9; // FF C0, length, precision, height, width
        for (int length = 2; length < frameEnd; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> ImageHeader.read(cut)).as("cut to %d bytes", length)
                    .isInstanceOf(ImageHeaderException.class)
                    .hasMessage("the JPEG ends before its frame header: the file was cut short");
        }
        assertThat(read(Arrays.copyOf(whole, frameEnd))).isEqualTo(new ImageHeader(Format.JPEG, 640, 480));
        assertThat(ImageHeader.read(Arrays.copyOf(whole, 1))).isEmpty(); // not even a start-of-image marker
    }

    @Test
    void aSegmentLengthPointingPastTheEndIsCutShort() {
        byte[] lying = concat(SOI, bytes(0xFF, 0xE1, 0xFF, 0xF0, 1, 2, 3));
        assertThatThrownBy(() -> ImageHeader.read(lying)).hasMessageContaining("cut short");
    }

    @Test
    void lyingSizesAreReturnedAsWrittenForTheCallerToJudge() {
        assertThat(read(jpeg(frame(SOF0, 65535, 65535)))).isEqualTo(new ImageHeader(Format.JPEG, 65535, 65535));
        assertThat(read(jpeg(frame(SOF2, 0, 0)))).isEqualTo(new ImageHeader(Format.JPEG, 0, 0));
        assertThat(read(png(0xFFFFFFFF, 0x80000000))).isEqualTo(new ImageHeader(Format.PNG, 4294967295L, 2147483648L));
        assertThat(read(bmp(40, Integer.MIN_VALUE, Integer.MIN_VALUE)))
                .isEqualTo(new ImageHeader(Format.BMP, -2147483648L, 2147483648L));
    }

    @Test
    void aJpegWithoutAFrameHeaderBeforeItsScanOrEndIsRefused() {
        assertThatThrownBy(() -> ImageHeader.read(jpeg(APP0, DQT))).isInstanceOf(ImageHeaderException.class)
                .hasMessage("the JPEG has no frame header before its image data");
        assertThatThrownBy(() -> ImageHeader.read(bytes(0xFF, 0xD8, 0xFF, 0xD9))).isInstanceOf(ImageHeaderException.class)
                .hasMessage("the JPEG has no frame header before its image data");
    }

    @Test
    void aSegmentLengthBelowTwoIsRefused() {
        assertThatThrownBy(() -> ImageHeader.read(jpeg(bytes(0xFF, 0xE0, 0, 1), frame(SOF0, 8, 8))))
                .isInstanceOf(ImageHeaderException.class).hasMessage("the JPEG has a marker segment of length 1");
    }

    @Test
    void randomBytesAfterAStartOfImageMarkerEndInASizeOrAReasonNeverAnotherException() {
        SplittableRandom random = new SplittableRandom(20261127);
        for (int run = 0; run < 5000; run++) {
            byte[] noise = new byte[2 + random.nextInt(200)];
            random.nextBytes(noise);
            noise[0] = (byte) 0xFF;
            noise[1] = (byte) 0xD8;
            try {
                ImageHeader header = read(noise);
                assertThat(header.width()).isBetween(0L, 65535L);
                assertThat(header.height()).isBetween(0L, 65535L);
            } catch (ImageHeaderException expected) {
                assertThat(expected.getMessage()).startsWith("the JPEG ");
            }
        }
    }

    static byte[] png(int width, int height) {
        ByteBuffer out = ByteBuffer.allocate(8 + 25 + 12);
        out.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        out.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put(new byte[] {8, 2, 0, 0, 0}).putInt(0); // CRC not checked here
        out.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0);
        return out.array();
    }

    @Test
    void aPngGivesTheSizeInItsIhdrChunk() {
        assertThat(read(png(1280, 720))).isEqualTo(new ImageHeader(Format.PNG, 1280, 720));
    }

    @Test
    void aPngWithoutItsIhdrChunkFirstOrCutInsideItIsRefused() {
        byte[] whole = png(1280, 720);
        for (int length = 8; length < 24; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> ImageHeader.read(cut)).isInstanceOf(ImageHeaderException.class)
                    .hasMessage("the PNG has no IHDR header chunk: the file was cut short or is damaged");
        }
        byte[] renamed = whole.clone();
        renamed[12] = 'X';
        assertThatThrownBy(() -> ImageHeader.read(renamed)).isInstanceOf(ImageHeaderException.class);
    }

    @Test
    void aPngSignatureDamagedByALineEndingConversionIsNoPng() {
        byte[] converted = png(16, 16);
        converted[4] = '\n'; // "\r\n" became "\n\n"
        assertThat(ImageHeader.formatOf(converted)).isEmpty();
        assertThat(ImageHeader.read(converted)).isEmpty();
    }

    static byte[] bmp(int infoHeaderSize, int width, int height) {
        ByteBuffer out = ByteBuffer.allocate(14 + Math.max(infoHeaderSize, 12)).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 'B').put((byte) 'M').putInt(out.capacity()).putInt(0).putInt(14 + infoHeaderSize);
        out.putInt(infoHeaderSize);
        if (infoHeaderSize == 12) {
            out.putShort((short) width).putShort((short) height);
        } else {
            out.putInt(width).putInt(height);
        }
        return out.array();
    }

    @Test
    void aBmpGivesItsSizeFromEitherInfoHeaderAndANegativeHeightMeansTopRowFirst() {
        assertThat(read(bmp(40, 320, -240))).isEqualTo(new ImageHeader(Format.BMP, 320, 240));
        assertThat(read(bmp(124, 320, 240))).isEqualTo(new ImageHeader(Format.BMP, 320, 240));
        assertThat(read(bmp(12, 65535, 3))).isEqualTo(new ImageHeader(Format.BMP, 65535, 3));
        assertThatThrownBy(() -> ImageHeader.read(Arrays.copyOf(bmp(40, 320, 240), 25))).isInstanceOf(ImageHeaderException.class)
                .hasMessage("the BMP ends inside its header: the file was cut short");
    }

    @Test
    void bytesOfNoImageFormatReadHereGiveNothingAndAreNotCutShort() {
        for (byte[] other : new byte[][] {new byte[0], bytes(0xFF), "GIF89a......".getBytes(StandardCharsets.US_ASCII),
                new byte[64], "{\"images\": []}".getBytes(StandardCharsets.US_ASCII), bytes(0x49, 0x49, 0x2A, 0)}) {
            assertThat(ImageHeader.formatOf(other)).isEmpty();
            assertThat(ImageHeader.read(other)).isEmpty();
            assertThat(ImageHeader.cutShort(other)).isEmpty();
        }
    }

    @Test
    void aPngWithoutIendAndAJpegWithoutAnEndMarkerAfterItsScanAreCutShort() {
        byte[] png = png(4, 4);
        assertThat(ImageHeader.cutShort(png)).isEmpty();
        assertThat(ImageHeader.cutShort(Arrays.copyOf(png, png.length - 8)))
                .contains("the PNG has no IEND chunk: the file was cut short");
        byte[] jpeg = jpeg(frame(SOF0, 4, 4));
        assertThat(ImageHeader.cutShort(jpeg)).isEmpty();
        assertThat(ImageHeader.cutShort(concat(jpeg, "motion photo video".getBytes(StandardCharsets.US_ASCII)))).isEmpty();
        assertThat(ImageHeader.cutShort(Arrays.copyOf(jpeg, jpeg.length - 2)))
                .contains("the JPEG has no end-of-image marker after its image data: the file was cut short");
        // an end marker before the scan (a thumbnail's) does not count
        assertThat(ImageHeader.cutShort(concat(SOI, bytes(0xFF, 0xD9), frame(SOF0, 4, 4), segment(0xDA, bytes(1, 1, 0, 0, 0x3F, 0)))))
                .isPresent();
        assertThat(ImageHeader.cutShort(bmp(40, 4, 4))).isEmpty(); // not checked for BMP
    }
}
