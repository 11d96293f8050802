package io.synthscene.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lwjgl.opengl.GL11C.GL_NO_ERROR;
import static org.lwjgl.opengl.GL11C.glGetInteger;
import static org.lwjgl.opengl.GL45C.GL_LOSE_CONTEXT_ON_RESET;
import static org.lwjgl.opengl.GL45C.GL_NO_RESET_NOTIFICATION;
import static org.lwjgl.opengl.GL45C.GL_RESET_NOTIFICATION_STRATEGY;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reset notification and context loss on the real llvmpipe context. Mesa's software rasterizer
 * cannot be made to lose its context (it never resets, so glGetGraphicsResetStatus is always
 * GL_NO_ERROR there); the loss itself is injected through {@link ContextHealth}'s setting, on a
 * real renderer, so that what the renderer does once lost is what runs.
 */
class GpuContextLossTest {
    private static final int SIZE = 48;

    @AfterEach
    void clearInjection() {
        System.clearProperty(ContextHealth.INJECT_PROPERTY);
    }

    private static Frame frame(int index) {
        Frame frame = RendererLifecycleTest.frameWith(List.of(RendererLifecycleTest.boxOfWidth(1, 1, 0)), SIZE, SIZE);
        return new Frame(index, frame.sceneSeed(), frame.camera(), frame.lighting(), frame.ground(), frame.categories(),
                frame.objects());
    }

    @Test
    void theContextAsksForLoseContextOnResetAndGetsWhatItRecords() {
        try (EglContext context = EglContext.open(DevicePreference.CPU)) {
            ResetNotification got = context.resetNotification();
            int strategy = glGetInteger(GL_RESET_NOTIFICATION_STRATEGY);
            // Recorded only what the context itself reports.
            assertThat(strategy).isEqualTo(got == ResetNotification.NONE ? GL_NO_RESET_NOTIFICATION : GL_LOSE_CONTEXT_ON_RESET);
            assertThat(context.resetNegotiation()).startsWith("EGL 1.5 reset notification (0x31BD): ");
            // Mesa 22 offers EGL 1.5 and EGL_EXT_create_context_robustness on its device display.
            assertThat(got).as(context.resetNegotiation()).isEqualTo(ResetNotification.EGL15_LOSE_CONTEXT_ON_RESET);
            assertThat(context.graphicsResetStatus()).isEqualTo(GL_NO_ERROR);
        }
    }

    @Test
    void aHealthyRendererReportsNoLossAfterFrames() {
        try (Renderer renderer = Renderer.open(DevicePreference.CPU, SIZE, SIZE, 1, TestFrames.BOXES)) {
            for (int i = 0; i < 3; i++) {
                renderer.startRender(frame(i), Set.of(RenderPass.COLOR, RenderPass.INSTANCE_ID));
            }
            for (int i = 0; i < 3; i++) {
                assertThat(renderer.collectRender().index()).isEqualTo(i);
            }
            assertThat(renderer.isContextLost()).isFalse();
            assertThat(renderer.resetNotification()).isEqualTo(ResetNotification.EGL15_LOSE_CONTEXT_ON_RESET);
        }
    }

    @Test
    void anInjectedLossStopsTheRendererNamingTheDeviceTheFrameAndTheResetNotification() {
        System.setProperty(ContextHealth.INJECT_PROPERTY, "2");
        Renderer renderer = Renderer.open(DevicePreference.CPU, SIZE, SIZE, 1, TestFrames.BOXES);
        try {
            RenderedFrame first = renderer.render(frame(0), Set.of(RenderPass.INSTANCE_ID));
            assertThat(first.index()).isZero();
            renderer.startRender(frame(1), Set.of(RenderPass.INSTANCE_ID));
            assertThatThrownBy(() -> renderer.collectRender())
                    .isInstanceOf(GpuContextLostException.class)
                    .hasMessageStartingWith("the GPU context on llvmpipe")
                    .hasMessageContaining("(EGL device #")
                    .hasMessageContaining("software (EGL_MESA_device_software)) was lost while reading back frame 1")
                    .hasMessageContaining("glGetGraphicsResetStatus = GL_UNKNOWN_CONTEXT_RESET")
                    .hasMessageContaining("(injected by synthscene.inject.context-loss-after-frames")
                    .hasMessageEndingWith("reset notification: EGL 1.5 reset notification (0x31BD): accepted");
            assertThat(renderer.isContextLost()).isTrue();
            // Once lost, never trusted again: every later frame is refused the same way.
            assertThatThrownBy(() -> renderer.startRender(frame(2), Set.of(RenderPass.INSTANCE_ID)))
                    .isInstanceOf(GpuContextLostException.class).hasMessageContaining("reading back frame 1");
        } finally {
            renderer.close();
        }
        System.clearProperty(ContextHealth.INJECT_PROPERTY);
        try (Renderer fresh = Renderer.open(DevicePreference.CPU, SIZE, SIZE, 1, TestFrames.BOXES)) {
            assertThat(fresh.render(frame(2), Set.of(RenderPass.INSTANCE_ID)).index()).isEqualTo(2);
        }
    }

    @Test
    void aLossAtTheFirstFrameIsSeenWhenThatFrameIsDrawn() {
        System.setProperty(ContextHealth.INJECT_PROPERTY, "0");
        try (Renderer renderer = Renderer.open(DevicePreference.CPU, SIZE, SIZE, 1, TestFrames.BOXES)) {
            assertThatThrownBy(() -> renderer.startRender(frame(5), Set.of(RenderPass.COLOR)))
                    .isInstanceOf(GpuContextLostException.class).hasMessageContaining("lost while rendering frame 5");
        }
    }

    @Test
    void anInjectionSettingThatIsNotACountIsRefused() {
        assertThat(ContextHealth.injectedLossAfterFrames(null, null)).isNull();
        assertThat(ContextHealth.injectedLossAfterFrames("", " ")).isNull();
        assertThat(ContextHealth.injectedLossAfterFrames(null, "7")).isEqualTo(7);
        assertThat(ContextHealth.injectedLossAfterFrames("3", "7")).isEqualTo(3);
        assertThatThrownBy(() -> ContextHealth.injectedLossAfterFrames(null, "-1"))
                .hasMessage("SYNTHSCENE_INJECT_CONTEXT_LOSS_AFTER_FRAMES=-1 is not a whole number >= 0");
        assertThatThrownBy(() -> ContextHealth.injectedLossAfterFrames("soon", null))
                .hasMessage("-Dsynthscene.inject.context-loss-after-frames=soon is not a whole number >= 0");
    }
}
