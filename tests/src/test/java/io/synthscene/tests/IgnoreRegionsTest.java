package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ignore regions end to end, from the scene file to COCO, against answers known in advance: the
 * geometry of {@code OcclusionTest} (camera 1 m up at z = 10, 256 x 192 px, 50 degrees across),
 * written as a scene. The back panel (x -2..2, y 0.5..1.5, at z = 0) is exactly half hidden by the
 * front panel (x -3..0, at z = 4): visibility 0.5, about 1,500 visible pixels. A small ignore-category
 * box stands clear of both, to the right.
 */
class IgnoreRegionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static String scene(String topLevel, String backExtra, String frontExtra) {
        return """
                seed: 1
                frames: 1
                output: {width: 256, height: 192}
                categories:
                  - {id: 1, name: panel}
                  - {id: 2, name: dontcare, ignore: true}
                camera: {position: [0, 1, 10], hfov_deg: 50}
                lighting: {sun: {elevation_deg: 45}}
                %s
                groups:
                  - name: back
                    asset: {kind: box, params: {width_m: 4, height_m: 1, length_m: 0.02}}
                    category: panel
                    count: 1
                    region: {x: [0, 0], z: [-0.01, -0.01]}
                    elevation_m: 0.5
                %s
                  - name: front
                    asset: {kind: box, params: {width_m: 3, height_m: 1.95, length_m: 0.02}}
                    category: panel
                    count: 1
                    region: {x: [-1.5, -1.5], z: [3.99, 3.99]}
                    elevation_m: 0.05
                %s
                  - name: cone
                    asset: {kind: box, params: {width_m: 0.4, height_m: 0.6, length_m: 0.4}}
                    category: dontcare
                    count: 1
                    region: {x: [3, 3], z: [2, 2]}
                """.formatted(topLevel, backExtra.isEmpty() ? "" : "    " + backExtra,
                frontExtra.isEmpty() ? "" : "    " + frontExtra);
    }

    private Path render(String name, String yaml, String... extra) throws IOException {
        Path file = temp.resolve(name + ".yaml");
        Files.writeString(file, yaml);
        Path out = temp.resolve(name);
        List<String> args = new ArrayList<>(List.of("render", file.toString(), "--out", out.toString(), "--msaa", "1"));
        args.addAll(List.of(extra));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.all()).isZero();
        return out;
    }

    /** The annotations of the one image, by the instance's group: back, front, cone. */
    private static JsonNode[] byGroup(Path out) throws IOException {
        JsonNode coco = DatasetFiles.json(out.resolve("annotations/instances.json"));
        JsonNode[] found = new JsonNode[3];
        for (JsonNode a : coco.get("annotations")) {
            found[a.get("synthscene").get("instance_id").asInt() - 1] = a; // groups in order: ids 1, 2, 3
        }
        return found;
    }

    private static void assertNormal(JsonNode a) {
        assertThat(a.get("iscrowd").asInt()).isZero();
        assertThat(a.get("synthscene").has("ignore_reason")).isFalse();
    }

    private static void assertIgnored(JsonNode a, String reason) {
        assertThat(a.get("iscrowd").asInt()).isEqualTo(1);
        assertThat(a.has("ignore")).as("no top-level ignore: Detectron2's COCO loader asserts it is 0").isFalse();
        assertThat(a.get("synthscene").get("ignore_reason").asText()).isEqualTo(reason);
        assertThat(a.get("segmentation").has("counts")).as("crowd regions are RLE").isTrue();
    }

    private void assertValid(Path out) {
        Cli.Result validate = Cli.run("validate", out.toString());
        assertThat(validate.exitCode()).as(validate.all()).isZero();
    }

    @Test
    void aHalfHiddenPanelIsAnIgnoreRegionAtMinVisibilitySixTenthsAndAnAnnotationAtFourTenths() throws IOException {
        JsonNode[] strict = byGroup(render("strict", scene("min_visibility: 0.6", "", "")));
        assertThat(strict[0].get("synthscene").get("visibility").asDouble()).isCloseTo(0.5, within(0.01));
        assertIgnored(strict[0], "min_visibility");
        assertNormal(strict[1]);
        JsonNode[] lenient = byGroup(render("lenient", scene("min_visibility: 0.4", "", "")));
        assertNormal(lenient[0]);
        assertNormal(lenient[1]);
        assertValid(temp.resolve("strict"));
        assertValid(temp.resolve("lenient"));
    }

    @Test
    void minVisiblePixelsAppliesPerGroupOverTheScene() throws IOException {
        JsonNode[] plain = byGroup(render("plain", scene("", "", "")));
        long backPixels = plain[0].get("area").asLong();
        long frontPixels = plain[1].get("area").asLong();
        assertThat(backPixels).isBetween(1000L, 2000L);
        assertThat(frontPixels).isGreaterThan(backPixels);
        // the scene's threshold sits between the two; the front group lifts it for itself
        long between = (backPixels + frontPixels) / 2;
        JsonNode[] scene = byGroup(render("scene", scene("min_visible_pixels: " + between, "", "")));
        assertIgnored(scene[0], "min_visible_pixels");
        assertNormal(scene[1]);
        JsonNode[] grouped = byGroup(render("grouped", scene("min_visible_pixels: " + between,
                "min_visible_pixels: " + backPixels + "\n", "min_visible_pixels: " + (frontPixels + 1) + "\n")));
        assertNormal(grouped[0]); // exactly at its threshold: not below it
        assertIgnored(grouped[1], "min_visible_pixels");
        assertValid(temp.resolve("grouped"));
    }

    @Test
    void ignoreCategoryObjectsAreRenderedButNeverAnnotations() throws IOException {
        Path out = render("plain", scene("", "", ""));
        JsonNode[] plain = byGroup(out);
        assertIgnored(plain[2], "ignore_category");
        assertThat(plain[2].get("area").asLong()).isPositive();
        int[] mask = DatasetFiles.instanceMask(out.resolve("masks/instance/000000.png"), 256, 192);
        assertThat(java.util.Arrays.stream(mask).filter(id -> id == 3).count()).isEqualTo(plain[2].get("area").asLong());
        // YOLO has no ignore regions: the box is left unlabelled; KITTI calls it DontCare
        Path yoloOut = temp.resolve("yolo");
        assertThat(Cli.run("export", out.toString(), "--format", "yolo", "--out", yoloOut.toString()).exitCode()).isZero();
        List<String> yolo = Files.readAllLines(yoloOut.resolve("labels/000000.txt"));
        assertThat(yolo).hasSize(2);
        Path kittiOut = temp.resolve("kitti");
        assertThat(Cli.run("export", out.toString(), "--format", "kitti", "--out", kittiOut.toString()).exitCode()).isZero();
        List<String> kitti = Files.readAllLines(kittiOut.resolve("label_2/000000.txt"));
        assertThat(kitti).filteredOn(l -> l.startsWith("DontCare ")).hasSize(1);
        assertThat(kitti).hasSize(3);
        JsonNode categories = DatasetFiles.json(out.resolve("annotations/instances.json")).get("categories");
        assertThat(categories.get(0).has("synthscene")).as("panel is annotated as usual").isFalse();
        assertThat(categories.get(1).get("synthscene")).isEqualTo(JSON.readTree("{\"ignore\": true}"));
        Cli.Result stats = Cli.run("stats", out.toString(), "--out", temp.resolve("stats").toString());
        assertThat(stats.exitCode()).as(stats.all()).isZero();
        assertThat(DatasetFiles.json(temp.resolve("stats/stats.json")).findValue("crowd_annotations").asInt()).isEqualTo(1);
        assertValid(out);
    }

    @Test
    void theValidatorRefusesAnIgnoreRegionWrittenAsAnAnnotation() throws IOException {
        Path out = render("tampered", scene("min_visibility: 0.6", "", ""));
        ObjectNode coco = (ObjectNode) DatasetFiles.json(out.resolve("annotations/instances.json"));
        for (JsonNode a : coco.get("annotations")) {
            if (a.get("iscrowd").asInt() == 1 && a.get("synthscene").get("ignore_reason").asText().equals("min_visibility")) {
                ((ObjectNode) a).put("iscrowd", 0);
                ((ObjectNode) a.get("synthscene")).remove("ignore_reason");
            }
        }
        assertThat(validateWith(out, coco)).contains("ignore-region-mismatch", "min_visibility");
    }

    /** Validates {@code out} with {@code coco} as its instances file: the output of a run that must fail. */
    private static String validateWith(Path out, ObjectNode coco) throws IOException {
        JSON.writeValue(out.resolve("annotations/instances.json").toFile(), coco);
        Cli.Result validate = Cli.run("validate", out.toString());
        assertThat(validate.exitCode()).isNotZero();
        return validate.all();
    }

    @Test
    void theValidatorRefusesACategoryMarkThatDisagreesWithTheFrameOrItsAnnotations() throws IOException {
        Path out = render("marks", scene("", "", ""));
        Path instances = out.resolve("annotations/instances.json");
        ObjectNode original = (ObjectNode) DatasetFiles.json(instances);

        ObjectNode unmarked = original.deepCopy(); // dontcare loses its mark
        ((ObjectNode) unmarked.get("categories").get(1)).remove("synthscene");
        assertThat(validateWith(out, unmarked)).contains("category-ignore-mismatch", "'dontcare' is an ignore category in the frame");

        ObjectNode marked = original.deepCopy(); // panel gains one: its normal annotations contradict it and the frame
        ((ObjectNode) marked.get("categories").get(0)).putObject("synthscene").put("ignore", true);
        assertThat(validateWith(out, marked)).contains("category-ignore-mismatch", "ignore-category-not-crowd");

        JSON.writeValue(instances.toFile(), original);
        assertValid(out);
    }

    @Test
    void mergeAndResumeRebuildTheSameIgnoreRegions() throws IOException {
        String yaml = scene("min_visibility: 0.6", "", "").replace("frames: 1", "frames: 2");
        Path whole = render("whole", yaml);
        Path a = render("a", yaml, "--shard", "0/2");
        Path b = render("b", yaml, "--shard", "1/2");
        Path merged = temp.resolve("merged");
        Cli.Result merge = Cli.run("merge", a.toString(), b.toString(), "--out", merged.toString());
        assertThat(merge.exitCode()).as(merge.all()).isZero();
        assertThat(Files.readString(merged.resolve("annotations/instances.json")))
                .isEqualTo(Files.readString(whole.resolve("annotations/instances.json")))
                .contains("\"ignore_reason\":\"min_visibility\"");
    }
}
