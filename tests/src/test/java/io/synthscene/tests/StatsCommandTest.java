package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synthscene stats}: on a real small render (the card names its provenance, stats.json its
 * counts) and, with {@code --compare}, on a hand-written dataset and a hand-written real COCO file
 * with polygons, whose Jensen–Shannon distances are known in advance.
 */
class StatsCommandTest {
    private static final double TOLERANCE = 1e-9;
    /** JS distance (base 2) of (1, 0) against (1/2, 1/2): sqrt((log2(4/3) + 1/2 log2(2/3) + 1/2) / 2); scipy gives the same. */
    private static final double ONE_BIN_AGAINST_TWO_HALVES = 0.5579230452841438;

    @TempDir
    static Path temp;
    static Path street;

    @TempDir
    Path scratch;

    @BeforeAll
    static void render() {
        street = temp.resolve("street");
        Cli.Result result = Cli.run("render", Cli.example("urban-street.yaml"), "--out", street.toString(),
                "--frames", "3", "--size", "160x120", "--threads", "2");
        assertThat(result.exitCode()).as(result.all()).isZero();
    }

    @Test
    void theCardNamesTheProvenanceOfTheRenderAndStatsJsonItsCounts() throws IOException {
        Cli.Result result = Cli.run("stats", street.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        Path out = street.resolve("stats"); // the default
        JsonNode dataset = DatasetFiles.json(street.resolve("dataset.json"));
        String card = Files.readString(out.resolve("dataset_card.md"));
        assertThat(card).contains(
                "| git commit | " + (dataset.get("git_commit").isNull() ? "unknown" : "`" + dataset.get("git_commit").asText() + "`") + " |",
                "| scene file | `urban-street.yaml` |",
                "| scene SHA-256 | `" + dataset.get("scene_sha256").asText() + "` |",
                "| seed | " + dataset.get("seed").asLong() + " |",
                "| frames | 3 of a run of 3 |",
                "| shard | 0 of 1 (frames 0 to 2) |",
                "| rendering device | " + dataset.get("rendering_device").asText(),
                "| started | " + dataset.get("started_at").asText() + " |",
                "| finished | " + dataset.get("finished_at").asText() + " |",
                "| images | 3 |");
        assertThat(card).doesNotContain(dataset.get("scene_file").asText()); // the machine's path

        JsonNode coco = DatasetFiles.json(street.resolve("annotations/instances.json"));
        Map<Long, Long> perCategory = new HashMap<>();
        coco.get("annotations").forEach(a -> perCategory.merge(a.get("category_id").asLong(), 1L, Long::sum));
        JsonNode stats = DatasetFiles.json(out.resolve("stats.json"));
        assertThat(stats.get("instances").asInt()).isEqualTo(coco.get("annotations").size());
        for (JsonNode c : stats.get("categories")) {
            assertThat(c.get("instances").asLong()).as(c.get("name").asText()).isEqualTo(perCategory.getOrDefault(c.get("id").asLong(), 0L));
            assertThat(card).contains("| " + c.get("name").asText() + " | " + c.get("id").asLong() + " | " + c.get("instances").asLong() + " |");
        }
        double minElevation = Double.MAX_VALUE;
        double maxElevation = -Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            double e = DatasetFiles.json(street.resolve(String.format("frames/%06d.json", i))).get("lighting").get("sun_elevation_deg").asDouble();
            minElevation = Math.min(minElevation, e);
            maxElevation = Math.max(maxElevation, e);
        }
        JsonNode elevation = stats.get("parameters").get("sun_elevation_deg");
        assertThat(elevation.get("min").asDouble()).isEqualTo(minElevation);
        assertThat(elevation.get("max").asDouble()).isEqualTo(maxElevation);
        assertThat(sum(elevation.get("histogram").get("counts"))).isEqualTo(3);
        assertThat(stats.get("histograms").get("visibility").isNull() || stats.get("histograms").get("visibility").isObject()).isTrue();

        for (String chart : new String[] {"categories.png", "objects_per_image.png", "bbox_size.png", "aspect_ratio.png",
                "param_sun_elevation_deg.png", "param_camera_height_m.png"}) {
            BufferedImage image = ImageIO.read(out.resolve(chart).toFile());
            assertThat(image.getWidth()).as(chart).isEqualTo(720);
            assertThat(image.getHeight()).as(chart).isEqualTo(420);
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file is left").noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void twoRunsWriteTheSameBytes() throws IOException {
        Path a = scratch.resolve("a");
        Path b = scratch.resolve("b");
        assertThat(Cli.run("stats", street.toString(), "--out", a.toString()).exitCode()).isZero();
        assertThat(Cli.run("stats", street.toString(), "--out", b.toString()).exitCode()).isZero();
        for (String file : new String[] {"stats.json", "categories.png", "bbox_size.png", "param_sun_azimuth_deg.png"}) {
            assertThat(Files.readAllBytes(a.resolve(file))).as(file).isEqualTo(Files.readAllBytes(b.resolve(file)));
        }
        // The card differs only in its name (the dataset folder's, "street" both times).
        assertThat(Files.readString(a.resolve("dataset_card.md"))).isEqualTo(Files.readString(b.resolve("dataset_card.md")));
    }

    @Test
    void aRenderComparedWithItsOwnCocoFileIsAtDistanceZeroEverywhere() throws IOException {
        Path out = scratch.resolve("self");
        Cli.Result result = Cli.run("stats", street.toString(), "--out", out.toString(),
                "--compare", street.resolve("annotations/instances.json").toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        JsonNode compare = DatasetFiles.json(out.resolve("stats.json")).get("compare");
        for (String histogram : new String[] {"category_shares", "objects_per_image", "bbox_size_px", "aspect_ratio"}) {
            assertThat(compare.get("js_distance").get(histogram).asDouble()).as(histogram).isCloseTo(0, within(TOLERANCE));
        }
        assertThat(compare.get("categories_only_real")).isEmpty();
        assertThat(compare.get("categories_only_synthetic")).isEmpty();
    }

    /**
     * Synthetic (by hand): 2 images, each a car and a pedestrian, all boxes 4 x 4. Real (polygons):
     * image 1 a car 4 x 4, image 2 a bicycle 8 x 2, and a pedestrian category without instances.
     * Matched categories car, pedestrian: (1/2, 1/2) against (1, 0); bicycle is only real. Objects per image: all 2 against all 1, nothing in common. Box size: sqrt(16)
     * = 4 px on both sides. Aspect ratio: all 1 against (1, 4) half and half.
     */
    @Test
    void compareWithAHandWrittenRealFileGivesTheDistancesWorkedOutByHand() throws IOException {
        Path synthetic = handWrittenDataset();
        Path real = scratch.resolve("real.json");
        Files.writeString(real, """
                {"images": [{"id": 7, "file_name": "r1.jpg", "width": 64, "height": 48},
                            {"id": 8, "file_name": "r2.jpg", "width": 64, "height": 48}],
                 "categories": [{"id": 3, "name": "car", "supercategory": "vehicle"}, {"id": 4, "name": "bicycle"},
                                {"id": 5, "name": "pedestrian"}],
                 "annotations": [
                   {"id": 1, "image_id": 7, "category_id": 3, "bbox": [10, 10, 4, 4], "area": 16, "iscrowd": 0,
                    "segmentation": [[10, 10, 14, 10, 14, 14, 10, 14]]},
                   {"id": 2, "image_id": 8, "category_id": 4, "bbox": [20, 20, 8, 2], "area": 16, "iscrowd": 0,
                    "segmentation": [[20, 20, 28, 20, 28, 22, 20, 22]]}]}
                """);
        Path out = scratch.resolve("stats");
        Cli.Result result = Cli.run("stats", synthetic.toString(), "--compare", real.toString(), "--out", out.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("category shares:   0.558", "objects per image: 1.000", "box size:          0.000",
                "aspect ratio:      0.558", "real only [bicycle]");
        JsonNode compare = DatasetFiles.json(out.resolve("stats.json")).get("compare");
        JsonNode js = compare.get("js_distance");
        assertThat(js.get("category_shares").asDouble()).isCloseTo(ONE_BIN_AGAINST_TWO_HALVES, within(TOLERANCE));
        assertThat(js.get("objects_per_image").asDouble()).isCloseTo(1, within(TOLERANCE));
        assertThat(js.get("bbox_size_px").asDouble()).isCloseTo(0, within(TOLERANCE));
        assertThat(js.get("aspect_ratio").asDouble()).isCloseTo(ONE_BIN_AGAINST_TWO_HALVES, within(TOLERANCE));
        assertThat(compare.get("categories_matched")).extracting(JsonNode::asText).containsExactly("car", "pedestrian");
        assertThat(compare.get("categories_only_real")).extracting(JsonNode::asText).containsExactly("bicycle");
        assertThat(compare.get("categories_only_synthetic")).isEmpty();
        String card = Files.readString(out.resolve("dataset_card.md"));
        assertThat(card).contains("## Compared with real data (`real.json`)", "| category shares | 0.558 |",
                "| objects per image | 1.000 |", "| box size | 0.000 |", "| aspect ratio | 0.558 |",
                "Only in the real data: bicycle.", "The objects per image depart strongly from the real data (JS distance 1.000).");
        // The synthetic bars are blue, the real ones orange; both are there.
        BufferedImage chart = ImageIO.read(out.resolve("categories.png").toFile());
        assertThat(chart.getWidth()).isEqualTo(720);
        assertThat(hasColour(chart, 0x1f77b4)).isTrue();
        assertThat(hasColour(chart, 0xff7f0e)).isTrue();
    }

    @Test
    void badInputsExitTwo() throws IOException {
        Path synthetic = handWrittenDataset();
        assertThat(Cli.run("stats", scratch.resolve("nothing-here").toString()).exitCode()).isEqualTo(2);
        Path unfinished = Files.createDirectories(scratch.resolve("unfinished"));
        Cli.Result noMetadata = Cli.run("stats", unfinished.toString());
        assertThat(noMetadata.exitCode()).isEqualTo(2);
        assertThat(noMetadata.err()).contains("no dataset.json");
        assertThat(Cli.run("stats", synthetic.toString(), "--compare", scratch.resolve("missing.json").toString()).exitCode()).isEqualTo(2);
        Path notJson = Files.writeString(scratch.resolve("real.json"), "{\"images\": [");
        Cli.Result badReal = Cli.run("stats", synthetic.toString(), "--compare", notJson.toString());
        assertThat(badReal.exitCode()).isEqualTo(2);
        assertThat(badReal.err()).contains("real.json");
        Path file = Files.writeString(scratch.resolve("a-file"), "");
        assertThat(Cli.run("stats", synthetic.toString(), "--out", file.toString()).exitCode()).isEqualTo(2);
        Files.createDirectories(synthetic.resolve("frames"));
        Files.writeString(synthetic.resolve("frames/000000.json"), "{\"index\": 0}");
        Cli.Result badFrame = Cli.run("stats", synthetic.toString());
        assertThat(badFrame.exitCode()).as(badFrame.all()).isEqualTo(2);
        assertThat(badFrame.err()).contains("000000.json");
    }

    private Path handWrittenDataset() throws IOException {
        Path dataset = Files.createDirectories(scratch.resolve("synthetic/annotations"));
        Files.writeString(dataset.resolve("instances.json"), """
                {"images": [{"id": 1, "file_name": "000000.png", "width": 64, "height": 48},
                            {"id": 2, "file_name": "000001.png", "width": 64, "height": 48}],
                 "categories": [{"id": 1, "name": "car"}, {"id": 2, "name": "pedestrian"}],
                 "annotations": [
                   {"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 4, 4], "area": 16, "iscrowd": 0},
                   {"id": 2, "image_id": 1, "category_id": 2, "bbox": [8, 8, 4, 4], "area": 16, "iscrowd": 0},
                   {"id": 3, "image_id": 2, "category_id": 1, "bbox": [0, 0, 4, 4], "area": 16, "iscrowd": 0},
                   {"id": 4, "image_id": 2, "category_id": 2, "bbox": [8, 8, 4, 4], "area": 16, "iscrowd": 0}]}
                """);
        Path root = dataset.getParent();
        Files.writeString(root.resolve("dataset.json"), """
                {"synthscene_version": "0.1.0", "git_commit": null, "scene_file": "street.yaml", "scene_sha256": null,
                 "seed": 1, "frames": 2, "shard": {"index": 0, "count": 1, "first_frame": 0, "frames_total": 2},
                 "width": 64, "height": 48, "rendering_device": "llvmpipe", "hardware_rendering": false,
                 "image_format": "png", "jpeg_quality": null, "msaa_samples": 1,
                 "started_at": "2026-01-01T00:00:00Z", "finished_at": "2026-01-01T00:00:01Z"}
                """);
        return root;
    }

    private static long sum(JsonNode counts) {
        long s = 0;
        for (JsonNode c : counts) {
            s += c.asLong();
        }
        return s;
    }

    private static boolean hasColour(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }
}
