package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthscene.annotators.ImageEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synthscene augment} with rain, snow, night and glare on real photographs (see
 * {@link RealPhotos}): the photos change, the labels are byte for byte those of a run without
 * effects, the output validates clean, and every drawn value is recorded.
 */
class AugmentWeatherTest {
    private static final String WEATHER = """
            seed: 8
            fog: {visibility_m: {uniform: [80, 200]}, ground_plane: {camera_height_m: 1.4, pitch_deg: {uniform: [0, 4]}}}
            weather:
              rain: {intensity: {uniform: [0.2, 0.5]}}
              snow: {intensity: 0.2, cover: {uniform: [0.2, 0.6]}}
              exposure_time_s: {uniform: [0.005, 0.03]}
            night: {exposure_ev: {uniform: [-3, -1]}, blue_shift: {uniform: [0.3, 0.7]}}
            glare: {strength: 0.3, sun: [{uniform: [0.2, 0.8]}, 0.1]}
            """;

    @TempDir
    static Path temp;
    static Path coco;
    static Path plain;
    static Path weather;
    static Path depth;

    @BeforeAll
    static void augment() throws IOException {
        coco = RealPhotos.write(RealPhotos.labels(), temp.resolve("labels/instances.json"));
        plain = run("seed: 8\n", "plain");
        weather = run(WEATHER, "weather");
        // a wall 4 m away in every photo, for the depth-map tests
        ImageEncoder codec = new ImageEncoder();
        depth = Files.createDirectories(temp.resolve("depth"));
        for (JsonNode image : RealPhotos.JSON.readTree(coco.toFile()).get("images")) {
            int w = image.get("width").asInt();
            int h = image.get("height").asInt();
            int[] millimetres = new int[w * h];
            java.util.Arrays.fill(millimetres, 4_000);
            String stem = image.get("file_name").asText().replaceAll("\\..*$", "");
            Files.write(depth.resolve(stem + ".png"), codec.encodeGray16(millimetres, w, h, "depth"));
        }
    }

    @Test
    void theWeatherDatasetValidatesClean() {
        Cli.Result result = Cli.run("validate", weather.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("6 images, 8 annotations, 4 categories: no violations");
    }

    @Test
    void theLabelsAreByteForByteThoseOfARunWithoutEffects() throws IOException {
        JsonNode withWeather = RealPhotos.JSON.readTree(weather.resolve("annotations/instances.json").toFile());
        JsonNode without = RealPhotos.JSON.readTree(plain.resolve("annotations/instances.json").toFile());
        assertThat(RealPhotos.JSON.writeValueAsBytes(withWeather.get("annotations")))
                .isEqualTo(RealPhotos.JSON.writeValueAsBytes(without.get("annotations")));
        assertThat(RealPhotos.JSON.writeValueAsBytes(withWeather.get("categories")))
                .isEqualTo(RealPhotos.JSON.writeValueAsBytes(without.get("categories")));
        // and each segmentation's text is the input's
        JsonNode input = RealPhotos.JSON.readTree(coco.toFile());
        for (JsonNode annotation : withWeather.get("annotations")) {
            long source = annotation.at("/augment/source_annotation_id").asLong();
            JsonNode original = null;
            for (JsonNode a : input.get("annotations")) {
                original = a.get("id").asLong() == source ? a : original;
            }
            assertThat(RealPhotos.JSON.writeValueAsString(annotation.get("segmentation")))
                    .isEqualTo(RealPhotos.JSON.writeValueAsString(original.get("segmentation")));
        }
    }

    @Test
    void everyVariantOfEveryPhotoChangesVisibly() throws IOException {
        ImageEncoder codec = new ImageEncoder();
        for (String name : List.of("chelsea", "coffee", "rocket")) {
            for (int v = 0; v < 2; v++) {
                byte[] before = codec.decodeColor(Files.readAllBytes(plain.resolve("images/" + name + "-v" + v + ".png"))).rgb();
                byte[] after = codec.decodeColor(Files.readAllBytes(weather.resolve("images/" + name + "-v" + v + ".png"))).rgb();
                long sum = 0;
                for (int i = 0; i < before.length; i++) {
                    sum += Math.abs((after[i] & 0xFF) - (before[i] & 0xFF));
                }
                assertThat((double) sum / before.length).as(name + " v" + v + ": mean change in levels").isGreaterThan(10);
            }
        }
    }

    @Test
    void everyDrawnValueIsRecordedWithWhereTheDistancesCameFrom() throws IOException {
        JsonNode images = RealPhotos.JSON.readTree(weather.resolve("annotations/instances.json").toFile()).get("images");
        JsonNode effects = images.get(0).at("/augment/effects");
        assertThat(effects.at("/weather/rain_intensity").asDouble()).isBetween(0.2, 0.5);
        assertThat(effects.at("/weather/snow_intensity").asDouble()).isEqualTo(0.2);
        assertThat(effects.at("/weather/exposure_time_s").asDouble()).isBetween(0.005, 0.03);
        assertThat(effects.at("/weather/distances").asText()).isEqualTo("ground_plane");
        // no ground plane of its own: the fog's camera, the same drawn pitch
        assertThat(effects.at("/weather/ground_plane")).isEqualTo(effects.at("/fog/ground_plane"));
        assertThat(effects.at("/night/exposure_ev").asDouble()).isBetween(-3.0, -1.0);
        assertThat(effects.at("/glare/sun/1").asDouble()).isEqualTo(0.1);
        assertThat(images.get(1).at("/augment/effects/weather/particle_key").asLong())
                .isNotEqualTo(effects.at("/weather/particle_key").asLong());
    }

    @Test
    void theSameCommandGivesTheSameBytes() throws IOException {
        Path again = run(WEATHER, "again");
        for (String name : List.of("images/chelsea-v1.png", "images/rocket-v0.png", "annotations/instances.json")) {
            assertThat(Files.readAllBytes(again.resolve(name))).as(name).isEqualTo(Files.readAllBytes(weather.resolve(name)));
        }
    }

    @Test
    void depthMapsServeRainWithoutFog() throws IOException {
        Path config = Files.writeString(temp.resolve("rain.yaml"), "seed: 2\nweather: {rain: {intensity: 0.4}}\n");
        Path out = temp.resolve("rain-depth");
        Cli.Result result = Cli.run("augment", "--coco", coco.toString(), "--images", RealPhotos.folder().toString(),
                "--config", config.toString(), "--out", out.toString(), "--depth", depth.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        JsonNode image = RealPhotos.JSON.readTree(out.resolve("annotations/instances.json").toFile()).at("/images/0");
        assertThat(image.at("/augment/effects/weather/distances").asText()).isEqualTo("depth_map");
        assertThat(Cli.run("validate", out.toString()).exitCode()).isZero();
    }

    @Test
    void depthMapsWithNeitherFogNorWeatherAreRefused() throws IOException {
        Path config = Files.writeString(temp.resolve("night.yaml"), "seed: 2\nnight: {exposure_ev: -2}\n");
        Path out = temp.resolve("never");
        Cli.Result result = Cli.run("augment", "--coco", coco.toString(), "--images", RealPhotos.folder().toString(),
                "--config", config.toString(), "--out", out.toString(), "--depth", depth.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--depth is only used for fog, rain, snow and insert").contains("night.yaml");
        assertThat(out).doesNotExist();
    }

    @Test
    void aBadWeatherSectionIsReportedAtItsLineAndColumnAndNothingIsWritten() throws IOException {
        Path config = Files.writeString(temp.resolve("bad.yaml"), "seed: 1\nweather:\n  rain: {intensty: 0.5}\n");
        Path out = temp.resolve("never-bad");
        Cli.Result result = Cli.run("augment", "--coco", coco.toString(), "--images", RealPhotos.folder().toString(),
                "--config", config.toString(), "--out", out.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("bad.yaml:3:10: weather.rain.intensty: unknown key 'intensty', did you mean 'intensity'?")
                .doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void withInsertedObjectsRainKeepsTheirLabelsAndFallsBehindThemHidden() throws IOException {
        // the insert test's box, 5.5 m ahead of a level camera 1.5 m up (hfov 60): the default weather camera
        Path labels = RealPhotos.write(AugmentInsertTest.labels(), temp.resolve("insert/instances.json"));
        Path insertOnly = runOn(labels, AugmentInsertTest.INSERT, "insert-only");
        Path rainy = runOn(labels, AugmentInsertTest.INSERT + "weather: {rain: {intensity: 1}}\n", "insert-rain");
        assertThat(Files.readAllBytes(rainy.resolve("annotations/instances.json")))
                .isNotEqualTo(Files.readAllBytes(insertOnly.resolve("annotations/instances.json"))); // the effects differ
        JsonNode withRain = RealPhotos.JSON.readTree(rainy.resolve("annotations/instances.json").toFile());
        JsonNode without = RealPhotos.JSON.readTree(insertOnly.resolve("annotations/instances.json").toFile());
        assertThat(RealPhotos.JSON.writeValueAsBytes(withRain.get("annotations")))
                .isEqualTo(RealPhotos.JSON.writeValueAsBytes(without.get("annotations")));
        assertThat(Cli.run("validate", rainy.toString()).exitCode()).isZero();
        // above the horizon the photo is "far": rain over the box is only the few streaks nearer than 5.5 m
        ImageEncoder codec = new ImageEncoder();
        byte[] dry = codec.decodeColor(Files.readAllBytes(insertOnly.resolve("images/coffee-v0.png"))).rgb();
        byte[] wet = codec.decodeColor(Files.readAllBytes(rainy.resolve("images/coffee-v0.png"))).rgb();
        int[] box = AugmentInsertTest.BOX;
        double overBox = changedShare(dry, wet, box[0], box[1], box[2], 190);
        double beside = changedShare(dry, wet, 10, 10 + box[1] - box[0], box[2], 190);
        assertThat(overBox).isPositive().isLessThan(0.6 * beside);
    }

    /** Share of the pixels in columns x0..x1 and rows y0..y1 whose green level changed. */
    private static double changedShare(byte[] a, byte[] b, int x0, int x1, int y0, int y1) {
        int changed = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int i = 3 * (y * AugmentInsertTest.W + x) + 1;
                changed += a[i] != b[i] ? 1 : 0;
            }
        }
        return (double) changed / ((x1 - x0 + 1) * (y1 - y0 + 1));
    }

    private static Path runOn(Path labels, String config, String name) throws IOException {
        Path file = Files.writeString(temp.resolve(name + ".yaml"), config);
        Path out = temp.resolve(name);
        Cli.Result result = Cli.run("augment", "--coco", labels.toString(), "--images", RealPhotos.folder().toString(),
                "--config", file.toString(), "--out", out.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        return out;
    }

    private static Path run(String config, String name) throws IOException {
        Path file = Files.writeString(temp.resolve(name + ".yaml"), config);
        Path out = temp.resolve(name);
        Cli.Result result = Cli.run("augment", "--coco", coco.toString(), "--images", RealPhotos.folder().toString(),
                "--config", file.toString(), "--out", out.toString(), "--variants", "2");
        assertThat(result.exitCode()).as(result.all()).isZero();
        return out;
    }

    private static double mean(byte[] rgb) {
        long sum = 0;
        for (byte b : rgb) {
            sum += b & 0xFF;
        }
        return (double) sum / rgb.length;
    }
}
