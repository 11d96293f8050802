package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small real render of the intersection example (a layout, zone-placed groups and a class
 * balance): its frames record the layout, each placed object's zone and the targets, and
 * {@code synthscene stats} reports the placed shares the frames hold against those targets.
 */
class ClassBalanceStatsTest {
    private static final int FRAMES = 3;

    @TempDir
    static Path temp;
    static Path dataset;

    @BeforeAll
    static void render() {
        dataset = temp.resolve("intersection");
        Cli.Result result = Cli.run("render", Cli.example("intersection.yaml"), "--out", dataset.toString(),
                "--frames", String.valueOf(FRAMES), "--size", "160x120", "--threads", "2");
        assertThat(result.exitCode()).as(result.all()).isZero();
    }

    @Test
    void framesRecordTheLayoutTheZonesAndTheTargets() throws IOException {
        JsonNode frame = DatasetFiles.json(dataset.resolve("frames/000000.json"));
        assertThat(frame.get("layout").get("kind").asText()).isEqualTo("four_way");
        assertThat(frame.get("layout").get("params").get("lanes_per_direction").asDouble()).isEqualTo(2);
        assertThat(frame.get("class_balance").get("cyclist").asDouble()).isEqualTo(0.06);
        int zoned = 0;
        for (JsonNode o : frame.get("objects")) {
            String group = o.get("group").asText();
            if (group.equals("parked") || group.equals("walkers")) {
                assertThat(o.get("zone").get("on").asText()).isEqualTo(group.equals("parked") ? "parking" : "sidewalk");
                assertThat(o.get("zone").get("arm").asText()).isIn("south", "north", "east", "west");
                zoned++;
            }
            if (group.startsWith("layout/")) {
                assertThat(o.get("instance_id").asInt()).isZero();
                assertThat(o.has("zone")).isFalse();
            }
        }
        assertThat(zoned).isPositive();
    }

    @Test
    void statsReportsThePlacedSharesAgainstTheTargets() throws IOException {
        Cli.Result result = Cli.run("stats", dataset.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        Map<String, Integer> placed = new TreeMap<>();
        int total = 0;
        for (int i = 0; i < FRAMES; i++) {
            for (JsonNode o : DatasetFiles.json(dataset.resolve(String.format("frames/%06d.json", i))).get("objects")) {
                if (o.get("instance_id").asInt() > 0) {
                    placed.merge(o.get("category").asText(), 1, Integer::sum);
                    total++;
                }
            }
        }
        JsonNode balance = DatasetFiles.json(dataset.resolve("stats/stats.json")).get("class_balance");
        assertThat(balance.get("frames_with_targets").asInt()).isEqualTo(FRAMES);
        assertThat(balance.get("mixed_targets").asBoolean()).isFalse();
        JsonNode car = balance.get("categories").get("car");
        assertThat(car.get("target_share").asDouble()).isEqualTo(0.55);
        assertThat(car.get("placed").asInt()).isEqualTo(placed.get("car"));
        assertThat(car.get("placed_share").asDouble()).isCloseTo((double) placed.get("car") / total, within(1e-12));
        assertThat(balance.get("categories").fieldNames()).toIterable()
                .containsExactly("bus", "car", "cyclist", "pedestrian", "traffic_sign");
        assertThat(result.out()).contains("class balance over 3 frames, share of instances placed (annotated) / target:",
                String.format(java.util.Locale.ROOT, "  car: %.1f%% (", 100.0 * placed.get("car") / total), ") / 55.0%");
    }
}
