package io.synthscene.annotators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeypointSkeletonTest {
    private static final List<String> ANIMAL_POSE = List.of("left_eye", "right_eye", "left_ear_base", "right_ear_base", "nose",
            "throat", "tail_base", "withers", "left_front_elbow", "right_front_elbow", "left_back_elbow", "right_back_elbow",
            "left_front_knee", "right_front_knee", "left_back_knee", "right_back_knee", "left_front_paw", "right_front_paw",
            "left_back_paw", "right_back_paw");
    private static final List<String> COCO_PERSON = List.of("nose", "left_eye", "right_eye", "left_ear", "right_ear",
            "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_hip", "right_hip",
            "left_knee", "right_knee", "left_ankle", "right_ankle");

    @Test
    void animalPoseKeypointsGetTheAnimalSkeletonJoiningEveryPoint() {
        List<int[]> bones = KeypointSkeleton.of(ANIMAL_POSE);
        assertThat(bones).hasSize(20);
        boolean[] joined = new boolean[ANIMAL_POSE.size() + 1];
        for (int[] bone : bones) {
            assertThat(bone[0]).isBetween(1, 20);
            assertThat(bone[1]).isBetween(1, 20);
            joined[bone[0]] = true;
            joined[bone[1]] = true;
        }
        for (int i = 1; i <= 20; i++) {
            assertThat(joined[i]).as(ANIMAL_POSE.get(i - 1)).isTrue();
        }
        // a paw hangs from its knee: right_front_paw (18) to right_front_knee (14)
        assertThat(bones).anySatisfy(b -> assertThat(List.of(b[0], b[1])).containsExactlyInAnyOrder(14, 18));
    }

    @Test
    void personKeypointsKeepCocosNineteenBones() {
        assertThat(KeypointSkeleton.of(COCO_PERSON)).hasSize(19);
    }
}
