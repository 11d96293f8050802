package io.synthscene.cli;

import io.synthscene.annotators.ImageFormat;
import java.nio.file.Path;

/**
 * Where each file of a dataset goes, relative to its root:
 * <pre>
 * images/000000.png          colour (or .jpg)
 * masks/instance/000000.png  16-bit instance ids, 0 = background, k = k-th instance of the frame
 * masks/semantic/000000.png  category ids, 0 = background (when the scene asks for them)
 * depth/000000.png           16-bit depth in millimetres, and depth/000000.npy in float32 metres
 *                            (when the scene asks for depth)
 * frames/000000.json         the fully resolved frame
 * annotations/instances.json COCO
 * dataset.json               provenance, written last: its presence means the dataset is complete
 * .synthscene-dataset        empty marker: synthscene wrote this folder (see OutputFolder)
 * .synthscene-run.json       the run's parameters, written before the first frame (see RunRecord)
 * </pre>
 * A frame's files are written image, mask, then frame JSON: the JSON's presence means the frame is done.
 */
record DatasetLayout(Path root) {

    Path imagesDir() {
        return root.resolve("images");
    }

    Path instanceMasksDir() {
        return root.resolve("masks").resolve("instance");
    }

    Path semanticMasksDir() {
        return root.resolve("masks").resolve("semantic");
    }

    Path depthDir() {
        return root.resolve("depth");
    }

    Path framesDir() {
        return root.resolve("frames");
    }

    Path annotationsDir() {
        return root.resolve("annotations");
    }

    Path cocoInstances() {
        return annotationsDir().resolve("instances.json");
    }

    Path metadata() {
        return root.resolve("dataset.json");
    }

    /** File name stem of frame {@code index}: six digits or more, so names sort in frame order. */
    static String stem(int index) {
        return String.format("%06d", index);
    }

    static String imageFileName(int index, ImageFormat format) {
        return stem(index) + (format == ImageFormat.JPG ? ".jpg" : ".png");
    }

    Path image(int index, ImageFormat format) {
        return imagesDir().resolve(imageFileName(index, format));
    }

    Path instanceMask(int index) {
        return instanceMasksDir().resolve(stem(index) + ".png");
    }

    Path semanticMask(int index) {
        return semanticMasksDir().resolve(stem(index) + ".png");
    }

    Path depthPng(int index) {
        return depthDir().resolve(stem(index) + ".png");
    }

    Path depthNpy(int index) {
        return depthDir().resolve(stem(index) + ".npy");
    }

    /** Per-frame occlusion data (visibility, truncation, amodal masks, occluders, hidden counts). */
    Path occlusionDir() {
        return root.resolve("occlusion");
    }

    Path occlusion(int index) {
        return occlusionDir().resolve(stem(index) + ".json");
    }

    Path frameJson(int index) {
        return framesDir().resolve(stem(index) + ".json");
    }
}
