package io.synthscene.annotators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DepthMapsTest {

    @Test
    void millimetresAreRoundedSkyIsZeroAndFarSaturates() {
        float[] metres = {0.0014f, 0.0016f, 1.5f, 65.5349f, 65.536f, 1000f, Float.POSITIVE_INFINITY};

        assertThat(DepthMaps.millimetres(metres)).containsExactly(1, 2, 1500, 65535, 65535, 65535, 0);
    }

    @Test
    void negativeOrNanDepthIsRefused() {
        assertThatThrownBy(() -> DepthMaps.millimetres(new float[] {-1f})).hasMessageContaining("not a distance");
        assertThatThrownBy(() -> DepthMaps.millimetres(new float[] {Float.NaN})).hasMessageContaining("not a distance");
    }

    @Test
    void npyFileFollowsTheFormatSpecification() {
        float[] values = {1.25f, 2.5f, Float.POSITIVE_INFINITY, 0f, 3f, 4.75f};

        byte[] npy = DepthMaps.npyFloat32(values, 3, 2);

        ByteBuffer in = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(in.get() & 0xff).isEqualTo(0x93);
        byte[] magic = new byte[5];
        in.get(magic);
        assertThat(new String(magic, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        assertThat(in.get()).as("major version").isEqualTo((byte) 1);
        assertThat(in.get()).as("minor version").isEqualTo((byte) 0);
        int headerLength = in.getShort() & 0xffff;
        assertThat((10 + headerLength) % 64).as("data starts on a 64-byte boundary").isZero();
        byte[] header = new byte[headerLength];
        in.get(header);
        String dict = new String(header, StandardCharsets.US_ASCII);
        assertThat(dict).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }").endsWith("\n");
        assertThat(in.remaining()).isEqualTo(values.length * 4);
        float[] read = new float[values.length];
        in.asFloatBuffer().get(read);
        assertThat(read).containsExactly(values);
    }
}
