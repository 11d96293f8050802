package io.synthscene.annotators;

/**
 * COCO's {@code info} block. {@code dateCreated} is written only as given (ISO-8601), never read
 * from a clock here, so the same inputs give the same file; null writes {@code null}.
 */
public record CocoInfo(String description, String version, String dateCreated) {

    public static CocoInfo synthscene() {
        return new CocoInfo("synthscene: rendered synthetic images with exact instance masks", "1.0", null);
    }

    public CocoInfo {
        java.util.Objects.requireNonNull(description, "description");
        java.util.Objects.requireNonNull(version, "version");
    }
}
