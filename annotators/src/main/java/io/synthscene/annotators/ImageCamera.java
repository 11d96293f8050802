package io.synthscene.annotators;

import io.synthscene.scenes.frame.Camera;

/**
 * The camera of one image, as written into its COCO image entry under {@code synthscene}:
 * intrinsics, lens distortion and pose, so that 3-D tools need not open {@code frames/}.
 *
 * <p>Conventions (the same as in {@code frames/NNNNNN.json}): OpenCV camera axes (x right,
 * y down, z forward); {@code intrinsics} is K, row-major, for pixel coordinates whose origin is
 * the top-left corner of the top-left pixel (pixel centres at +0.5; subtract 0.5 from cx, cy for
 * OpenCV's centre-at-integer convention); {@code cameraToWorld} is 4x4, row-major, metres;
 * {@code distortion} is OpenCV's (k1, k2, p1, p2, k3), all zero for the pinhole cameras rendered
 * today.
 */
public record ImageCamera(double[][] intrinsics, double[][] cameraToWorld, double[] distortion) {

    public ImageCamera {
        if (intrinsics.length != 3 || cameraToWorld.length != 4 || distortion.length != 5) {
            throw new IllegalArgumentException("need a 3x3 K, a 4x4 pose and 5 distortion coefficients");
        }
    }

    /** The pinhole camera of a resolved frame: no distortion. */
    public static ImageCamera of(Camera camera) {
        return new ImageCamera(camera.intrinsics(), camera.cameraToWorld(), camera.distortion().coefficients());
    }
}
