package io.synthscene.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Vec3;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Opening, closing, misuse, and the mesh cache's bound. */
class RendererLifecycleTest {
    static final int SIZE = 64;

    static Frame frameWith(List<SceneObject> objects, int width, int height) {
        return TestFrames.frame(TestFrames.camera(new Vec3(0, 2, 10), 0, -5, 60, width, height),
                TestFrames.ambientOnly(new Rgb(1, 1, 1), 0.5), TestFrames.ground(100), objects);
    }

    static SceneObject boxOfWidth(int instanceId, double widthMeters, double x) {
        return TestFrames.box(instanceId, widthMeters, 1, 1, new Vec3(x, 0, 0), 0, TestFrames.GREY);
    }

    @Test
    void aClosedRendererRefusesToRenderAndASecondOneOpensAfterIt() {
        Frame frame = frameWith(List.of(boxOfWidth(1, 1, 0)), SIZE, SIZE);
        Renderer first = Renderer.open(DevicePreference.CPU, SIZE, SIZE, 1, TestFrames.BOXES);
        RenderedFrame before = first.render(frame, Set.of(RenderPass.INSTANCE_ID));
        first.close();
        first.close(); // closing twice is harmless
        assertThatThrownBy(() -> first.render(frame, Set.of(RenderPass.INSTANCE_ID)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(first::deviceName).isInstanceOf(IllegalStateException.class);

        try (Renderer second = Renderer.open(DevicePreference.AUTO, SIZE, SIZE, 1, TestFrames.BOXES)) {
            RenderedFrame after = second.render(frame, Set.of(RenderPass.INSTANCE_ID));
            assertThat(after.instanceIds()).isEqualTo(before.instanceIds());
        }
    }

    @Test
    void aRendererRefusesCallsFromAnotherThread() throws InterruptedException {
        Frame frame = frameWith(List.of(), SIZE, SIZE);
        try (Renderer renderer = Renderer.open(DevicePreference.CPU, SIZE, SIZE, 1, TestFrames.BOXES)) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread other = new Thread(() -> {
                try {
                    renderer.render(frame, Set.of(RenderPass.COLOR));
                } catch (Throwable t) {
                    thrown.set(t);
                }
            }, "intruder");
            other.start();
            other.join();
            assertThat(thrown.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("intruder");
            assertThat(renderer.render(frame, Set.of(RenderPass.COLOR)).rgb()).hasSize(SIZE * SIZE * 3);
        }
    }

    @Test
    void aFrameOfAnotherSizeIsRefused() {
        try (Renderer renderer = Renderer.open(DevicePreference.CPU, SIZE, SIZE, 1, TestFrames.BOXES)) {
            Frame wrongSize = frameWith(List.of(), SIZE * 2, SIZE);
            assertThatThrownBy(() -> renderer.render(wrongSize, Set.of(RenderPass.COLOR)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("128x64").hasMessageContaining("64x64");
        }
    }

    @Test
    void gpuPreferenceFailsWithTheDevicesFoundOnAMachineWithoutOne() {
        assertThatThrownBy(() -> Renderer.open(DevicePreference.GPU, SIZE, SIZE, 1, TestFrames.BOXES))
                .isInstanceOf(NoSuchDeviceException.class)
                .hasMessage("--device gpu: no hardware EGL device found; found: 1 device: software (EGL_MESA_device_software)");
    }

    @Test
    void impossibleSampleCountsAreRefusedNotClamped() {
        assertThatThrownBy(() -> Renderer.open(DevicePreference.CPU, SIZE, SIZE, 0, TestFrames.BOXES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("msaa samples 0");
        assertThatThrownBy(() -> Renderer.open(DevicePreference.CPU, SIZE, SIZE, 1024, TestFrames.BOXES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("msaa samples 1024 exceeds");
    }

    @Test
    void meshCacheStaysWithinItsCapacityOverEverNewAssets() {
        int capacity = 3;
        try (Renderer renderer = Renderer.open(DevicePreference.CPU, SIZE, SIZE, 1, TestFrames.BOXES, capacity)) {
            for (int frame = 0; frame < 10; frame++) {
                // two new box sizes every frame, as with continuously random vehicle dimensions
                List<SceneObject> objects = new ArrayList<>();
                objects.add(boxOfWidth(1, 1.0 + frame * 0.01, -1.5));
                objects.add(boxOfWidth(2, 2.0 + frame * 0.01, 1.5));
                RenderedFrame rendered = renderer.render(frameWith(objects, SIZE, SIZE), Set.of(RenderPass.INSTANCE_ID));
                assertThat(RendererTest.distinctIds(rendered)).containsExactly(0, 1, 2);
                assertThat(renderer.cachedMeshCount()).isLessThanOrEqualTo(capacity);
            }
            assertThat(renderer.meshUploads()).isEqualTo(20);
        }
    }

    @Test
    void meshCacheUploadsARepeatedAssetOnce() {
        try (Renderer renderer = Renderer.open(DevicePreference.CPU, SIZE, SIZE, 1, TestFrames.BOXES)) {
            for (int frame = 0; frame < 5; frame++) {
                Frame f = frameWith(List.of(boxOfWidth(1, 1, -1.5), boxOfWidth(2, 1, 1.5)), SIZE, SIZE);
                renderer.render(f, Set.of(RenderPass.INSTANCE_ID, RenderPass.COLOR));
            }
            assertThat(renderer.meshUploads()).isEqualTo(1);
            assertThat(renderer.cachedMeshCount()).isEqualTo(1);
        }
    }

    @Test
    void aFrameWithMoreDistinctAssetsThanTheCacheHoldsStillRendersEveryObject() {
        try (Renderer renderer = Renderer.open(DevicePreference.CPU, SIZE, SIZE, 1, TestFrames.BOXES, 1)) {
            List<SceneObject> objects = List.of(boxOfWidth(1, 0.8, -2), boxOfWidth(2, 0.9, 0), boxOfWidth(3, 1.0, 2));
            RenderedFrame rendered = renderer.render(frameWith(objects, SIZE, SIZE), Set.of(RenderPass.INSTANCE_ID));
            assertThat(RendererTest.distinctIds(rendered)).containsExactly(0, 1, 2, 3);
        }
    }
}
