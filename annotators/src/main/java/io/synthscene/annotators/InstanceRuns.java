package io.synthscene.annotators;

/**
 * The runs of one instance collected during {@link InstanceAnnotator}'s single column-major sweep:
 * its pixel count, bounding box and COCO RLE counts grow run by run. Positions are column-major,
 * {@code position = x * imageHeight + y}. Lives for one {@code annotate} call; not shared.
 */
final class InstanceRuns {
    private final int imageHeight;
    private final RunLengths counts = new RunLengths();
    private int endOfLastRun; // column-major position just after the previous run, 0 before the first
    private long area;
    private int minX = Integer.MAX_VALUE;
    private int minY = Integer.MAX_VALUE;
    private int maxX = -1;
    private int maxY = -1;

    InstanceRuns(int imageHeight) {
        this.imageHeight = imageHeight;
    }

    /** Adds the run {@code [start, end)}; runs arrive in increasing order and never touch. */
    void addRun(int start, int end) {
        counts.add(start - endOfLastRun); // background before it; 0 only for a run at position 0
        counts.add(end - start);
        endOfLastRun = end;
        area += end - start;

        int firstX = start / imageHeight;
        int lastX = (end - 1) / imageHeight;
        minX = Math.min(minX, firstX);
        maxX = Math.max(maxX, lastX);
        if (firstX == lastX) {
            minY = Math.min(minY, start % imageHeight);
            maxY = Math.max(maxY, (end - 1) % imageHeight);
        } else {
            // A run that wraps into the next column covers the bottom row of its first column and
            // the top row of its last one.
            minY = 0;
            maxY = imageHeight - 1;
        }
    }

    boolean isEmpty() {
        return area == 0;
    }

    InstanceAnnotation toAnnotation(int instanceId, int categoryId, int imageWidth) {
        int pixels = imageWidth * imageHeight;
        if (endOfLastRun < pixels) {
            counts.add(pixels - endOfLastRun); // trailing background, absent when the mask reaches the last pixel
        }
        CocoRle rle = CocoRle.fromCounts(imageHeight, imageWidth, counts.toArray());
        return new InstanceAnnotation(instanceId, categoryId, minX, minY, maxX - minX + 1, maxY - minY + 1,
                area, rle, area);
    }
}
