package io.synthscene.annotators;

import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * A binary mask in COCO's compressed run-length encoding, exactly as pycocotools writes it
 * ({@code maskUtils.encode}, then {@code rleToString}).
 *
 * <p>Conventions, all COCO's: the mask is read in column-major (Fortran) order, i.e. down the
 * first column, then down the second, ... ({@code position = x * height + y}); the runs alternate
 * background, foreground, background, ..., starting with background, so the first count is 0 when
 * pixel (0, 0) is in the mask; the counts sum to {@code height * width}; {@code size} is
 * {@code [height, width]}. Masks given to or returned by this class as arrays are row-major, top
 * row first, like {@code RenderedFrame}: pixel (x, y) at {@code y * width + x}.
 *
 * <p>Only the compressed counts string is kept, because it is several times smaller than the
 * counts array and annotations of a whole batch are held until the COCO file is written.
 * Immutable; created by {@link InstanceAnnotator} or the factories here.
 */
public final class CocoRle {
    /** Characters of the counts string are 48 + a 6-bit group: '0' (48) .. 'o' (111). */
    private static final int CHAR_OFFSET = 48;
    private static final int PAYLOAD_BITS = 5;
    private static final int PAYLOAD_MASK = 0x1f;
    private static final int CONTINUATION_BIT = 0x20;
    private static final int SIGN_BIT = 0x10;

    private final int height;
    private final int width;
    private final String counts;
    private final long area;

    private CocoRle(int height, int width, String counts, long area) {
        this.height = height;
        this.width = width;
        this.counts = counts;
        this.area = area;
    }

    /** From uncompressed counts (background run first); they must sum to {@code height * width}. */
    public static CocoRle fromCounts(int height, int width, int[] counts) {
        long area = checkedArea(height, width, counts);
        return new CocoRle(height, width, encodeCounts(counts), area);
    }

    /** From a compressed counts string as found in a COCO file's {@code segmentation.counts}. */
    public static CocoRle fromCountsString(int height, int width, String counts) {
        Objects.requireNonNull(counts, "counts");
        long area = checkedArea(height, width, decodeCounts(counts));
        return new CocoRle(height, width, counts, area);
    }

    /** From a row-major mask ({@code mask[y * width + x]}). */
    public static CocoRle fromMask(boolean[] mask, int width, int height) {
        requireLength(mask.length, width, height);
        return fromRowMajor(width, height, i -> mask[i]);
    }

    /** The pixels of a row-major id image whose id passes {@code inMask}, e.g. {@code id -> id == 7}. */
    public static CocoRle fromIdImage(int[] ids, int width, int height, IntPredicate inMask) {
        requireLength(ids.length, width, height);
        return fromRowMajor(width, height, i -> inMask.test(ids[i]));
    }

    /** Reads pixels in column-major order and starts a new run at every change (pycocotools' rleEncode). */
    private static CocoRle fromRowMajor(int width, int height, IntPredicate pixelAtRowMajorIndex) {
        RunLengths runs = new RunLengths();
        boolean previous = false; // the first run is background by definition
        int runLength = 0;
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                boolean inside = pixelAtRowMajorIndex.test(y * width + x);
                if (inside != previous) {
                    runs.add(runLength);
                    runLength = 0;
                    previous = inside;
                }
                runLength++;
            }
        }
        runs.add(runLength);
        return fromCounts(height, width, runs.toArray());
    }

    /** The mask, row-major ({@code mask[y * width + x]}). */
    public boolean[] toMask() {
        boolean[] mask = new boolean[Math.multiplyExact(width, height)];
        int[] runs = counts();
        int position = 0; // column-major: x = position / height, y = position % height
        for (int i = 0; i < runs.length; i++) {
            boolean inside = (i % 2) == 1;
            for (int end = position + runs[i]; position < end; position++) {
                if (inside) {
                    mask[(position % height) * width + position / height] = true;
                }
            }
        }
        return mask;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** COCO's {@code size}: {@code [height, width]}. */
    public int[] size() {
        return new int[] {height, width};
    }

    /** The compressed counts string, COCO's {@code segmentation.counts}. */
    public String countsString() {
        return counts;
    }

    /** The uncompressed runs, background first. */
    public int[] counts() {
        return decodeCounts(counts);
    }

    /** Number of pixels in the mask (sum of the foreground runs). */
    public long area() {
        return area;
    }

    /**
     * Compresses counts into pycocotools' string form ({@code rleToString} in maskApi.c).
     *
     * <p>Algorithm: each count {@code c[i]} is first replaced, for {@code i > 2}, by the difference
     * {@code c[i] - c[i - 2]} (a run resembles the previous run of the same kind, so the delta is
     * small; note pycocotools' condition is {@code i > 2}, not {@code i >= 2}, so {@code c[2]} is
     * stored as is). The value, possibly negative, is then written as little-endian groups of 5
     * bits, like signed LEB128 with 5-bit instead of 7-bit groups: after taking the low 5 bits and
     * shifting the value arithmetically right by 5, more groups follow unless the rest is all sign
     * (0 when the group's bit 4 is clear, -1 when it is set), so bit 4 of the last group is the
     * sign. Each group gets the continuation flag 0x20 when more follow, and 48 is added to make
     * it a printable character in '0'..'o'.
     */
    public static String encodeCounts(int[] counts) {
        StringBuilder out = new StringBuilder(counts.length * 2);
        for (int i = 0; i < counts.length; i++) {
            long value = counts[i];
            if (i > 2) {
                value -= counts[i - 2];
            }
            boolean more = true;
            while (more) {
                int group = (int) (value & PAYLOAD_MASK);
                value >>= PAYLOAD_BITS;
                more = (group & SIGN_BIT) != 0 ? value != -1 : value != 0;
                if (more) {
                    group |= CONTINUATION_BIT;
                }
                out.append((char) (group + CHAR_OFFSET));
            }
        }
        return out.toString();
    }

    /**
     * Expands pycocotools' counts string ({@code rleFrString} in maskApi.c): the inverse of
     * {@link #encodeCounts}. Collects 5-bit groups, low first, until a group without the
     * continuation flag 0x20; if that last group has bit 0x10 set the value is negative and is
     * sign-extended; for {@code i > 2} the count is that value plus {@code c[i - 2]}.
     *
     * @throws IllegalArgumentException on a character outside '0'..'o', a truncated value or a
     *                                  negative or oversized count
     */
    public static int[] decodeCounts(String counts) {
        int[] decoded = new int[counts.length()];
        int n = 0;
        int p = 0;
        while (p < counts.length()) {
            long value = 0;
            int shift = 0;
            boolean more = true;
            while (more) {
                if (p >= counts.length()) {
                    throw new IllegalArgumentException("RLE counts string ends inside a value: " + abbreviate(counts));
                }
                int group = counts.charAt(p) - CHAR_OFFSET;
                if (group < 0 || group > 0x3f) {
                    throw new IllegalArgumentException("RLE counts string has character '" + counts.charAt(p)
                            + "' at " + p + ", outside '0'..'o'");
                }
                if (shift > 40) {
                    throw new IllegalArgumentException("RLE counts string has a value longer than 9 characters at " + p);
                }
                value |= (long) (group & PAYLOAD_MASK) << shift;
                more = (group & CONTINUATION_BIT) != 0;
                p++;
                shift += PAYLOAD_BITS;
                if (!more && (group & SIGN_BIT) != 0) {
                    value |= -1L << shift;
                }
            }
            if (n > 2) {
                value += decoded[n - 2];
            }
            if (value < 0 || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("RLE count " + n + " decodes to " + value + ", outside 0.." + Integer.MAX_VALUE);
            }
            decoded[n++] = (int) value;
        }
        return java.util.Arrays.copyOf(decoded, n);
    }

    private static long checkedArea(int height, int width, int[] counts) {
        if (height < 0 || width < 0) {
            throw new IllegalArgumentException("mask size " + height + "x" + width + " must not be negative");
        }
        long sum = 0;
        long area = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("RLE count " + i + " is negative: " + counts[i]);
            }
            sum += counts[i];
            if (i % 2 == 1) {
                area += counts[i];
            }
        }
        if (sum != (long) height * width) {
            throw new IllegalArgumentException("RLE counts sum to " + sum + ", expected height * width = "
                    + height + " * " + width + " = " + (long) height * width);
        }
        return area;
    }

    private static void requireLength(int length, int width, int height) {
        if (width < 0 || height < 0 || length != (long) width * height) {
            throw new IllegalArgumentException("mask has " + length + " pixels, expected " + width + " * " + height);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CocoRle o && height == o.height && width == o.width && counts.equals(o.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(height, width, counts);
    }

    @Override
    public String toString() {
        return "CocoRle[size=[" + height + ", " + width + "], area=" + area + ", counts=" + abbreviate(counts) + "]";
    }
}
