package io.synthscene.annotators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SurfaceNormalsTest {

    @Test
    void unitNormalsMapToHalfwayCodedBytesAndNothingHitStaysBlack() {
        float s = (float) Math.sqrt(0.5);
        byte[] rgb = SurfaceNormals.toRgb(new float[] {0, 0, -1, 0, -1, 0, s, 0, -s, 0, 0, 0});

        assertThat(rgb).containsExactly(
                (byte) 128, (byte) 128, (byte) 0,
                (byte) 128, (byte) 0, (byte) 128,
                (byte) 218, (byte) 128, (byte) 37,
                (byte) 0, (byte) 0, (byte) 0);
    }

    @Test
    void decodingGivesTheNormalBackWithinOneStep() {
        double[] n = SurfaceNormals.decode(218, 128, 37);
        assertThat(n).containsExactly(new double[] {Math.sqrt(0.5), 0, -Math.sqrt(0.5)}, within(1 / 127.5));
    }
}
