package io.synthscene.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthscene.engine.gl.Framebuffer;
import io.synthscene.engine.gl.FramebufferException;
import io.synthscene.engine.gl.ShaderException;
import io.synthscene.engine.gl.ShaderProgram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
}
