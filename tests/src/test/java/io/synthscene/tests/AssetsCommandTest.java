package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.annotators.ImageEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synthscene assets list} and {@code assets preview}, run in-process; the preview renders for real. */
class AssetsCommandTest {
    @TempDir
    Path dir;

    @Test
    void listNamesEveryKindWithItsParametersSlotsAndKeypoints() {
        Cli.Result result = Cli.run("assets", "list");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("sedan    (category: car)", "truck    (category: truck)", "bus    (category: bus)",
                "bicycle    (category: cyclist)", "traffic_sign    (category: traffic_sign)", "street_lamp", "bench", "bin");
        assertThat(result.out()).contains("window_bays", "{uniform_int: [5, 8]}", "[2, 20] whole");
        assertThat(result.out()).contains("slots: body (main: color), glass, tyre, rim, light_front, light_rear (colors)");
        assertThat(result.out()).contains("slots: shirt (main: color), skin, trousers, shoes, hair (colors)");
        assertThat(result.out()).contains("keypoints: nose, left_eye, right_eye, left_ear, right_ear, left_shoulder");
    }

    @Test
    void listWithAModelNamesItsMaterialsAndTheSlotsTheyFill() {
        // the example catalog's sign board: materials Post.Metal and Panel_Face
        Path model = Path.of(Cli.example("assets/models/sign_board.obj"));
        Cli.Result result = Cli.run("assets", "list", "--model", model.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("sign_board.obj    (model file)")
                .containsPattern("material 'Post.Metal' +slot Post_Metal")
                .containsPattern("material 'Panel_Face' +slot Panel_Face")
                .contains("slots: Panel_Face, Post_Metal (colors;");
        Cli.Result missing = Cli.run("assets", "list", "--model", dir.resolve("nope.glb").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.glb").contains("no such file");
    }

    @Test
    void listRefusesAnUnknownKindWithExitCodeTwo() {
        Cli.Result result = Cli.run("assets", "list", "sedna");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown asset kind 'sedna'");
    }

    @Test
    void previewRendersOneRowOfFourTurnedViewsBesideItsLabel() throws Exception {
        Path sheet = dir.resolve("cone.png");
        Cli.Result result = Cli.run("assets", "preview", "traffic_cone", "--out", sheet.toString(), "--tile", "64", "--device", "cpu");
        assertThat(result.exitCode()).as(result.err()).isZero();
        ImageEncoder.RgbImage image = new ImageEncoder().decodeColor(Files.readAllBytes(sheet));
        assertThat(image.width()).isEqualTo(120 + 4 * 64);
        assertThat(image.height()).isEqualTo(48);
        // The default orange-red cone stands in the middle of every tile: red well above blue there.
        for (int tile = 0; tile < 4; tile++) {
            int x = 120 + tile * 64 + 32;
            int at = (30 * image.width() + x) * 3;
            int red = image.rgb()[at] & 0xff;
            int blue = image.rgb()[at + 2] & 0xff;
            assertThat(red - blue).as("tile %d centre", tile).isGreaterThan(60);
        }
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void previewRefusesAnUnknownKind() {
        Cli.Result result = Cli.run("assets", "preview", "rocket", "--out", dir.resolve("x.png").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown asset kind 'rocket'");
        assertThat(dir.resolve("x.png")).doesNotExist();
    }
}
