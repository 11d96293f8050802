package io.synthscene.annotators;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The depth pass in the two files a render writes: millimetres for a 16-bit PNG (compact, what
 * RGB-D tools read) and float32 metres as a NumPy {@code .npy} file (exact).
 *
 * <p>Depth is the distance along the camera's viewing axis (the z of camera space), not along
 * the ray through the pixel. Stateless.
 */
public final class DepthMaps {
    /** Largest value of a 16-bit PNG: depths of 65.535 m or more are stored as this. */
    public static final int MAX_MILLIMETRES = 65535;

    private DepthMaps() {
    }

    /**
     * Rounded millimetres per pixel: 0 where nothing was hit (+infinity), {@link #MAX_MILLIMETRES}
     * for 65.535 m and farther — the 16-bit format's limit, documented in the DSL reference.
     */
    public static int[] millimetres(float[] depthMeters) {
        int[] mm = new int[depthMeters.length];
        for (int i = 0; i < depthMeters.length; i++) {
            float metres = depthMeters[i];
            if (Float.isNaN(metres) || metres < 0) {
                throw new IllegalArgumentException("depth " + metres + " at index " + i + " is not a distance");
            }
            if (metres == Float.POSITIVE_INFINITY) {
                mm[i] = 0;
            } else {
                mm[i] = (int) Math.min(MAX_MILLIMETRES, Math.round(metres * 1000.0));
            }
        }
        return mm;
    }

    /**
     * A NumPy {@code .npy} file (format version 1.0) of float32 values, little-endian, C order,
     * shape {@code (height, width)}: {@code numpy.load(path)} gives the depth in metres.
     */
    public static byte[] npyFloat32(float[] values, int width, int height) {
        if (width < 1 || height < 1 || values.length != (long) width * height) {
            throw new IllegalArgumentException(values.length + " values do not make a " + width + "x" + height + " image");
        }
        // The header is a Python dict literal, padded with spaces and ended by '\n' so that
        // magic (6) + version (2) + length (2) + header is a multiple of 64 bytes (NEP 1).
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + height + ", " + width + "), }";
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        byte[] headerBytes = header.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(10 + headerBytes.length + values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        out.putShort((short) headerBytes.length);
        out.put(headerBytes);
        out.asFloatBuffer().put(values);
        return out.array();
    }
}
