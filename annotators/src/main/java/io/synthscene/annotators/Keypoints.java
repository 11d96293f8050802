package io.synthscene.annotators;

import java.util.List;

/**
 * An instance's 2-D keypoints in COCO's form: for each name, x and y in pixels (COCO's continuous
 * coordinates: origin at the top-left corner of the top-left pixel) and a visibility flag v —
 * 0 not labelled (outside the image or behind the camera; x = y = 0), 1 labelled but hidden (the
 * pixel shows something else), 2 visible (the pixel shows this instance).
 *
 * @param xyv x, y, v per name, in the order of {@code names}
 */
public record Keypoints(List<String> names, double[] xyv) {

    public Keypoints {
        names = List.copyOf(names);
        if (xyv.length != names.size() * 3) {
            throw new IllegalArgumentException(names.size() + " keypoints need " + names.size() * 3 + " values, got " + xyv.length);
        }
        xyv = xyv.clone();
    }

    @Override
    public double[] xyv() {
        return xyv.clone();
    }

    /** COCO's {@code num_keypoints}: how many are labelled (v > 0). */
    public int labelled() {
        int count = 0;
        for (int i = 2; i < xyv.length; i += 3) {
            count += xyv[i] > 0 ? 1 : 0;
        }
        return count;
    }
}
