package io.synthscene.annotators;

/**
 * One broken invariant of a dataset, found by {@link CocoConsistency} or {@link DatasetValidator}.
 *
 * @param rule         a short stable name, e.g. {@code bbox-not-tight} (listed in the README)
 * @param imageId      the image concerned, or null
 * @param annotationId the annotation concerned, or null
 * @param path         JSON Pointer of the element in the COCO file (e.g. {@code /annotations/7}),
 *                     or a file path relative to the dataset, or empty
 */
public record Violation(String rule, Long imageId, Long annotationId, String path, String message) {

    /** One line: {@code image 3 annotation 131074: bbox-not-tight: ... (at /annotations/20)}. */
    @Override
    public String toString() {
        StringBuilder line = new StringBuilder();
        if (imageId != null) {
            line.append("image ").append(imageId);
        }
        if (annotationId != null) {
            line.append(line.isEmpty() ? "" : " ").append("annotation ").append(annotationId);
        }
        line.append(line.isEmpty() ? "" : ": ").append(rule).append(": ").append(message);
        if (!path.isEmpty()) {
            line.append(" (at ").append(path).append(')');
        }
        return line.toString();
    }
}
