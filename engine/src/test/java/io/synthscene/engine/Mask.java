package io.synthscene.engine;

import io.synthscene.scenes.frame.RenderedFrame;

/** The pixels of one instance id in a rendered id pass: count and inclusive bounding box. */
record Mask(int count, int[] bbox) {

    static Mask of(RenderedFrame rendered, int instanceId) {
        int count = 0;
        int[] bbox = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int y = 0; y < rendered.height(); y++) {
            for (int x = 0; x < rendered.width(); x++) {
                if (rendered.instanceIdAt(x, y) == instanceId) {
                    count++;
                    bbox[0] = Math.min(bbox[0], x);
                    bbox[1] = Math.min(bbox[1], y);
                    bbox[2] = Math.max(bbox[2], x);
                    bbox[3] = Math.max(bbox[3], y);
                }
            }
        }
        return new Mask(count, bbox);
    }

    int bboxArea() {
        return areaOf(bbox);
    }

    /** Pixels in an inclusive {xmin, ymin, xmax, ymax} rectangle. */
    static int areaOf(int[] rect) {
        return (rect[2] - rect[0] + 1) * (rect[3] - rect[1] + 1);
    }
}
