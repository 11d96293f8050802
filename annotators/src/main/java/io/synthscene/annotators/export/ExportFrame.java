package io.synthscene.annotators.export;

import io.synthscene.annotators.InstanceAnnotation;
import io.synthscene.scenes.frame.Frame;
import java.util.List;

/**
 * What an exporter gets for one frame: the resolved frame (camera, objects), the name of its
 * colour image under {@code images/}, and its annotation records — the same records the COCO
 * writer gets, never a parsed COCO file.
 */
public record ExportFrame(Frame frame, String imageFileName, List<InstanceAnnotation> annotations) {

    public int width() {
        return frame.width();
    }

    public int height() {
        return frame.height();
    }

    /** The image's file name without its extension, e.g. {@code 000042}. */
    public String stem() {
        int dot = imageFileName.lastIndexOf('.');
        return dot < 0 ? imageFileName : imageFileName.substring(0, dot);
    }
}
