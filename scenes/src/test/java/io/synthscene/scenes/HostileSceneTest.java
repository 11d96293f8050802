package io.synthscene.scenes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input made to hurt the parser is refused quickly, with one clear, positioned problem. */
class HostileSceneTest {
    private static final String VALID = """
            seed: 7
            frames: 10
            output: {width: 64, height: 48}
            categories:
              - {id: 1, name: car}
            camera:
              mount_height_m: 1.5
            groups:
              - name: cars
                asset: vehicle
                category: car
                count: 3
                region: {x: [-5, 5], z: [-30, -5]}
            """;

    @TempDir
    Path folder;

    private static List<SceneProblem> problems(String yaml, Limits limits) {
        SceneException e = catchThrowableOfType(SceneException.class,
                () -> SceneLoader.parse(yaml, "s.yaml", null, limits));
        assertThat(e).as("a SceneException for:\n" + yaml.substring(0, Math.min(yaml.length(), 300))).isNotNull();
        return e.problems();
    }

    private static List<String> messages(String yaml) {
        return problems(yaml, Limits.DEFAULT).stream().map(SceneProblem::toString).toList();
    }

    @Test
    void theBaseSceneIsValid() throws SceneException {
        assertThat(SceneLoader.parse(VALID, "s.yaml", null, Limits.DEFAULT).frames()).isEqualTo(10);
    }

    @Test
    void aBillionLaughsAliasBombIsRefusedQuicklyWithoutExpandingIt() {
        StringBuilder bomb = new StringBuilder(VALID).append("x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("x").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }
        List<String> found = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> messages(bomb.toString()));
        assertThat(found).contains("s.yaml:15:10: x1[0]: YAML aliases (*a0) are not supported; write the value out");
        assertThat(found).anyMatch(m -> m.startsWith("s.yaml:14:1: x0: unknown key 'x0'"));
    }

    @Test
    void tooManyProblemsAreCountedNotListed() {
        String many = VALID + "x: [" + "*a, ".repeat(500) + "*a]\n";
        List<String> found = messages(many);
        assertThat(found).hasSize(101);
        assertThat(found.get(100)).isEqualTo("s.yaml: and 402 more problems (a limit: set SYNTHSCENE_MAX_PROBLEMS_SHOWN"
                + " or -Dsynthscene.max-problems-shown to see more)");
    }

    @Test
    void deepNestingStopsAtTheLimitInsteadOfOverflowingTheStack() {
        String flow = VALID.replace("seed: 7", "seed: " + "[".repeat(50_000) + "]".repeat(50_000));
        assertThat(messages(flow)).singleElement().asString()
                .startsWith("s.yaml:1:70: seed[0][0]").endsWith(": nested deeper than 64 levels (a limit: set "
                        + "SYNTHSCENE_MAX_NESTING_DEPTH or -Dsynthscene.max-nesting-depth to raise it)");
        StringBuilder block = new StringBuilder("seed:\n");
        for (int i = 1; i <= 100; i++) {
            block.append(" ".repeat(i)).append("k:\n");
        }
        assertThat(messages(block.toString())).singleElement().asString().contains("nested deeper than 64 levels");
        assertThat(problems(VALID, Limits.DEFAULT.with(Limits.Setting.MAX_NESTING_DEPTH, 2)).get(0).message())
                .startsWith("nested deeper than 2 levels");
        // at the highest setting our limit still speaks before Jackson's own, and the reader does not
        // recurse: 1,000 levels read on a thread with a 128 KiB stack
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                outcome.set(problems(flow, Limits.DEFAULT.with(Limits.Setting.MAX_NESTING_DEPTH, 1000)).get(0).message());
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "small-stack", 128 * 1024);
        small.start();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> small.join());
        assertThat(outcome.get()).asString().startsWith("nested deeper than 1000 levels");
    }

    @Test
    void infinityAndNotANumberAreReportedAtTheirField() {
        assertThat(messages(VALID.replace("mount_height_m: 1.5", "mount_height_m: .inf")))
                .containsExactly("s.yaml:7:19: camera.mount_height_m: .inf is not a finite number");
        assertThat(messages(VALID.replace("mount_height_m: 1.5", "mount_height_m: -.Inf")))
                .containsExactly("s.yaml:7:19: camera.mount_height_m: -.Inf is not a finite number");
        assertThat(messages(VALID.replace("count: 3", "count: {uniform_int: [1, .NaN]}")))
                .containsExactly("s.yaml:12:30: groups[0].count.uniform_int[1]: expected a whole number, got .NaN,"
                        + " which is not a whole number");
        assertThat(messages(VALID.replace("x: [-5, 5]", "x: [-1e308, 1e308]"))).containsExactly(
                "s.yaml:13:17: groups[0].region.x: [-1.0E308, 1.0E308] is too wide: max - min must be a finite number");
        assertThat(messages(VALID.replace("count: 3", "yaw_deg: {uniform: [-1.7e308, 1.7e308]}"))).containsExactly(
                "s.yaml:12:24: groups[0].yaw_deg.uniform: bounds [-1.7E308, 1.7E308] are too far apart:"
                        + " b - a must be a finite number");
    }

    @Test
    void aControlCharacterIsReportedWhereItIs() {
        assertThat(messages(VALID.replace("frames: 10", "frames: 1\u00070")))
                .containsExactly("s.yaml:2:10: the character U+0007 is not allowed in YAML (is this a binary file?)");
    }

    @Test
    void bytesThatAreNotUtf8AreReportedAtTheirLineAndColumn() throws IOException {
        Path file = folder.resolve("latin1.yaml");
        Files.write(file, VALID.replace("name: car}", "name: caf\u00e9}").getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> SceneLoader.load(file, Limits.DEFAULT)).isInstanceOf(SceneException.class)
                .hasMessage("latin1.yaml:5:22: is not UTF-8 text: byte 0xE9 cannot start or continue a character"
                        + " (save the file as UTF-8)");
    }

    @Test
    void aFolderAndAnOversizedFileAreRefusedUnread() throws IOException {
        assertThatThrownBy(() -> SceneLoader.load(folder, Limits.DEFAULT))
                .hasMessageEndingWith(": it is a folder, not a scene file");
        Path big = folder.resolve("big.yaml");
        Files.writeString(big, VALID + "#".repeat(2000) + "\n");
        assertThatThrownBy(() -> SceneLoader.load(big, Limits.DEFAULT.with(Limits.Setting.MAX_SCENE_BYTES, 1000)))
                .hasMessageMatching("big\\.yaml: .*big\\.yaml is \\d+ bytes, more than 1000"
                        + " \\(a limit: set SYNTHSCENE_MAX_SCENE_BYTES .*");
    }

    @Test
    void longValuesAreCutInMessages() {
        String message = messages(VALID.replace("seed: 7", "seed: " + "9".repeat(900) + "x")).get(0);
        assertThat(message).endsWith("... (901 characters)\"").hasSizeLessThan(200);
    }

    @Test
    void framesImageSizeAndObjectsPerFrameAreLimitedAndTheLimitsCanBeRaised() throws SceneException {
        assertThat(messages(VALID.replace("frames: 10", "frames: 10000001"))).containsExactly(
                "s.yaml:2:9: frames: 10000001 frames is more than 10000000 (a limit: set SYNTHSCENE_MAX_FRAMES or"
                        + " -Dsynthscene.max-frames to raise it)");
        assertThat(messages(VALID.replace("width: 64", "width: 16385"))).singleElement().asString()
                .startsWith("s.yaml:3:17: output.width: 16385 pixels is more than 16384 (a limit:");
        assertThat(messages(VALID.replace("{width: 64, height: 48}", "{width: 16384, height: 16384}")))
                .singleElement().asString()
                .startsWith("s.yaml:3:9: output: 16384 x 16384 is 268435456 pixels, more than 67108864 (a limit:");
        String crowded = VALID.replace("count: 3", "count: 10000") + """
                  - name: more
                    asset: box
                    count: {poisson: 1000}
                    region: {x: [-5, 5], z: [-30, -5]}
                """;
        assertThat(messages(crowded)).containsExactly("s.yaml:9:3: groups: the groups can place up to 11327 objects in"
                + " one frame, more than 10000 (a limit: set SYNTHSCENE_MAX_OBJECTS or -Dsynthscene.max-objects to raise it)");
        Limits raised = Limits.from(Map.of("SYNTHSCENE_MAX_OBJECTS", "20000", "SYNTHSCENE_MAX_FRAMES", "5")::get,
                Map.of("synthscene.max-frames", "20000000")::get);
        assertThat(raised.maxObjectsPerFrame()).isEqualTo(20_000);
        assertThat(raised.maxFrames()).as("a system property wins over the environment").isEqualTo(20_000_000);
        assertThat(SceneLoader.parse(crowded.replace("frames: 10", "frames: 10000001"), "s.yaml", null, raised).frames())
                .isEqualTo(10_000_001);
        assertThat(problems(VALID, Limits.DEFAULT.with(Limits.Setting.MAX_OBJECTS_PER_FRAME, 2))).hasSize(1);
    }

    @Test
    void aLimitSettingThatIsNotAPositiveWholeNumberIsRefusedNamingIt() {
        assertThatThrownBy(() -> Limits.from(Map.of("SYNTHSCENE_MAX_OBJECTS", "lots")::get, name -> null))
                .isInstanceOf(Limits.InvalidLimitException.class)
                .hasMessage("SYNTHSCENE_MAX_OBJECTS=lots is not a whole number in [1, 9223372036854775807]");
        assertThatThrownBy(() -> Limits.from(name -> null, Map.of("synthscene.max-nesting-depth", "0")::get))
                .hasMessage("-Dsynthscene.max-nesting-depth=0 is not a whole number in [1, 1000]");
    }
}
