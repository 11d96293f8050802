package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synthscene export}: every format from a rendered dataset, checked against its format's rules. */
class ExportTest {
    private static final int WIDTH = 128;
    private static final int HEIGHT = 96;

    @TempDir
    static Path temp;
    static Path dataset;

    @BeforeAll
    static void render() {
        dataset = temp.resolve("street");
        Cli.Result result = Cli.run("render", Cli.example("urban-street.yaml"), "--out", dataset.toString(),
                "--frames", "3", "--size", WIDTH + "x" + HEIGHT);
        assertThat(result.exitCode()).as(result.all()).isZero();
    }

    @Test
    void cocoExportedFromTheMasksIsByteIdenticalToTheRendersOwn() throws IOException {
        Path out = temp.resolve("coco");
        Cli.Result result = Cli.run("export", dataset.toString(), "--format", "coco", "--out", out.toString());

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(out.resolve("annotations/instances.json")).hasSameBinaryContentAs(dataset.resolve("annotations/instances.json"));
        assertThat(out.resolve("images/000002.png")).hasSameBinaryContentAs(dataset.resolve("images/000002.png"));
        assertThat(out.resolve("source-dataset.json")).hasSameBinaryContentAs(dataset.resolve("dataset.json"));
    }

    @Test
    void yoloLabelsHaveOneNormalisedLinePerAnnotation() throws IOException {
        Path out = temp.resolve("yolo");
        assertThat(Cli.run("export", dataset.toString(), "--format", "yolo", "--out", out.toString()).exitCode()).isZero();
        JsonNode coco = DatasetFiles.json(dataset.resolve("annotations/instances.json"));

        assertThat(Files.readString(out.resolve("data.yaml"))).contains("0: \"car\"", "1: \"pedestrian\"");
        for (JsonNode image : coco.get("images")) {
            long id = image.get("id").asLong();
            List<JsonNode> annotations = new java.util.ArrayList<>();
            coco.get("annotations").forEach(a -> {
                if (a.get("image_id").asLong() == id) {
                    annotations.add(a);
                }
            });
            String stem = image.get("file_name").asText().replace(".png", "");
            List<String> lines = Files.readAllLines(out.resolve("labels/" + stem + ".txt"));
            assertThat(lines).hasSize(annotations.size());
            for (int i = 0; i < lines.size(); i++) {
                String[] f = lines.get(i).split(" ");
                assertThat(f).hasSize(5);
                JsonNode bbox = annotations.get(i).get("bbox");
                assertThat(Integer.parseInt(f[0])).isEqualTo(annotations.get(i).get("category_id").asInt() - 1);
                assertThat(Double.parseDouble(f[1])).isCloseTo((bbox.get(0).asDouble() + bbox.get(2).asDouble() / 2) / WIDTH,
                        org.assertj.core.data.Offset.offset(1e-6));
                assertThat(Double.parseDouble(f[4])).isCloseTo(bbox.get(3).asDouble() / HEIGHT, org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    @Test
    void polygonsPanopticAndYoloSegmentationFollowTheirRules() throws IOException {
        Path out = temp.resolve("seg");
        Cli.Result result = Cli.run("export", dataset.toString(), "--format", "coco,coco-panoptic,yolo-seg",
                "--mask-format", "polygon", "--out", out.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();

        JsonNode coco = DatasetFiles.json(out.resolve("annotations/instances.json"));
        for (JsonNode a : coco.get("annotations")) {
            assertThat(a.get("segmentation").isArray()).isTrue();
            for (JsonNode polygon : a.get("segmentation")) {
                assertThat(polygon.size()).isGreaterThanOrEqualTo(6).matches(n -> n % 2 == 0);
            }
        }
        JsonNode panoptic = DatasetFiles.json(out.resolve("annotations/panoptic.json"));
        assertThat(panoptic.get("annotations")).hasSize(3);
        int segments = 0;
        for (JsonNode entry : panoptic.get("annotations")) {
            assertThat(out.resolve("annotations/panoptic/" + entry.get("file_name").asText())).isRegularFile();
            segments += entry.get("segments_info").size();
        }
        assertThat(segments).isEqualTo(coco.get("annotations").size());
        for (String line : Files.readAllLines(out.resolve("labels/000000.txt"))) {
            String[] f = line.split(" ");
            assertThat((f.length - 1) % 2).isZero();
            assertThat((f.length - 1) / 2).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void yoloAndYoloSegTogetherOrAnUnfinishedDatasetAreRefused() throws IOException {
        Cli.Result both = Cli.run("export", dataset.toString(), "--format", "yolo,yolo-seg", "--out", temp.resolve("x").toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("labels/");
        Path unfinished = Files.createDirectories(temp.resolve("unfinished"));
        Cli.Result notADataset = Cli.run("export", unfinished.toString(), "--format", "coco", "--out", temp.resolve("y").toString());
        assertThat(notADataset.exitCode()).isEqualTo(2);
        assertThat(notADataset.err()).contains("no dataset.json");
        assertThat(temp.resolve("x")).doesNotExist();
        assertThat(temp.resolve("y")).doesNotExist();
    }

    @Test
    void renderWritesTheSameLabelsAsAnExportOfItsDataset() throws IOException {
        Path rendered = temp.resolve("with-yolo");
        Cli.Result result = Cli.run("render", Cli.example("urban-street.yaml"), "--out", rendered.toString(),
                "--frames", "3", "--size", WIDTH + "x" + HEIGHT, "--format", "yolo,coco-panoptic");
        assertThat(result.exitCode()).as(result.all()).isZero();
        Path exported = temp.resolve("exported-yolo");
        assertThat(Cli.run("export", dataset.toString(), "--format", "yolo,coco-panoptic", "--out", exported.toString())
                .exitCode()).isZero();

        for (String file : List.of("data.yaml", "labels/000000.txt", "labels/000002.txt", "annotations/panoptic.json",
                "annotations/panoptic/000001.png")) {
            assertThat(rendered.resolve(file)).as(file).hasSameBinaryContentAs(exported.resolve(file));
        }
        assertThat(rendered.resolve("annotations/instances.json")).as("COCO is written whatever else is asked for")
                .hasSameBinaryContentAs(dataset.resolve("annotations/instances.json"));
        Cli.Result refused = Cli.run("render", Cli.example("urban-street.yaml"), "--out", temp.resolve("z").toString(),
                "--frames", "1", "--format", "yolo,yolo-seg");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(temp.resolve("z")).doesNotExist();
    }

    @Test
    void kittiLabelsMatchTheCocoBoxesAndCarryTheThreeDimensionalBoxes() throws IOException {
        Path out = temp.resolve("kitti");
        Cli.Result result = Cli.run("export", dataset.toString(), "--format", "kitti", "--out", out.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        JsonNode coco = DatasetFiles.json(dataset.resolve("annotations/instances.json"));

        int lines = 0;
        for (JsonNode image : coco.get("images")) {
            String stem = image.get("file_name").asText().replace(".png", "");
            assertThat(out.resolve("image_2/" + stem + ".png")).hasSameBinaryContentAs(dataset.resolve("images/" + stem + ".png"));
            List<String> calib = Files.readAllLines(out.resolve("calib/" + stem + ".txt"));
            assertThat(calib).extracting(l -> l.substring(0, l.indexOf(':')))
                    .containsExactly("P0", "P1", "P2", "P3", "R0_rect", "Tr_velo_to_cam", "Tr_imu_to_velo");
            String[] p2 = calib.get(2).substring(4).split(" ");
            double fx = Double.parseDouble(p2[0]);
            double cx = Double.parseDouble(p2[2]);
            assertThat(fx).isCloseTo(image.get("synthscene").get("intrinsics").get(0).get(0).asDouble(), org.assertj.core.data.Offset.offset(1e-6));
            // KITTI puts pixel centres at integers; K (and COCO) at +0.5; the example moves the principal point
            assertThat(cx).isCloseTo(image.get("synthscene").get("intrinsics").get(0).get(2).asDouble() - 0.5,
                    org.assertj.core.data.Offset.offset(1e-6));

            List<JsonNode> annotations = new java.util.ArrayList<>();
            coco.get("annotations").forEach(a -> {
                if (a.get("image_id").asLong() == image.get("id").asLong()) {
                    annotations.add(a);
                }
            });
            List<String> labels = Files.readAllLines(out.resolve("label_2/" + stem + ".txt"));
            assertThat(labels).hasSize(annotations.size());
            for (int i = 0; i < labels.size(); i++) {
                String[] f = labels.get(i).split(" ");
                JsonNode a = annotations.get(i);
                JsonNode bbox = a.get("bbox");
                assertThat(f).hasSize(15);
                assertThat(f[0]).isIn("Car", "Pedestrian", "Cyclist", "Truck", "Bus", "Traffic_sign");
                assertThat(Double.parseDouble(f[1])).isCloseTo(a.get("synthscene").get("truncation").asDouble(),
                        org.assertj.core.data.Offset.offset(0.005));
                double visibility = a.get("synthscene").get("visibility").asDouble();
                assertThat(Integer.parseInt(f[2])).isEqualTo(visibility >= 0.99 ? 0 : visibility >= 0.5 ? 1 : 2);
                assertThat(Double.parseDouble(f[4])).isEqualTo(bbox.get(0).asDouble());
                assertThat(Double.parseDouble(f[6])).isEqualTo(bbox.get(0).asDouble() + bbox.get(2).asDouble() - 1);
                assertThat(Double.parseDouble(f[8])).as("height").isPositive();
                assertThat(Double.parseDouble(f[13])).as("z, in front of the camera").isPositive();
                JsonNode location = a.get("synthscene").get("box3d").get("location_m");
                assertThat(Double.parseDouble(f[11])).isCloseTo(location.get(0).asDouble(), org.assertj.core.data.Offset.offset(0.005));
                lines++;
            }
        }
        assertThat(lines).isEqualTo(coco.get("annotations").size()).isPositive();
    }
}
