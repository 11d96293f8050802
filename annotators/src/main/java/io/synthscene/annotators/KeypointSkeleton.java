package io.synthscene.annotators;

import java.util.ArrayList;
import java.util.List;

/**
 * The bones COCO draws between person keypoints ({@code skeleton}, 1-based indices into the
 * category's keypoint names), for whichever of COCO's 17 person keypoints a list names.
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

    private KeypointSkeleton() {
    }

    /** The bones both of whose ends are in {@code names}, as 1-based index pairs. */
    static List<int[]> of(List<String> names) {
        List<int[]> bones = new ArrayList<>();
        for (String[] bone : PERSON_BONES) {
            int a = names.indexOf(bone[0]);
            int b = names.indexOf(bone[1]);
            if (a >= 0 && b >= 0) {
                bones.add(new int[] {a + 1, b + 1});
            }
        }
        return bones;
    }
}
