package io.synthscene.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthscene.engine.gl.FenceSync;
import io.synthscene.engine.gl.Framebuffer;
import io.synthscene.engine.gl.FramebufferException;
import io.synthscene.engine.gl.MeshStorage;
import io.synthscene.engine.gl.VertexArray;
import io.synthscene.assets.Primitives;
import io.synthscene.engine.gl.ShaderException;
import io.synthscene.engine.gl.PixelPackBuffer;
import io.synthscene.engine.gl.ShaderProgram;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lwjgl.opengl.GL11C;
import org.lwjgl.opengl.GL30C;

/** The GL wrappers report driver failures with the driver's own words. */
class GlObjectsTest {
    static EglContext context;

    @BeforeAll
    static void open() {
        context = EglContext.open(DevicePreference.CPU);
    }

    @AfterAll
    static void close() {
        context.close();
    }

    @Test
    void aShaderThatDoesNotCompileThrowsWithTheDriversLog() {
        // broken.frag.glsl (test resources) assigns a vec3 to a float
        assertThatThrownBy(() -> ShaderProgram.fromResources("object.vert.glsl", "broken.frag.glsl"))
                .isInstanceOf(ShaderException.class)
                .hasMessageStartingWith("compiling broken.frag.glsl failed:")
                .hasMessageContaining("error");
    }

    @Test
    void aMissingShaderFileIsNamed() {
        assertThatThrownBy(() -> ShaderProgram.fromResources("object.vert.glsl", "absent.frag.glsl"))
                .isInstanceOf(ShaderException.class).hasMessageContaining("absent.frag.glsl");
    }

    @Test
    void theEnginesShadersLinkAndAClosedProgramRefusesUse() {
        ShaderProgram program = ShaderProgram.fromResources("object.vert.glsl", "labels.frag.glsl");
        assertThat(program.uniform("instanceId")).isNotNegative();
        assertThatThrownBy(() -> program.uniform("noSuchUniform"))
                .isInstanceOf(ShaderException.class).hasMessageContaining("noSuchUniform");
        program.close();
        assertThatThrownBy(program::use).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFramebufferWithoutAttachmentsIsIncompleteAndSaysWhy() {
        assertThatThrownBy(() -> Framebuffer.create("empty", 16, 16, 1, new int[0], 0))
                .isInstanceOf(FramebufferException.class)
                .hasMessageContaining("GL_FRAMEBUFFER_INCOMPLETE_MISSING_ATTACHMENT");
    }

    @Test
    void aClosedMeshsBufferIsWrittenAgainByTheNextMeshOfItsSizeClass() {
        try (MeshStorage storage = MeshStorage.create()) {
            VertexArray first = VertexArray.upload(Primitives.box("body", 1, 1, 1, null), storage);
            assertThat(storage.buffersCreated()).isEqualTo(1);
            VertexArray second = VertexArray.upload(Primitives.box("body", 2, 1, 3, null), storage);
            assertThat(storage.buffersCreated()).as("the first is still in use").isEqualTo(2);
            first.close();
            VertexArray third = VertexArray.upload(Primitives.box("body", 1, 2, 1, null), storage);
            assertThat(storage.buffersCreated()).as("the first's buffer is recycled").isEqualTo(2);
            VertexArray large = VertexArray.upload(Primitives.sphere("body", 1, null), storage);
            assertThat(storage.buffersCreated()).as("a sphere needs a larger size class").isEqualTo(3);
            second.close();
            third.close();
            large.close();
            assertThatThrownBy(third::draw).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aPixelPackBufferReceivesAReadAfterItsFenceAndRefusesUseOnceClosed() {
        try (Framebuffer target = Framebuffer.create("one id", 5, 3, 1, new int[] {GL30C.GL_R32UI}, 0);
             PixelPackBuffer buffer = PixelPackBuffer.create(5 * 3 * Integer.BYTES)) {
            target.clearUnsigned(0, new int[] {77, 0, 0, 0});
            target.read(0, GL30C.GL_RED_INTEGER, GL11C.GL_UNSIGNED_INT, buffer);
            try (FenceSync fence = FenceSync.insert()) {
                fence.await();
                fence.await(); // a signalled fence stays signalled
            }
            ByteBuffer mapped = buffer.map();
            assertThatThrownBy(buffer::map).isInstanceOf(IllegalStateException.class).hasMessageContaining("already mapped");
            for (int i = 0; i < 15; i++) {
                assertThat(mapped.getInt(i * Integer.BYTES)).isEqualTo(77);
            }
            buffer.unmap();
            assertThat(GL11C.glGetError()).isEqualTo(GL11C.GL_NO_ERROR);
            buffer.close();
            assertThatThrownBy(buffer::map).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
        FenceSync closed = FenceSync.insert();
        closed.close();
        assertThatThrownBy(closed::await).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
