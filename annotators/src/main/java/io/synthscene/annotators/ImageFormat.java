package io.synthscene.annotators;

/** File format of the colour images of a dataset. */
public enum ImageFormat {
    /** Lossless; compressed at level 1 (fast). */
    PNG(".png"),
    /** Lossy; quality chosen by the caller. */
    JPG(".jpg");

    private final String extension;

    ImageFormat(String extension) {
        this.extension = extension;
    }

    /** File name extension with the dot, which is also what OpenCV's imencode expects. */
    public String extension() {
        return extension;
    }
}
