package io.synthscene.annotators;

/**
 * One entry of a COCO file's {@code annotations}, as read by {@link CocoReader}: the standard
 * keys, and the two of synthscene's own block that tools use. Immutable; arrays are not copied
 * (the reader made them, nobody else holds them).
 *
 * @param bbox         {@code [x, y, width, height]} in pixels, or null when absent
 * @param area         null when absent
 * @param segmentation null when absent
 * @param crowd        {@code iscrowd == 1} (absent means 0)
 * @param instanceId   {@code synthscene.instance_id}: the annotation's id in
 *                     {@code masks/instance/NNNNNN.png}; null when absent
 * @param visibility   {@code synthscene.visibility}, 0..1; null when absent
 * @param ignoreReason {@code synthscene.ignore_reason}: why a crowd entry is an ignore region
 *                     (see {@link IgnoreRegions}); null when absent
 * @param path         JSON Pointer of the entry in its file, e.g. {@code /annotations/12}
 */
public record CocoAnnotation(long id, long imageId, long categoryId, double[] bbox, Double area,
                             CocoSegmentation segmentation, boolean crowd, Integer instanceId, Double visibility,
                             String ignoreReason, String path) {

    /** An annotation without an ignore reason. */
    public CocoAnnotation(long id, long imageId, long categoryId, double[] bbox, Double area,
                          CocoSegmentation segmentation, boolean crowd, Integer instanceId, Double visibility,
                          String path) {
        this(id, imageId, categoryId, bbox, area, segmentation, crowd, instanceId, visibility, null, path);
    }
}
