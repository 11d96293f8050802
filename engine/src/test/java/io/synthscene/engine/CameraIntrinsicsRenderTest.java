package io.synthscene.engine;

import static io.synthscene.engine.TestFrames.GREY;
import static io.synthscene.engine.TestFrames.box;
import static io.synthscene.engine.TestFrames.frame;
import static io.synthscene.engine.TestFrames.ground;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.SceneObject;
import io.synthscene.scenes.frame.Vec3;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A focal length in pixels and a principal point offset render where K says: the id mask of a
 * box at a known pose is the rectangle of its corners projected with K (worked out on the CPU by
 * {@link PinholeProjection}), within {@link RenderTolerances#BBOX_PIXELS}.
 */
class CameraIntrinsicsRenderTest {
    private static final int WIDTH = 128;
    private static final int HEIGHT = 96;
    private static Renderer renderer;

    @BeforeAll
    static void open() {
        renderer = Renderer.open(DevicePreference.AUTO, WIDTH, HEIGHT, 1, TestFrames.BOXES);
    }

    @AfterAll
    static void close() {
        renderer.close();
    }

    /** Level camera 1.5 m up at z = 10 looking along -Z at a 2 x 1 x 1 box, x -0.7..1.3, y 0.8..1.8, z -0.5..0.5. */
    private static Frame boxSeenBy(double focalLengthPixels, double dxPixels, double dyPixels) {
        Camera camera = new Camera(new Vec3(0, 1.5, 10), 0, 0, 0,
                Camera.hfovDegreesForFocalLength(focalLengthPixels, WIDTH), 0.1, 100, WIDTH, HEIGHT, dxPixels, dyPixels);
        SceneObject box = box(1, 2, 1, 1, new Vec3(0.3, 0.8, 0), 0, GREY);
        return frame(camera, TestFrames.ambientOnly(new Rgb(1, 1, 1), 0.5), ground(200), List.of(box));
    }

    private static int[] expectedRectangle(Frame frame) {
        double[] extent = new PinholeProjection(frame.camera()).projectedExtent(-0.7, 0.8, -0.5, 1.3, 1.8, 0.5);
        return PinholeProjection.pixelsCovered(extent[0], extent[1], extent[2], extent[3]);
    }

    private static void assertMaskIsTheProjectedRectangle(Frame frame) {
        RenderedFrame rendered = renderer.render(frame, Set.of(RenderPass.INSTANCE_ID));
        int[] expected = expectedRectangle(frame);
        Mask mask = Mask.of(rendered, 1);
        for (int i = 0; i < 4; i++) {
            assertThat(mask.bbox()[i]).as("bbox[%d]", i).isCloseTo(expected[i], within(RenderTolerances.BBOX_PIXELS));
        }
        assertThat(mask.count()).as("a head-on box face is a solid rectangle").isEqualTo(mask.bboxArea());
    }

    @Test
    void aLongerFocalLengthInPixelsRendersTheBoxWhereKPutsIt() {
        Frame wide = boxSeenBy(70, 0, 0);
        Frame tele = boxSeenBy(140, 0, 0);
        assertThat(Mask.areaOf(expectedRectangle(tele))).as("the setup magnifies")
                .isGreaterThan(3 * Mask.areaOf(expectedRectangle(wide)));
        assertMaskIsTheProjectedRectangle(wide);
        assertMaskIsTheProjectedRectangle(tele);
    }

    @Test
    void aPrincipalPointOffsetShiftsTheBoxByTheOffset() {
        Frame shifted = boxSeenBy(100, 17.5, -11.25);
        int[] centred = expectedRectangle(boxSeenBy(100, 0, 0));
        int[] moved = expectedRectangle(shifted);
        assertThat(moved[0] - centred[0]).as("the setup moves the box right").isBetween(17, 18);
        assertThat(moved[1] - centred[1]).as("the setup moves the box up").isBetween(-12, -11);
        assertMaskIsTheProjectedRectangle(shifted);
        assertMaskIsTheProjectedRectangle(boxSeenBy(80, -9, 6.5));
    }
}
