package io.synthscene.cli;

import java.util.List;

/** Sorted frame indices in few words for messages: {@code 3, 7..12, 40}. */
final class FrameRanges {
    private FrameRanges() {
    }

    static String describe(List<Integer> sortedFrames) {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < sortedFrames.size()) {
            int start = sortedFrames.get(i);
            int end = start;
            while (i + 1 < sortedFrames.size() && sortedFrames.get(i + 1) == end + 1) {
                end = sortedFrames.get(++i);
            }
            text.append(text.length() == 0 ? "" : ", ").append(start == end ? String.valueOf(start) : start + ".." + end);
            i++;
        }
        return text.toString();
    }
}
