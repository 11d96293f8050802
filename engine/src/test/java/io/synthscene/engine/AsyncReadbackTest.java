package io.synthscene.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.Vec3;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Reading back through the ring of pixel buffer objects ({@code startRender} / {@code collectRender})
 * gives exactly what the synchronous {@code render} gives, with several frames in flight.
 */
class AsyncReadbackTest {
    /** Not a multiple of 4: colour rows of 3-byte pixels are then not 4-byte aligned. */
    static final int WIDTH = 90;
    static final int HEIGHT = 70;
    static final Set<RenderPass> ALL = EnumSet.allOf(RenderPass.class);

    /** Frame {@code index}: two boxes whose positions, turns and colours change with the index. */
    static Frame frame(int index) {
        Frame base = TestFrames.frame(
                TestFrames.camera(new Vec3(0.3 * index, 2, 9), 3 * index, -8, 55, WIDTH, HEIGHT),
                TestFrames.sunAndAmbient(40 * index, 35, 0.7, 0.3),
                TestFrames.ground(200),
                List.of(TestFrames.box(1, 1.5, 1.2 + 0.1 * index, 1.5, new Vec3(-1.5 + 0.2 * index, 0, 0), 17 * index,
                                new Material(new Rgb(0.8, 0.1 * index % 1, 0.1), 0.4)),
                        TestFrames.box(2, 1.0, 2.5, 1.0, new Vec3(1.2, 0, 1 - 0.3 * index), -11 * index,
                                new Material(new Rgb(0.1, 0.3, 0.9), 0.2))));
        return new Frame(index, base.sceneSeed(), base.camera(), base.lighting(), base.ground(), base.categories(),
                base.objects());
    }

    @Test
    void framesCollectedFromTheRingAreByteIdenticalToSynchronousRendersWithTheRingFull() {
        int frameCount = 3 * Renderer.READBACK_RING_SIZE + 1;
        try (Renderer renderer = Renderer.open(DevicePreference.CPU, WIDTH, HEIGHT, 4, TestFrames.BOXES)) {
            List<RenderedFrame> expected = new ArrayList<>();
            for (int i = 0; i < frameCount; i++) {
                expected.add(renderer.render(frame(i), ALL));
            }
            List<RenderedFrame> collected = new ArrayList<>();
            for (int i = 0; i < frameCount; i++) {
                if (renderer.framesInFlight() == Renderer.READBACK_RING_SIZE) {
                    collected.add(renderer.collectRender());
                }
                renderer.startRender(frame(i), ALL);
                // A synchronous render between asynchronous ones must neither disturb them nor be disturbed.
                RenderedFrame between = renderer.render(frame(frameCount - 1 - i), ALL);
                assertSame(between, expected.get(frameCount - 1 - i));
            }
            assertThat(renderer.framesInFlight()).isEqualTo(Renderer.READBACK_RING_SIZE);
            while (renderer.framesInFlight() > 0) {
                collected.add(renderer.collectRender());
            }
            assertThat(collected).hasSize(frameCount);
            for (int i = 0; i < frameCount; i++) {
                assertThat(collected.get(i).index()).isEqualTo(i);
                assertSame(collected.get(i), expected.get(i));
            }
            // Frames differ from one another, so a ring that handed back a stale slot would be caught.
            assertThat(collected.get(0).rgb()).isNotEqualTo(collected.get(1).rgb());
            assertThat(collected.get(0).instanceIds()).isNotEqualTo(collected.get(1).instanceIds());
        }
    }

    @Test
    void framesCopiedOnOtherThreadsOutOfOrderAreByteIdenticalAndTheirSlotsAreReused() throws Exception {
        // More frames than slots: the ring only goes on if each copy frees its slot.
        int frameCount = 3 * (Renderer.READBACK_RING_SIZE + Renderer.READBACK_SPARE_SLOTS);
        java.util.concurrent.ExecutorService copiers = java.util.concurrent.Executors.newFixedThreadPool(3);
        try (Renderer renderer = Renderer.open(DevicePreference.CPU, WIDTH, HEIGHT, 4, TestFrames.BOXES)) {
            List<RenderedFrame> expected = new ArrayList<>();
            for (int i = 0; i < frameCount; i++) {
                expected.add(renderer.render(frame(i), ALL));
            }
            List<java.util.concurrent.Future<RenderedFrame>> copies = new ArrayList<>();
            List<FramePixels> held = new ArrayList<>(); // copied late, in reverse order, by batches
            for (int i = 0; i < frameCount; i++) {
                if (renderer.framesInFlight() == Renderer.READBACK_RING_SIZE) {
                    held.add(renderer.collectPixels());
                }
                if (held.size() == Renderer.READBACK_SPARE_SLOTS) {
                    for (int k = held.size() - 1; k >= 0; k--) {
                        FramePixels pixels = held.get(k);
                        copies.add(copiers.submit(pixels::toRenderedFrame));
                    }
                    held.clear();
                }
                renderer.startRender(frame(i), ALL);
            }
            while (renderer.framesInFlight() > 0) {
                held.add(renderer.collectPixels());
            }
            for (FramePixels pixels : held) {
                copies.add(copiers.submit(pixels::toRenderedFrame));
            }
            assertThat(copies).hasSize(frameCount);
            for (java.util.concurrent.Future<RenderedFrame> copy : copies) {
                RenderedFrame frame = copy.get();
                assertSame(frame, expected.get(frame.index()));
            }
        } finally {
            copiers.shutdownNow();
        }
    }

    @Test
    void framePixelsAreCopiedOnceAndNotAfterTheRendererIsClosed() {
        FramePixels late;
        try (Renderer renderer = Renderer.open(DevicePreference.CPU, WIDTH, HEIGHT, 1, TestFrames.BOXES)) {
            renderer.startRender(frame(0), ALL);
            renderer.startRender(frame(1), ALL);
            FramePixels first = renderer.collectPixels();
            assertThat(first.index()).isZero();
            assertThat(first.toRenderedFrame().index()).isZero();
            assertThatThrownBy(first::toRenderedFrame).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already copied");
            late = renderer.collectPixels();
        }
        assertThatThrownBy(late::toRenderedFrame).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed before frame 1");
    }

    @Test
    void onlyThePassesAskedForComeBackEvenFromASlotThatHeldOthersBefore() {
        try (Renderer renderer = Renderer.open(DevicePreference.CPU, WIDTH, HEIGHT, 1, TestFrames.BOXES)) {
            for (int i = 0; i < Renderer.READBACK_RING_SIZE; i++) {
                renderer.startRender(frame(i), ALL);
                renderer.collectRender();
            }
            renderer.startRender(frame(5), EnumSet.of(RenderPass.INSTANCE_ID));
            renderer.startRender(frame(6), EnumSet.of(RenderPass.COLOR));
            RenderedFrame ids = renderer.collectRender();
            RenderedFrame color = renderer.collectRender();

            assertThat(ids.rgb()).isNull();
            assertThat(ids.depthMeters()).isNull();
            assertThat(ids.instanceIds()).isEqualTo(renderer.render(frame(5), ALL).instanceIds());
            assertThat(color.instanceIds()).isNull();
            assertThat(color.depthMeters()).isNull();
            assertThat(color.rgb()).isEqualTo(renderer.render(frame(6), ALL).rgb());
        }
    }

    @Test
    void aFullRingRefusesAnotherFrameAndAnEmptyOneHasNothingToCollect() {
        Renderer renderer = Renderer.open(DevicePreference.CPU, WIDTH, HEIGHT, 1, TestFrames.BOXES);
        try {
            assertThatThrownBy(renderer::collectRender).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no frame is in flight");
            for (int i = 0; i < Renderer.READBACK_RING_SIZE; i++) {
                renderer.startRender(frame(i), ALL);
            }
            assertThatThrownBy(() -> renderer.startRender(frame(9), ALL)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already in flight");
            assertThatThrownBy(() -> renderer.startRender(TestFrames.frame(
                    TestFrames.camera(new Vec3(0, 2, 9), 0, 0, 50, WIDTH + 1, HEIGHT), TestFrames.sunAndAmbient(0, 30, 1, 0.2),
                    null, List.of()), ALL)).isInstanceOf(IllegalArgumentException.class);
            assertThat(renderer.collectRender().index()).isZero();
        } finally {
            renderer.close(); // two frames still in flight: their buffers and fences go with the renderer
        }
        assertThatThrownBy(() -> renderer.startRender(frame(0), ALL)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(renderer::collectRender).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void drawOnlyThenFinishLeavesTheNextReadbackUnchanged() {
        try (Renderer renderer = Renderer.open(DevicePreference.CPU, WIDTH, HEIGHT, 4, TestFrames.BOXES)) {
            RenderedFrame before = renderer.render(frame(2), ALL);
            renderer.drawOnly(frame(7), ALL);
            renderer.finish();
            assertSame(renderer.render(frame(2), ALL), before);
        }
    }

    private static void assertSame(RenderedFrame actual, RenderedFrame expected) {
        assertThat(actual.index()).isEqualTo(expected.index());
        assertThat(actual.width()).isEqualTo(expected.width());
        assertThat(actual.height()).isEqualTo(expected.height());
        assertThat(actual.rgb()).isEqualTo(expected.rgb());
        assertThat(actual.instanceIds()).isEqualTo(expected.instanceIds());
        assertThat(actual.depthMeters()).isEqualTo(expected.depthMeters());
        assertThat(actual.device()).isEqualTo(expected.device());
    }
}
