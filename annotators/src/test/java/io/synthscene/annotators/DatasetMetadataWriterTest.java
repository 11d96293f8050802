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
                "image_format", "jpeg_quality", "msaa_samples", "started_at", "finished_at");
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
