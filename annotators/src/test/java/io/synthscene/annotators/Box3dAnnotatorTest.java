package io.synthscene.annotators;

import static io.synthscene.annotators.PaintedFrames.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthscene.scenes.frame.Frame;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Box3dAnnotatorTest {
    // A unit cube standing on its local origin (the pivot at the bottom centre).
    private final Box3dAnnotator annotator = new Box3dAnnotator(asset -> new float[] {-0.5f, 0, -0.5f, 0.5f, 1, 0.5f});

    @Test
    void aCubeFacingTheCameraHasKittiLocationDimensionsAndRotation() {
        // The painted camera stands at (0, 1.5, 10) looking along world -Z; object 1 stands at (1, 0, 0), yaw 0.
        Frame frame = frame(0, 64, 48, 1);

        Box3d box = annotator.boxes(frame).get(1);

        assertThat(box.heightMeters()).isEqualTo(1.0);
        assertThat(box.widthMeters()).isEqualTo(1.0);
        assertThat(box.lengthMeters()).isEqualTo(1.0);
        // OpenCV camera axes: x right, y down, z forward: the cube is 1 m right, 10 m ahead, its base 1.5 m below.
        assertThat(box.bottomCentre()).containsExactly(new double[] {1, 1.5, 10}, within(1e-9));
        assertThat(box.centre()).containsExactly(new double[] {1, 1.0, 10}, within(1e-9));
        // Its forward axis (world +Z) points at the camera: KITTI's rotation_y is +pi/2.
        assertThat(box.rotationY()).isCloseTo(Math.PI / 2, within(1e-9));
        assertThat(box.alpha()).isCloseTo(Math.PI / 2 - Math.atan2(1, 10), within(1e-9));
        assertThat(box.distanceMeters()).isCloseTo(Math.sqrt(1 + 1 + 100), within(1e-9));
    }

    @Test
    void cornersSpanTheScaledBoundsAndOnlyLabelledObjectsGetABox() {
        Map<Integer, Box3d> boxes = annotator.boxes(frame(0, 64, 48, 1, 2));

        assertThat(boxes).containsOnlyKeys(1, 2); // the painted scenery object (id 0) has none
        double[][] corners = boxes.get(2).corners();
        assertThat(corners).hasDimensions(8, 3);
        // Corner 0 is the min side on every axis; corner 7 the max side. Object 2 stands at (2, 0, 0).
        assertThat(corners[0]).containsExactly(new double[] {1.5, 1.5, 10.5}, within(1e-9));
        assertThat(corners[7]).containsExactly(new double[] {2.5, 0.5, 9.5}, within(1e-9));
    }

    @Test
    void headingsWrapIntoMinusPiToPi() {
        assertThat(Box3d.wrap(3 * Math.PI / 2)).isCloseTo(-Math.PI / 2, within(1e-12));
        assertThat(Box3d.wrap(-Math.PI)).isCloseTo(Math.PI, within(1e-12));
    }
}
