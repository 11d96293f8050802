package io.synthscene.annotators.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthscene.annotators.CocoFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-annotation fields, with the occlusion block as the occlusion annotator writes it, and without. */
class AnnotationExtrasTest {
    @TempDir
    Path temp;

    @Test
    void visibilityTruncationAndDistanceAreReadWhereTheyAreAndOtherKeysSkipped() throws IOException {
        Path file = temp.resolve("instances.json");
        Files.writeString(file, """
                {"info": {"synthscene": {"visibility": 7}},
                 "images": [{"id": 1, "file_name": "a.png", "width": 8, "height": 8, "synthscene": {"occlusion": {"hidden": 1}}}],
                 "annotations": [
                   {"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 2, 2],
                    "synthscene": {"instance_id": 1, "visible_pixels": 4, "visibility": 0.5, "truncation": 0.25,
                                   "truncation_is_lower_bound": false, "amodal_area": 8, "amodal_bbox": [0, 0, 4, 2],
                                   "occluders": [2], "box3d": {"location_m": [1, 2, 3]}, "distance_m": 12.5}},
                   {"id": 2, "image_id": 1, "category_id": 1, "bbox": [4, 4, 2, 2],
                    "synthscene": {"instance_id": 2, "visibility": 1}},
                   {"id": 3, "image_id": 1, "category_id": 1, "bbox": [6, 6, 1, 1]}],
                 "categories": [{"id": 1, "name": "car"}]}
                """);
        AnnotationExtras extras = AnnotationExtras.read(file);
        assertThat(extras.annotations()).isEqualTo(3);
        assertThat(extras.visibility()).containsExactly(0.5, 1.0);
        assertThat(extras.truncation()).containsExactly(0.25);
        assertThat(extras.distanceMeters()).containsExactly(12.5);
    }

    @Test
    void aDatasetWithoutThemHasEmptyArrays() throws IOException {
        Path file = temp.resolve("instances.json");
        Files.writeString(file, InstanceStatisticsTest.COCO);
        AnnotationExtras extras = AnnotationExtras.read(file);
        assertThat(extras.annotations()).isEqualTo(5);
        assertThat(extras.visibility()).isEmpty();
        assertThat(extras.truncation()).isEmpty();
        assertThat(extras.distanceMeters()).isEmpty();
    }

    @Test
    void aValueThatIsNotANumberNamesTheFileAndTheKey() throws IOException {
        Path file = temp.resolve("instances.json");
        Files.writeString(file, """
                {"annotations": [{"id": 1, "synthscene": {"truncation": "low"}}]}
                """);
        assertThatThrownBy(() -> AnnotationExtras.read(file)).isInstanceOf(CocoFormatException.class)
                .hasMessageContaining("instances.json:1:").hasMessageContaining("synthscene.truncation");
    }
}
