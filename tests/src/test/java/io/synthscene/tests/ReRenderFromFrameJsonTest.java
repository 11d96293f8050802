package io.synthscene.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthscene.annotators.ImageEncoder;
import io.synthscene.annotators.InstanceAnnotator;
import io.synthscene.assets.AssetLibrary;
import io.synthscene.engine.DevicePreference;
import io.synthscene.engine.Renderer;
import io.synthscene.scenes.FrameJson;
import io.synthscene.scenes.frame.Frame;
import io.synthscene.scenes.frame.RenderPass;
import io.synthscene.scenes.frame.RenderedFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frames/NNNNNN.json} is enough to re-render that frame alone: read back, rendered with the
 * dataset's MSAA setting, it gives the same instance mask and, through the frame's sensor (noise
 * included), the same colour pixels as the batch.
 */
class ReRenderFromFrameJsonTest {
    private static final int WIDTH = 160;
    private static final int HEIGHT = 96;

    @TempDir
    Path temp;

    @Test
    void aFrameReadBackFromItsJsonRendersToTheSameMaskAndImage() throws IOException {
        Path dataset = temp.resolve("street");
        Cli.Result result = Cli.run("render", Cli.example("urban-street.yaml"), "--out", dataset.toString(),
                "--frames", "3", "--size", WIDTH + "x" + HEIGHT);
        assertThat(result.exitCode()).as(result.all()).isZero();
        int msaa = DatasetFiles.json(dataset.resolve("dataset.json")).get("msaa_samples").asInt();

        Frame frame = FrameJson.fromJson(Files.readAllBytes(dataset.resolve("frames/000002.json")));
        assertThat(frame.index()).isEqualTo(2);
        RenderedFrame again;
        try (Renderer renderer = Renderer.open(DevicePreference.AUTO, WIDTH, HEIGHT, msaa, new AssetLibrary())) {
            again = renderer.render(frame, EnumSet.of(RenderPass.COLOR, RenderPass.INSTANCE_ID));
        }

        int[] storedMask = DatasetFiles.instanceMask(dataset.resolve("masks/instance/000002.png"), WIDTH, HEIGHT);
        assertThat(again.instanceIds()).isEqualTo(storedMask);
        assertThat(new InstanceAnnotator().annotate(frame, again)).isNotEmpty();

        ImageEncoder encoder = new ImageEncoder();
        byte[] storedRgb = encoder.decodeColorRgb(Files.readAllBytes(dataset.resolve("images/000002.png")));
        // the renderer applies the frame's sensor, noise included, from the frame alone
        byte[] againRgb = encoder.decodeColorRgb(encoder.encodeColor(again, io.synthscene.annotators.ImageFormat.PNG, 95));
        assertThat(againRgb).isEqualTo(storedRgb);
    }
}
