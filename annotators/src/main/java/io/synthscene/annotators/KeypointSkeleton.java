package io.synthscene.annotators;

import java.util.ArrayList;
import java.util.List;

/**
 * The bones COCO draws between keypoints ({@code skeleton}, 1-based indices into the category's
 * keypoint names), for whichever of COCO's 17 person keypoints or Animal-Pose's 20 animal
 * keypoints (the built-in dog and deer) a list names.
 */
final class KeypointSkeleton {
    /** COCO's person skeleton, by name. */
    private static final String[][] PERSON_BONES = {
        {"left_ankle", "left_knee"}, {"left_knee", "left_hip"}, {"right_ankle", "right_knee"}, {"right_knee", "right_hip"},
        {"left_hip", "right_hip"}, {"left_shoulder", "left_hip"}, {"right_shoulder", "right_hip"},
        {"left_shoulder", "right_shoulder"}, {"left_shoulder", "left_elbow"}, {"right_shoulder", "right_elbow"},
        {"left_elbow", "left_wrist"}, {"right_elbow", "right_wrist"}, {"left_eye", "right_eye"}, {"nose", "left_eye"},
        {"nose", "right_eye"}, {"left_eye", "left_ear"}, {"right_eye", "right_ear"}, {"left_ear", "left_shoulder"},
        {"right_ear", "right_shoulder"},
    };

    /** The Animal-Pose data set's skeleton, by name. */
    private static final String[][] ANIMAL_BONES = {
        {"left_eye", "right_eye"}, {"left_eye", "nose"}, {"right_eye", "nose"}, {"left_eye", "left_ear_base"},
        {"right_eye", "right_ear_base"}, {"nose", "throat"}, {"throat", "withers"}, {"tail_base", "withers"},
        {"left_front_elbow", "withers"}, {"right_front_elbow", "withers"}, {"left_back_elbow", "tail_base"},
        {"right_back_elbow", "tail_base"}, {"left_front_elbow", "left_front_knee"}, {"right_front_elbow", "right_front_knee"},
        {"left_back_elbow", "left_back_knee"}, {"right_back_elbow", "right_back_knee"}, {"left_front_knee", "left_front_paw"},
        {"right_front_knee", "right_front_paw"}, {"left_back_knee", "left_back_paw"}, {"right_back_knee", "right_back_paw"},
    };

    private KeypointSkeleton() {
    }

    /** The bones both of whose ends are in {@code names}, as 1-based index pairs. */
    static List<int[]> of(List<String> names) {
        List<int[]> bones = new ArrayList<>();
        boolean animal = names.contains("withers");
        for (String[] bone : animal ? ANIMAL_BONES : PERSON_BONES) {
            int a = names.indexOf(bone[0]);
            int b = names.indexOf(bone[1]);
            if (a >= 0 && b >= 0) {
                bones.add(new int[] {a + 1, b + 1});
            }
        }
        return bones;
    }
}
