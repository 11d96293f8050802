package io.synthscene.cli;

import io.synthscene.annotators.export.CocoPanopticExporter;
import io.synthscene.annotators.export.DatasetExporter;
import io.synthscene.annotators.export.KittiExporter;
import io.synthscene.annotators.export.YoloExporter;
import io.synthscene.scenes.frame.Category;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The label formats {@code render --format} and {@code export --format} write. */
enum ExportFormat {
    COCO("coco"),
    COCO_PANOPTIC("coco-panoptic"),
    YOLO("yolo"),
    YOLO_SEG("yolo-seg"),
    KITTI("kitti");

    private final String cliName;

    ExportFormat(String cliName) {
        this.cliName = cliName;
    }

    String cliName() {
        return cliName;
    }

    static ExportFormat parse(String value) {
        for (ExportFormat format : values()) {
            if (format.cliName.equals(value.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new UserInputException("--format " + value + " is not one of coco, coco-panoptic, yolo, yolo-seg, kitti");
    }

    /** YOLO detection and segmentation both use labels/: one folder holds one of them. */
    static void requireCompatible(List<ExportFormat> formats) {
        if (formats.contains(YOLO) && formats.contains(YOLO_SEG)) {
            throw new UserInputException("--format yolo and yolo-seg both write labels/: write one here and the other"
                    + " with 'synthscene export --format ... --out OTHER_DIR'");
        }
    }

    /** The exporter of this format into {@code root}; null for COCO, which the render writes itself. */
    DatasetExporter exporter(Path root, List<Category> categories) {
        return switch (this) {
            case COCO -> null;
            case COCO_PANOPTIC -> new CocoPanopticExporter(root, categories);
            case YOLO -> new YoloExporter(root, YoloExporter.Kind.DETECTION, categories);
            case YOLO_SEG -> new YoloExporter(root, YoloExporter.Kind.SEGMENTATION, categories);
            case KITTI -> new KittiExporter(root, categories);
        };
    }
}
