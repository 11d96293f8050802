package io.synthscene.annotators;

import static io.synthscene.annotators.PaintedFrames.frame;
import static io.synthscene.annotators.PaintedFrames.ids;
import static io.synthscene.annotators.PaintedFrames.rendered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthscene.scenes.frame.RenderPass;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstanceAnnotatorTest {
    private final InstanceAnnotator annotator = new InstanceAnnotator();

    /*
     * 8 wide, 6 tall. Instance 1 (car) touches all four borders in two pieces; 2 (person) is an
     * L; 3 (sign) is a ring with a hole at (6, 3) and touches the right border; 4 (car) is in the
     * frame but hidden: no pixels.
     */
    private static final int[] SCENE = ids(
            "11000000",
            "10020000",
            "00020333",
            "00022303",
            "00000333",
            "00000001");

    @Test
    void needsOnlyTheInstanceIdPass() {
        assertThat(annotator.requiredPasses()).containsExactly(RenderPass.INSTANCE_ID);
    }

    @Test
    void handPaintedInstancesGetTightBoxesPixelCountsAndCategories() {
        List<InstanceAnnotation> annotations = annotator.annotate(frame(5, 8, 6, 1, 2, 3, 1), rendered(5, 8, 6, SCENE));

        assertThat(annotations).extracting(InstanceAnnotation::instanceId).containsExactly(1, 2, 3);
        InstanceAnnotation touchingBorders = annotations.get(0);
        assertThat(touchingBorders.bboxXywh()).containsExactly(0, 0, 8, 6);
        assertThat(touchingBorders.area()).isEqualTo(4);
        assertThat(touchingBorders.categoryId()).isEqualTo(1);

        InstanceAnnotation lShape = annotations.get(1);
        assertThat(lShape.bboxXywh()).containsExactly(3, 1, 2, 3);
        assertThat(lShape.area()).isEqualTo(4);
        assertThat(lShape.categoryId()).isEqualTo(2);

        InstanceAnnotation ring = annotations.get(2);
        assertThat(ring.bboxXywh()).containsExactly(5, 2, 3, 3);
        assertThat(ring.area()).isEqualTo(8);
        assertThat(ring.categoryId()).isEqualTo(3);
        assertThat(annotations).allSatisfy(a -> assertThat(a.visiblePixels()).isEqualTo(a.area()));
    }

    @Test
    void everyMaskDecodesToExactlyItsInstancesPixels() {
        List<InstanceAnnotation> annotations = annotator.annotate(frame(5, 8, 6, 1, 2, 3, 1), rendered(5, 8, 6, SCENE));

        for (InstanceAnnotation a : annotations) {
            boolean[] decoded = ReferenceCocoRleDecoder.mask(a.rle().countsString(), 6, 8);
            for (int i = 0; i < SCENE.length; i++) {
                assertThat(decoded[i]).as("instance %d, pixel (%d, %d)", a.instanceId(), i % 8, i / 8)
                        .isEqualTo(SCENE[i] == a.instanceId());
            }
        }
    }

    /*
     * Instance 2 in column-major order (height 6, position = x * 6 + y): (3,1) (3,2) (3,3) are
     * positions 19, 20, 21 and (4,3) is 27. Runs: 19 out, 3 in, 5 out (22..26), 1 in, 20 out (28..47).
     */
    @Test
    void lShapedInstanceHasHandComputedRleCounts() {
        List<InstanceAnnotation> annotations = annotator.annotate(frame(5, 8, 6, 1, 2, 3, 1), rendered(5, 8, 6, SCENE));

        assertThat(annotations.get(1).rle().counts()).containsExactly(19, 3, 5, 1, 20);
        assertThat(annotations.get(1).rle().size()).containsExactly(6, 8);
    }

    @Test
    void instanceWithoutPixelsIsAbsent() {
        List<InstanceAnnotation> annotations = annotator.annotate(frame(5, 8, 6, 1, 2, 3, 1), rendered(5, 8, 6, SCENE));

        assertThat(annotations).extracting(InstanceAnnotation::instanceId).doesNotContain(4);
    }

    @Test
    void runWrappingFromOneColumnIntoTheNextSpansTheFullHeight() {
        // (0, 3) and (1, 0) are neighbours in column-major order: one run across the column break.
        int[] scene = ids(
                "010",
                "000",
                "000",
                "100");

        InstanceAnnotation a = annotator.annotate(frame(0, 3, 4, 1), rendered(0, 3, 4, scene)).get(0);

        assertThat(a.rle().counts()).containsExactly(3, 2, 7);
        assertThat(a.bboxXywh()).containsExactly(0, 0, 2, 4);
        assertThat(a.area()).isEqualTo(2);
    }

    @Test
    void instanceCoveringTheWholeImageStartsWithAnEmptyBackgroundRun() {
        InstanceAnnotation a = annotator.annotate(frame(0, 2, 2, 2), rendered(0, 2, 2, ids("11", "11"))).get(0);

        assertThat(a.rle().counts()).containsExactly(0, 4);
        assertThat(a.bboxXywh()).containsExactly(0, 0, 2, 2);
    }

    @Test
    void emptyIdImageGivesNoAnnotations() {
        assertThat(annotator.annotate(frame(0, 3, 2, 1, 2), rendered(0, 3, 2, new int[6]))).isEmpty();
    }

    @Test
    void idWithoutALabelledObjectIsAnErrorNamingIt() {
        int[] scene = ids("0010", "0070");

        assertThatThrownBy(() -> annotator.annotate(frame(3, 4, 2, 1), rendered(3, 4, 2, scene)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("instance id 7")
                .hasMessageContaining("(2, 1)")
                .hasMessageContaining("frame 3");
    }

    @Test
    void missingIdPassOrMismatchedSizeIsRejected() {
        assertThatThrownBy(() -> annotator.annotate(frame(0, 2, 2, 1), rendered(0, 2, 2, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INSTANCE_ID");
        assertThatThrownBy(() -> annotator.annotate(frame(0, 4, 1, 1), rendered(0, 2, 2, new int[4])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4x1");
    }

    @Test
    void randomIdImagesMatchABruteForceCountPerInstance() {
        SplittableRandom random = new SplittableRandom(7L);
        for (int trial = 0; trial < 100; trial++) {
            int width = 1 + random.nextInt(30);
            int height = 1 + random.nextInt(30);
            int instances = 1 + random.nextInt(6);
            int[] categories = new int[instances];
            for (int i = 0; i < instances; i++) {
                categories[i] = 1 + random.nextInt(3);
            }
            int[] scene = randomBlobs(random, width, height, instances);

            List<InstanceAnnotation> annotations = annotator.annotate(frame(trial, width, height, categories),
                    rendered(trial, width, height, scene));

            int expectedInstance = 0;
            for (int id = 1; id <= instances; id++) {
                BruteForce expected = BruteForce.of(scene, width, height, id);
                if (expected.area == 0) {
                    assertThat(annotations).extracting(InstanceAnnotation::instanceId).doesNotContain(id);
                    continue;
                }
                InstanceAnnotation a = annotations.get(expectedInstance++);
                assertThat(a.instanceId()).isEqualTo(id);
                assertThat(a.categoryId()).isEqualTo(categories[id - 1]);
                assertThat(a.area()).isEqualTo(expected.area);
                assertThat(a.bboxXywh()).containsExactly(expected.minX, expected.minY,
                        expected.maxX - expected.minX + 1, expected.maxY - expected.minY + 1);
                assertThat(a.rle()).isEqualTo(CocoRle.fromIdImage(scene, width, height, v -> v == a.instanceId()));
            }
            assertThat(annotations).hasSize(expectedInstance);
        }
    }

    /** Rectangles of random ids painted over each other, plus some salt noise. */
    private static int[] randomBlobs(SplittableRandom random, int width, int height, int instances) {
        int[] scene = new int[width * height];
        for (int r = 0; r < 8; r++) {
            int id = random.nextInt(instances + 1);
            int x0 = random.nextInt(width);
            int y0 = random.nextInt(height);
            int x1 = x0 + random.nextInt(width - x0);
            int y1 = y0 + random.nextInt(height - y0);
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    scene[y * width + x] = id;
                }
            }
        }
        for (int i = 0; i < scene.length; i++) {
            if (random.nextInt(20) == 0) {
                scene[i] = random.nextInt(instances + 1);
            }
        }
        return scene;
    }

    /** The obvious per-instance scan the annotator's single sweep must agree with. */
    private record BruteForce(long area, int minX, int minY, int maxX, int maxY) {
        static BruteForce of(int[] scene, int width, int height, int id) {
            long area = 0;
            int minX = Integer.MAX_VALUE;
            int minY = Integer.MAX_VALUE;
            int maxX = -1;
            int maxY = -1;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    if (scene[y * width + x] == id) {
                        area++;
                        minX = Math.min(minX, x);
                        minY = Math.min(minY, y);
                        maxX = Math.max(maxX, x);
                        maxY = Math.max(maxY, y);
                    }
                }
            }
            return new BruteForce(area, minX, minY, maxX, maxY);
        }
    }
}
