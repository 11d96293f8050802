package io.synthscene.annotators.augment;

import io.synthscene.annotators.ImageEncoder;

/**
 * Distances from a user's depth map given with {@code --depth}: a single-channel 16-bit PNG of
 * millimetres, as synthscene's own renders write ({@code depth/NNNNNN.png}), 0 where nothing was
 * measured (sky: taken as infinitely far, so it fogs to pure airlight).
 *
 * <p>The value is used as the distance along the pixel's ray. A depth map along the viewing axis
 * (synthscene's, most RGB-D sensors') is shorter than that off the image centre, by cos of the
 * angle to the axis (13 % at the left and right edges of a 60° image, more in the corners): the fog there is a little lighter.
 * Stateless.
 */
public final class DepthMapDistances {
    private DepthMapDistances() {
    }

    /**
     * @throws IllegalArgumentException when the bytes are not a 16-bit single-channel image of the
     *                                  given size
     */
    public static float[] of(byte[] png, int width, int height, ImageEncoder codec) {
        ImageEncoder.IdImage millimetres = codec.decodeGray16Image(png);
        if (millimetres.width() != width || millimetres.height() != height) {
            throw new IllegalArgumentException("depth map is " + millimetres.width() + "x" + millimetres.height()
                    + ", the image is " + width + "x" + height);
        }
        float[] metres = new float[width * height];
        int[] mm = millimetres.ids();
        for (int i = 0; i < mm.length; i++) {
            metres[i] = mm[i] == 0 ? Float.POSITIVE_INFINITY : mm[i] / 1000f;
        }
        return metres;
    }
}
