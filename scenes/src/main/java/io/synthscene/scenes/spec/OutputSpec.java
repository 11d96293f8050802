package io.synthscene.scenes.spec;

/**
 * What a render writes besides the colour image, instance mask, per-frame JSON and COCO file
 * (which it always writes): the scene's {@code output} section.
 *
 * @param semanticMasks {@code masks/semantic/NNNNNN.png}: category id per pixel, 0 = background
 * @param depth         {@code depth/NNNNNN.png} (16-bit, millimetres) and {@code depth/NNNNNN.npy}
 *                      (float32 metres) along the camera's viewing axis
 */
public record OutputSpec(boolean semanticMasks, boolean depth) {
    public static final OutputSpec DEFAULT = new OutputSpec(false, false);
}
