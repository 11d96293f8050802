package io.synthscene.annotators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CocoRleTest {

    /** Parses rows of '#' (in the mask) and '.' into a row-major mask. */
    static boolean[] painted(String... rows) {
        int width = rows[0].length();
        boolean[] mask = new boolean[rows.length * width];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < width; x++) {
                mask[y * width + x] = rows[y].charAt(x) == '#';
            }
        }
        return mask;
    }

    /*
     * 3x3 mask:      column-major read (down column 0, then 1, then 2):
     *   . # .          col 0: . . .   col 1: # # .   col 2: . # .
     *   . # #        -> 0 0 0 1 1 0 0 1 0
     *   . . .        runs: 3 background, 2 in, 2 background, 1 in, 1 background -> [3, 2, 2, 1, 1]
     * Encoding: counts 0..2 as is: 3 -> '3' (3 + 48), 2 -> '2', 2 -> '2'.
     *   i = 3: 1 - counts[1] = 1 - 2 = -1: low 5 bits 31 (0b11111), rest after >> 5 is -1 and bit 4
     *          of 31 is set, so it is the last group: 31 + 48 = 79 = 'O'.
     *   i = 4: 1 - counts[2] = -1 -> 'O'.
     */
    @Test
    void threeByThreeMaskEncodesToHandComputedString() {
        CocoRle rle = CocoRle.fromMask(painted(".#.", ".##", "..."), 3, 3);

        assertThat(rle.counts()).containsExactly(3, 2, 2, 1, 1);
        assertThat(rle.countsString()).isEqualTo("322OO");
        assertThat(rle.area()).isEqualTo(3);
    }

    /*
     * 10x10 mask with only pixel (x 5, y 5): column-major position 5 * 10 + 5 = 55 -> [55, 1, 44].
     *   55 = 0b1_10111: low 5 bits 23 (0b10111); rest 1. Bit 4 of 23 is set, so a reader would take
     *        it as negative: another group must follow -> 23 | 32 = 55, + 48 = 103 = 'g'; then 1 -> '1'.
     *    1 -> '1'.
     *   44 = 0b1_01100 (i = 2, no delta): low bits 12, rest 1 != 0 -> 12 | 32 = 44, + 48 = 92 = '\';
     *        then 1 -> '1'.
     */
    @Test
    void singlePixelInTenByTenEncodesToHandComputedString() {
        boolean[] mask = new boolean[100];
        mask[5 * 10 + 5] = true;

        CocoRle rle = CocoRle.fromMask(mask, 10, 10);

        assertThat(rle.counts()).containsExactly(55, 1, 44);
        assertThat(rle.countsString()).isEqualTo("g11\\1");
    }

    /*
     * A 1-pixel-wide column 70 tall: rows 0..49 in, 50..59 out, 60..69 in -> [0, 50, 10, 10].
     *   0 -> '0'.
     *   50 = 0b1_10010: low 18 has bit 4 set, rest 1 -> (18 | 32) + 48 = 98 = 'b', then '1'.
     *   10 -> ':' (58).
     *   i = 3: 10 - 50 = -40 = ...1_1101_1000: low 5 bits 24 (0b11000), rest -40 >> 5 = -2, not -1,
     *          so more follow: (24 | 32) + 48 = 104 = 'h'; then -2: low bits 30, rest -1 and bit 4
     *          of 30 set, last: 30 + 48 = 78 = 'N'.
     */
    @Test
    void negativeMultiCharacterDeltaEncodesToHandComputedString() {
        boolean[] mask = new boolean[70];
        Arrays.fill(mask, 0, 50, true);
        Arrays.fill(mask, 60, 70, true);

        CocoRle rle = CocoRle.fromMask(mask, 1, 70);

        assertThat(rle.counts()).containsExactly(0, 50, 10, 10);
        assertThat(rle.countsString()).isEqualTo("0b1:hN");
    }

    @Test
    void fullMaskStartsWithAnEmptyBackgroundRun() {
        CocoRle rle = CocoRle.fromMask(painted("##", "##"), 2, 2);

        assertThat(rle.counts()).containsExactly(0, 4);
        assertThat(rle.countsString()).isEqualTo("04");
    }

    @Test
    void emptyMaskIsOneBackgroundRun() {
        CocoRle rle = CocoRle.fromMask(new boolean[6], 3, 2);

        assertThat(rle.counts()).containsExactly(6);
        assertThat(rle.countsString()).isEqualTo("6");
        assertThat(rle.area()).isZero();
        assertThat(rle.size()).containsExactly(2, 3);
    }

    @Test
    void sizeIsHeightThenWidth() {
        CocoRle rle = CocoRle.fromMask(new boolean[12], 4, 3);

        assertThat(rle.size()).containsExactly(3, 4);
        assertThat(rle.height()).isEqualTo(3);
        assertThat(rle.width()).isEqualTo(4);
    }

    @Test
    void emptyFullAndSinglePixelMasksRoundTrip() {
        int width = 7;
        int height = 5;
        boolean[] full = new boolean[width * height];
        Arrays.fill(full, true);
        boolean[] firstPixel = new boolean[width * height];
        firstPixel[0] = true;
        boolean[] lastPixel = new boolean[width * height];
        lastPixel[width * height - 1] = true;

        for (boolean[] mask : new boolean[][] {new boolean[width * height], full, firstPixel, lastPixel}) {
            assertRoundTrips(mask, width, height);
        }
    }

    @Test
    void horizontalAndVerticalStripesRoundTrip() {
        int width = 33;
        int height = 17;
        boolean[] rows = new boolean[width * height];
        boolean[] columns = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                rows[y * width + x] = y % 2 == 0;
                columns[y * width + x] = x % 3 == 1;
            }
        }

        assertRoundTrips(rows, width, height);
        assertRoundTrips(columns, width, height);
    }

    @Test
    void randomNoiseMasksRoundTrip() {
        SplittableRandom random = new SplittableRandom(20240611L);
        for (int trial = 0; trial < 200; trial++) {
            int width = 1 + random.nextInt(40);
            int height = 1 + random.nextInt(40);
            double density = random.nextDouble();
            boolean[] mask = new boolean[width * height];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = random.nextDouble() < density;
            }
            assertRoundTrips(mask, width, height);
        }
    }

    @Test
    void runsLongerThanTwoToTheTwentyRoundTrip() {
        int width = 1500;
        int height = 1200; // 1.8 M pixels
        boolean[] mask = new boolean[width * height];
        // Columns 0..899 are out (a 1.08 M background run), 900..1499 in except one pixel.
        for (int y = 0; y < height; y++) {
            for (int x = 900; x < width; x++) {
                mask[y * width + x] = true;
            }
        }
        mask[600 * width + 1200] = false;

        CocoRle rle = CocoRle.fromMask(mask, width, height);

        assertThat(rle.counts()).containsExactly(1_080_000, 360_600, 1, 359_399);
        assertThat(rle.counts()[0]).isGreaterThan(1 << 20);
        assertRoundTrips(mask, width, height);
    }

    @Test
    void hugeCountsAndDeltasSurviveEncodeAndDecode() {
        int[] counts = {0, Integer.MAX_VALUE, 3, 1, Integer.MAX_VALUE - 5, 1 << 20, 17};

        assertThat(CocoRle.decodeCounts(CocoRle.encodeCounts(counts))).containsExactly(counts);
        assertThat(ReferenceCocoRleDecoder.counts(CocoRle.encodeCounts(counts)))
                .containsExactly(Arrays.stream(counts).asLongStream().boxed().toArray(Long[]::new));
    }

    @Test
    void fromIdImageSelectsThePixelsOfOneId() {
        int[] ids = {0, 7, 7, 3, 0, 7};

        CocoRle rle = CocoRle.fromIdImage(ids, 3, 2, id -> id == 7);

        assertThat(rle.toMask()).containsExactly(false, true, true, false, false, true);
    }

    @Test
    void countsStringFromAFileIsCheckedAgainstTheSize() {
        assertThat(CocoRle.fromCountsString(3, 3, "322OO").area()).isEqualTo(3);
        assertThatThrownBy(() -> CocoRle.fromCountsString(3, 4, "322OO"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum to 9");
    }

    @Test
    void malformedCountsStringsAreRejected() {
        assertThatThrownBy(() -> CocoRle.decodeCounts("3 2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside '0'..'o'");
        assertThatThrownBy(() -> CocoRle.decodeCounts("3g"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends inside a value");
        assertThatThrownBy(() -> CocoRle.decodeCounts("O"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decodes to -1");
    }

    private static void assertRoundTrips(boolean[] mask, int width, int height) {
        CocoRle rle = CocoRle.fromMask(mask, width, height);
        int[] counts = rle.counts();

        assertThat(Arrays.stream(counts).asLongStream().sum()).isEqualTo((long) width * height);
        assertThat(Arrays.stream(counts).min().orElse(0)).isNotNegative();
        assertThat(rle.toMask()).isEqualTo(mask);
        assertThat(ReferenceCocoRleDecoder.mask(rle.countsString(), height, width)).isEqualTo(mask);
        assertThat(CocoRle.fromCountsString(height, width, rle.countsString())).isEqualTo(rle);
        long pixelsInMask = 0;
        for (boolean inside : mask) {
            pixelsInMask += inside ? 1 : 0;
        }
        assertThat(rle.area()).isEqualTo(pixelsInMask);
    }
}
