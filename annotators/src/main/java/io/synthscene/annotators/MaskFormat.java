package io.synthscene.annotators;

/** How COCO {@code segmentation} is written. */
public enum MaskFormat {
    /** Compressed RLE over the whole image: exact. The default. */
    RLE,
    /** Polygons traced from the mask by {@link PolygonTracer}: lossy, for tools that read only polygons. */
    POLYGON
}
