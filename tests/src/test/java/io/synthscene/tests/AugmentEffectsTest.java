package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthscene.annotators.ImageEncoder;
import io.synthscene.annotators.PolygonRasterizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One effect at a time through {@code synthscene augment} on a real photo (chelsea.png, see
 * {@link RealPhotos}): anonymizing changes the named regions and nothing else; fog with a depth
 * map follows Koschmieder pixel by pixel; JPEG quality is drawn and recorded.
 */
class AugmentEffectsTest {
    /** Levels a fogged pixel may differ from the formula: one rounding of the sRGB encoding. */
    private static final int FOG_TOLERANCE_LEVELS = 1;

    @TempDir
    Path temp;

    private final ImageEncoder codec = new ImageEncoder();

    @Test
    void anonymizingChangesTheFaceAndNoOtherPixelAndIsRecorded() throws IOException {
        Path out = augment("seed: 1\nanonymize: {method: blur, strength_px: 10}\n", "--anonymize", "face");
        byte[] photo = photo();
        byte[] result = codec.decodeColor(Files.readAllBytes(out.resolve("images/chelsea-v0.png"))).rgb();
        boolean[] face = PolygonRasterizer.rasterize(List.of(new double[] {150, 60, 290, 60, 290, 190, 150, 190}), 300, 451).toMask();
        int changedInside = 0;
        int facePixels = 0;
        for (int p = 0; p < face.length; p++) {
            facePixels += face[p] ? 1 : 0;
            for (int c = 0; c < 3; c++) {
                if (!face[p]) {
                    assertThat(result[3 * p + c]).as("pixel %d outside the face", p).isEqualTo(photo[3 * p + c]);
                } else if (result[3 * p + c] != photo[3 * p + c]) {
                    changedInside++;
                }
            }
        }
        assertThat(facePixels).isEqualTo(140 * 130);
        assertThat(changedInside).as("values changed inside the face").isGreaterThan(3 * facePixels / 2);
        JsonNode coco = RealPhotos.JSON.readTree(out.resolve("annotations/instances.json").toFile());
        assertThat(coco.at("/info/anonymized_categories").toString()).isEqualTo("[\"face\"]");
        JsonNode card = RealPhotos.JSON.readTree(out.resolve("dataset.json").toFile());
        assertThat(card.get("anonymized_categories").toString()).isEqualTo("[\"face\"]");
        assertThat(card.get("anonymize_method").asText()).isEqualTo("blur");
        assertThat(Cli.run("validate", out.toString()).exitCode()).isZero();
    }

    @Test
    void withoutEffectsTheVariantIsThePhoto() throws IOException {
        Path out = augment("seed: 1\n");
        assertThat(codec.decodeColor(Files.readAllBytes(out.resolve("images/chelsea-v0.png"))).rgb()).isEqualTo(photo());
    }

    @Test
    void fogWithADepthMapFollowsKoschmiederPixelByPixel() throws IOException {
        // left half 25 m away, right half nothing measured (0 = far: pure airlight)
        int[] millimetres = new int[451 * 300];
        for (int p = 0; p < millimetres.length; p++) {
            millimetres[p] = p % 451 < 225 ? 25_000 : 0;
        }
        Path depth = Files.createDirectories(temp.resolve("depth"));
        Files.write(depth.resolve("chelsea.png"), codec.encodeGray16(millimetres, 451, 300, "depth"));
        Path out = augment("seed: 1\nfog: {visibility_m: 97.8, airlight: [0.6, 0.7, 0.8]}\n", "--depth", depth.toString());
        byte[] photo = photo();
        byte[] result = codec.decodeColor(Files.readAllBytes(out.resolve("images/chelsea-v0.png"))).rgb();
        double t = Math.exp(-3.912 / 97.8 * 25); // = exp(-1)
        double[] airlight = {0.6, 0.7, 0.8};
        for (int p = 0; p < millimetres.length; p++) {
            for (int c = 0; c < 3; c++) {
                double linear = millimetres[p] == 0 ? airlight[c] : decode(photo[3 * p + c]) * t + airlight[c] * (1 - t);
                assertThat(result[3 * p + c] & 0xFF).as("pixel %d channel %d", p, c)
                        .isBetween(encode(linear) - FOG_TOLERANCE_LEVELS, encode(linear) + FOG_TOLERANCE_LEVELS);
            }
        }
        JsonNode image = RealPhotos.JSON.readTree(out.resolve("annotations/instances.json").toFile()).at("/images/0");
        assertThat(image.at("/augment/effects/fog/distances").asText()).isEqualTo("depth_map");
    }

    @Test
    void aMissingDepthMapIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path depth = Files.createDirectories(temp.resolve("empty-depth"));
        Cli.Result result = run("seed: 1\nfog: {visibility_m: 100}\n", "--depth", depth.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("1 image(s) have no depth map").contains("chelsea.png");
        assertThat(temp.resolve("out")).doesNotExist();
    }

    @Test
    void jpegQualityIsDrawnPerVariantAndRecorded() throws IOException {
        Path out = augment("seed: 2\njpeg_quality: {choice: [20, 90]}\n", "--variants", "4");
        JsonNode images = RealPhotos.JSON.readTree(out.resolve("annotations/instances.json").toFile()).get("images");
        List<Integer> qualities = new ArrayList<>();
        for (JsonNode image : images) {
            int quality = image.at("/augment/effects/jpeg_quality").asInt();
            qualities.add(quality);
            Path file = out.resolve("images").resolve(image.get("file_name").asText());
            assertThat(image.get("file_name").asText()).endsWith(".jpg");
            byte[] bytes = Files.readAllBytes(file);
            assertThat(bytes[0] & 0xFF).isEqualTo(0xFF);
            assertThat(bytes[1] & 0xFF).isEqualTo(0xD8);
        }
        assertThat(qualities).contains(20, 90);
        long small = Files.size(out.resolve("images").resolve(images.get(qualities.indexOf(20)).get("file_name").asText()));
        long large = Files.size(out.resolve("images").resolve(images.get(qualities.indexOf(90)).get("file_name").asText()));
        assertThat(small).isLessThan(large);
        assertThat(Cli.run("validate", out.toString()).exitCode()).isZero();
    }

    private Path augment(String config, String... extra) throws IOException {
        Cli.Result result = run(config, extra);
        assertThat(result.exitCode()).as(result.all()).isZero();
        return temp.resolve("out");
    }

    private Cli.Result run(String config, String... extra) throws IOException {
        ObjectNode labels = RealPhotos.labels();
        ArrayNode images = labels.putArray("images");
        RealPhotos.labels().get("images").forEach(i -> {
            if (i.get("file_name").asText().equals("chelsea.png")) {
                images.add(i);
            }
        });
        ArrayNode annotations = labels.putArray("annotations");
        RealPhotos.labels().get("annotations").forEach(a -> {
            if (a.get("image_id").asLong() == images.get(0).get("id").asLong()) {
                annotations.add(a);
            }
        });
        Path coco = RealPhotos.write(labels, temp.resolve("chelsea.json"));
        Path configFile = Files.writeString(temp.resolve("augment.yaml"), config);
        List<String> args = new ArrayList<>(List.of("augment", "--coco", coco.toString(), "--images",
                RealPhotos.folder().toString(), "--config", configFile.toString(), "--out", temp.resolve("out").toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private byte[] photo() throws IOException {
        return codec.decodeColor(Files.readAllBytes(RealPhotos.folder().resolve("chelsea.png"))).rgb();
    }

    private static double decode(byte level) {
        double c = (level & 0xFF) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int encode(double linear) {
        double c = Math.max(0, Math.min(1, linear));
        return (int) Math.round((c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055) * 255);
    }
}
