package io.synthscene.annotators;

import java.util.Arrays;

/** A growable list of run lengths, without boxing. Used while encoding one mask; not shared. */
final class RunLengths {
    private int[] values = new int[8];
    private int size;

    void add(int runLength) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = runLength;
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
