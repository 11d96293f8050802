package io.synthscene.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Device choice on made-up device lists, as a render farm node would report them. */
class DevicePreferenceTest {
    static final EglDevice NVIDIA = new EglDevice(0, 0x10, "EGL_NV_device_cuda EGL_EXT_device_drm EGL_EXT_device_persistent_id");
    static final EglDevice LLVMPIPE = new EglDevice(1, 0x20, "EGL_MESA_device_software EGL_EXT_device_drm_render_node");

    @Test
    void autoPrefersHardwareThenSoftware() {
        assertThat(DevicePreference.AUTO.candidates(List.of(LLVMPIPE, NVIDIA))).containsExactly(NVIDIA, LLVMPIPE);
        assertThat(DevicePreference.AUTO.candidates(List.of(LLVMPIPE))).containsExactly(LLVMPIPE);
    }

    @Test
    void gpuTakesOnlyHardwareAndCpuOnlySoftware() {
        assertThat(DevicePreference.GPU.candidates(List.of(NVIDIA, LLVMPIPE))).containsExactly(NVIDIA);
        assertThat(DevicePreference.CPU.candidates(List.of(NVIDIA, LLVMPIPE))).containsExactly(LLVMPIPE);
    }

    @Test
    void gpuWithoutHardwareNamesEveryDeviceFound() {
        assertThatThrownBy(() -> DevicePreference.GPU.candidates(List.of(LLVMPIPE)))
                .isInstanceOf(NoSuchDeviceException.class)
                .hasMessage("--device gpu: no hardware EGL device found; found: 1 device: software (EGL_MESA_device_software)");
    }

    @Test
    void cpuWithoutSoftwareListsTheHardware() {
        assertThatThrownBy(() -> DevicePreference.CPU.candidates(List.of(NVIDIA)))
                .isInstanceOf(NoSuchDeviceException.class)
                .hasMessageContaining("found: 1 device: hardware (EGL_NV_device_cuda EGL_EXT_device_drm)");
    }

    @Test
    void severalDevicesAreNumbered() {
        assertThat(EglDevice.describe(List.of(NVIDIA, LLVMPIPE)))
                .isEqualTo("2 devices: #0 hardware (EGL_NV_device_cuda EGL_EXT_device_drm), #1 software (EGL_MESA_device_software)");
        assertThat(EglDevice.describe(List.of())).isEqualTo("0 devices");
    }
}
