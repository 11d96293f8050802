package io.synthscene.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.assets.Mesh;
import io.synthscene.assets.MeshSource;
import io.synthscene.assets.Primitives;
import io.synthscene.scenes.frame.AssetRef;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.Material;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Vec3;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A part takes its slot's colour from the object when the frame sets one, else its own default,
 * else the object's material. Under white ambient light only, a channel that is zero in the base
 * colour reads exactly zero, so each part's colour source shows without any shading arithmetic.
 */
class SlotColorsRenderTest {
    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;
    private static final Material RED_LID = new Material(new Rgb(0.5, 0, 0), 1.0);

    /** A 2 x 1 x 1 m block in the main slot with a 2 x 1 x 1 m "lid" (default red) stacked on it. */
    private static final MeshSource STACK = asset -> new Mesh("stack", List.of(
            Primitives.box("body", -1, 0, -0.5f, 1, 1, 0.5f, null),
            Primitives.box("lid", -1, 1, -0.5f, 1, 2, 0.5f, RED_LID)));

    private static Frame frame(Map<String, Rgb> slotColors) {
        SceneObject stack = new SceneObject(1, 1, "box", "stacks", AssetRef.procedural("stack", Map.of()), Vec3.ZERO, 0, 0, 0, 1,
                new Material(new Rgb(0.5, 0.5, 0.5), 1.0), slotColors);
        // Camera 5 m in front at the height of the seam (y = 1): the lid fills the rows above the
        // middle, the body those below.
        return new Frame(0, 0, TestFrames.camera(new Vec3(0, 1, 5), 0, 0, 60, WIDTH, HEIGHT),
                TestFrames.ambientOnly(new Rgb(1, 1, 1), 1.0), null, TestFrames.CATEGORIES, List.of(stack));
    }

    private static int[] rgbAt(RenderedFrame frame, int x, int y) {
        int at = (y * frame.width() + x) * 3;
        return new int[] {frame.rgb()[at] & 0xff, frame.rgb()[at + 1] & 0xff, frame.rgb()[at + 2] & 0xff};
    }

    @Test
    void aSlotColourReplacesThePartsDefaultAndTheMainSlotKeepsTheObjectsMaterial() {
        try (Renderer renderer = Renderer.open(DevicePreference.CPU, WIDTH, HEIGHT, 1, STACK)) {
            RenderedFrame plain = renderer.render(frame(Map.of()), Set.of(RenderPass.COLOR));
            RenderedFrame green = renderer.render(frame(Map.of("lid", new Rgb(0, 0.5, 0))), Set.of(RenderPass.COLOR));
            int lidRow = HEIGHT / 2 - 8;
            int bodyRow = HEIGHT / 2 + 8;
            int[] defaultLid = rgbAt(plain, WIDTH / 2, lidRow);
            assertThat(defaultLid[0]).as("red lid by default").isGreaterThan(0);
            assertThat(defaultLid[1]).isZero();
            assertThat(defaultLid[2]).isZero();
            int[] greenLid = rgbAt(green, WIDTH / 2, lidRow);
            assertThat(greenLid[0]).as("the slot colour wins").isZero();
            assertThat(greenLid[1]).isGreaterThan(0);
            assertThat(greenLid[2]).isZero();
            int[] body = rgbAt(green, WIDTH / 2, bodyRow);
            assertThat(body[0]).as("the main slot is the object's grey").isGreaterThan(0).isEqualTo(body[1]).isEqualTo(body[2]);
            assertThat(rgbAt(plain, WIDTH / 2, bodyRow)).isEqualTo(body);
        }
    }
}
