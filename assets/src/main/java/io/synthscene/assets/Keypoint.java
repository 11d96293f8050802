package io.synthscene.assets;

/**
 * A named 3-D point of an asset (a pedestrian's joint, a rider's wrist) in the asset's local frame:
 * +Y up, front +Z, metres, origin at the centre of the footprint on the ground. Names follow COCO's
 * 17 person keypoints where they apply ({@code nose}, {@code left_eye}, ... {@code right_ankle});
 * "left" is the figure's own left, +X for a figure facing +Z.
 */
public record Keypoint(String name, float x, float y, float z) {
    Keypoint moved(float dx, float dy, float dz) {
        return new Keypoint(name, x + dx, y + dy, z + dz);
    }
}
