package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthscene.annotators.CocoRle;
import io.synthscene.annotators.ImageEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synthscene augment} on real photographs (see {@link RealPhotos}) with hand-made labels in
 * polygon, uncompressed and compressed RLE form: labels are copied value for value with traceable
 * ids, the output validates clean, effects change the pixels, and bad input writes nothing.
 */
class AugmentCommandTest {
    private static final String EFFECTS = """
            seed: 5
            sensor:
              exposure_ev: {uniform: [-0.5, 0.5]}
              vignetting: 0.3
              noise: {gaussian_std: 2}
            fog:
              visibility_m: {uniform: [40, 80]}
              airlight: [0.7, 0.72, 0.75]
              ground_plane: {camera_height_m: 1.4, pitch_deg: {uniform: [2, 6]}, hfov_deg: 60}
            """;

    @TempDir
    static Path temp;
    static Path coco;
    static Path out;
    static Cli.Result run;

    @TempDir
    Path scratch;

    @BeforeAll
    static void augment() throws IOException {
        coco = RealPhotos.write(RealPhotos.labels(), temp.resolve("labels/instances.json"));
        Path config = Files.writeString(temp.resolve("augment.yaml"), EFFECTS);
        out = temp.resolve("out");
        run = Cli.run("augment", "--coco", coco.toString(), "--images", RealPhotos.folder().toString(),
                "--config", config.toString(), "--out", out.toString(), "--variants", "2");
        assertThat(run.exitCode()).as(run.all()).isZero();
    }

    @Test
    void theAugmentedDatasetValidatesClean() {
        Cli.Result result = Cli.run("validate", out.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("6 images, 8 annotations, 4 categories: no violations");
    }

    @Test
    void everyLabelIsCopiedValueForValueWithNewIdsAndTheSourceIdsKept() throws IOException {
        JsonNode input = RealPhotos.JSON.readTree(coco.toFile());
        JsonNode output = RealPhotos.JSON.readTree(out.resolve("annotations/instances.json").toFile());
        Map<Long, JsonNode> sourceAnnotations = new HashMap<>();
        input.get("annotations").forEach(a -> sourceAnnotations.put(a.get("id").asLong(), a));
        Map<Long, JsonNode> images = new HashMap<>();
        output.get("images").forEach(i -> images.put(i.get("id").asLong(), i));
        assertThat(images.keySet()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
        List<Long> ids = new ArrayList<>();
        for (JsonNode a : output.get("annotations")) {
            ids.add(a.get("id").asLong());
            JsonNode source = sourceAnnotations.get(a.at("/augment/source_annotation_id").asLong());
            JsonNode image = images.get(a.get("image_id").asLong());
            assertThat(image.at("/augment/source_image_id").asLong()).isEqualTo(source.get("image_id").asLong());
            assertThat(a.at("/augment/source_image_id").asLong()).isEqualTo(source.get("image_id").asLong());
            ObjectNode copy = a.deepCopy();
            ObjectNode original = source.deepCopy();
            for (String key : List.of("id", "image_id", "augment")) {
                copy.remove(key);
                original.remove(key);
            }
            assertThat(copy).isEqualTo(original);
            // the segmentation's JSON text too, whatever its form
            assertThat(RealPhotos.JSON.writeValueAsString(a.get("segmentation")))
                    .isEqualTo(RealPhotos.JSON.writeValueAsString(source.get("segmentation")));
        }
        assertThat(ids).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(output.get("categories")).isEqualTo(input.get("categories"));
    }

    @Test
    void variantsAreNamedAfterTheirPhotoAndRecordWhatWasDrawn() throws IOException {
        JsonNode output = RealPhotos.JSON.readTree(out.resolve("annotations/instances.json").toFile());
        JsonNode first = output.get("images").get(0);
        assertThat(first.get("file_name").asText()).isEqualTo("chelsea-v0.png");
        assertThat(output.get("images").get(5).get("file_name").asText()).isEqualTo("rocket-v1.png");
        assertThat(first.get("license").asInt()).isEqualTo(1);
        assertThat(first.at("/augment/variant").asInt()).isZero();
        assertThat(first.at("/augment/effects/fog/visibility_m").asDouble()).isBetween(40.0, 80.0);
        assertThat(first.at("/augment/effects/fog/distances").asText()).isEqualTo("ground_plane");
        assertThat(first.at("/augment/effects/sensor/vignetting").asDouble()).isEqualTo(0.3);
        assertThat(output.get("images").get(1).at("/augment/effects/fog/visibility_m").asDouble())
                .isNotEqualTo(first.at("/augment/effects/fog/visibility_m").asDouble());
        assertThat(Files.exists(out.resolve("dataset.json"))).isTrue();
    }

    @Test
    void fogAndSensorChangeThePhotoAndItsBottomStaysClearerThanItsTop() throws IOException {
        ImageEncoder codec = new ImageEncoder();
        ImageEncoder.RgbImage photo = codec.decodeColor(Files.readAllBytes(RealPhotos.folder().resolve("coffee.png")));
        ImageEncoder.RgbImage variant = codec.decodeColor(Files.readAllBytes(out.resolve("images/coffee-v0.png")));
        assertThat(variant.width()).isEqualTo(600);
        // with a ground plane, the top half is above the horizon (pure airlight, then the sensor),
        // the bottom rows are ground a few metres away: they keep more of the photo's contrast
        assertThat(rowSpread(variant, 380)).isGreaterThan(4 * rowSpread(variant, 20));
        assertThat(variant.rgb()).isNotEqualTo(photo.rgb());
    }

    @Test
    void theSameCommandGivesTheSameBytes() throws IOException {
        Path again = scratch.resolve("again");
        Cli.Result result = Cli.run("augment", "--coco", coco.toString(), "--images", RealPhotos.folder().toString(),
                "--config", temp.resolve("augment.yaml").toString(), "--out", again.toString(), "--variants", "2");
        assertThat(result.exitCode()).as(result.all()).isZero();
        for (String name : List.of("images/chelsea-v0.png", "images/rocket-v1.png", "annotations/instances.json")) {
            assertThat(Files.readAllBytes(again.resolve(name))).as(name).isEqualTo(Files.readAllBytes(out.resolve(name)));
        }
    }

    @Test
    void aBrokenInputLabelIsReportedByFileAndEntryAndNothingIsWritten() throws IOException {
        ObjectNode labels = RealPhotos.labels();
        ((ObjectNode) labels.get("annotations").get(2)).putArray("bbox").add(10).add(10).add(700).add(10);
        Path bad = RealPhotos.write(labels, scratch.resolve("bad.json"));
        Path target = scratch.resolve("never");
        Cli.Result result = Cli.run("augment", "--coco", bad.toString(), "--images", RealPhotos.folder().toString(),
                "--config", temp.resolve("augment.yaml").toString(), "--out", target.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("bad.json has 1 problem").contains("/annotations/2/bbox").contains("201");
        assertThat(target).doesNotExist();
    }

    @Test
    void aBadConfigIsReportedAtItsLineAndColumnAndNothingIsWritten() throws IOException {
        Path config = Files.writeString(scratch.resolve("bad.yaml"), "seed: 1\nfog:\n  visibility_m: 0\n");
        Path target = scratch.resolve("never");
        Cli.Result result = Cli.run("augment", "--coco", coco.toString(), "--images", RealPhotos.folder().toString(),
                "--config", config.toString(), "--out", target.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("bad.yaml:3:17: fog.visibility_m: 0 must be > 0");
        assertThat(target).doesNotExist();
    }

    @Test
    void anUnknownCategoryToAnonymizeIsRefusedWithTheKnownOnes() throws IOException {
        Path target = scratch.resolve("never");
        Cli.Result result = Cli.run("augment", "--coco", coco.toString(), "--images", RealPhotos.folder().toString(),
                "--config", temp.resolve("augment.yaml").toString(), "--out", target.toString(), "--anonymize", "faces");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no category named 'faces'; its categories are cat, cup, face, rocket");
        assertThat(target).doesNotExist();
    }

    /** Standard deviation of the green channel along one row. */
    static double rowSpread(ImageEncoder.RgbImage image, int row) {
        double sum = 0;
        double squares = 0;
        for (int x = 0; x < image.width(); x++) {
            int v = image.rgb()[3 * (row * image.width() + x) + 1] & 0xFF;
            sum += v;
            squares += v * v;
        }
        double mean = sum / image.width();
        return Math.sqrt(squares / image.width() - mean * mean);
    }

    static boolean[] mask(JsonNode annotation, int width, int height) {
        return CocoRle.fromCountsString(height, width, annotation.at("/segmentation/counts").asText()).toMask();
    }
}
