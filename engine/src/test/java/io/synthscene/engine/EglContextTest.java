package io.synthscene.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Real EGL on this machine, which has only Mesa's software device (llvmpipe). */
class EglContextTest {

    @Test
    void thisMachineEnumeratesMesasSoftwareDevice() {
        List<EglDevice> devices = EglContext.devices();
        assertThat(devices).anySatisfy(device -> {
            assertThat(device.hasExtension("EGL_MESA_device_software")).isTrue();
            assertThat(device.isHardware()).isFalse();
        });
    }

    @Test
    void autoOpensLlvmpipeHereWithAnOpenGl45CoreContext() {
        try (EglContext context = EglContext.open(DevicePreference.AUTO)) {
            assertThat(context.isHardware()).isFalse();
            assertThat(context.renderer()).contains("llvmpipe");
            assertThat(context.vendor()).isNotBlank();
            assertThat(context.glVersion()).startsWith("4.5").contains("Core");
        }
    }

    @Test
    void cpuOpensTheSoftwareDevice() {
        try (EglContext context = EglContext.open(DevicePreference.CPU)) {
            assertThat(context.isHardware()).isFalse();
            assertThat(context.device().hasExtension("EGL_MESA_device_software")).isTrue();
        }
    }

    @Test
    void gpuFailsClearlyOnAMachineWithoutAHardwareDevice() {
        assertThatThrownBy(() -> EglContext.open(DevicePreference.GPU))
                .isInstanceOf(NoSuchDeviceException.class)
                .hasMessageStartingWith("--device gpu: no hardware EGL device found; found: ")
                .hasMessageContaining("software (EGL_MESA_device_software)");
    }

    @Test
    void aClosedContextRefusesUse() {
        EglContext context = EglContext.open(DevicePreference.CPU);
        context.close();
        assertThatThrownBy(context::renderer).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        context.close(); // a second close is harmless
    }

    @Test
    void aContextRefusesUseFromAnotherThread() throws Exception {
        try (EglContext context = EglContext.open(DevicePreference.CPU)) {
            Throwable[] thrown = new Throwable[1];
            Thread other = new Thread(() -> {
                try {
                    context.renderer();
                } catch (Throwable t) {
                    thrown[0] = t;
                }
            }, "not-the-owner");
            other.start();
            other.join();
            assertThat(thrown[0]).isInstanceOf(IllegalStateException.class).hasMessageContaining("not-the-owner");
        }
    }

    @Test
    void contextsOpenAgainAfterCloseAndTwoCanShareTheDevice() {
        try (EglContext first = EglContext.open(DevicePreference.CPU)) {
            assertThat(first.renderer()).contains("llvmpipe");
        }
        try (EglContext again = EglContext.open(DevicePreference.CPU)) {
            Thread other = new Thread(() -> {
                try (EglContext second = EglContext.open(DevicePreference.CPU)) {
                    second.renderer();
                }
            });
            other.start();
            assertThat(again.renderer()).contains("llvmpipe");
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // the other thread's close must not have terminated the display under this context
            assertThat(again.glVersion()).startsWith("4.5");
        }
    }
}
