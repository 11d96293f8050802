package io.synthscene.cli;

import io.synthscene.annotators.AnnotatedFrame;
import io.synthscene.annotators.Box3dAnnotator;
import io.synthscene.annotators.IgnoreRegions;
import io.synthscene.annotators.ImageCamera;
import io.synthscene.annotators.ImageEncoder;
import io.synthscene.annotators.ImageFormat;
import io.synthscene.annotators.InstanceAnnotation;
import io.synthscene.annotators.InstanceAnnotator;
import io.synthscene.annotators.KeypointAnnotator;
import io.synthscene.annotators.Occlusion;
import io.synthscene.annotators.OcclusionRecords;
import io.synthscene.annotators.OcclusionStats;
import io.synthscene.scenes.FrameJson;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.RigView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back what a frame already on disk contributes to the COCO file, for {@code --resume} and
 * {@code merge}: the annotations are derived again, by the same {@link InstanceAnnotator}, from
 * the frame's 16-bit instance mask and its frame JSON (which names each instance's category).
 *
 * <p>Why derive again rather than read a COCO file: an interrupted run has no COCO file yet (it is
 * written at the end), and the mask is lossless, so {@code annotate(frame JSON, mask)} gives
 * exactly the annotations the run computed from the rendered id pass, hence a byte-identical
 * {@code instances.json}. One mechanism serves both commands, and a shard's COCO file is never
 * trusted over its masks. What the masks cannot tell (amodal silhouettes behind occluders and
 * beyond the image) comes from the frame's {@code occlusion/NNNNNN.json} when there is one. Stateless apart from its folder; thread-safe.
 */
final class WrittenFrameReader {
    private final DatasetLayout layout;
    private final ImageFormat format;
    private final InstanceAnnotator annotator = new InstanceAnnotator();
    private final ImageEncoder decoder = new ImageEncoder();
    private final Box3dAnnotator boxes;
    private final KeypointAnnotator keypoints;

    /**
     * @param geometry the assets' local bounds and keypoints: 3-D boxes and keypoints are geometry,
     *                 derived again from the frame JSON (keypoint visibility from the stored mask)
     */
    WrittenFrameReader(DatasetLayout layout, ImageFormat format, AssetGeometry geometry) {
        this.layout = layout;
        this.format = format;
        this.boxes = new Box3dAnnotator(geometry);
        this.keypoints = new KeypointAnnotator(geometry);
    }

    /**
     * What frame {@code index} on disk contributes to the label files: one image per camera of its
     * rig (in rig order), or its one image without a rig.
     *
     * @throws UserInputException naming the file, when a frame's file is missing, damaged, or
     *                            disagrees with the others (index, size): the dataset is bad input
     */
    List<AnnotatedFrame> read(int index) {
        return readWithFrame(index).views();
    }

    /** A frame on disk: its frame JSON, and what its views contribute to the label files ({@link #read}). */
    record Written(Frame frame, List<AnnotatedFrame> views) {
    }

    /** As {@link #read}, with the frame JSON read. */
    Written readWithFrame(int index) {
        Path frameJson = layout.frameJson(index);
        byte[] frameBytes = readFile(frameJson);
        Frame frame;
        try {
            frame = FrameJson.fromJson(frameBytes);
        } catch (RuntimeException e) {
            throw damaged(frameJson, "not a frame JSON: " + shortMessage(e));
        }
        if (frame.index() != index) {
            throw damaged(frameJson, "holds frame " + frame.index() + ", not " + index);
        }
        List<AnnotatedFrame> views = new ArrayList<>();
        for (RigView view : frame.views()) {
            views.add(readView(view, frameJson));
        }
        return new Written(frame, List.copyOf(views));
    }

    private AnnotatedFrame readView(RigView view, Path frameJson) {
        Frame frame = view.frame();
        int index = frame.index();
        String camera = view.cameraName();
        Path mask = layout.instanceMask(index, camera);
        byte[] maskBytes = readFile(mask);
        ImageEncoder.IdImage ids;
        try {
            ids = decoder.decodeInstanceMaskImage(maskBytes);
        } catch (RuntimeException e) {
            throw damaged(mask, "not an instance mask: " + shortMessage(e));
        }
        if (ids.width() != frame.width() || ids.height() != frame.height()) {
            throw damaged(mask, "is " + ids.width() + "x" + ids.height() + " but frame " + index + " is "
                    + frame.width() + "x" + frame.height());
        }
        RenderedFrame readBack = new RenderedFrame(index, ids.width(), ids.height(), null, ids.ids(), null, mask.toString());
        List<InstanceAnnotation> annotations;
        try {
            annotations = annotator.annotate(frame, readBack);
        } catch (RuntimeException e) {
            throw damaged(mask, "does not match " + frameJson.getFileName() + ": " + shortMessage(e));
        }
        OcclusionStats occlusionStats = null;
        Path occlusionFile = layout.occlusion(index, camera);
        if (Files.exists(occlusionFile)) {
            byte[] occlusionBytes = readFile(occlusionFile);
            try {
                OcclusionRecords.Read occlusion = OcclusionRecords.fromJson(occlusionBytes, index,
                        frame.width(), frame.height());
                annotations = withOcclusion(annotations, occlusion, occlusionFile);
                occlusionStats = occlusion.stats();
            } catch (UserInputException e) {
                throw e;
            } catch (RuntimeException e) {
                throw damaged(occlusionFile, shortMessage(e));
            }
        }
        return new AnnotatedFrame(index, DatasetLayout.imageFileName(index, camera, format), frame.width(), frame.height(),
                ImageCamera.of(frame.camera()),
                keypoints.attach(frame, ids.ids(), boxes.attach(frame, IgnoreRegions.mark(frame, annotations))),
                occlusionStats, camera, view.cameraIndex(), view.cameraCount());
    }

    private static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw damaged(file, "missing");
        } catch (IOException e) {
            throw damaged(file, "cannot be read: " + e.getMessage());
        }
    }

    private static UserInputException damaged(Path file, String reason) {
        return new UserInputException(file + ": " + reason);
    }

    /**
     * The first line of the innermost useful message, with Jackson's line and column kept and its
     * source notes (class names, "REDACTED") dropped.
     */
    static String shortMessage(Throwable e) {
        if (e instanceof UserInputException) {
            return e.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
                String position = json.getLocation() == null ? ""
                        : " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
                // without Jackson's names for its source, features and limits; the file is named already
                return io.synthscene.annotators.JsonSyntaxMessage.of(json) + position;
            }
        }
        String message = root.getMessage() != null ? root.getMessage() : e.getMessage();
        return message == null ? root.getClass().getSimpleName() : firstLine(message);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    /** The annotations with the occlusion data the render wrote for them; the two must name the same instances. */
    private static List<InstanceAnnotation> withOcclusion(List<InstanceAnnotation> annotations, OcclusionRecords.Read occlusion,
                                                          Path file) {
        if (occlusion.byInstanceId().size() != annotations.size()) {
            throw damaged(file, "has " + occlusion.byInstanceId().size() + " instances, the mask " + annotations.size());
        }
        List<InstanceAnnotation> out = new ArrayList<>(annotations.size());
        for (InstanceAnnotation a : annotations) {
            Occlusion o = occlusion.byInstanceId().get(a.instanceId());
            if (o == null) {
                throw damaged(file, "has no entry for instance " + a.instanceId());
            }
            out.add(a.withOcclusion(o));
        }
        return out;
    }
}
