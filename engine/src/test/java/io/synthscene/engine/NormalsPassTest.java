package io.synthscene.engine;

import static io.synthscene.engine.TestFrames.GREY;
import static io.synthscene.engine.TestFrames.box;
import static io.synthscene.engine.TestFrames.camera;
import static io.synthscene.engine.TestFrames.frame;
import static io.synthscene.engine.TestFrames.ground;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import io.synthscene.scenes.frame.Rgb;
import io.synthscene.scenes.frame.Vec3;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The NORMALS pass: camera-space normals with answers known in advance (OpenCV axes: y down, z forward). */
class NormalsPassTest {
    static final int WIDTH = 96;
    static final int HEIGHT = 64;
    static Renderer renderer;

    @BeforeAll
    static void open() {
        renderer = Renderer.open(DevicePreference.AUTO, WIDTH, HEIGHT, 1, TestFrames.BOXES);
    }

    @AfterAll
    static void close() {
        renderer.close();
    }

    /** Level camera 1.5 m up looking along -Z at a box whose +Z face is square to it, over a ground plane. */
    private static Frame boxOnGround(double cameraYawDegrees) {
        return frame(camera(new Vec3(0, 1.5, 10), cameraYawDegrees, 0, 50, WIDTH, HEIGHT),
                TestFrames.ambientOnly(new Rgb(1, 1, 1), 0.5), ground(200), List.of(box(1, 2, 2, 1, new Vec3(0, 0.5, 0), 0, GREY)));
    }

    private static float[] normalAt(RenderedFrame rendered, int x, int y) {
        int p = (y * rendered.width() + x) * 3;
        return new float[] {rendered.normals()[p], rendered.normals()[p + 1], rendered.normals()[p + 2]};
    }

    @Test
    void aFaceSquareToTheCameraPointsBackAlongMinusZTheGroundUpAndTheSkyIsZero() {
        RenderedFrame rendered = renderer.render(boxOnGround(0), EnumSet.of(RenderPass.NORMALS, RenderPass.INSTANCE_ID));

        assertThat(rendered.instanceIdAt(WIDTH / 2, HEIGHT / 2)).as("the box covers the centre").isEqualTo(1);
        assertThat(normalAt(rendered, WIDTH / 2, HEIGHT / 2)).containsExactly(new float[] {0, 0, -1}, within(1e-4f));
        // Bottom rows see the ground: up is -y in OpenCV camera axes.
        assertThat(normalAt(rendered, 2, HEIGHT - 1)).containsExactly(new float[] {0, -1, 0}, within(1e-4f));
        assertThat(normalAt(rendered, 2, 0)).as("sky").containsExactly(0f, 0f, 0f);
    }

    @Test
    void normalsTurnWithTheCameraNotWithTheWorld() {
        // Yawed 10 degrees left (counter-clockwise from above): camera right is (cos 10, 0, -sin 10) in the
        // world, so the face's world normal +Z has camera x = -sin 10 and z = -cos 10.
        RenderedFrame rendered = renderer.render(boxOnGround(10), EnumSet.of(RenderPass.NORMALS, RenderPass.INSTANCE_ID));
        int boxPixel = -1;
        for (int x = 0; x < WIDTH && boxPixel < 0; x++) {
            if (rendered.instanceIdAt(x, HEIGHT / 2) == 1) {
                boxPixel = x + 3;
            }
        }
        double yaw = Math.toRadians(10);
        assertThat(normalAt(rendered, boxPixel, HEIGHT / 2))
                .containsExactly(new float[] {(float) -Math.sin(yaw), 0, (float) -Math.cos(yaw)}, within(1e-4f));
    }

    @Test
    void normalsChangeNoOtherPassAndComeOnlyWhenAskedFor() {
        Frame frame = boxOnGround(0);
        RenderedFrame without = renderer.render(frame, EnumSet.of(RenderPass.COLOR, RenderPass.INSTANCE_ID, RenderPass.DEPTH));
        RenderedFrame with = renderer.render(frame, EnumSet.allOf(RenderPass.class));

        assertThat(without.normals()).isNull();
        assertThat(with.instanceIds()).isEqualTo(without.instanceIds());
        assertThat(with.depthMeters()).isEqualTo(without.depthMeters());
        assertThat(with.rgb()).isEqualTo(without.rgb());
        for (int p = 0; p < WIDTH * HEIGHT; p++) {
            boolean hit = Float.isFinite(with.depthMeters()[p]);
            float[] n = {with.normals()[3 * p], with.normals()[3 * p + 1], with.normals()[3 * p + 2]};
            double length = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
            assertThat(length).as("pixel %d", p).isCloseTo(hit ? 1.0 : 0.0, within(1e-4));
        }
    }
}
