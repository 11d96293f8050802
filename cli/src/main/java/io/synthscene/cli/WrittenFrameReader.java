package io.synthscene.cli;

import io.synthscene.annotators.AnnotatedFrame;
import io.synthscene.annotators.Box3dAnnotator;
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
import java.io.IOException;
import java.io.UncheckedIOException;
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
     * What frame {@code index} on disk contributes to the label files.
     *
     * @throws IllegalStateException when the frame's files disagree (index, size) or cannot be read
     */
    AnnotatedFrame read(int index) {
        Path frameJson = layout.frameJson(index);
        Path mask = layout.instanceMask(index);
        try {
            Frame frame = FrameJson.fromJson(Files.readAllBytes(frameJson));
            if (frame.index() != index) {
                throw new IllegalStateException(frameJson + " holds frame " + frame.index() + ", not " + index);
            }
            ImageEncoder.IdImage ids = decoder.decodeInstanceMaskImage(Files.readAllBytes(mask));
            if (ids.width() != frame.width() || ids.height() != frame.height()) {
                throw new IllegalStateException(mask + " is " + ids.width() + "x" + ids.height() + " but frame " + index
                        + " is " + frame.width() + "x" + frame.height());
            }
            RenderedFrame readBack = new RenderedFrame(index, ids.width(), ids.height(), null, ids.ids(), null, mask.toString());
            List<InstanceAnnotation> annotations = annotator.annotate(frame, readBack);
            OcclusionStats occlusionStats = null;
            Path occlusionFile = layout.occlusion(index);
            if (Files.exists(occlusionFile)) {
                OcclusionRecords.Read occlusion = OcclusionRecords.fromJson(Files.readAllBytes(occlusionFile), index,
                        frame.width(), frame.height());
                annotations = withOcclusion(annotations, occlusion, occlusionFile);
                occlusionStats = occlusion.stats();
            }
            return new AnnotatedFrame(index, DatasetLayout.imageFileName(index, format), frame.width(), frame.height(),
                    ImageCamera.of(frame.camera()), keypoints.attach(frame, ids.ids(), boxes.attach(frame, annotations)),
                    occlusionStats);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read frame " + index + " back from " + layout.root(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read frame " + index + " back from " + layout.root() + ": " + e.getMessage(), e);
        }
    }

    /** The annotations with the occlusion data the render wrote for them; the two must name the same instances. */
    private static List<InstanceAnnotation> withOcclusion(List<InstanceAnnotation> annotations, OcclusionRecords.Read occlusion,
                                                          Path file) {
        if (occlusion.byInstanceId().size() != annotations.size()) {
            throw new IllegalStateException(file + " has " + occlusion.byInstanceId().size() + " instances, the mask "
                    + annotations.size());
        }
        List<InstanceAnnotation> out = new ArrayList<>(annotations.size());
        for (InstanceAnnotation a : annotations) {
            Occlusion o = occlusion.byInstanceId().get(a.instanceId());
            if (o == null) {
                throw new IllegalStateException(file + " has no entry for instance " + a.instanceId());
            }
            out.add(a.withOcclusion(o));
        }
        return out;
    }
}
