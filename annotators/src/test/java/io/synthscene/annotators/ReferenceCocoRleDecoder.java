package io.synthscene.annotators;

import java.util.ArrayList;
import java.util.List;

/**
 * A second, independent reading of the COCO compressed RLE, written from the format's description
 * rather than from {@link CocoRle}, to check it against:
 *
 * <ol>
 * <li>Every character stands for the 6-bit number {@code ch - '0'}. Its low 5 bits are payload,
 *     bit 5 (32) says "another character of this value follows". Payloads are little-endian, so
 *     a value of k characters is {@code sum(payload_j * 32^j)}, read as a two's-complement number
 *     of 5k bits: if bit 4 (16) of the last character is set, subtract {@code 32^k}.</li>
 * <li>Values 0, 1 and 2 are counts; from the fourth value on, value i is the difference to
 *     count i - 2.</li>
 * <li>Counts are run lengths over the pixels in column-major order, starting with a run of
 *     background, then alternating.</li>
 * </ol>
 */
final class ReferenceCocoRleDecoder {

    private ReferenceCocoRleDecoder() {
    }

    static List<Long> counts(String encoded) {
        List<Long> signedValues = new ArrayList<>();
        long value = 0;
        long weight = 1; // 32^j for the j-th character of the current value
        for (char ch : encoded.toCharArray()) {
            int sixBits = ch - '0';
            value += (sixBits % 32) * weight;
            weight *= 32;
            boolean last = sixBits < 32;
            if (last) {
                boolean negative = (sixBits % 32) >= 16;
                signedValues.add(negative ? value - weight : value);
                value = 0;
                weight = 1;
            }
        }
        if (weight != 1) {
            throw new AssertionError("string ends in the middle of a value: " + encoded);
        }
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < signedValues.size(); i++) {
            counts.add(i >= 3 ? counts.get(i - 2) + signedValues.get(i) : signedValues.get(i));
        }
        return counts;
    }

    /** The mask, row-major ({@code mask[y * width + x]}). */
    static boolean[] mask(String encoded, int height, int width) {
        List<Long> counts = counts(encoded);
        boolean[][] columns = new boolean[width][height];
        long pixel = 0;
        boolean foreground = false;
        for (long run : counts) {
            for (long k = 0; k < run; k++, pixel++) {
                columns[(int) (pixel / height)][(int) (pixel % height)] = foreground;
            }
            foreground = !foreground;
        }
        if (pixel != (long) height * width) {
            throw new AssertionError("counts cover " + pixel + " pixels, image has " + (long) height * width);
        }
        boolean[] mask = new boolean[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                mask[y * width + x] = columns[x][y];
            }
        }
        return mask;
    }
}
