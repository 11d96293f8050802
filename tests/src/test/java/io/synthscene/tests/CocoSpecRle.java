package io.synthscene.tests;

import java.util.ArrayList;
import java.util.List;

/**
 * A decoder for COCO's compressed RLE written from the format's description, independent of the
 * one in the annotators module, so that the end-to-end tests do not check the encoder with itself.
 *
 * <p>Format: run lengths over the mask in column-major order (down the first column, then the
 * next), alternating background/foreground and starting with background. Each count is written as
 * a signed variable-length integer in 5-bit groups, low group first, each group + 48 as an ASCII
 * character, 0x20 set on every group but the last; the sign is bit 0x10 of the last group. From
 * the fourth count on (index 3, as in pycocotools' rleFrString), what is stored is the difference
 * to the count two places before.
 */
final class CocoSpecRle {
    private CocoSpecRle() {
    }

    static long[] counts(String text) {
        List<Long> counts = new ArrayList<>();
        int p = 0;
        while (p < text.length()) {
            long value = 0;
            int shift = 0;
            boolean more = true;
            int group = 0;
            while (more) {
                group = text.charAt(p++) - 48;
                value |= (long) (group & 0x1f) << shift;
                more = (group & 0x20) != 0;
                shift += 5;
            }
            if ((group & 0x10) != 0) {
                value |= -1L << shift;
            }
            if (counts.size() > 2) {
                value += counts.get(counts.size() - 2);
            }
            counts.add(value);
        }
        return counts.stream().mapToLong(Long::longValue).toArray();
    }

    /** The mask, row-major (index y * width + x), from a counts string and its size. */
    static boolean[] decode(String text, int height, int width) {
        boolean[] mask = new boolean[height * width];
        long position = 0;
        boolean foreground = false;
        for (long run : counts(text)) {
            for (long i = 0; i < run; i++, position++) {
                if (foreground) {
                    int column = (int) (position / height);
                    int row = (int) (position % height);
                    mask[row * width + column] = true;
                }
            }
            foreground = !foreground;
        }
        if (position != (long) height * width) {
            throw new IllegalArgumentException("counts sum to " + position + ", not " + (long) height * width);
        }
        return mask;
    }
}
