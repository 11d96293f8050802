package io.synthscene.scenes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthscene.scenes.frame.Frame;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FrameJsonTest {
    private static Frame sampled(int index) throws SceneException {
        return SceneLoader.load(Path.of("examples/urban-street.yaml")).sampleFrame(index);
    }

    @Test
    void aSampledFrameSurvivesARoundTripExactly() throws SceneException {
        for (int i = 0; i < 5; i++) {
            Frame frame = sampled(i);
            assertThat(FrameJson.fromJson(FrameJson.toJson(frame))).isEqualTo(frame);
        }
    }

    @Test
    void writingTheSameFrameTwiceGivesTheSameBytes() throws SceneException {
        assertThat(FrameJson.toJson(sampled(3))).isEqualTo(FrameJson.toJson(sampled(3)));
    }

    @Test
    void theJsonUsesSnakeCaseNamesAndIncludesTheDerivedCameraMatrices() throws SceneException {
        String json = new String(FrameJson.toJson(sampled(0)), StandardCharsets.UTF_8);
        assertThat(json).contains("\"scene_seed\" : 7", "\"hfov_deg\"", "\"intrinsics\"", "\"camera_to_world\"",
                "\"instance_id\"", "\"sun_azimuth_deg\"", "\"size_m\"", "\"length_m\"");
        assertThat(json).doesNotContain("\"labelled\"", "\"up_axis\"", "\"hfovDegrees\"");
        assertThat(json).startsWith("{\n");
        assertThat(json.indexOf("\"index\"")).isLessThan(json.indexOf("\"camera\""));
    }

    @Test
    void theCamerasDerivedFieldsComeInAFixedOrderWhateverTheJvmsReflectionOrder() throws SceneException {
        String json = new String(FrameJson.toJson(sampled(0)), StandardCharsets.UTF_8);
        int previous = -1;
        for (String key : new String[] {"\"principal_point_dy_px\"", "\"intrinsics\"", "\"focal_length_px\"",
                "\"distortion\"", "\"camera_to_world\""}) {
            int at = json.indexOf(key);
            assertThat(at).as(key).isGreaterThan(previous);
            previous = at;
        }
    }

    @Test
    void unknownKeysAreRejectedOnRead() throws SceneException {
        String json = new String(FrameJson.toJson(sampled(0)), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{ \"surprise\": 1,");
        assertThatThrownBy(() -> FrameJson.fromJson(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("surprise");
    }
}
