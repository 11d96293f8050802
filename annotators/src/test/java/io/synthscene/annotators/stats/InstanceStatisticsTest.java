package io.synthscene.annotators.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.annotators.CocoDataset;
import io.synthscene.annotators.CocoReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Category shares, objects per image, box size and aspect ratio of a COCO file written by hand. */
class InstanceStatisticsTest {
    /**
     * 3 images; cat x3, dog x1, bird x0, and a crowd region that is no instance. Image 3 is empty.
     * Boxes: 4x4 (size 4, aspect 1) three times, 8x2 (size 4, aspect 4) once.
     */
    static final String COCO = """
            {"images": [{"id": 1, "file_name": "a.png", "width": 64, "height": 48},
                        {"id": 2, "file_name": "b.png", "width": 64, "height": 48},
                        {"id": 3, "file_name": "c.png", "width": 64, "height": 48}],
             "categories": [{"id": 1, "name": "cat"}, {"id": 2, "name": "dog"}, {"id": 3, "name": "bird"}],
             "annotations": [
               {"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 4, 4], "area": 16, "iscrowd": 0,
                "segmentation": [[0, 0, 4, 0, 4, 4, 0, 4]]},
               {"id": 2, "image_id": 1, "category_id": 1, "bbox": [10, 10, 4, 4], "area": 16,
                "segmentation": [[10, 10, 14, 10, 14, 14, 10, 14]]},
               {"id": 3, "image_id": 2, "category_id": 1, "bbox": [0, 0, 4, 4], "area": 16,
                "segmentation": [[0, 0, 4, 0, 4, 4, 0, 4]]},
               {"id": 4, "image_id": 2, "category_id": 2, "bbox": [20, 20, 8, 2], "area": 16,
                "segmentation": [[20, 20, 28, 20, 28, 22, 20, 22]]},
               {"id": 5, "image_id": 2, "category_id": 2, "bbox": [0, 0, 30, 30], "area": 900, "iscrowd": 1,
                "segmentation": {"size": [48, 64], "counts": [0, 3072]}}]}
            """;

    @TempDir
    Path temp;

    @Test
    void sharesCountEveryCategoryAndLeaveCrowdRegionsOut() throws IOException {
        InstanceStatistics s = statistics();
        assertThat(s.images()).isEqualTo(3);
        assertThat(s.instances()).isEqualTo(4);
        assertThat(s.crowdAnnotations()).isEqualTo(1);
        assertThat(s.categories()).extracting(InstanceStatistics.CategoryCount::name, InstanceStatistics.CategoryCount::instances)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cat", 3L), org.assertj.core.groups.Tuple.tuple("dog", 1L),
                        org.assertj.core.groups.Tuple.tuple("bird", 0L));
        assertThat(s.categories()).extracting(s::share).containsExactly(0.75, 0.25, 0.0);
        assertThat(s.imbalanceRatio()).isInfinite(); // bird has none
    }

    @Test
    void objectsPerImageCountsTheEmptyImage() throws IOException {
        InstanceStatistics s = statistics();
        assertThat(s.emptyImages()).isEqualTo(1);
        assertThat(s.objectsPerImage().edges()).containsExactly(0, 1, 2, 3);
        assertThat(s.objectsPerImage().counts()).containsExactly(1, 0, 2);
    }

    @Test
    void boxSizeAndAspectRatioLandInTheirLogBins() throws IOException {
        InstanceStatistics s = statistics();
        long[] size = s.boxSize().counts();
        assertThat(size[4]).isEqualTo(4); // sqrt(4 * 4) = sqrt(8 * 2) = 4 = 2^(4/2), on edge 4
        assertThat(java.util.Arrays.stream(size).sum()).isEqualTo(4);
        long[] aspect = s.aspectRatio().counts();
        // Edges 2^(k/2) for k = -8..8: aspect 1 is edge 8, aspect 4 is edge 12.
        assertThat(aspect[8]).isEqualTo(3);
        assertThat(aspect[12]).isEqualTo(1);
    }

    @Test
    void withoutAnEmptyCategoryTheRatioIsLargestOverSmallest() throws IOException {
        Path file = temp.resolve("two.json");
        Files.writeString(file, COCO.replace(", {\"id\": 3, \"name\": \"bird\"}", ""));
        InstanceStatistics s = InstanceStatistics.of(CocoReader.read(file), 0);
        assertThat(s.imbalanceRatio()).isEqualTo(3.0);
    }

    private InstanceStatistics statistics() throws IOException {
        Path file = temp.resolve("instances.json");
        Files.writeString(file, COCO);
        CocoDataset coco = CocoReader.read(file);
        return InstanceStatistics.of(coco, 0);
    }
}
