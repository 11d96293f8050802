package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthscene.annotators.CocoRle;
import io.synthscene.annotators.ImageEncoder;
import io.synthscene.assets.AssetLibrary;
import io.synthscene.engine.DevicePreference;
import io.synthscene.engine.Renderer;
import io.synthscene.scenes.AugmentLoader;
import io.synthscene.scenes.frame.Camera;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.RenderedLayers;
import io.synthscene.scenes.randomize.InsertRandomizer;
import io.synthscene.scenes.spec.InsertSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synthscene augment} with {@code insert:} on a real photograph (coffee.png, see
 * {@link RealPhotos}) with hand-made rectangle labels. A 2 x 3 x 1 m box stands 5.5 m in front of
 * a level camera 1.5 m up (hfov 60°, f = 300 / tan 30° = 519.6 px on the 600 x 400 photo), so its
 * front face, all that shows, projects to the pixel centres of columns 215..403 and rows 58..341
 * (edges at x = 214.97 and 403.92, y = 58.29 and 341.71): answers known in advance.
 */
class AugmentInsertTest {
    static final int W = 600;
    static final int H = 400;
    /** The box's pixels, worked out from the camera above: [x0, x1] x [y0, y1], inclusive. */
    static final int[] BOX = {215, 403, 58, 341};
    /** Areas may differ from the counts by this share (the issue's ±1 %). */
    static final double AREA_TOLERANCE = 0.01;

    static final String INSERT = """
            seed: 4
            insert:
              categories: [{name: crate, supercategory: object}, sign]
              groups:
                - name: crate
                  asset: {kind: box, params: {width_m: 2, height_m: 3, length_m: 1}}
                  category: crate
                  region: {x: [0.1, 0.1], z: [-6, -6]}
                  color: [0.5, 0.5, 0.5]
                  roughness: 1
              camera: {height_m: 1.5, pitch_deg: 0, hfov_deg: 60}
              light: {sun_elevation_deg: 30, sun_azimuth_deg: 90, sun_intensity: 3, ambient_intensity: 1.0}
            """;

    @TempDir
    static Path temp;
    static Path coco;
    static JsonNode dropped;
    static JsonNode ignored;
    static JsonNode depthTested;

    @BeforeAll
    static void augment() throws IOException {
        coco = RealPhotos.write(labels(), temp.resolve("labels/instances.json"));
        dropped = run("drop", INSERT, null);
        ignored = run("ignore", INSERT + "  min_visibility: 0.6\n  covered: ignore\n", null);
        // the photo nearer than the box (2 m) left of column 300, nothing measured elsewhere
        int[] millimetres = new int[W * H];
        for (int p = 0; p < millimetres.length; p++) {
            millimetres[p] = p % W < 300 ? 2000 : 0;
        }
        Path depth = Files.createDirectories(temp.resolve("depth-maps"));
        Files.write(depth.resolve("coffee.png"), new ImageEncoder().encodeGray16(millimetres, W, H, "depth"));
        depthTested = run("depth", INSERT, depth);
    }

    /**
     * coffee.png (image 8) with three rectangles of category 'sign': 501 rows 100..299 x columns
     * 115..314 (half under the box), 502 rows 100..299 x columns 250..349 (all under it), 503 rows
     * 10..39 x columns 10..59 (clear of it).
     */
    static ObjectNode labels() {
        ObjectNode labels = RealPhotos.JSON.createObjectNode();
        labels.putArray("images").addObject().put("id", 8).put("file_name", "coffee.png").put("width", W).put("height", H);
        ArrayNode annotations = labels.putArray("annotations");
        rectangle(annotations, 501, 115, 100, 200, 200);
        rectangle(annotations, 502, 250, 100, 100, 200);
        rectangle(annotations, 503, 10, 10, 50, 30);
        labels.putArray("categories").addObject().put("id", 1).put("name", "sign").put("supercategory", "sign");
        return labels;
    }

    @Test
    void anObjectOverHalfOfALabelledRegionHalvesItsArea() {
        JsonNode half = real(dropped, 501);
        assertThat(half.get("area").asDouble()).isCloseTo(20_000, within(20_000 * AREA_TOLERANCE));
        assertThat(mask(half)).satisfies(m -> assertThat(count(m)).isEqualTo(half.get("area").asLong()));
        // the box is recomputed from what is left: columns 115..214
        assertThat(numbers(half.get("bbox"))).containsExactly(115, 100, 100, 200);
        assertThat(half.at("/augment/visible_fraction").asDouble()).isCloseTo(0.5, within(AREA_TOLERANCE));
    }

    @Test
    void aFullyCoveredLabelDisappearsAndAClearOneIsCopiedAsItWas() throws IOException {
        assertThat(real(dropped, 502)).isNull();
        assertThat(real(ignored, 502)).as("an ignore region of no pixels would be a phantom").isNull();
        JsonNode clear = real(dropped, 503);
        JsonNode source = RealPhotos.JSON.readTree(coco.toFile()).get("annotations").get(2);
        assertThat(clear.get("segmentation")).isEqualTo(source.get("segmentation"));
        assertThat(clear.get("area")).isEqualTo(source.get("area"));
        assertThat(clear.at("/augment/visible_fraction").isMissingNode()).isTrue();
    }

    @Test
    void belowMinVisibilityALabelBecomesAnIgnoreRegionOfItsVisiblePixels() {
        JsonNode half = real(ignored, 501);
        // the keys a render writes for its ignore regions; no top-level "ignore", which Detectron2's loader refuses
        assertThat(half.get("iscrowd").asInt()).isEqualTo(1);
        assertThat(half.at("/synthscene/ignore_reason").asText()).isEqualTo("min_visibility");
        assertThat(half.has("ignore")).isFalse();
        assertThat(half.get("area").asDouble()).isCloseTo(20_000, within(20_000 * AREA_TOLERANCE));
        assertThat(real(ignored, 503).get("iscrowd").asInt()).isZero();
    }

    @Test
    void theInsertedObjectIsLabelledWithItsProjectedRectangleAndAMergedCategory() {
        JsonNode crate = inserted(dropped).get(0);
        assertThat(inserted(dropped)).hasSize(1);
        // 'sign' is the input's category 1; 'crate' is new: the next id
        assertThat(crate.get("category_id").asInt()).isEqualTo(2);
        assertThat(categoryNames(dropped)).containsExactly("sign", "crate");
        assertThat(numbers(crate.get("bbox"))).containsExactly(BOX[0], BOX[2], BOX[1] - BOX[0] + 1, BOX[3] - BOX[2] + 1);
        assertThat(crate.get("area").asLong()).isEqualTo((long) (BOX[1] - BOX[0] + 1) * (BOX[3] - BOX[2] + 1));
        assertThat(crate.get("iscrowd").asInt()).isZero();
        assertThat(crate.at("/augment/visible_fraction").asDouble()).isEqualTo(1.0);
    }

    @Test
    void theInsertedMaskIsExactlyTheRenderedIdPass() throws Exception {
        InsertSpec spec = AugmentLoader.parse(INSERT, "insert.yaml").insert();
        Camera camera = InsertRandomizer.camera(spec, 4, 8, 0, W, H);
        InsertRandomizer.LightDraw draw = InsertRandomizer.light(spec, 4, 8, 0);
        Frame frame = InsertRandomizer.frame(spec, camera, InsertRandomizer.lighting(draw, Double.NaN), draw, 4, 8, 0);
        RenderedLayers layers;
        try (Renderer renderer = Renderer.open(DevicePreference.AUTO, W, H, 4, new AssetLibrary())) {
            layers = renderer.renderLayers(frame);
        }
        boolean[] idPass = new boolean[W * H];
        for (int p = 0; p < idPass.length; p++) {
            idPass[p] = layers.instanceIds()[p] == 1;
        }
        assertThat(mask(inserted(dropped).get(0))).isEqualTo(idPass);
        // and the coverage layer is whole inside, anti-aliased only along the edges
        assertThat(layers.coverage()[200 * W + 300] & 0xFF).isEqualTo(255);
        assertThat(layers.coverage()[200 * W + 100] & 0xFF).isZero();
    }

    @Test
    void theObjectShowsInThePhotoAndItsShadowDarkensTheGroundBesideIt() throws IOException {
        ImageEncoder codec = new ImageEncoder();
        byte[] photo = codec.decodeColor(Files.readAllBytes(RealPhotos.folder().resolve("coffee.png"))).rgb();
        byte[] out = codec.decodeColor(Files.readAllBytes(temp.resolve("drop/images/coffee-v0.png"))).rgb();
        // a grey box lit by sun and sky: flat inside its face, unlike the photo there
        assertThat(out[3 * (200 * W + 300)]).isNotEqualTo(photo[3 * (200 * W + 300)]);
        assertThat(out[3 * (200 * W + 300)]).isEqualTo(out[3 * (150 * W + 350)]);
        // sun from the right (+x), 30° up: the shadow falls on the ground left of the box's foot
        assertThat(luminance(out, 120, 200, 325, 340)).isLessThan(0.8 * luminance(photo, 120, 200, 325, 340));
        // right of the box, and above the horizon, the photo is untouched
        assertThat(region(out, 420, 590, 320, 340)).isEqualTo(region(photo, 420, 590, 320, 340));
        assertThat(region(out, 0, 600, 0, 50)).isEqualTo(region(photo, 0, 600, 0, 50));
    }

    @Test
    void withADepthMapNearerPhotoPixelsHideTheObjectAndItsLabel() throws IOException {
        JsonNode crate = inserted(depthTested).get(0);
        assertThat(numbers(crate.get("bbox"))).containsExactly(300, BOX[2], BOX[1] - 300 + 1, BOX[3] - BOX[2] + 1);
        // its share: the visible part over the whole box alone
        assertThat(crate.at("/augment/visible_fraction").asDouble())
                .isCloseTo((BOX[1] - 300 + 1.0) / (BOX[1] - BOX[0] + 1), within(1e-9));
        // the real label keeps what the hidden part of the box no longer covers: columns 115..299
        assertThat(real(depthTested, 501).get("area").asDouble()).isEqualTo(185 * 200);
        ImageEncoder codec = new ImageEncoder();
        byte[] photo = codec.decodeColor(Files.readAllBytes(RealPhotos.folder().resolve("coffee.png"))).rgb();
        byte[] out = codec.decodeColor(Files.readAllBytes(temp.resolve("depth/images/coffee-v0.png"))).rgb();
        assertThat(region(out, 230, 290, 80, 320)).isEqualTo(region(photo, 230, 290, 80, 320));
    }

    @Test
    void theAugmentedDatasetsValidateClean() {
        for (String name : List.of("drop", "ignore", "depth")) {
            Cli.Result result = Cli.run("validate", temp.resolve(name).toString());
            assertThat(result.exitCode()).as(result.all()).isZero();
            assertThat(result.out()).contains("no violations");
        }
    }

    @Test
    void theDrawnCameraAndLightAreRecordedWithTheImage() {
        JsonNode effects = dropped.get("images").get(0).at("/augment/effects/insert");
        assertThat(effects.at("/camera/height_m").asDouble()).isEqualTo(1.5);
        assertThat(effects.at("/camera/focal_length_px").asDouble()).isCloseTo(519.615, within(1e-3));
        assertThat(effects.at("/light/levels").asText()).isEqualTo("given");
        assertThat(effects.at("/real_labels/reduced").asInt()).isEqualTo(1);
        assertThat(effects.at("/real_labels/dropped").asInt()).isEqualTo(1);
    }

    @Test
    void anInsertedModelsColorsSlotItLacksIsRefusedAtItsLineBeforeAnythingIsWritten() throws IOException {
        // a model file without materials has one slot, body
        Files.writeString(temp.resolve("plain.obj"), "v -1 0 0\nv 1 0 0\nv 0 2 0\nf 1 2 3\n");
        String config = """
                seed: 4
                insert:
                  categories: [crate]
                  groups:
                    - name: crate
                      asset: {mesh: plain.obj}
                      category: crate
                      region: {x: [0.1, 0.1], z: [-6, -6]}
                      colors: {paint: [1, 0, 0]}
                  camera: {height_m: 1.5, pitch_deg: 0, hfov_deg: 60}
                """;
        Path file = Files.writeString(temp.resolve("slots.yaml"), config);
        Path out = temp.resolve("slots");
        Cli.Result result = Cli.run("augment", "--coco", coco.toString(), "--images", RealPhotos.folder().toString(),
                "--config", file.toString(), "--out", out.toString());
        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains("slots.yaml:9:16: ").contains("colors.paint: unknown slot 'paint' for model file"
                + " plain.obj (its slots: body)").doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    private static JsonNode run(String name, String config, Path depth) throws IOException {
        Path file = Files.writeString(temp.resolve(name + ".yaml"), config);
        Path out = temp.resolve(name);
        List<String> args = new ArrayList<>(List.of("augment", "--coco", coco.toString(), "--images",
                RealPhotos.folder().toString(), "--config", file.toString(), "--out", out.toString()));
        if (depth != null) {
            args.addAll(List.of("--depth", depth.toString()));
        }
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.all()).isZero();
        return RealPhotos.JSON.readTree(out.resolve("annotations/instances.json").toFile());
    }

    private static void rectangle(ArrayNode annotations, long id, int x, int y, int w, int h) {
        boolean[] mask = new boolean[W * H];
        for (int row = y; row < y + h; row++) {
            for (int col = x; col < x + w; col++) {
                mask[row * W + col] = true;
            }
        }
        CocoRle rle = CocoRle.fromMask(mask, W, H);
        ObjectNode a = annotations.addObject().put("id", id).put("image_id", 8).put("category_id", 1);
        ObjectNode segmentation = a.putObject("segmentation");
        segmentation.putArray("size").add(H).add(W);
        segmentation.put("counts", rle.countsString());
        a.putArray("bbox").add(x).add(y).add(w).add(h);
        a.put("area", (double) w * h).put("iscrowd", 0);
    }

    private static JsonNode real(JsonNode output, long sourceId) {
        for (JsonNode a : output.get("annotations")) {
            if (a.at("/augment/source_annotation_id").asLong() == sourceId) {
                return a;
            }
        }
        return null;
    }

    private static List<JsonNode> inserted(JsonNode output) {
        List<JsonNode> found = new ArrayList<>();
        output.get("annotations").forEach(a -> {
            if (a.at("/augment/inserted").asBoolean()) {
                found.add(a);
            }
        });
        return found;
    }

    private static List<String> categoryNames(JsonNode output) {
        List<String> names = new ArrayList<>();
        output.get("categories").forEach(c -> names.add(c.get("name").asText()));
        return names;
    }

    private static boolean[] mask(JsonNode annotation) {
        return CocoRle.fromCountsString(H, W, annotation.at("/segmentation/counts").asText()).toMask();
    }

    private static long count(boolean[] mask) {
        long n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return n;
    }

    private static List<Integer> numbers(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(v -> values.add((int) Math.round(v.asDouble())));
        return values;
    }

    /** Mean of R + G + B over [x0, x1) x [y0, y1). */
    private static double luminance(byte[] rgb, int x0, int x1, int y0, int y1) {
        double sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                for (int c = 0; c < 3; c++) {
                    sum += rgb[3 * (y * W + x) + c] & 0xFF;
                }
            }
        }
        return sum / ((x1 - x0) * (y1 - y0));
    }

    private static byte[] region(byte[] rgb, int x0, int x1, int y0, int y1) {
        byte[] out = new byte[3 * (x1 - x0) * (y1 - y0)];
        int i = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                for (int c = 0; c < 3; c++) {
                    out[i++] = rgb[3 * (y * W + x) + c];
                }
            }
        }
        return out;
    }
}
