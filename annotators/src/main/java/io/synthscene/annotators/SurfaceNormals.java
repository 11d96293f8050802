package io.synthscene.annotators;

/**
 * The NORMALS pass as an 8-bit RGB image: each camera-space unit normal (OpenCV axes) stored as
 * {@code round((n + 1) / 2 * 255)} per channel, and (0, 0, 0) where nothing was hit — a value no
 * unit normal encodes to (it would need every component at or below −0.996). Stateless.
 */
public final class SurfaceNormals {
    private SurfaceNormals() {
    }

    /** R, G, B bytes per pixel from x, y, z floats per pixel. */
    public static byte[] toRgb(float[] normals) {
        if (normals.length % 3 != 0) {
            throw new IllegalArgumentException(normals.length + " values are not x, y, z triples");
        }
        byte[] rgb = new byte[normals.length];
        for (int p = 0; p < normals.length; p += 3) {
            float x = normals[p];
            float y = normals[p + 1];
            float z = normals[p + 2];
            if (x == 0 && y == 0 && z == 0) {
                continue; // nothing hit: stays 0, 0, 0
            }
            rgb[p] = encode(x);
            rgb[p + 1] = encode(y);
            rgb[p + 2] = encode(z);
        }
        return rgb;
    }

    /** The unit normal an encoded pixel stands for, to within the 8-bit step (about 0.008). */
    public static double[] decode(int r, int g, int b) {
        return new double[] {r / 127.5 - 1, g / 127.5 - 1, b / 127.5 - 1};
    }

    private static byte encode(float component) {
        long level = Math.round((Math.max(-1f, Math.min(1f, component)) + 1.0) / 2.0 * 255.0);
        return (byte) level;
    }
}
