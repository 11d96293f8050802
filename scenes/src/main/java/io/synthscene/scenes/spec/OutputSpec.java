package io.synthscene.scenes.spec;

/**
 * What a render writes besides the colour image, instance mask, per-frame JSON and COCO file
 * (which it always writes): the scene's {@code output} section.
 *
 * @param semanticMasks {@code masks/semantic/NNNNNN.png}: category id per pixel, 0 = background
 * @param depth         {@code depth/NNNNNN.png} (16-bit, millimetres) and {@code depth/NNNNNN.npy}
 *                      (float32 metres) along the camera's viewing axis
 * @param normals       {@code normals/NNNNNN.png}: camera-space surface normals, 8-bit RGB
 */
public record OutputSpec(boolean semanticMasks, boolean depth, boolean normals) {
    public static final OutputSpec DEFAULT = new OutputSpec(false, false, false);

    /** Without normals. */
    public OutputSpec(boolean semanticMasks, boolean depth) {
        this(semanticMasks, depth, false);
    }
}
