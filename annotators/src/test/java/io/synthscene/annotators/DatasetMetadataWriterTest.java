package io.synthscene.annotators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetMetadataWriterTest {
    @TempDir
    Path folder;

    private static DatasetMetadata metadata(String gitCommit, String startedAt) {
        return new DatasetMetadata("0.1.0", gitCommit, "/data/city.yaml", "ab12", 1234567890123L, 10,
                new DatasetShard(1, 3, 10, 30), 640, 480,
                "llvmpipe (LLVM 15.0.7, 256 bits)", false, "png", null, 4, startedAt, "2025-01-31T12:05:00Z");
    }

    @Test
    void everyFieldIsWrittenUnderItsSnakeCaseKey() throws IOException {
        Path file = folder.resolve("dataset.json");

        DatasetMetadataWriter.write(file, metadata("abc123", "2025-01-31T12:00:00Z"));

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.fieldNames()).toIterable().containsExactly("synthscene_version", "git_commit", "scene_file",
                "scene_sha256", "seed", "frames", "shard", "width", "height", "rendering_device", "hardware_rendering",
                "image_format", "jpeg_quality", "msaa_samples", "started_at", "finished_at", "gpu_reset_notification");
        assertThat(json.get("gpu_reset_notification").isNull()).as("unknown is written as null").isTrue();
        assertThat(json.get("seed").asLong()).isEqualTo(1234567890123L);
        assertThat(json.get("frames").asInt()).isEqualTo(10);
        assertThat(json.get("shard").toString()).isEqualTo("{\"index\":1,\"count\":3,\"first_frame\":10,\"frames_total\":30}");
        assertThat(json.get("hardware_rendering").asBoolean()).isFalse();
        assertThat(json.get("rendering_device").asText()).startsWith("llvmpipe");
        assertThat(json.get("started_at").asText()).isEqualTo("2025-01-31T12:00:00Z");
    }

    @Test
    void unknownCommitIsWrittenAsNullAndTheOutputIsDeterministic() throws IOException {
        Path first = folder.resolve("a.json");
        Path second = folder.resolve("b.json");

        DatasetMetadataWriter.write(first, metadata(null, "2025-01-31T12:00:00Z"));
        DatasetMetadataWriter.write(second, metadata(null, "2025-01-31T12:00:00Z"));

        assertThat(new ObjectMapper().readTree(first.toFile()).get("git_commit").isNull()).isTrue();
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void whatIsWrittenReadsBackEqual() throws IOException {
        Path file = folder.resolve("dataset.json");
        DatasetMetadata written = metadata("abc123", "2025-01-31T12:00:00Z");
        DatasetMetadata withJpeg = new DatasetMetadata("0.1.0", null, null, null, -5, 0, DatasetShard.whole(0), 8, 6,
                "llvmpipe", false, "jpg", 90, 1, "2025-01-31T12:00:00Z", "2025-01-31T12:00:01Z");

        DatasetMetadataWriter.write(file, written);
        assertThat(DatasetMetadataReader.read(file)).isEqualTo(written);
        DatasetMetadataWriter.write(file, withJpeg);
        assertThat(DatasetMetadataReader.read(file)).isEqualTo(withJpeg);
    }

    @Test
    void theGpuResetNotificationIsWrittenAndReadBack() throws IOException {
        Path file = folder.resolve("dataset.json");
        DatasetMetadata m = metadata("abc123", "2025-01-31T12:00:00Z");
        DatasetMetadata written = new DatasetMetadata(m.synthsceneVersion(), m.gitCommit(), m.sceneFile(), m.sceneSha256(),
                m.seed(), m.frameCount(), m.shard(), m.width(), m.height(), m.renderingDevice(), m.hardwareRendering(),
                m.imageFormat(), m.jpegQuality(), m.msaaSamples(), m.startedAt(), m.finishedAt(), "egl15_lose_context_on_reset");

        DatasetMetadataWriter.write(file, written);

        assertThat(new ObjectMapper().readTree(file.toFile()).get("gpu_reset_notification").asText())
                .isEqualTo("egl15_lose_context_on_reset");
        assertThat(DatasetMetadataReader.read(file)).isEqualTo(written);
    }

    @Test
    void aDatasetJsonWrittenBeforeTheGpuResetNotificationExistedStillReadsWithItUnknown() throws IOException {
        Path file = folder.resolve("dataset.json");
        // dataset.json as this program wrote it before gpu_reset_notification was recorded
        Files.writeString(file, """
                {
                  "synthscene_version" : "0.1.0",
                  "git_commit" : "51aa5b4",
                  "scene_file" : "/data/city.yaml",
                  "scene_sha256" : "ab12",
                  "seed" : 7,
                  "frames" : 2,
                  "shard" : {
                    "index" : 0,
                    "count" : 1,
                    "first_frame" : 0,
                    "frames_total" : 2
                  },
                  "width" : 64,
                  "height" : 48,
                  "rendering_device" : "llvmpipe (LLVM 15.0.6, 256 bits)",
                  "hardware_rendering" : false,
                  "image_format" : "png",
                  "jpeg_quality" : null,
                  "msaa_samples" : 4,
                  "started_at" : "2026-11-26T10:00:00Z",
                  "finished_at" : "2026-11-26T10:00:05Z"
                }
                """);

        DatasetMetadata read = DatasetMetadataReader.read(file);

        assertThat(read.gpuResetNotification()).isNull();
        assertThat(read.frameCount()).isEqualTo(2);
        assertThat(read.renderingDevice()).startsWith("llvmpipe");
    }

    @Test
    void aGpuResetNotificationThatIsNotTextIsRejectedNamingTheKey() throws IOException {
        Path file = folder.resolve("dataset.json");
        DatasetMetadataWriter.write(file, metadata(null, "2025-01-31T12:00:00Z"));
        Files.writeString(file, Files.readString(file).replace("\"gpu_reset_notification\" : null", "\"gpu_reset_notification\" : 3"));
        assertThatThrownBy(() -> DatasetMetadataReader.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("gpu_reset_notification is not a string: 3");
    }

    @Test
    void readingRejectsUnknownAndMissingKeysNamingThem() throws IOException {
        Path file = folder.resolve("dataset.json");
        DatasetMetadataWriter.write(file, metadata(null, "2025-01-31T12:00:00Z"));
        String text = Files.readString(file);

        Files.writeString(file, text.replace("\"seed\"", "\"sead\""));
        assertThatThrownBy(() -> DatasetMetadataReader.read(file)).isInstanceOf(IOException.class).hasMessageContaining("sead");
        Files.writeString(file, text.replace("\"first_frame\" : 10,", ""));
        assertThatThrownBy(() -> DatasetMetadataReader.read(file)).isInstanceOf(IOException.class).hasMessageContaining("first_frame");
    }

    @Test
    void framesThatDoNotFitTheShardAreRejected() {
        assertThatThrownBy(() -> new DatasetMetadata("0.1.0", null, null, null, 1, 11, new DatasetShard(1, 3, 20, 30), 8, 6,
                "llvmpipe", false, "png", null, 1, "2025-01-31T12:00:00Z", "2025-01-31T12:00:01Z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("11 frames from frame 20");
    }

    @Test
    void timeThatIsNotIso8601IsRejected() {
        assertThatThrownBy(() -> metadata(null, "yesterday"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("startedAt").hasMessageContaining("yesterday");
    }
}
