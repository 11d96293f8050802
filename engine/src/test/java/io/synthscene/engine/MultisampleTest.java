package io.synthscene.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.Vec3;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MSAA smooths the colour pass only; the id and depth passes stay exact. Two renderers live on one thread here. */
class MultisampleTest {
    static final int SIZE = 96;

    static Renderer single;
    static Renderer multi;

    @BeforeAll
    static void open() {
        single = Renderer.open(DevicePreference.CPU, SIZE, SIZE, 1, TestFrames.BOXES);
        multi = Renderer.open(DevicePreference.CPU, SIZE, SIZE, 4, TestFrames.BOXES);
    }

    @AfterAll
    static void close() {
        multi.close();
        single.close();
    }

    /** Two turned boxes with slanted edges against the sky and the ground. */
    static Frame slantedEdges() {
        return TestFrames.frame(
                TestFrames.camera(new Vec3(0, 2, 8), 0, -8, 50, SIZE, SIZE),
                TestFrames.sunAndAmbient(120, 40, 0.7, 0.3),
                TestFrames.ground(200),
                List.of(TestFrames.box(1, 1.5, 1.5, 1.5, new Vec3(-1, 0, 0), 35, new Material(new Rgb(0.8, 0.2, 0.1), 0.5)),
                        TestFrames.box(2, 1.0, 2.5, 1.0, new Vec3(1.2, 0, 1), -20, new Material(new Rgb(0.1, 0.3, 0.9), 0.2))));
    }

    @Test
    void idPassHoldsOnlyWholeInstanceIdsAndIsTheSameWithAndWithoutMsaa() {
        Frame frame = slantedEdges();
        RenderedFrame plain = single.render(frame, EnumSet.allOf(RenderPass.class));
        RenderedFrame smoothed = multi.render(frame, EnumSet.allOf(RenderPass.class));

        assertThat(RendererTest.distinctIds(smoothed)).containsExactly(0, 1, 2);
        assertThat(smoothed.instanceIds()).isEqualTo(plain.instanceIds());
        assertThat(smoothed.depthMeters()).isEqualTo(plain.depthMeters());
    }

    @Test
    void msaaBlendsColourAlongEdges() {
        Frame frame = slantedEdges();
        RenderedFrame plain = single.render(frame, Set.of(RenderPass.COLOR));
        RenderedFrame smoothed = multi.render(frame, Set.of(RenderPass.COLOR));
        // Resolving 4 samples creates in-between colours on edge pixels that a single sample never has.
        assertThat(distinctColours(smoothed)).isGreaterThan(distinctColours(plain) + 20);
        // away from edges the two agree: the top-left corner is sky in both
        assertThat(RendererTest.rgbAt(smoothed, 1, 1)).isEqualTo(RendererTest.rgbAt(plain, 1, 1));
    }

    private static int distinctColours(RenderedFrame rendered) {
        Set<Integer> colours = new HashSet<>();
        byte[] rgb = rendered.rgb();
        for (int i = 0; i < rgb.length; i += 3) {
            colours.add(((rgb[i] & 0xFF) << 16) | ((rgb[i + 1] & 0xFF) << 8) | (rgb[i + 2] & 0xFF));
        }
        return colours.size();
    }
}
