package io.synthscene.annotators;

import static io.synthscene.annotators.PaintedFrames.CATEGORIES;
import static io.synthscene.annotators.PaintedFrames.frame;
import static io.synthscene.annotators.PaintedFrames.rendered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthscene.scenes.frame.Frame;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeypointAnnotatorTest {
    private static final int W = 64;
    private static final int H = 48;

    @TempDir
    Path folder;

    /**
     * The painted camera stands at (0, 1.5, 10) looking along -Z with a 60 degree field of view;
     * object k stands at (k, 0, 0). A keypoint 1.5 m up on object 0's axis... here on object 1:
     * local (-1, 1.5, 0) is world (0, 1.5, 0), straight ahead: the image centre.
     */
    private final KeypointAnnotator annotator = new KeypointAnnotator(asset -> List.of(
            new LocalKeypoints.Point("centre", -1, 1.5, 0),
            new LocalKeypoints.Point("behind", -1, 1.5, 20),
            new LocalKeypoints.Point("far_left", -40, 1.5, 0)));

    private List<InstanceAnnotation> annotate(Frame frame, int[] ids) {
        return annotator.attach(frame, ids, new InstanceAnnotator().annotate(frame, rendered(0, W, H, ids)));
    }

    private static int[] idsWith(int idAtCentre) {
        int[] ids = new int[W * H];
        ids[0] = 1; // instance 1 has a pixel, so it is annotated
        ids[(H / 2) * W + W / 2] = idAtCentre;
        return ids;
    }

    @Test
    void aKeypointOnItsOwnPixelIsVisibleAndBehindTheCameraOrOutsideTheImageIsNotLabelled() {
        Keypoints keypoints = annotate(frame(0, W, H, 1), idsWith(1)).get(0).keypoints();

        assertThat(keypoints.names()).containsExactly("centre", "behind", "far_left");
        double[] xyv = keypoints.xyv();
        assertThat(xyv[0]).isCloseTo(W / 2.0, within(1e-9));
        assertThat(xyv[1]).isCloseTo(H / 2.0, within(1e-9));
        assertThat(xyv[2]).isEqualTo(2);
        assertThat(new double[] {xyv[3], xyv[4], xyv[5]}).containsExactly(0, 0, 0);
        assertThat(new double[] {xyv[6], xyv[7], xyv[8]}).containsExactly(0, 0, 0);
        assertThat(keypoints.labelled()).isEqualTo(1);
    }

    @Test
    void aKeypointWhosePixelShowsAnotherInstanceIsLabelledHidden() {
        List<InstanceAnnotation> annotations = annotate(frame(0, W, H, 1, 2), idsWith(2));

        assertThat(annotations.get(0).keypoints().xyv()[2]).isEqualTo(1);
    }

    @Test
    void cocoNamesTheKeypointsOncePerCategoryWithCocosSkeletonWhereTheNamesAllowIt() throws IOException {
        KeypointAnnotator person = new KeypointAnnotator(asset -> List.of(
                new LocalKeypoints.Point("left_hip", -1, 1.0, 0), new LocalKeypoints.Point("left_knee", -1, 0.5, 0),
                new LocalKeypoints.Point("left_ankle", -1, 0.1, 0)));
        Frame frame = frame(0, W, H, 1);
        int[] ids = idsWith(1);
        CocoDatasetWriter writer = new CocoDatasetWriter(CATEGORIES);
        writer.addImage(0, "000000.png", W, H,
                person.attach(frame, ids, new InstanceAnnotator().annotate(frame, rendered(0, W, H, ids))));
        Path file = folder.resolve("instances.json");
        writer.write(file);

        JsonNode coco = new ObjectMapper().readTree(file.toFile());
        JsonNode car = coco.get("categories").get(0);
        assertThat(car.get("keypoints")).extracting(JsonNode::asText).containsExactly("left_hip", "left_knee", "left_ankle");
        assertThat(car.get("skeleton").toString()).isEqualTo("[[3,2],[2,1]]");
        assertThat(coco.get("categories").get(1).has("keypoints")).isFalse();
        JsonNode a = coco.get("annotations").get(0);
        assertThat(a.get("keypoints")).hasSize(9);
        assertThat(a.get("num_keypoints").asInt()).isEqualTo(3);

        CocoDatasetWriter mixed = new CocoDatasetWriter(CATEGORIES);
        mixed.addImage(0, "000000.png", W, H, annotate(frame, ids));
        mixed.addImage(1, "000001.png", W, H,
                person.attach(frame, ids, new InstanceAnnotator().annotate(frame, rendered(0, W, H, ids))));
        assertThatThrownBy(() -> mixed.write(folder.resolve("mixed.json")))
                .hasMessageContaining("category car has instances with different keypoints");
    }
}
