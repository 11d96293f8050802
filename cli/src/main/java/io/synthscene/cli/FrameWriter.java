package io.synthscene.cli;

import io.synthscene.annotators.AnnotatedFrame;
import io.synthscene.annotators.AtomicFiles;
import io.synthscene.annotators.Box3dAnnotator;
import io.synthscene.annotators.DepthMaps;
import io.synthscene.annotators.ImageCamera;
import io.synthscene.annotators.IgnoreRegions;
import io.synthscene.annotators.ImageEncoder;
import io.synthscene.annotators.InstanceAnnotation;
import io.synthscene.annotators.InstanceAnnotator;
import io.synthscene.annotators.KeypointAnnotator;
import io.synthscene.annotators.OcclusionAnnotator;
import io.synthscene.annotators.OcclusionRecords;
import io.synthscene.annotators.SemanticLabels;
import io.synthscene.annotators.SurfaceNormals;
import io.synthscene.scenes.FrameJson;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.RigView;
import io.synthscene.scenes.spec.OutputSpec;
import java.util.EnumSet;
import java.util.Set;
import java.io.IOException;
import java.nio.file.Files;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The per-frame work after rendering, run on worker threads: annotate, encode, write the files of
 * each camera's view (each atomically), then the frame JSON. Returns the annotations for the
 * dataset-wide COCO file.
 *
 * <p>The frame JSON is written last, after the image, the masks and the depth files: a frame is
 * done exactly when its {@code frames/NNNNNN.json} is in place, which is what {@code --resume}
 * and {@code merge} rely on ({@link InterruptedRun}).
 */
final class FrameWriter {
    private final DatasetLayout layout;
    private final RenderSettings settings;
    private final InstanceAnnotator annotator = new InstanceAnnotator();
    private final OcclusionAnnotator occlusion = new OcclusionAnnotator();
    private final Box3dAnnotator boxes;
    private final KeypointAnnotator keypoints;
    private final SemanticLabels semanticLabels = new SemanticLabels();
    private final ImageEncoder encoder = new ImageEncoder();
    private final OutputSpec outputs;
    private final boolean semanticFitsEightBits;

    /**
     * @param semanticFitsEightBits whether every category id of the dataset is <= 255
     * @param geometry              the assets' local bounds and keypoints
     */
    FrameWriter(DatasetLayout layout, RenderSettings settings, OutputSpec outputs, boolean semanticFitsEightBits,
                AssetGeometry geometry) {
        this.boxes = new Box3dAnnotator(geometry);
        this.keypoints = new KeypointAnnotator(geometry);
        this.layout = layout;
        this.settings = settings;
        this.outputs = outputs;
        this.semanticFitsEightBits = semanticFitsEightBits;
    }

    /** The passes the renderer must produce for what this writer writes. */
    Set<RenderPass> requiredPasses() {
        Set<RenderPass> passes = EnumSet.of(RenderPass.COLOR);
        passes.addAll(annotator.requiredPasses());
        passes.addAll(occlusion.requiredPasses());
        if (outputs.semanticMasks()) {
            passes.addAll(semanticLabels.requiredPasses());
        }
        if (outputs.depth()) {
            passes.add(RenderPass.DEPTH);
        }
        if (outputs.normals()) {
            passes.add(RenderPass.NORMALS);
        }
        return passes;
    }

    /** Writes a frame without a rig: its one camera's files, then the frame JSON. */
    AnnotatedFrame write(Frame frame, RenderedFrame rendered) {
        if (frame.rig() != null) {
            throw new IllegalArgumentException("frame " + frame.index() + " has a rig: write each view, then the frame JSON");
        }
        AnnotatedFrame written = writeView(frame.views().get(0), rendered);
        writeFrameJson(frame);
        return written;
    }

    /**
     * Annotates and writes what one camera of a frame saw (image, masks, depth, normals, occlusion),
     * named {@code NNNNNN} without a rig and {@code NNNNNN_<camera>} with one, but not the frame JSON:
     * once every camera of the frame is written, {@link #writeFrameJson} marks the frame done.
     */
    AnnotatedFrame writeView(RigView view, RenderedFrame rendered) {
        Frame frame = view.frame();
        int index = frame.index();
        String camera = view.cameraName();
        OcclusionAnnotator.Result annotated = occlusion.annotate(frame, rendered, annotator.annotate(frame, rendered));
        try {
            // the renderer applied the frame's sensor to the colour image alone (see SensorPass)
            AtomicFiles.write(layout.image(index, camera, settings.imageFormat()),
                    encoder.encodeColor(rendered, settings.imageFormat(), jpegQuality(frame)));
            AtomicFiles.write(layout.instanceMask(index, camera),
                    encoder.encodeInstanceMask(rendered.instanceIds(), rendered.width(), rendered.height()));
            if (outputs.semanticMasks()) {
                writeSemanticMask(frame, camera, rendered);
            }
            if (outputs.depth()) {
                writeDepth(index, camera, rendered);
            }
            if (outputs.normals()) {
                AtomicFiles.write(layout.normals(index, camera), encoder.encodeRgbPng(SurfaceNormals.toRgb(rendered.normals()),
                        rendered.width(), rendered.height()));
            }
            Files.createDirectories(layout.occlusionDir());
            AtomicFiles.write(layout.occlusion(index, camera), OcclusionRecords.toJson(index, rendered.width(),
                    rendered.height(), annotated.stats(), annotated.annotations()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write frame " + index + (camera == null ? "" : ", camera " + camera), e);
        }
        return new AnnotatedFrame(index, DatasetLayout.imageFileName(index, camera, settings.imageFormat()),
                rendered.width(), rendered.height(), ImageCamera.of(frame.camera()),
                keypoints.attach(frame, rendered.instanceIds(),
                        boxes.attach(frame, IgnoreRegions.mark(frame, annotated.annotations()))),
                annotated.stats(), camera, view.cameraIndex(), view.cameraCount());
    }

    /** The frame JSON, written last: its presence marks the frame done. */
    void writeFrameJson(Frame frame) {
        try {
            AtomicFiles.write(layout.frameJson(frame.index()), FrameJson.toJson(frame));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write frame " + frame.index(), e);
        }
    }

    /** The frame's own JPEG quality (sensor.jpeg_quality) when the scene draws one, else the run's. */
    private int jpegQuality(Frame frame) {
        return frame.sensor() != null && frame.sensor().jpegQuality() != null ? frame.sensor().jpegQuality()
                : settings.jpegQuality();
    }

    private void writeSemanticMask(Frame frame, String camera, RenderedFrame rendered) throws IOException {
        int[] categories = semanticLabels.categoryIds(frame, rendered);
        byte[] png = semanticFitsEightBits
                ? encoder.encodeGray8(categories, rendered.width(), rendered.height(), "category id")
                : encoder.encodeGray16(categories, rendered.width(), rendered.height(), "category id");
        AtomicFiles.write(layout.semanticMask(frame.index(), camera), png);
    }

    private void writeDepth(int index, String camera, RenderedFrame rendered) throws IOException {
        float[] metres = rendered.depthMeters();
        AtomicFiles.write(layout.depthPng(index, camera), encoder.encodeGray16(
                DepthMaps.millimetres(metres), rendered.width(), rendered.height(), "depth in millimetres"));
        AtomicFiles.write(layout.depthNpy(index, camera), DepthMaps.npyFloat32(metres, rendered.width(), rendered.height()));
    }
}
