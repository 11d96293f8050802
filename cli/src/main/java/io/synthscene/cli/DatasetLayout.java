package io.synthscene.cli;

import io.synthscene.annotators.ImageFormat;
import java.nio.file.Path;

/**
 * Where each file of a dataset goes, relative to its root:
 * <pre>
 * images/000000.png          colour (or .jpg)
 * masks/instance/000000.png  16-bit instance ids, 0 = background, k = k-th instance of the frame
 * masks/semantic/000000.png  category ids, 0 = background (when the scene asks for them)
 * normals/000000.png         camera-space normals, 8-bit RGB (when the scene asks for them)
 * depth/000000.png           16-bit depth in millimetres, and depth/000000.npy in float32 metres
 *                            (when the scene asks for depth)
 * frames/000000.json         the fully resolved frame
 * annotations/instances.json COCO
 * dataset.json               provenance, written last: its presence means the dataset is complete
 * .synthscene-dataset        empty marker: synthscene wrote this folder (see OutputFolder)
 * .synthscene-run.json       the run's parameters, written before the first frame (see RunRecord)
 * </pre>
 * A frame's files are written image, mask, then frame JSON: the JSON's presence means the frame is done.
 *
 * <p>A frame seen by a camera rig has one image, mask, depth, normals and occlusion file per
 * camera, named {@code NNNNNN_<camera>} ({@code images/000000_front.png}), and one frame JSON
 * ({@code frames/000000.json}, holding the rig). Methods taking a {@code camera} accept null for a
 * frame without a rig.
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

    /** File name stem of camera {@code camera}'s image of frame {@code index}; null camera: no rig. */
    static String stem(int index, String camera) {
        return camera == null ? stem(index) : stem(index) + "_" + camera;
    }

    static String imageFileName(int index, ImageFormat format) {
        return imageFileName(index, null, format);
    }

    static String imageFileName(int index, String camera, ImageFormat format) {
        return stem(index, camera) + (format == ImageFormat.JPG ? ".jpg" : ".png");
    }

    Path image(int index, ImageFormat format) {
        return image(index, null, format);
    }

    Path image(int index, String camera, ImageFormat format) {
        return imagesDir().resolve(imageFileName(index, camera, format));
    }

    Path instanceMask(int index) {
        return instanceMask(index, null);
    }

    Path instanceMask(int index, String camera) {
        return instanceMasksDir().resolve(stem(index, camera) + ".png");
    }

    Path semanticMask(int index, String camera) {
        return semanticMasksDir().resolve(stem(index, camera) + ".png");
    }

    Path depthPng(int index, String camera) {
        return depthDir().resolve(stem(index, camera) + ".png");
    }

    Path depthNpy(int index, String camera) {
        return depthDir().resolve(stem(index, camera) + ".npy");
    }

    /** Per-frame occlusion data (visibility, truncation, amodal masks, occluders, hidden counts). */
    Path occlusionDir() {
        return root.resolve("occlusion");
    }

    Path occlusion(int index, String camera) {
        return occlusionDir().resolve(stem(index, camera) + ".json");
    }

    Path normalsDir() {
        return root.resolve("normals");
    }

    Path normals(int index, String camera) {
        return normalsDir().resolve(stem(index, camera) + ".png");
    }

    Path frameJson(int index) {
        return framesDir().resolve(stem(index) + ".json");
    }
}
